import { ConnectorError, type AwsTarget, type ConnectorErrorCode } from '../types';

/** Which call failed, so the error can name the permission, region and key involved. */
export interface AwsCallContext {
  /** Discoverer service, e.g. `sagemaker.notebooks`. */
  service: string;
  /** IAM action prefix, e.g. `sagemaker`. */
  iamPrefix: string;
  /** API operation, e.g. `ListNotebookInstances`. */
  operation: string;
  target: AwsTarget;
}

const ACCESS_DENIED = new Set([
  'AccessDeniedException',
  'AccessDenied',
  'UnauthorizedOperation',
  'AuthorizationError',
]);
const UNKNOWN_KEY = new Set([
  'UnrecognizedClientException',
  'InvalidClientTokenId',
  'InvalidAccessKeyId',
  'AuthFailure',
]);
const BAD_SIGNATURE = new Set(['InvalidSignatureException', 'SignatureDoesNotMatch']);
const EXPIRED = new Set(['ExpiredTokenException', 'ExpiredToken', 'RequestExpired', 'TokenRefreshRequired']);
const MALFORMED_AUTH = new Set(['IncompleteSignatureException', 'MissingAuthenticationTokenException']);
const THROTTLED = new Set([
  'ThrottlingException',
  'Throttling',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'ProvisionedThroughputExceededException',
  'SlowDown',
]);
const SERVER_FAULTS = new Set([
  'InternalFailure',
  'InternalServerError',
  'ServiceUnavailable',
  'ServiceUnavailableException',
]);
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'EHOSTUNREACH',
]);

interface SdkErrorLike {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  $fault?: unknown;
  $retryable?: unknown;
  $metadata?: { httpStatusCode?: unknown };
}

/**
 * Turns whatever an AWS SDK call threw into a ConnectorError whose message says what to fix. The secret
 * access key and session token are never part of it: AWS does not echo them, and they are scrubbed anyway.
 */
export function toConnectorError(err: unknown, ctx: AwsCallContext): ConnectorError {
  if (err instanceof ConnectorError) return err;
  const e = (typeof err === 'object' && err !== null ? err : {}) as SdkErrorLike;
  const name = typeof e.name === 'string' ? e.name : 'Error';
  const awsMessage = typeof e.message === 'string' ? e.message : String(err);
  const status = typeof e.$metadata?.httpStatusCode === 'number' ? e.$metadata.httpStatusCode : undefined;
  const c = ctx.target.credentials;
  const key = c.kind === 'access_key' ? maskAccessKeyId(c.accessKeyId) : `the role ${c.roleArn}`;
  const where = `${ctx.operation} in ${ctx.target.region}`;

  const make = (code: ConnectorErrorCode, message: string, retryable?: boolean) =>
    new ConnectorError({
      code,
      service: ctx.service,
      operation: ctx.operation,
      message: scrubSecrets(message, ctx.target),
      ...(retryable !== undefined && { retryable }),
      cause: err,
    });

  if (name === 'AbortError') return make('Aborted', `${where} was cancelled`);
  if (ACCESS_DENIED.has(name)) {
    const permission = deniedAction(awsMessage) ?? `${ctx.iamPrefix}:${ctx.operation}`;
    return make(
      'AccessDenied',
      `The credentials lack ${permission} in ${ctx.target.region} (AWS said: ${awsMessage})`,
    );
  }
  if (UNKNOWN_KEY.has(name))
    return make('InvalidCredentials', `The access key ${key} is not recognised by AWS`);
  if (BAD_SIGNATURE.has(name)) {
    return make('InvalidCredentials', `The secret access key does not match the access key ${key}`);
  }
  if (EXPIRED.has(name))
    return make('InvalidCredentials', `The session credentials of access key ${key} have expired`);
  if (MALFORMED_AUTH.has(name))
    return make('InvalidCredentials', `AWS rejected the request signature: ${awsMessage}`);
  if (THROTTLED.has(name)) return make('Throttled', `AWS throttled ${where} (${awsMessage}); retry later`);
  if (typeof e.code === 'string' && NETWORK_CODES.has(e.code)) {
    return make('Unavailable', `Could not reach ${ctx.target.endpoint ?? 'AWS'} for ${where}: ${e.code}`);
  }
  if (name === 'TimeoutError') return make('Unavailable', `${where} timed out: ${awsMessage}`);
  if (SERVER_FAULTS.has(name) || e.$fault === 'server' || (status !== undefined && status >= 500)) {
    return make('Unavailable', `AWS failed ${where}: ${name}: ${awsMessage}`);
  }
  return make(
    'Unknown',
    `${where} failed: ${name}: ${awsMessage}`,
    e.$retryable !== undefined && e.$retryable !== false,
  );
}

/** First four and last four characters: enough to tell keys apart in a message, not to use one. */
export function maskAccessKeyId(accessKeyId: string): string {
  return accessKeyId.length <= 8 ? '****' : `${accessKeyId.slice(0, 4)}...${accessKeyId.slice(-4)}`;
}

/** The action named in an IAM denial, e.g. `sagemaker:ListNotebookInstances`. */
function deniedAction(message: string): string | undefined {
  return /not authorized to perform:? ([a-z0-9-]+:[A-Za-z0-9*]+)/.exec(message)?.[1];
}

function scrubSecrets(message: string, target: AwsTarget): string {
  let out = message;
  const c = target.credentials;
  const secrets =
    c.kind === 'access_key'
      ? [c.secretAccessKey, c.sessionToken]
      : [c.externalId, c.source?.secretAccessKey, c.source?.sessionToken];
  for (const secret of secrets) {
    if (secret) out = out.replaceAll(secret, '[redacted]');
  }
  return out;
}
