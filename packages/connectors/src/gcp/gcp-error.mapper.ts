import { ConnectorError, type ConnectorErrorCode, type GcpTarget } from '../types';

/** Which call failed, so the error can name the permission, project and location involved. */
export interface GcpCallContext {
  /** Discoverer service, e.g. `vertex.endpoints`. */
  service: string;
  /** API method, e.g. `ListEndpoints`. */
  operation: string;
  /** The Google IAM permission the call needs, e.g. `aiplatform.endpoints.list`. */
  permission: string;
  target: GcpTarget;
  /** Location the call was about (Vertex location, zone); the project when absent. */
  where?: string;
}

/** The token endpoint refused the key or could not be reached; thrown by the credential, mapped here. */
export class TokenExchangeError extends Error {
  override readonly name = 'TokenExchangeError';
  constructor(
    message: string,
    /** HTTP status of the token endpoint's answer; undefined when it never answered. */
    readonly status: number | undefined,
    /** The OAuth 2.0 `error` code, e.g. `invalid_grant`. */
    readonly oauthError: string | undefined,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** A Google API error body: `{error: {code, message, status, details}}` (Storage: `errors` instead of details). */
export interface GoogleErrorBody {
  code?: number;
  message?: string;
  status?: string;
  details?: { '@type'?: string; reason?: string; metadata?: Record<string, string> }[];
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'EHOSTUNREACH',
  'UND_ERR_SOCKET',
]);
const TLS_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);
/** gRPC status codes gax may surface (REST errors carry HTTP statuses instead). */
const GRPC_TO_HTTP: Record<number, number> = { 4: 504, 5: 404, 7: 403, 8: 429, 13: 500, 14: 503, 16: 401 };

/** The HTTP status of a Google client error: GaxiosError/ApiError `code` or `status`, or a gRPC code. */
export function httpStatusOf(err: unknown): number | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const e = err as { code?: unknown; status?: unknown; response?: { status?: unknown } };
  if (typeof e.response?.status === 'number') return e.response.status;
  if (typeof e.status === 'number' && e.status >= 100) return e.status;
  if (typeof e.code === 'number') return e.code >= 100 ? e.code : GRPC_TO_HTTP[e.code];
  if (typeof e.code === 'string' && /^\d{3}$/.test(e.code)) return Number(e.code);
  return undefined;
}

/** The Google error body carried by a client error, wherever the client put it. */
export function googleErrorOf(err: unknown): GoogleErrorBody | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const e = err as { message?: unknown; response?: { data?: unknown }; errors?: unknown };
  const fromData = e.response?.data;
  const candidates: unknown[] = [fromData];
  if (typeof fromData === 'string') candidates.push(parseJson(fromData));
  if (typeof e.message === 'string') candidates.push(parseJson(e.message));
  for (const c of candidates) {
    const body = (c as { error?: unknown } | undefined)?.error;
    if (typeof body === 'object' && body !== null) return body as GoogleErrorBody;
  }
  // Storage's ApiError keeps the message and status on the error itself.
  if (typeof e.message === 'string' && httpStatusOf(err) !== undefined) return { message: e.message };
  return undefined;
}

/** The permission Google names in a denial, from ErrorInfo metadata or the message. */
export function deniedPermission(body: GoogleErrorBody | undefined): string | undefined {
  const fromDetails = body?.details?.find((d) => d.metadata?.permission)?.metadata?.permission;
  if (fromDetails) return fromDetails;
  return (
    /Permission '([a-zA-Z0-9_.]+)' denied/.exec(body?.message ?? '')?.[1] ??
    /does not have ([a-z0-9]+\.[a-zA-Z0-9_.]+) access/.exec(body?.message ?? '')?.[1]
  );
}

/** Whether a Google client error is a 404 (the resource or its parent no longer exists). */
export function isNotFound(err: unknown): boolean {
  return httpStatusOf(err) === 404;
}

/**
 * Turns whatever a Google client call threw into a ConnectorError whose message says what to fix. The private
 * key never appears: Google does not echo it, and nothing here reads it.
 */
export function toGcpConnectorError(err: unknown, ctx: GcpCallContext): ConnectorError {
  if (err instanceof ConnectorError) return err;
  const key = ctx.target.credentials.key;
  const where = `${ctx.operation} in project ${ctx.target.projectId}${ctx.where ? ` (${ctx.where})` : ''}`;
  const make = (code: ConnectorErrorCode, message: string, retryable?: boolean) =>
    new ConnectorError({
      code,
      service: ctx.service,
      operation: ctx.operation,
      message: scrub(message, key.private_key),
      ...(retryable !== undefined && { retryable }),
      cause: err,
    });

  if (err instanceof TokenExchangeError) {
    if (err.status === undefined || err.status >= 500) {
      return make('Unavailable', `Could not get an access token for ${key.client_email}: ${err.message}`);
    }
    return make(
      'InvalidCredentials',
      `The token endpoint refused the key ${key.private_key_id} of ${key.client_email}: ${err.message}. ` +
        'Check that the key is current and not disabled.',
    );
  }
  const e = (typeof err === 'object' && err !== null ? err : {}) as {
    name?: unknown;
    code?: unknown;
    message?: unknown;
    cause?: { code?: unknown };
  };
  if (e.name === 'AbortError') return make('Aborted', `${where} was cancelled`);
  const blocked = causes(err).find(
    (c) => c.name === 'OutboundBlockedError' || c.code === 'ERR_OUTBOUND_BLOCKED',
  );
  if (blocked) {
    return make('Unavailable', `${where}: the endpoint is not allowed: ${String(blocked.message)}`, false);
  }
  const status = httpStatusOf(err);
  const body = googleErrorOf(err);
  const googleMessage = body?.message ?? (typeof e.message === 'string' ? e.message : String(err));
  const tls = causes(err)
    .map((c) => c.code)
    .find((c): c is string => typeof c === 'string' && TLS_CODES.has(c));
  if (tls) {
    return make(
      'Unavailable',
      `${where}: the TLS certificate of ${ctx.target.endpoint ?? 'Google Cloud'} is not trusted (${tls}); ` +
        'give the CA certificate that issued it',
      false,
    );
  }
  const netCode = causes(err)
    .map((c) => c.code)
    .find((c): c is string => typeof c === 'string' && NETWORK_CODES.has(c));
  if (status === undefined && netCode) {
    return make(
      'Unavailable',
      `Could not reach ${ctx.target.endpoint ?? 'Google Cloud'} for ${where}: ${netCode}`,
    );
  }
  switch (status) {
    case 401:
      return make(
        'InvalidCredentials',
        `Google did not accept the access token of ${key.client_email} for ${where} (Google said: ${googleMessage})`,
      );
    case 403: {
      const permission = deniedPermission(body) ?? ctx.permission;
      return make(
        'AccessDenied',
        `The service account ${key.client_email} lacks ${permission} on project ${ctx.target.projectId}; ` +
          `grant a role that includes it (Google said: ${googleMessage})`,
      );
    }
    case 429:
      return make('Throttled', `Google throttled ${where} (${googleMessage}); retry later`);
    case 404:
      return make('Unknown', `${where} failed: not found (${googleMessage})`, false);
    default:
      if (status !== undefined && status >= 500)
        return make('Unavailable', `Google failed ${where}: ${status} ${googleMessage}`);
      return make(
        'Unknown',
        `${where} failed: ${status ?? String(e.name ?? 'Error')} ${googleMessage}`,
        false,
      );
  }
}

/** The error and its causes, outermost first (clients wrap socket errors two or three deep). */
function causes(err: unknown): { name?: unknown; code?: unknown; message?: unknown }[] {
  const chain: { name?: unknown; code?: unknown; message?: unknown; cause?: unknown }[] = [];
  let current: unknown = err;
  while (typeof current === 'object' && current !== null && chain.length < 8) {
    const c = current as { name?: unknown; code?: unknown; message?: unknown; cause?: unknown };
    chain.push(c);
    current = c.cause;
  }
  return chain;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function scrub(message: string, privateKey: string): string {
  return privateKey ? message.replaceAll(privateKey, '[redacted]') : message;
}
