import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash, createHmac, createSign, randomBytes } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import type { TGcpCredentials } from '@aispm/contracts';
import { guardedLookup } from '@aispm/security';
import { JWT, type Credentials, type gaxios } from 'google-auth-library';
import gax from 'google-gax';
import { secureContextTrusting } from '../trust';
import type { GcpTarget } from '../types';
import { TokenExchangeError } from './gcp-error.mapper';

/** The key file of a service account, as stored with the account. */
export type GcpServiceAccountKey = TGcpCredentials['key'];

/** Read-only listings need nothing narrower than cloud-platform: IAM decides what the account may read. */
export const GCP_SCOPE = 'https://www.googleapis.com/auth/cloud-platform';
/** Where Google's own keys send the JWT-bearer grant when the key names no `token_uri`. */
export const GOOGLE_TOKEN_URL = 'https://oauth2.googleapis.com/token';
const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
const TOKEN_LIFETIME_S = 3600;

type GaxFallback = typeof gax.fallback;

/**
 * google-gax whose REST (fallback) mode builds each proto root once per process. Every generated client
 * passes the same parsed protos.json to `protobufFromJSON` and `loadProtoJSON`, which hash the whole 4 MB of
 * JSON on every construction before consulting their cache: measured 340 ms and 11 MB kept per Vertex AI
 * client. Here the root is looked up by the JSON object's identity first. Roots are read-only once built, which
 * is what google-gax's own cache already relies on. Pass it as the clients' second constructor argument.
 */
export const sharedProtoGax: typeof gax = (() => {
  const roots = new WeakMap<object, unknown>();
  const once = <T>(json: object, load: () => T): T => {
    if (roots.has(json)) return roots.get(json) as T;
    const root = load();
    roots.set(json, root);
    return root;
  };
  const fallback = gax.fallback;
  class SharedProtoGrpcClient extends fallback.GrpcClient {
    override loadProtoJSON(
      json: Parameters<GaxFallback['GrpcClient']['prototype']['loadProtoJSON']>[0],
      ignoreCache = false,
    ) {
      return ignoreCache ? super.loadProtoJSON(json, true) : once(json, () => super.loadProtoJSON(json));
    }
  }
  const protobufFromJSON: GaxFallback['protobufFromJSON'] = (json, ignoreCache = false) =>
    ignoreCache ? fallback.protobufFromJSON(json, true) : once(json, () => fallback.protobufFromJSON(json));
  return {
    ...gax,
    fallback: { ...fallback, GrpcClient: SharedProtoGrpcClient, protobufFromJSON },
  } as typeof gax;
})();

/** Receives the raw body of each successful API response made inside `captureRawBodies`. */
const rawSink = new AsyncLocalStorage<string[]>();

/**
 * Runs `call` and returns its result with the raw text of every successful response it received, in order.
 * The Google clients turn proto3 JSON into objects with every absent field filled with its default; a security
 * verdict must rest on what the cloud actually sent, so discoverers read the raw body.
 */
export async function captureRawBodies<T>(call: () => Promise<T>): Promise<{ result: T; bodies: string[] }> {
  const bodies: string[] = [];
  const result = await rawSink.run(bodies, call);
  return { result, bodies };
}

/** The connection of one target: where it sends requests and through which sockets. */
export interface GcpConnection {
  /** `https://host[:port]` or `http://...`: the target's endpoint, or undefined for Google's own. */
  endpoint: URL | undefined;
  agent(url: URL): http.Agent;
}

/**
 * A service-account credential that always exchanges a signed JWT at the key's `token_uri` (RFC 7523), and
 * never falls back to self-signed JWT access tokens (which google-auth-library 10 prefers and which would never
 * reach a private or simulated token endpoint). Every request, token exchange included, goes through the
 * target's agent: the SSRF-guarded DNS lookup and the trusted CA apply to all of them.
 */
export class ServiceAccountJwt extends JWT {
  readonly tokenUri: string;
  private readonly signingKey: string;
  private readonly keyIdentifier: string;

  constructor(key: GcpServiceAccountKey, connection: GcpConnection) {
    super({ email: key.client_email, key: key.private_key, keyId: key.private_key_id, scopes: [GCP_SCOPE] });
    this.tokenUri = key.token_uri ?? GOOGLE_TOKEN_URL;
    this.signingKey = key.private_key;
    this.keyIdentifier = key.private_key_id;
    this.transporter.interceptors.request.add({
      resolved: (config) => {
        // The Google clients pass their own keep-alive agent; ours carries the guard and the CA.
        config.agent = connection.agent(config.url instanceof URL ? config.url : new URL(String(config.url)));
        return Promise.resolve(config);
      },
    });
  }

  /** Always a bearer access token from the token endpoint: the OAuth2Client behaviour, not JWT's self-signing. */
  protected override getRequestMetadataAsync(url?: string | null): Promise<RequestMetadata> {
    const oauth2 = Object.getPrototypeOf(JWT.prototype) as {
      getRequestMetadataAsync(this: JWT, url?: string | null): Promise<RequestMetadata>;
    };
    return oauth2.getRequestMetadataAsync.call(this, url);
  }

  protected override async refreshTokenNoCache(): Promise<GetTokenResponse> {
    const now = Math.floor(Date.now() / 1000);
    const assertion = signJwt(
      { alg: 'RS256', typ: 'JWT', kid: this.keyIdentifier },
      { iss: this.email, scope: GCP_SCOPE, aud: this.tokenUri, iat: now, exp: now + TOKEN_LIFETIME_S },
      this.signingKey,
    );
    let res: gaxios.GaxiosResponse<{ access_token?: string; expires_in?: number }>;
    try {
      res = await this.transporter.request({
        url: this.tokenUri,
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        data: new URLSearchParams({ grant_type: JWT_BEARER, assertion }).toString(),
        responseType: 'json',
        retryConfig: { httpMethodsToRetry: ['POST'] },
      });
    } catch (err) {
      throw tokenExchangeError(err, this.tokenUri);
    }
    const token = res.data.access_token;
    if (!token)
      throw new TokenExchangeError(`${this.tokenUri} answered without an access_token`, 502, undefined);
    const tokens = {
      access_token: token,
      token_type: 'Bearer',
      expiry_date: Date.now() + (res.data.expires_in ?? TOKEN_LIFETIME_S) * 1000,
    };
    this.credentials = { ...tokens, refresh_token: 'jwt-placeholder' };
    return { res, tokens };
  }

  override async fetch<T>(...args: Parameters<JWT['fetch']>): Promise<gaxios.GaxiosResponse<T>> {
    const res = await super.fetch<T>(...args);
    const sink = rawSink.getStore();
    if (!sink) return res;
    // The client reads the body after us: hand it a fresh response over the same bytes.
    const bytes = Buffer.from(await res.arrayBuffer());
    sink.push(bytes.toString('utf8'));
    return Object.assign(new Response(bytes, { status: res.status, headers: res.headers }), {
      config: res.config,
      data: undefined as T,
    }) as gaxios.GaxiosResponse<T>;
  }
}

type RequestMetadata = { headers: Headers; res?: gaxios.GaxiosResponse<void> | null };
type GetTokenResponse = { tokens: Credentials; res: gaxios.GaxiosResponse | null };

/** What the token endpoint said, without the assertion (which is signed with the private key). */
function tokenExchangeError(err: unknown, tokenUri: string): TokenExchangeError {
  const e = err as { response?: { status?: unknown; data?: unknown }; code?: unknown; message?: unknown };
  const status = typeof e.response?.status === 'number' ? e.response.status : undefined;
  const data = (e.response?.data ?? {}) as { error?: unknown; error_description?: unknown };
  const oauthError = typeof data.error === 'string' ? data.error : undefined;
  const description = typeof data.error_description === 'string' ? data.error_description : undefined;
  const what =
    status === undefined
      ? `${tokenUri} could not be reached (${typeof e.code === 'string' ? e.code : String(e.message)})`
      : `${tokenUri} answered ${status}${oauthError ? ` ${oauthError}` : ''}${description ? `: ${description}` : ''}`;
  return new TokenExchangeError(what, status, oauthError, { cause: err });
}

/** A compact RS256 JWS. */
export function signJwt(header: object, claims: object, privateKeyPem: string): string {
  const encode = (part: object) => Buffer.from(JSON.stringify(part)).toString('base64url');
  const input = `${encode(header)}.${encode(claims)}`;
  const signature = createSign('RSA-SHA256').update(input).sign(privateKeyPem).toString('base64url');
  return `${input}.${signature}`;
}

/** Sockets of one target: keep-alive, SSRF-guarded lookup when the target has a policy, and its CA. */
export function gcpConnection(
  target: Pick<GcpTarget, 'endpoint' | 'outbound' | 'caCertificate'>,
): GcpConnection {
  const lookup = target.outbound ? guardedLookup(target.outbound) : undefined;
  const common = { keepAlive: true, maxSockets: 64, ...(lookup && { lookup }) };
  const httpAgent = new http.Agent(common);
  const httpsAgent = new https.Agent({
    ...common,
    ...(target.caCertificate && { secureContext: secureContextTrusting(target.caCertificate) }),
  });
  return {
    endpoint: target.endpoint ? new URL(target.endpoint) : undefined,
    agent: (url) => (url.protocol === 'http:' ? httpAgent : httpsAgent),
  };
}

/** Closing hooks and the shared credential of a target's clients. */
interface CachedTarget {
  auth: ServiceAccountJwt;
  connection: GcpConnection;
  clients: Map<string, { close?(): unknown }>;
}

/** Enough for every project a worker scans concurrently; beyond it the least recently used is dropped. */
const MAX_CACHED_TARGETS = 128;
// Identifies a secret inside this process only, so cache keys hold no value that could be guessed offline.
const KEY_SALT = randomBytes(32);
const targets = new Map<string, CachedTarget>();

/**
 * The cache entry of a target: one credential (so one token) and one set of sockets shared by every client of
 * the same key, endpoint and network policy. The private key appears in the cache key only as a salted HMAC.
 */
function cachedTarget(target: GcpTarget): CachedTarget {
  const key = gcpCacheKey(target);
  const cached = targets.get(key);
  if (cached) {
    targets.delete(key);
    targets.set(key, cached);
    return cached;
  }
  const connection = gcpConnection(target);
  const entry: CachedTarget = {
    auth: new ServiceAccountJwt(target.credentials.key, connection),
    connection,
    clients: new Map(),
  };
  targets.set(key, entry);
  if (targets.size > MAX_CACHED_TARGETS) targets.delete(targets.keys().next().value!);
  return entry;
}

export function gcpCacheKey(target: GcpTarget): string {
  const k = target.credentials.key;
  const secretId = createHmac('sha256', KEY_SALT).update(k.private_key).digest('hex').slice(0, 16);
  const ca = target.caCertificate
    ? createHash('sha256').update(target.caCertificate).digest('hex').slice(0, 16)
    : '';
  return [
    target.endpoint ?? 'google',
    k.client_email,
    k.private_key_id,
    secretId,
    k.token_uri ?? '',
    ca,
    // The policy itself, not just its presence: a stricter policy must not reuse a laxer one's sockets.
    target.outbound
      ? `guarded:${target.outbound.allowNonPublic ? 'private' : ''}:${target.outbound.ranges.map((r) => r.cidr).join(',')}`
      : 'open',
  ].join('|');
}

/** Where a Google client should send requests: the target's endpoint, or Google's host for the API. */
export interface ClientEndpoint {
  apiEndpoint: string;
  port: number;
  protocol: 'http' | 'https';
}

export function clientEndpoint(connection: GcpConnection, googleHost: string): ClientEndpoint {
  const u = connection.endpoint;
  if (!u) return { apiEndpoint: googleHost, port: 443, protocol: 'https' };
  const protocol = u.protocol === 'http:' ? 'http' : 'https';
  return {
    apiEndpoint: u.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: u.port ? Number(u.port) : protocol === 'http' ? 80 : 443,
    protocol,
  };
}

/**
 * A Google client for a target, built once per process (the Vertex AI clients take a noticeable time to
 * construct) and reused by every listing of the same target. `name` tells clients of one class apart (Vertex AI
 * uses one endpoint per location on Google's side).
 */
export function gcpClientFor<C extends { close?(): unknown }>(
  target: GcpTarget,
  name: string,
  build: (ctx: { auth: ServiceAccountJwt; connection: GcpConnection }) => C,
): C {
  const entry = cachedTarget(target);
  let client = entry.clients.get(name) as C | undefined;
  if (!client) {
    client = build(entry);
    entry.clients.set(name, client);
  }
  return client;
}

/** Forgets every cached client and credential (process shutdown, tests). */
export function closeGcpClients(): void {
  for (const entry of targets.values()) {
    for (const client of entry.clients.values())
      void Promise.resolve(client.close?.()).catch(() => undefined);
  }
  targets.clear();
}
