import { createHash, createHmac, randomBytes } from 'node:crypto';
import https from 'node:https';
import { AzureMachineLearningWorkspaces } from '@azure/arm-machinelearning';
import { AuthorizationManagementClient } from '@azure/arm-authorization';
import { CognitiveServicesManagementClient } from '@azure/arm-cognitiveservices';
import { StorageManagementClient } from '@azure/arm-storage';
import { ClientSecretCredential } from '@azure/identity';
import { guardedLookup } from '@aispm/security';
import { secureContextTrusting } from '../trust';
import type { AzureTarget } from '../types';
import { rawCapturePolicy } from './raw-capture';

/** Resource Manager of the public cloud; targets without an endpoint use it. */
export const PUBLIC_ARM_ENDPOINT = 'https://management.azure.com';
/** Entra ID of the public cloud: the only authority host where instance discovery works. */
export const PUBLIC_AUTHORITY_HOST = 'https://login.microsoftonline.com';

/** Enough for every subscription a worker scans concurrently; beyond it the least recently used is dropped. */
const MAX_CACHED_CLIENTS = 256;
// Identifies a secret inside this process only, so cache keys hold no value that could be guessed offline.
const KEY_SALT = randomBytes(32);

/** The SDK clients of one subscription, sharing one credential, one connection pool and one trust store. */
export interface AzureClients {
  endpoint: string;
  credential: ClientSecretCredential;
  ml: AzureMachineLearningWorkspaces;
  cognitive: CognitiveServicesManagementClient;
  storage: StorageManagementClient;
  authorization: AuthorizationManagementClient;
  agent: https.Agent;
}

export interface AzureClientOptions {
  /** SDK attempts per call, retries included; the SDK default (4) when absent. */
  maxAttempts?: number | undefined;
}

const clients = new Map<string, AzureClients>();

/**
 * The SDK clients for a target, built once and reused so connections, tokens and retry budgets are shared by
 * every listing of the subscription. Every connection (ARM and the token endpoint) goes through one https
 * Agent that trusts the public CAs plus the target's CA certificate, and resolves hosts through the SSRF
 * guard when the target has an outbound policy. Nothing global (NODE_TLS_REJECT_UNAUTHORIZED,
 * NODE_EXTRA_CA_CERTS) is touched.
 */
export function azureClientsFor(target: AzureTarget, options: AzureClientOptions = {}): AzureClients {
  const key = azureClientCacheKey(target, options);
  const cached = clients.get(key);
  if (cached) {
    clients.delete(key);
    clients.set(key, cached);
    return cached;
  }
  const endpoint = (target.endpoint ?? PUBLIC_ARM_ENDPOINT).replace(/\/+$/, '');
  const lookup = target.outbound ? guardedLookup(target.outbound) : undefined;
  const agent = new https.Agent({
    keepAlive: true,
    maxSockets: 64,
    ...(target.caCertificate && { secureContext: secureContextTrusting(target.caCertificate) }),
    ...(lookup && { lookup }),
  });
  const retryOptions =
    options.maxAttempts !== undefined ? { maxRetries: Math.max(0, options.maxAttempts - 1) } : undefined;
  const credential = credentialFor(target, agent);
  const common = {
    endpoint,
    agent,
    ...(retryOptions && { retryOptions }),
    additionalPolicies: [{ policy: rawCapturePolicy, position: 'perCall' as const }],
  };
  const built: AzureClients = {
    endpoint,
    credential,
    agent,
    ml: new AzureMachineLearningWorkspaces(credential, target.subscriptionId, common),
    cognitive: new CognitiveServicesManagementClient(credential, target.subscriptionId, common),
    // This client asks for a management.azure.com token whatever the endpoint: ask for the endpoint's own.
    storage: new StorageManagementClient(credential, target.subscriptionId, {
      ...common,
      credentials: { scopes: [`${endpoint}/.default`] },
    }),
    authorization: new AuthorizationManagementClient(credential, target.subscriptionId, common),
  };
  clients.set(key, built);
  if (clients.size > MAX_CACHED_CLIENTS) {
    // Dropped, not destroyed: a discovery may still be using it; its idle sockets do not hold the process.
    clients.delete(clients.keys().next().value!);
  }
  return built;
}

function credentialFor(target: AzureTarget, agent: https.Agent): ClientSecretCredential {
  const c = target.credentials;
  const authorityHost = c.authorityHost?.replace(/\/+$/, '');
  const publicCloud = !authorityHost || authorityHost.toLowerCase() === PUBLIC_AUTHORITY_HOST;
  return new ClientSecretCredential(c.tenantId, c.clientId, c.clientSecret, {
    ...(authorityHost && { authorityHost }),
    // Instance discovery asks the public cloud about the authority, which a private one cannot answer.
    ...(!publicCloud && { disableInstanceDiscovery: true }),
    agent,
  });
}

/**
 * Cache key of a target. The client secret appears only as a salted HMAC and the CA as a hash, so the key is
 * safe to print, while a rotated secret still gets fresh clients.
 */
export function azureClientCacheKey(target: AzureTarget, options: AzureClientOptions = {}): string {
  const c = target.credentials;
  const secretId = createHmac('sha256', KEY_SALT).update(c.clientSecret).digest('hex').slice(0, 16);
  const ca = target.caCertificate
    ? createHash('sha256').update(target.caCertificate).digest('hex').slice(0, 16)
    : 'public-ca';
  return [
    target.subscriptionId,
    target.endpoint ?? 'arm',
    c.authorityHost ?? 'entra',
    c.tenantId,
    c.clientId,
    secretId,
    ca,
    options.maxAttempts ?? 'default',
    // Two policies must not share a client: its agent resolves hosts through one policy's guard.
    target.outbound
      ? `guarded:${target.outbound.allowNonPublic ? 'private' : target.outbound.ranges.map((r) => r.cidr).join(',')}`
      : 'open',
  ].join('|');
}

/** Forgets every cached client and closes their connections (process shutdown, tests). */
export function closeAzureClients(): void {
  for (const c of clients.values()) c.agent.destroy();
  clients.clear();
}
