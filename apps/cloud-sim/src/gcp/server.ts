import {
  createServer,
  type IncomingMessage,
  type RequestListener,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { generate } from 'selfsigned';
import { AwsJsonError } from '../aws/aws-json.protocol';
import { applyFaults, type RequestNote } from '../aws/services';
import type { SubServer, SubServerOptions } from '../azure/server';
import type { Estate } from '../estate';
import type { FaultInjector } from '../fault-injector';
import {
  hasPermission,
  simGcpServiceAccountKey,
  TokenError,
  TokenStore,
  type SimGcpAccount,
} from './credentials';
import { toIntEnums, ENUM_FIELDS } from './enums';
import {
  SIM_GCP_PROJECT_ID,
  SIM_GCP_PROJECT_NUMBER,
  VERTEX_KINDS,
  type GcpJson,
  type VertexKind,
} from './estate';
import { VERTEX_LIST_OPERATIONS } from './operations';

const MAX_BODY_BYTES = 64 * 1024;

/** Locations where Vertex AI exists; any other answers 404 (the simulated estate lives in two of them). */
const VERTEX_REGIONS = new Set([
  'us-central1',
  'us-east1',
  'us-east4',
  'us-west1',
  'us-west4',
  'northamerica-northeast1',
  'europe-west1',
  'europe-west2',
  'europe-west3',
  'europe-west4',
  'europe-west9',
  'asia-east1',
  'asia-northeast1',
  'asia-southeast1',
  'australia-southeast1',
]);

/** A Google API error, written as `{error:{code, message, status, details?}}` (Storage: `errors` instead). */
export class GoogleApiError extends Error {
  constructor(
    readonly code: number,
    readonly status: string,
    message: string,
    readonly details?: GcpJson[],
  ) {
    super(message);
  }
}

interface Call {
  url: URL;
  account: { email: string; permissions: ReadonlySet<string> };
  estate: Estate;
  faults: FaultInjector;
  note: RequestNote;
  /** The client asked for `$alt=json;enum-encoding=int` (every generated Google client does). */
  intEnums: boolean;
}

/** The Google listener: plain HTTP at `url`, and the same APIs over HTTPS at `httpsUrl` (trust `caCertificate`). */
export interface GcpSubServer extends SubServer {
  httpsUrl: string;
  caCertificate: string;
  tokenUrl: string;
}

/**
 * Google APIs over plain HTTP (the clients' REST transport with `protocol: 'http'`): Vertex AI v1 listings,
 * Notebooks v2 (Workbench instances), Cloud Storage JSON API buckets and their IAM policies, Service Usage, and an
 * OAuth 2.0 token endpoint (`POST /token`, JWT-bearer grant) that issues the bearer tokens every API call needs.
 * The same APIs answer over HTTPS on a second port with a self-signed certificate, to prove CA trust.
 * `GET /_sim/gcp/service-account-key?account=reader|no-access` hands out the demo key files.
 */
export async function startGcpServer(options: SubServerOptions): Promise<GcpSubServer> {
  const tokens = new TokenStore();
  const listener =
    (base: () => string): RequestListener =>
    (req, res) => {
      const started = performance.now();
      const note: RequestNote = { faults: [] };
      if (options.log) {
        const log = options.log;
        res.on('finish', () => {
          const outcome = note.errorType ? `${res.statusCode} ${note.errorType}` : `${res.statusCode}`;
          const faults = note.faults.length > 0 ? ` faults=${note.faults.join(',')}` : '';
          const who = note.accessKeyId ? ` sa=${note.accessKeyId}` : '';
          log(
            `${new Date().toISOString()} gcp ${note.target ?? `${req.method} ${req.url}`}${who} -> ${outcome} ${(performance.now() - started).toFixed(0)}ms${faults}`,
          );
        });
      }
      handle(req, res, { tokens, tokenUrl: `${base()}/token`, options, note }).catch((err: unknown) => {
        const storage = (req.url ?? '').startsWith('/storage/');
        const error =
          err instanceof GoogleApiError
            ? err
            : new GoogleApiError(500, 'INTERNAL', 'Internal error encountered.');
        if (!(err instanceof GoogleApiError)) console.error('cloud-sim: unexpected error', err);
        note.errorType = error.status;
        sendGoogleError(res, error, storage);
      });
    };
  let httpUrl = '';
  let httpsUrl = '';
  const { cert, private: key } = await selfSignedCertificate();
  const server = createServer(listener(() => httpUrl));
  const tlsServer = createHttpsServer(
    { key, cert },
    listener(() => httpsUrl),
  );
  const httpPort = await listen(server, options.port, options.host);
  try {
    httpsUrl = `https://${urlHost(options.host)}:${await listen(tlsServer, 0, options.host)}`;
  } catch (err) {
    await closeServer(server);
    throw err;
  }
  httpUrl = `http://${urlHost(options.host)}:${httpPort}`;
  return {
    url: httpUrl,
    httpsUrl,
    caCertificate: cert,
    tokenUrl: `${httpUrl}/token`,
    close: async () => {
      await Promise.all([closeServer(server), closeServer(tlsServer)]);
    },
  };
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.close((err) => (err ? reject(err) : resolve()));
    server.closeAllConnections();
  });
}

/** A fresh self-signed certificate for 127.0.0.1, ::1 and localhost (EC P-256: fast to generate). */
function selfSignedCertificate() {
  const now = Date.now();
  return generate([{ name: 'commonName', value: '127.0.0.1' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: new Date(now - 60_000),
    notAfterDate: new Date(now + 30 * 86_400_000),
    extensions: [
      { name: 'basicConstraints', cA: true },
      { name: 'keyUsage', digitalSignature: true, keyCertSign: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
          { type: 7, ip: '::1' },
        ],
      },
    ],
  });
}

interface HandleContext {
  tokens: TokenStore;
  tokenUrl: string;
  options: SubServerOptions;
  note: RequestNote;
}

async function handle(req: IncomingMessage, res: ServerResponse, ctx: HandleContext): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://sim.local');
  const { note } = ctx;
  const body = await readBody(req);
  if (req.method === 'POST' && url.pathname === '/token') {
    note.target = 'POST /token';
    issueToken(res, body, ctx);
    return;
  }
  if (req.method === 'GET' && url.pathname === '/_sim/gcp/service-account-key') {
    const account = (url.searchParams.get('account') ?? 'reader') as SimGcpAccount;
    if (account !== 'reader' && account !== 'no-access') {
      throw new GoogleApiError(404, 'NOT_FOUND', `No demo service account '${account}'.`);
    }
    sendJson(res, 200, simGcpServiceAccountKey(ctx.tokenUrl, account));
    return;
  }

  const account = ctx.tokens.identify(req.headers.authorization);
  if (!account) {
    throw new GoogleApiError(
      401,
      'UNAUTHENTICATED',
      'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.',
      [
        {
          '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
          reason: 'ACCESS_TOKEN_TYPE_UNSUPPORTED',
          domain: 'googleapis.com',
        },
      ],
    );
  }
  note.accessKeyId = account.email;
  if (req.method !== 'GET') throw new GoogleApiError(405, 'UNIMPLEMENTED', `${req.method} is not simulated.`);
  const alt = url.searchParams.get('$alt') ?? '';
  const call: Call = {
    url,
    account,
    estate: ctx.options.estate,
    faults: ctx.options.faults,
    note,
    intEnums: alt.includes('enum-encoding=int'),
  };
  const path = url.pathname;
  let m: RegExpExecArray | null;
  if ((m = /^\/v1\/projects\/([^/]+)\/locations\/([^/]+)\/([A-Za-z]+)$/.exec(path))) {
    const kind = m[3]! as VertexKind;
    if (!(VERTEX_KINDS as readonly string[]).includes(kind)) throw notFound(path);
    await listVertex(res, call, decodeURIComponent(m[1]!), decodeURIComponent(m[2]!), kind);
    return;
  }
  if ((m = /^\/v2\/projects\/([^/]+)\/locations\/([^/]+)\/instances$/.exec(path))) {
    await listWorkbench(res, call, decodeURIComponent(m[1]!), decodeURIComponent(m[2]!));
    return;
  }
  if ((m = /^\/v1\/projects\/([^/]+)\/services$/.exec(path))) {
    await listServices(res, call, decodeURIComponent(m[1]!));
    return;
  }
  if (path === '/storage/v1/b') {
    await listBuckets(res, call);
    return;
  }
  if ((m = /^\/storage\/v1\/b\/([^/]+)\/iam$/.exec(path))) {
    await getBucketIam(res, call, decodeURIComponent(m[1]!));
    return;
  }
  throw notFound(path);
}

function issueToken(res: ServerResponse, body: Buffer, ctx: HandleContext): void {
  const form = new URLSearchParams(body.toString('utf8'));
  const send = (status: number, payload: GcpJson) => {
    if (status !== 200) ctx.note.errorType = String(payload.error);
    sendJson(res, status, payload);
  };
  if (form.get('grant_type') !== 'urn:ietf:params:oauth:grant-type:jwt-bearer') {
    send(400, { error: 'unsupported_grant_type', error_description: 'Invalid grant_type.' });
    return;
  }
  const assertion = form.get('assertion');
  if (!assertion) {
    send(400, { error: 'invalid_request', error_description: 'Missing required parameter: assertion' });
    return;
  }
  try {
    send(200, ctx.tokens.exchange(assertion, ctx.tokenUrl));
  } catch (err) {
    if (!(err instanceof TokenError)) throw err;
    send(400, { error: err.error, error_description: err.description });
  }
}

// ---- Vertex AI -------------------------------------------------------------------------------------------

async function listVertex(
  res: ServerResponse,
  call: Call,
  project: string,
  location: string,
  kind: VertexKind,
): Promise<void> {
  const operation = VERTEX_LIST_OPERATIONS[kind];
  const parent = `projects/${project}/locations/${location}`;
  call.note.target = `aiplatform ${operation} ${parent}`;
  call.note.region = location;
  const permission = `aiplatform.${kind}.list`;
  authorize(call, project, permission, `//aiplatform.googleapis.com/${parent}`, 'aiplatform.googleapis.com');
  if (!VERTEX_REGIONS.has(location)) {
    throw new GoogleApiError(404, 'NOT_FOUND', `Location ${parent} is not found or access is unallowed.`);
  }
  const items = call.estate.gcp.vertex[kind][location] ?? [];
  const page = paginate(call, items, `${kind}|${parent}`, { default: 100, max: 1000 });
  await faults(call, 'gcp.vertex', operation, page.number);
  sendJson(res, 200, {
    ...(page.items.length > 0 && { [kind]: page.items.map((r) => encode(call, r, kind)) }),
    ...(page.next && { nextPageToken: page.next }),
  });
}

// ---- Notebooks v2 (Workbench instances) ------------------------------------------------------------------

async function listWorkbench(res: ServerResponse, call: Call, project: string, zone: string): Promise<void> {
  const parent = `projects/${project}/locations/${zone}`;
  call.note.target = `notebooks ListInstances ${parent}`;
  call.note.region = zone;
  authorize(
    call,
    project,
    'notebooks.instances.list',
    `projects/${project}/locations/${zone}`,
    'notebooks.googleapis.com',
  );
  const estate = call.estate.gcp;
  const items = zone === '-' ? estate.workbenchAll : (estate.workbench[zone] ?? []);
  const page = paginate(call, items, `instances|${parent}`, { default: 500, max: 1000 });
  await faults(call, 'gcp.notebooks', 'ListInstances', page.number);
  sendJson(res, 200, {
    ...(page.items.length > 0 && { instances: page.items.map((r) => encode(call, r, 'workbench')) }),
    ...(page.next && { nextPageToken: page.next }),
  });
}

// ---- Service Usage ----------------------------------------------------------------------------------------

async function listServices(res: ServerResponse, call: Call, project: string): Promise<void> {
  call.note.target = `serviceusage ListServices projects/${project}`;
  authorize(
    call,
    project,
    'serviceusage.services.list',
    `projects/${project}`,
    'serviceusage.googleapis.com',
  );
  const filter = call.url.searchParams.get('filter') ?? '';
  const state = /^state:(ENABLED|DISABLED)$/.exec(filter.trim())?.[1];
  if (filter.trim() !== '' && !state) {
    throw new GoogleApiError(400, 'INVALID_ARGUMENT', `Invalid filter: ${filter}`);
  }
  const services = call.estate.gcp.services;
  const items = state ? services.filter((s) => s.state === state) : services;
  const page = paginate(call, items, `services|${project}|${filter}`, { default: 50, max: 200 });
  await faults(call, 'gcp.serviceusage', 'ListServices', page.number);
  sendJson(res, 200, {
    ...(page.items.length > 0 && { services: page.items.map((r) => encode(call, r, 'services')) }),
    ...(page.next && { nextPageToken: page.next }),
  });
}

// ---- Cloud Storage JSON API -------------------------------------------------------------------------------

async function listBuckets(res: ServerResponse, call: Call): Promise<void> {
  const project = call.url.searchParams.get('project') ?? '';
  call.note.target = `storage ListBuckets project=${project}`;
  if (!project) throw new GoogleApiError(400, 'INVALID_ARGUMENT', 'Required parameter: project');
  if (!isSimProject(project) || !hasPermission(call.account, 'storage.buckets.list')) {
    throw new GoogleApiError(
      403,
      'PERMISSION_DENIED',
      `${call.account.email} does not have storage.buckets.list access to the Google Cloud project. Permission 'storage.buckets.list' denied on resource (or it may not exist).`,
    );
  }
  const page = paginate(call, call.estate.gcp.buckets, `buckets|${project}`, {
    default: 1000,
    max: 1000,
    sizeParam: 'maxResults',
  });
  await faults(call, 'gcp.storage', 'ListBuckets', page.number);
  sendJson(res, 200, {
    kind: 'storage#buckets',
    ...(page.next && { nextPageToken: page.next }),
    ...(page.items.length > 0 && { items: page.items }),
  });
}

async function getBucketIam(res: ServerResponse, call: Call, bucket: string): Promise<void> {
  call.note.target = `storage GetBucketIamPolicy ${bucket}`;
  if (!hasPermission(call.account, 'storage.buckets.getIamPolicy')) {
    // Google answers 403 for a bucket the caller may not read, whether or not it exists.
    throw new GoogleApiError(
      403,
      'PERMISSION_DENIED',
      `${call.account.email} does not have storage.buckets.getIamPolicy access to the Google Cloud Storage bucket. Permission 'storage.buckets.getIamPolicy' denied on resource (or it may not exist).`,
    );
  }
  await faults(call, 'gcp.storage', 'GetBucketIamPolicy', undefined);
  const policy = call.estate.gcp.bucketIam.get(bucket);
  if (!policy) throw new GoogleApiError(404, 'NOT_FOUND', 'The specified bucket does not exist.');
  sendJson(res, 200, policy);
}

// ---- shared -----------------------------------------------------------------------------------------------

function isSimProject(project: string): boolean {
  return project === SIM_GCP_PROJECT_ID || project === SIM_GCP_PROJECT_NUMBER;
}

/**
 * The project must be the simulated one and the caller must hold the permission; Google answers both cases
 * with the same 403, naming the permission and the resource.
 */
function authorize(call: Call, project: string, permission: string, resource: string, domain: string): void {
  if (isSimProject(project) && hasPermission(call.account, permission)) return;
  throw new GoogleApiError(
    403,
    'PERMISSION_DENIED',
    `Permission '${permission}' denied on resource '${resource}' (or it may not exist).`,
    [
      {
        '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
        reason: 'IAM_PERMISSION_DENIED',
        domain: 'iam.googleapis.com',
        metadata: { permission, resource, service: domain },
      },
    ],
  );
}

interface Page {
  items: GcpJson[];
  next?: string;
  /** 1-based, for fail-page faults. */
  number: number;
}

/**
 * Offset paging. The token is opaque to clients and bound to the listing (collection, parent and filter): a
 * token from another listing is refused, as Google does.
 */
function paginate(
  call: Call,
  items: readonly GcpJson[],
  listing: string,
  limits: { default: number; max: number; sizeParam?: string },
): Page {
  const raw = call.url.searchParams.get(limits.sizeParam ?? 'pageSize');
  const asked = raw === null || raw === '' ? 0 : Number(raw);
  if (!Number.isInteger(asked) || asked < 0) {
    throw new GoogleApiError(400, 'INVALID_ARGUMENT', `Invalid page size: ${raw}`);
  }
  const size = asked === 0 ? limits.default : Math.min(asked, limits.max);
  const token = call.url.searchParams.get('pageToken');
  let offset = 0;
  let number = 1;
  if (token) {
    const decoded = decodeToken(token);
    if (!decoded || decoded.l !== listing) {
      throw new GoogleApiError(400, 'INVALID_ARGUMENT', 'Invalid page token.');
    }
    offset = decoded.o;
    number = decoded.p;
  }
  const slice = items.slice(offset, offset + size);
  const end = offset + slice.length;
  return {
    items: slice,
    number,
    ...(end < items.length && { next: encodeToken({ l: listing, o: end, p: number + 1 }) }),
  };
}

interface PageTokenBody {
  l: string;
  o: number;
  p: number;
}

function encodeToken(t: PageTokenBody): string {
  return Buffer.from(JSON.stringify(t)).toString('base64url');
}

function decodeToken(token: string): PageTokenBody | null {
  try {
    const t = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as Partial<PageTokenBody>;
    return typeof t.l === 'string' && Number.isInteger(t.o) && Number.isInteger(t.p)
      ? { l: t.l, o: t.o!, p: t.p! }
      : null;
  } catch {
    return null;
  }
}

/** Applies injected faults in Google's words: throttling is 429 RESOURCE_EXHAUSTED, the rest 500 INTERNAL. */
async function faults(
  call: Call,
  service: string,
  operation: string,
  page: number | undefined,
): Promise<void> {
  try {
    await applyFaults(call, service, operation, page);
  } catch (err) {
    if (!(err instanceof AwsJsonError)) throw err;
    if (err.type === 'ThrottlingException') {
      throw new GoogleApiError(
        429,
        'RESOURCE_EXHAUSTED',
        `Quota exceeded for quota metric 'Read requests' and limit 'Read requests per minute' of service '${service.replace('gcp.', '')}.googleapis.com' for consumer 'project_number:${SIM_GCP_PROJECT_NUMBER}'.`,
      );
    }
    throw new GoogleApiError(500, 'INTERNAL', 'Internal error encountered.');
  }
}

function encode(call: Call, resource: GcpJson, table: keyof typeof ENUM_FIELDS): GcpJson {
  return call.intEnums ? toIntEnums(resource, ENUM_FIELDS[table]) : resource;
}

function notFound(path: string): GoogleApiError {
  return new GoogleApiError(404, 'NOT_FOUND', `The requested URL ${path} was not found on this server.`);
}

function sendGoogleError(res: ServerResponse, err: GoogleApiError, storage: boolean): void {
  const body = storage
    ? {
        error: {
          code: err.code,
          message: err.message,
          errors: [{ message: err.message, domain: 'global', reason: storageReason(err.code) }],
        },
      }
    : {
        error: {
          code: err.code,
          message: err.message,
          status: err.status,
          ...(err.details && { details: err.details }),
        },
      };
  sendJson(
    res,
    err.code,
    body,
    err.code === 401 ? { 'WWW-Authenticate': 'Bearer realm="https://accounts.google.com/"' } : {},
  );
}

function storageReason(code: number): string {
  return (
    { 400: 'invalid', 401: 'required', 403: 'forbidden', 404: 'notFound', 429: 'rateLimitExceeded' }[code] ??
    'backendError'
  );
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new GoogleApiError(413, 'INVALID_ARGUMENT', 'Request body too large.');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=UTF-8',
    'Content-Length': Buffer.byteLength(payload),
    ...headers,
  });
  res.end(payload);
}

function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}
