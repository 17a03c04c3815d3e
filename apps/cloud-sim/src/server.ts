import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  AWS_JSON_CONTENT_TYPE,
  AwsJsonError,
  sendAwsJson,
  sendAwsJsonError,
  serializationError,
} from './aws/aws-json.protocol';
import { findIdentity } from './aws/credentials';
import {
  deniedResourceArn,
  handleSageMaker,
  isSageMakerOperation,
  requestedPage,
  type JsonObject,
} from './aws/sagemaker.handler';
import { parseAuthorization, verifySignature } from './aws/sigv4.verifier';
import { buildEstate, notebooksInRegion, type Estate } from './estate';
import { FaultInjector, type FaultConfig } from './fault-injector';

export interface SimulatorOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Defaults to 127.0.0.1: the simulator is for this machine only. */
  host?: string;
  seed?: number;
  notebooks?: number;
  faults?: FaultConfig;
  /** Receives one line per request; the CLI passes it with --verbose. */
  log?: (line: string) => void;
}

export interface RunningSimulator {
  /** Base URL to give the SDK as `endpoint`. */
  url: string;
  port: number;
  estate: Estate;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1024 * 1024;

/** What the request log records about one request. */
interface RequestNote {
  target?: string;
  region?: string;
  accessKeyId?: string;
  errorType?: string;
  faults: string[];
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const host = options.host ?? '127.0.0.1';
  const estate = buildEstate({ seed: options.seed, notebooks: options.notebooks });
  const faults = new FaultInjector(options.faults ?? [], estate.seed);
  const log = options.log;

  const server = createServer((req, res) => {
    const started = performance.now();
    const note: RequestNote = { faults: [] };
    if (log) {
      res.on('finish', () => log(formatLogLine(req, res, note, performance.now() - started)));
    }
    route(req, res, { estate, faults, note }).catch((err: unknown) => {
      if (err instanceof AwsJsonError) {
        note.errorType = err.type;
        sendAwsJsonError(res, err);
        return;
      }
      console.error('cloud-sim: unexpected error', err);
      note.errorType = 'InternalFailure';
      sendAwsJsonError(res, new AwsJsonError(500, 'InternalFailure', 'The simulator failed unexpectedly.'));
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${urlHost(host)}:${port}`,
    port,
    estate,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        // SDK clients keep idle connections open; close() alone would wait for them to time out.
        server.closeAllConnections();
      }),
  };
}

interface RouteContext {
  estate: Estate;
  faults: FaultInjector;
  note: RequestNote;
}

async function route(req: IncomingMessage, res: ServerResponse, ctx: RouteContext): Promise<void> {
  const path = (req.url ?? '/').split('?')[0];
  if (req.method === 'GET' && path === '/_sim/health') {
    sendJson(res, 200, health(ctx.estate));
    return;
  }
  if (req.method !== 'POST' || path !== '/') {
    sendJson(res, 404, { message: `No route for ${req.method} ${path}: AWS JSON services take POST /` });
    return;
  }
  const { note } = ctx;
  const target = req.headersDistinct['x-amz-target']?.join(',');
  note.target = target;
  const body = await readBody(req);

  // Authentication comes first, as on AWS: an unsigned request learns nothing about operations.
  const auth = parseAuthorization(req.headers.authorization);
  const { accessKeyId, region, service } = auth.credential;
  note.accessKeyId = accessKeyId;
  note.region = region;
  const identity = findIdentity(accessKeyId);
  if (!identity) {
    throw new AwsJsonError(
      400,
      'UnrecognizedClientException',
      'The security token included in the request is invalid.',
    );
  }
  if (service !== 'sagemaker') {
    throw new AwsJsonError(
      400,
      'InvalidSignatureException',
      "Credential should be scoped to correct service: 'sagemaker'.",
    );
  }
  verifySignature(
    { method: 'POST', url: req.url ?? '/', headers: req.headersDistinct, body },
    auth,
    identity.secretAccessKey,
  );

  const op = target?.startsWith('SageMaker.') ? target.slice('SageMaker.'.length) : '';
  if (!isSageMakerOperation(op)) {
    throw new AwsJsonError(
      400,
      'UnknownOperationException',
      `Unknown operation ${target ?? '(no X-Amz-Target)'}`,
    );
  }
  const contentType = req.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
  if (contentType !== AWS_JSON_CONTENT_TYPE) {
    throw serializationError(`Expected Content-Type ${AWS_JSON_CONTENT_TYPE}, got ${contentType ?? 'none'}`);
  }
  const input = parseJsonObject(body);

  if (!identity.sagemakerAllowed) {
    const action = `sagemaker:${op}`;
    throw new AwsJsonError(
      400,
      'AccessDeniedException',
      `User: ${identity.userArn} is not authorized to perform: ${action} on resource: ${deniedResourceArn(op, input, region)} ` +
        `because no identity-based policy allows the ${action} action`,
    );
  }

  const decision = ctx.faults.decide('sagemaker', op, requestedPage(op, input));
  note.faults = decision.fired;
  if (decision.latencyMs > 0) await sleep(decision.latencyMs);
  if (decision.error) throw decision.error;

  sendAwsJson(res, 200, handleSageMaker(op, input, { estate: ctx.estate, region }));
}

function health(estate: Estate): JsonObject {
  return {
    status: 'ok',
    seed: estate.seed,
    accountId: estate.accountId,
    notebooks: Object.fromEntries(estate.regions.map((r) => [r, notebooksInRegion(estate, r).length])),
  };
}

function parseJsonObject(body: Buffer): JsonObject {
  // The SDK sends `{}` for an operation without input; an empty body is taken the same way.
  if (body.length === 0) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    throw serializationError('Malformed JSON in the request body');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw serializationError('The request body must be a JSON object');
  }
  return parsed as JsonObject;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw serializationError(`Request body larger than ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) });
  res.end(payload);
}

function formatLogLine(req: IncomingMessage, res: ServerResponse, note: RequestNote, ms: number): string {
  const what = note.target ?? `${req.method} ${req.url}`;
  const outcome = note.errorType ? `${res.statusCode} ${note.errorType}` : `${res.statusCode}`;
  const faults = note.faults.length > 0 ? ` faults=${note.faults.join(',')}` : '';
  const who = note.accessKeyId ? ` key=${note.accessKeyId}` : '';
  return `${new Date().toISOString()} ${what} region=${note.region ?? '-'}${who} -> ${outcome} ${ms.toFixed(0)}ms${faults}`;
}

function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}
