import type https from 'node:https';
import { ConnectorError, type AzureTarget, type ConnectorErrorCode } from '../types';
import { probeAuthority } from './authority-probe';

/** Which call failed, so the error can name the RBAC action, the scope and the principal involved. */
export interface AzureCallContext {
  /** Discoverer service, e.g. `azure.ml.computes`. */
  service: string;
  /** REST operation id, e.g. `Compute_List`. */
  operation: string;
  /** RBAC action the call needs, e.g. `Microsoft.MachineLearningServices/workspaces/computes/read`. */
  action: string;
  target: AzureTarget;
}

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  statusCode?: unknown;
  cause?: unknown;
}

/** @azure/identity's errors: the token endpoint refused, or could not be reached. */
const CREDENTIAL_ERRORS = new Set([
  'AuthenticationError',
  'AuthenticationRequiredError',
  'CredentialUnavailableError',
]);
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);
/** OpenSSL verdicts on a certificate chain Node could not verify. */
const TLS_CODES = [
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'CERT_UNTRUSTED',
];
/** What Entra ID's AADSTS codes mean for the person fixing the account. */
const AADSTS_HINTS: Record<string, string> = {
  '7000215': 'the client secret is wrong (use the secret value, not its id)',
  '7000222': 'the client secret has expired',
  '7000216': 'no client secret was sent',
  '700016': 'the application (client id) is not registered in this tenant',
  '90002': 'the tenant does not exist',
  '900023': 'the tenant id is not valid',
  '700024': 'the client assertion is not valid',
  '53003': 'a conditional access policy blocked the sign-in',
};

/**
 * Turns whatever an Azure SDK or @azure/identity call threw into a ConnectorError whose message says what to
 * fix. The client secret never appears: Entra ID does not echo it, and messages are scrubbed anyway.
 */
export function toAzureConnectorError(err: unknown, ctx: AzureCallContext): ConnectorError {
  if (err instanceof ConnectorError) return err;
  const e = (typeof err === 'object' && err !== null ? err : {}) as ErrorLike;
  const name = typeof e.name === 'string' ? e.name : 'Error';
  const text = typeof e.message === 'string' ? e.message : String(err);
  const status = typeof e.statusCode === 'number' ? e.statusCode : undefined;
  const code = typeof e.code === 'string' ? e.code : undefined;
  const c = ctx.target.credentials;
  const who = `client ${c.clientId} in tenant ${c.tenantId}`;
  const endpoint = ctx.target.endpoint ?? 'https://management.azure.com';
  const make = (kind: ConnectorErrorCode, message: string, retryable?: boolean) =>
    new ConnectorError({
      code: kind,
      service: ctx.service,
      operation: ctx.operation,
      message: scrubSecret(message, ctx.target),
      ...(retryable !== undefined && { retryable }),
      cause: err,
    });

  if (name === 'AbortError') return make('Aborted', `${ctx.operation} was cancelled`);
  const blocked = outboundRefusal(err);
  if (blocked) {
    const host = CREDENTIAL_ERRORS.has(name) ? (c.authorityHost ?? 'the Entra ID authority host') : endpoint;
    return make('Unavailable', `${host} is refused by the outbound address policy: ${blocked}`, false);
  }
  const tls = tlsProblem(err);
  if (tls) {
    const host = CREDENTIAL_ERRORS.has(name) ? (c.authorityHost ?? 'the Entra ID authority host') : endpoint;
    return make(
      'Unavailable',
      `The TLS certificate of ${host} is not trusted (${tls}): give the account the CA certificate that signed it`,
      false,
    );
  }
  if (CREDENTIAL_ERRORS.has(name)) {
    const network = networkCode(err);
    if (network) {
      return make(
        'Unavailable',
        `Could not reach the Entra ID token endpoint ${c.authorityHost ?? 'https://login.microsoftonline.com'} for ${who}: ${network}`,
      );
    }
    const aadsts = /AADSTS(\d+)(?::\s*([^\r\n]*))?/.exec(text);
    if (aadsts) {
      const hint = AADSTS_HINTS[aadsts[1]!];
      const said = (aadsts[2] ?? '').split(/(?<=\.)\s/)[0] ?? '';
      return make(
        'InvalidCredentials',
        `Entra ID refused the credentials of ${who}${hint ? `: ${hint}` : ''} (AADSTS${aadsts[1]}: ${said})`,
        false,
      );
    }
    return make(
      'InvalidCredentials',
      `Entra ID refused the credentials of ${who}: ${firstLine(text)}`,
      false,
    );
  }
  if (status === 401) {
    return make(
      'InvalidCredentials',
      `Azure Resource Manager rejected the token of ${who} for ${ctx.operation} (${code ?? 'Unauthorized'}: ${firstLine(text)})`,
      false,
    );
  }
  if (status === 403) {
    const action = /perform action '([^']+)'/.exec(text)?.[1] ?? ctx.action;
    const scope = /over scope '([^']+)'/.exec(text)?.[1] ?? `/subscriptions/${ctx.target.subscriptionId}`;
    return make(
      'AccessDenied',
      `The service principal (${who}) lacks ${action} on ${scope}: assign it a role that grants it (Azure said: ${code ?? 'Forbidden'}: ${firstLine(text)})`,
      false,
    );
  }
  if (status === 404 && code === 'SubscriptionNotFound') {
    return make(
      'AccessDenied',
      `Subscription ${ctx.target.subscriptionId} was not found for ${who}: check the subscription id and that the service principal has a role on it`,
      false,
    );
  }
  if (status === 429) {
    return make(
      'Throttled',
      `Azure throttled ${ctx.operation} (${code ?? 'TooManyRequests'}: ${firstLine(text)}); retry later`,
    );
  }
  const network = networkCode(err);
  if (network) return make('Unavailable', `Could not reach ${endpoint} for ${ctx.operation}: ${network}`);
  if (status !== undefined && status >= 500) {
    return make(
      'Unavailable',
      `Azure failed ${ctx.operation}: ${status} ${code ?? ''}: ${firstLine(text)}`.replace(' :', ':'),
    );
  }
  return make(
    'Unknown',
    `${ctx.operation} failed: ${status ?? name}${code ? ` ${code}` : ''}: ${firstLine(text)}`,
    false,
  );
}

/**
 * As toAzureConnectorError, but when @azure/identity hides why the token endpoint failed (MSAL's
 * `endpoints_resolution_error`), asks the authority host again to find out (see probeAuthority).
 */
export async function explainAzureError(
  err: unknown,
  ctx: AzureCallContext,
  agent: https.Agent,
): Promise<ConnectorError> {
  const e = err as ErrorLike | undefined;
  const text = typeof e?.message === 'string' ? e.message : '';
  if (typeof e?.name === 'string' && CREDENTIAL_ERRORS.has(e.name) && !/AADSTS\d+/.test(text)) {
    const found = await probeAuthority(ctx.target, agent);
    if (found) return toAzureConnectorError(found, ctx);
  }
  return toAzureConnectorError(err, ctx);
}

/** A resource that no longer exists (a parent deleted while its children were being listed). */
export function isNotFound(err: unknown): boolean {
  const e = err as ErrorLike | undefined;
  return (
    e?.statusCode === 404 &&
    (e.code === 'ResourceNotFound' || e.code === 'ParentResourceNotFound' || e.code === 'NotFound')
  );
}

/** The OpenSSL verdict when the chain could not be verified, searched through the error's causes. */
function tlsProblem(err: unknown): string | undefined {
  const chain = causes(err);
  for (const e of chain) {
    if (typeof e.code === 'string' && TLS_CODES.includes(e.code)) return e.code;
  }
  for (const e of chain) {
    const text = typeof e.message === 'string' ? e.message : '';
    const found = TLS_CODES.find((c) => text.includes(c)) ?? /self[- ]signed certificate/i.exec(text)?.[0];
    if (found) return found;
  }
  return undefined;
}

/** The SSRF guard's reason when it refused the address a host resolved to. */
function outboundRefusal(err: unknown): string | undefined {
  for (const e of causes(err)) {
    if (e.name === 'OutboundBlockedError' || e.code === 'ERR_OUTBOUND_BLOCKED') {
      return typeof e.message === 'string' ? firstLine(e.message) : 'blocked';
    }
  }
  return undefined;
}

function networkCode(err: unknown): string | undefined {
  for (const e of causes(err)) {
    const code = typeof e.code === 'string' ? e.code : '';
    if (NETWORK_CODES.has(code)) return code;
    const text = typeof e.message === 'string' ? e.message : '';
    const inText = [...NETWORK_CODES].find((c) => text.includes(c));
    if (inText) return inText;
  }
  return undefined;
}

function causes(err: unknown): ErrorLike[] {
  const out: ErrorLike[] = [];
  let e: unknown = err;
  for (let depth = 0; depth < 5 && typeof e === 'object' && e !== null; depth++) {
    out.push(e as ErrorLike);
    e = (e as ErrorLike).cause;
  }
  return out;
}

function firstLine(text: string): string {
  return text.split(/\r?\n/)[0]!.slice(0, 500);
}

function scrubSecret(message: string, target: AzureTarget): string {
  const secret = target.credentials.clientSecret;
  return secret ? message.replaceAll(secret, '[redacted]') : message;
}
