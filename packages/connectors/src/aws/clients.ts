import { createHmac, randomBytes } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import { SageMakerClient } from '@aws-sdk/client-sagemaker';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { guardedLookup } from '@aispm/security';
import type { AwsTarget } from '../types';

/** Enough for every account a worker scans concurrently; beyond it the least recently used client is dropped. */
const MAX_CACHED_CLIENTS = 64;
// Identifies a secret inside this process only, so cache keys hold no value that could be guessed offline.
const KEY_SALT = randomBytes(32);

const clients = new Map<string, SageMakerClient>();

export interface ClientOptions {
  /** SDK attempts per call, retries included; the SDK default (3) when absent. */
  maxAttempts?: number | undefined;
}

/**
 * The SageMaker client for a target, built once and reused so its connections and retry budget are shared
 * by every call to the same account, region and endpoint.
 */
export function sageMakerClientFor(target: AwsTarget, options: ClientOptions = {}): SageMakerClient {
  const key = clientCacheKey(target, options);
  const cached = clients.get(key);
  if (cached) {
    // Re-insert to mark it most recently used.
    clients.delete(key);
    clients.set(key, cached);
    return cached;
  }
  const { accessKeyId, secretAccessKey, sessionToken } = target.credentials;
  const client = new SageMakerClient({
    region: target.region,
    ...(target.endpoint && { endpoint: target.endpoint }),
    credentials: { accessKeyId, secretAccessKey, ...(sessionToken && { sessionToken }) },
    ...(options.maxAttempts !== undefined && { maxAttempts: options.maxAttempts }),
    requestHandler: requestHandlerFor(target),
  });
  clients.set(key, client);
  if (clients.size > MAX_CACHED_CLIENTS) {
    // Dropped, not destroyed: a discovery may still be using it, and its idle sockets do not hold the process.
    clients.delete(clients.keys().next().value!);
  }
  return client;
}

// Without timeouts an unreachable endpoint would hold a scan task until the OS gives up.
const TIMEOUTS = { connectionTimeout: 10_000, requestTimeout: 60_000 };

function requestHandlerFor(target: AwsTarget) {
  if (!target.outbound) return TIMEOUTS;
  const lookup = guardedLookup(target.outbound);
  return new NodeHttpHandler({
    ...TIMEOUTS,
    httpAgent: new http.Agent({ keepAlive: true, lookup }),
    httpsAgent: new https.Agent({ keepAlive: true, lookup }),
  });
}

/**
 * Cache key of a target. The secret and session token appear only as a salted HMAC, so the key is safe to
 * print, while a rotated secret still gets a fresh client.
 */
export function clientCacheKey(target: AwsTarget, options: ClientOptions = {}): string {
  const { accessKeyId, secretAccessKey, sessionToken } = target.credentials;
  const secretId = createHmac('sha256', KEY_SALT)
    .update(`${secretAccessKey}\0${sessionToken ?? ''}`)
    .digest('hex')
    .slice(0, 16);
  return [
    target.region,
    target.endpoint ?? 'aws',
    accessKeyId,
    secretId,
    options.maxAttempts ?? 'default',
    target.outbound ? 'guarded' : 'open',
  ].join('|');
}

/** Destroys every cached client (process shutdown, tests). */
export function closeAwsClients(): void {
  for (const client of clients.values()) client.destroy();
  clients.clear();
}
