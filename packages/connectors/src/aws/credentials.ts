import { createHmac, randomBytes } from 'node:crypto';
import { AssumeRoleCommand, STSClient, type STSClientConfig } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import type { TAwsCredentials } from '@aispm/contracts';
import { ConnectorError, type AwsTarget } from '../types';
import { maskAccessKeyId, toConnectorError } from './aws-error.mapper';

type AssumeRoleCredentials = Extract<TAwsCredentials, { kind: 'assume_role' }>;

/** The session name every assumed-role call carries, so the customer's CloudTrail shows who called. */
export const ASSUME_ROLE_SESSION_NAME = 'aispm-scan';
/** One hour: AWS's default, and within every role's MaxSessionDuration. */
export const ASSUME_ROLE_DURATION_SECONDS = 3600;
/** A session is renewed this long before it expires (the SDK's own refresh window is the same). */
export const REFRESH_BEFORE_EXPIRY_MS = 5 * 60_000;

export interface AwsCredentialsOptions {
  /**
   * The request handler STS calls go through (the target's, with its timeouts and SSRF guard). clients.ts
   * passes requestHandlerFor(target); when absent it is loaded from clients.ts on first use (a static import
   * would be a cycle: clients.ts imports this module).
   */
  requestHandler?: STSClientConfig['requestHandler'];
}

/**
 * The credentials an SDK client of the target signs with. Access keys are used as stored. An assume-role
 * account gets a provider that calls sts:AssumeRole with the external id, shares the session with every client
 * of the same role, and renews it 5 minutes before it expires.
 */
export function awsCredentialsFor(
  target: AwsTarget,
  options: AwsCredentialsOptions = {},
): AwsCredentialIdentity | AwsCredentialIdentityProvider {
  const c = target.credentials;
  if (c.kind === 'access_key') {
    return {
      accessKeyId: c.accessKeyId,
      secretAccessKey: c.secretAccessKey,
      ...(c.sessionToken && { sessionToken: c.sessionToken }),
    };
  }
  return () => assumedSession(target, c, options);
}

interface Session {
  pending: Promise<AwsCredentialIdentity>;
  /** Set once the session arrived. */
  expiration?: Date | undefined;
}

/** Live sessions by role, external id, source identity and endpoint (secrets only as a salted HMAC). */
const sessions = new Map<string, Session>();
const KEY_SALT = randomBytes(32);
const MAX_SESSIONS = 1024;

function sessionKey(target: AwsTarget, c: AssumeRoleCredentials): string {
  const secret = `${c.externalId}\0${c.source?.accessKeyId ?? ''}\0${c.source?.secretAccessKey ?? ''}\0${c.source?.sessionToken ?? ''}`;
  const secretId = createHmac('sha256', KEY_SALT).update(secret).digest('hex').slice(0, 16);
  return [c.roleArn, secretId, target.endpoint ?? 'aws', target.outbound ? 'guarded' : 'open'].join('|');
}

function assumedSession(
  target: AwsTarget,
  c: AssumeRoleCredentials,
  options: AwsCredentialsOptions,
): Promise<AwsCredentialIdentity> {
  const key = sessionKey(target, c);
  const cached = sessions.get(key);
  const fresh =
    cached && (!cached.expiration || cached.expiration.getTime() - Date.now() > REFRESH_BEFORE_EXPIRY_MS);
  if (cached && fresh) return cached.pending;

  const session: Session = { pending: assumeRole(target, c, options) };
  sessions.delete(key);
  sessions.set(key, session);
  if (sessions.size > MAX_SESSIONS) sessions.delete(sessions.keys().next().value!);
  session.pending.then(
    (credentials) => {
      session.expiration = credentials.expiration;
    },
    () => {
      // A failed attempt is not cached: the next call tries again.
      if (sessions.get(key) === session) sessions.delete(key);
    },
  );
  return session.pending;
}

async function assumeRole(
  target: AwsTarget,
  c: AssumeRoleCredentials,
  options: AwsCredentialsOptions,
): Promise<AwsCredentialIdentity> {
  const requestHandler = options.requestHandler ?? (await import('./clients')).requestHandlerFor(target);
  const sts = new STSClient({
    // STS is served in every region; a global task (IAM, S3) calls it in us-east-1.
    region: target.region === 'global' ? 'us-east-1' : target.region,
    ...(target.endpoint && { endpoint: target.endpoint }),
    // Without a source key, the SDK's default chain: environment, shared config, instance profile, IRSA.
    ...(c.source && {
      credentials: {
        accessKeyId: c.source.accessKeyId,
        secretAccessKey: c.source.secretAccessKey,
        ...(c.source.sessionToken && { sessionToken: c.source.sessionToken }),
      },
    }),
    requestHandler,
  });
  try {
    const out = await sts.send(
      new AssumeRoleCommand({
        RoleArn: c.roleArn,
        RoleSessionName: ASSUME_ROLE_SESSION_NAME,
        ExternalId: c.externalId,
        DurationSeconds: ASSUME_ROLE_DURATION_SECONDS,
      }),
    );
    const creds = out.Credentials;
    if (!creds?.AccessKeyId || !creds.SecretAccessKey) {
      throw new ConnectorError({
        code: 'Unknown',
        service: 'sts',
        operation: 'AssumeRole',
        message: `STS answered AssumeRole for ${c.roleArn} without credentials`,
        retryable: true,
      });
    }
    return {
      accessKeyId: creds.AccessKeyId,
      secretAccessKey: creds.SecretAccessKey,
      ...(creds.SessionToken && { sessionToken: creds.SessionToken }),
      ...(creds.Expiration && { expiration: creds.Expiration }),
    };
  } catch (err) {
    throw assumeRoleError(err, target, c);
  }
  // The STS client is not destroyed: its request handler is the target's, shared with the other clients.
}

/** AssumeRole's failure in words that say what to fix; never the external id or a secret. */
function assumeRoleError(err: unknown, target: AwsTarget, c: AssumeRoleCredentials): ConnectorError {
  if (err instanceof ConnectorError) return err;
  const name = (err as { name?: unknown } | null)?.name;
  const make = (code: 'AccessDenied' | 'InvalidCredentials', message: string) =>
    new ConnectorError({
      code,
      service: 'sts',
      operation: 'AssumeRole',
      message,
      retryable: false,
      cause: err,
    });
  if (name === 'AccessDenied' || name === 'AccessDeniedException') {
    return make(
      'AccessDenied',
      `could not assume ${c.roleArn}: check the role's trust policy names our principal and the external id`,
    );
  }
  const source = c.source
    ? `the source access key ${maskAccessKeyId(c.source.accessKeyId)}`
    : "the worker's own AWS credentials";
  if (name === 'InvalidClientTokenId' || name === 'UnrecognizedClientException') {
    return make('InvalidCredentials', `could not assume ${c.roleArn}: ${source} is not recognised by AWS`);
  }
  if (name === 'SignatureDoesNotMatch') {
    return make(
      'InvalidCredentials',
      `could not assume ${c.roleArn}: the secret of ${source} does not match`,
    );
  }
  if (name === 'ExpiredToken' || name === 'ExpiredTokenException') {
    return make('InvalidCredentials', `could not assume ${c.roleArn}: the session of ${source} has expired`);
  }
  if (name === 'CredentialsProviderError') {
    return make(
      'InvalidCredentials',
      `could not assume ${c.roleArn}: no source credentials were found for the worker`,
    );
  }
  // Throttling, network and server failures: the shared mapper, with every secret of the account scrubbed.
  const mapped = toConnectorError(err, { service: 'sts', iamPrefix: 'sts', operation: 'AssumeRole', target });
  return new ConnectorError({
    code: mapped.code,
    service: 'sts',
    operation: 'AssumeRole',
    message: `could not assume ${c.roleArn}: ${scrub(mapped.message, c)}`,
    retryable: mapped.retryable,
    cause: err,
  });
}

function scrub(message: string, c: AssumeRoleCredentials): string {
  let out = message;
  for (const secret of [c.externalId, c.source?.secretAccessKey, c.source?.sessionToken]) {
    if (secret) out = out.replaceAll(secret, '[redacted]');
  }
  return out;
}

/** Forgets every cached session (tests, credential rotation). */
export function clearAssumedRoleSessions(): void {
  sessions.clear();
}
