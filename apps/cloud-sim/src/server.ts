import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AwsJsonError, sendAwsJsonError, serializationError } from './aws/aws-json.protocol';
import { bedrockService } from './aws/bedrock/service';
import { findIdentity } from './aws/credentials';
import { awsInfraServices } from './aws/infra/services';
import { sagemakerService } from './aws/sagemaker.service';
import type { AwsService, RequestNote } from './aws/services';
import type { JsonObject } from './aws/sagemaker.handler';
import { parseAuthorization, verifySignature } from './aws/sigv4.verifier';
import { startAzureServer, type SubServer } from './azure/server';
import { buildEstate, notebooksInRegion, type Estate } from './estate';
import { FaultInjector, type FaultConfig } from './fault-injector';
import { startGcpServer, type GcpSubServer } from './gcp/server';
import { loadSimState } from './state';

export interface SimulatorOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Port of the Azure (HTTPS) listener; 0 (the default) picks a free one. */
  azurePort?: number;
  /** Port of the Google Cloud listener; 0 (the default) picks a free one. */
  gcpPort?: number;
  /** Defaults to 127.0.0.1: the simulator is for this machine only. */
  host?: string;
  seed?: number;
  notebooks?: number;
  /** About how many assets across the three clouds (see EstateOptions.assets). */
  assets?: number;
  faults?: FaultConfig;
  /** Receives one line per request; the CLI passes it with --verbose. */
  log?: (line: string) => void;
  /** Keep the Azure certificate and Google demo keys here between runs (see state.ts). */
  stateDir?: string;
}

export interface RunningSimulator {
  /** Base URL to give the AWS SDK as `endpoint`. */
  url: string;
  port: number;
  /** Azure Resource Manager (HTTPS) and its token endpoint, when Azure is simulated. */
  azure: SubServer | null;
  /** Google APIs (HTTP, and HTTPS at httpsUrl) and their token endpoint. */
  gcp: GcpSubServer | null;
  estate: Estate;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1024 * 1024;

/** Every simulated AWS service, by the signing name in the request's SigV4 credential scope. */
const AWS_SERVICES: ReadonlyMap<string, AwsService> = new Map(
  [sagemakerService, bedrockService, ...awsInfraServices].map((s) => [s.signingName, s]),
);

export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const host = options.host ?? '127.0.0.1';
  const estate = buildEstate({ seed: options.seed, notebooks: options.notebooks, assets: options.assets });
  const faults = new FaultInjector(options.faults ?? [], estate.seed);
  const log = options.log;

  const server = createServer((req, res) => {
    const started = performance.now();
    const note: RequestNote = { faults: [] };
    if (log) {
      res.on('finish', () => log(formatLogLine(req, res, note, performance.now() - started)));
    }
    let service: AwsService | undefined;
    route(req, res, { estate, faults, note }, (s) => (service = s)).catch((err: unknown) => {
      const error =
        err instanceof AwsJsonError
          ? err
          : new AwsJsonError(500, 'InternalFailure', 'The simulator failed unexpectedly.');
      if (!(err instanceof AwsJsonError)) console.error('cloud-sim: unexpected error', err);
      note.errorType = error.type;
      (service?.sendError ?? sendAwsJsonError)(res, error);
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
  const closeAws = () =>
    new Promise<void>((resolve, reject) => {
      server.close((err) => (err ? reject(err) : resolve()));
      // SDK clients keep idle connections open; close() alone would wait for them to time out.
      server.closeAllConnections();
    });
  let azure: SubServer | null = null;
  let gcp: GcpSubServer | null = null;
  try {
    const state = options.stateDir ? await loadSimState(options.stateDir) : undefined;
    azure = await startAzureServer({
      host,
      port: options.azurePort ?? 0,
      estate,
      faults,
      log,
      tls: state?.azureTls,
    });
    gcp = await startGcpServer({ host, port: options.gcpPort ?? 0, estate, faults, log });
  } catch (err) {
    await Promise.allSettled([closeAws(), azure?.close()]);
    throw err;
  }
  return {
    url: `http://${urlHost(host)}:${port}`,
    port,
    azure,
    gcp,
    estate,
    close: async () => {
      await Promise.all([closeAws(), azure?.close(), gcp?.close()]);
    },
  };
}

interface RouteContext {
  estate: Estate;
  faults: FaultInjector;
  note: RequestNote;
}

async function route(
  req: IncomingMessage,
  res: ServerResponse,
  ctx: RouteContext,
  claimedBy: (service: AwsService) => void,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://sim.local');
  if (req.method === 'GET' && url.pathname === '/_sim/health') {
    sendJson(res, 200, health(ctx.estate));
    return;
  }
  const { note } = ctx;
  const body = await readBody(req);

  // Authentication comes first, as on AWS: an unsigned request learns nothing about operations.
  const auth = parseAuthorization(req.headers.authorization);
  const { accessKeyId, region, service: signingName } = auth.credential;
  note.accessKeyId = accessKeyId;
  note.region = region;
  const service = AWS_SERVICES.get(signingName);
  if (service) claimedBy(service);
  const identity = findIdentity(accessKeyId, req.headersDistinct);
  if (!identity) {
    throw new AwsJsonError(
      400,
      'UnrecognizedClientException',
      'The security token included in the request is invalid.',
    );
  }
  if (!service) {
    throw new AwsJsonError(
      400,
      'InvalidSignatureException',
      `Credential should be scoped to a simulated service (${[...AWS_SERVICES.keys()].join(', ')}), not '${signingName}'.`,
    );
  }
  verifySignature(
    { method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headersDistinct, body },
    auth,
    identity.secretAccessKey,
  );
  note.target ??= `${signingName} ${req.method} ${url.pathname}`;
  await service.handle({
    req,
    res,
    url,
    body,
    region,
    identity,
    estate: ctx.estate,
    faults: ctx.faults,
    note,
  });
}

function health(estate: Estate): JsonObject {
  return {
    status: 'ok',
    seed: estate.seed,
    accountId: estate.accountId,
    notebooks: Object.fromEntries(estate.regions.map((r) => [r, notebooksInRegion(estate, r).length])),
  };
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
