import { createHmac, randomBytes } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import { SageMakerClient } from '@aws-sdk/client-sagemaker';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { guardedLookup } from '@aispm/security';
import type { AwsTarget } from '../types';
import { awsCredentialsFor } from './credentials';

/** Enough for every account x service a worker scans concurrently; beyond it the least recently used is dropped. */
const MAX_CACHED_CLIENTS = 256;
// Identifies a secret inside this process only, so cache keys hold no value that could be guessed offline.
const KEY_SALT = randomBytes(32);

/** What every AWS SDK v3 client has in common, as far as the cache needs it. */
interface AwsSdkClient {
  destroy(): void;
}

/** The constructor of any AWS SDK v3 client (`SageMakerClient`, `BedrockClient`, `IAMClient`, ...). */
export type AwsClientClass<C extends AwsSdkClient> = new (config: {
  region: string;
  endpoint?: string;
  credentials: ReturnType<typeof awsCredentialsFor>;
  maxAttempts?: number;
  requestHandler: unknown;
  forcePathStyle?: boolean;
}) => C;

const clients = new Map<string, AwsSdkClient>();

export interface ClientOptions {
  /** SDK attempts per call, retries included; the SDK default (3) when absent. */
  maxAttempts?: number | undefined;
  /** S3 only: path-style addressing, needed for custom endpoints (`/bucket/key` instead of `bucket.host`). */
  forcePathStyle?: boolean | undefined;
  /** Region to sign for when the service is global (IAM and STS sign for us-east-1). */
  signingRegion?: string | undefined;
}

/**
 * The SDK client of `Client` for a target, built once and reused so its connections and retry budget are
 * shared by every call to the same account, region and endpoint. Credentials come from awsCredentialsFor: the
 * stored access key, or temporary credentials of an assumed role, refreshed before they expire.
 */
export function awsClientFor<C extends AwsSdkClient>(
  Client: AwsClientClass<C>,
  target: AwsTarget,
  options: ClientOptions = {},
): C {
  const key = `${Client.name}|${clientCacheKey(target, options)}`;
  const cached = clients.get(key);
  if (cached) {
    // Re-insert to mark it most recently used.
    clients.delete(key);
    clients.set(key, cached);
    return cached as C;
  }
  const client = new Client({
    region: options.signingRegion ?? target.region,
    ...(target.endpoint && { endpoint: target.endpoint }),
    credentials: awsCredentialsFor(target, { requestHandler: requestHandlerFor(target) }),
    ...(options.maxAttempts !== undefined && { maxAttempts: options.maxAttempts }),
    ...(options.forcePathStyle !== undefined && { forcePathStyle: options.forcePathStyle }),
    requestHandler: requestHandlerFor(target),
  });
  clients.set(key, client);
  if (clients.size > MAX_CACHED_CLIENTS) {
    // Dropped, not destroyed: a discovery may still be using it, and its idle sockets do not hold the process.
    clients.delete(clients.keys().next().value!);
  }
  return client;
}

/** The SageMaker client for a target (see awsClientFor). */
export function sageMakerClientFor(target: AwsTarget, options: ClientOptions = {}): SageMakerClient {
  return awsClientFor(SageMakerClient as AwsClientClass<SageMakerClient>, target, options);
}

// Without timeouts an unreachable endpoint would hold a scan task until the OS gives up.
const TIMEOUTS = { connectionTimeout: 10_000, requestTimeout: 60_000 };

/** The request handler of every client of a target: timeouts, keep-alive, and the SSRF guard when set. */
export function requestHandlerFor(target: Pick<AwsTarget, 'outbound'>): NodeHttpHandler {
  const lookup = target.outbound ? guardedLookup(target.outbound) : undefined;
  return new NodeHttpHandler({
    ...TIMEOUTS,
    httpAgent: new http.Agent({ keepAlive: true, maxSockets: 64, ...(lookup && { lookup }) }),
    httpsAgent: new https.Agent({ keepAlive: true, maxSockets: 64, ...(lookup && { lookup }) }),
  });
}

/**
 * Cache key of a target. Secrets appear only as a salted HMAC, so the key is safe to print, while a rotated
 * secret still gets a fresh client.
 */
export function clientCacheKey(target: AwsTarget, options: ClientOptions = {}): string {
  const c = target.credentials;
  const [publicPart, secret] =
    c.kind === 'access_key'
      ? [c.accessKeyId, `${c.secretAccessKey}\0${c.sessionToken ?? ''}`]
      : [c.roleArn, `${c.externalId}\0${c.source?.accessKeyId ?? ''}\0${c.source?.secretAccessKey ?? ''}`];
  const secretId = createHmac('sha256', KEY_SALT).update(secret).digest('hex').slice(0, 16);
  return [
    target.region,
    options.signingRegion ?? '',
    target.endpoint ?? 'aws',
    publicPart,
    secretId,
    options.maxAttempts ?? 'default',
    options.forcePathStyle ? 'path' : '',
    target.outbound ? 'guarded' : 'open',
  ].join('|');
}

/** Destroys every cached client (process shutdown, tests). */
export function closeAwsClients(): void {
  for (const client of clients.values()) client.destroy();
  clients.clear();
}
