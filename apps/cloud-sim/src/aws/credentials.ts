import { SIM_ACCOUNT_ID } from '../estate';

/** Demo credentials the simulator accepts with full SageMaker access. Deliberately not shaped like real keys. */
export const SIM_AWS_ACCESS_KEY_ID = 'SIMDEMOACCESSKEY0001';
export const SIM_AWS_SECRET_ACCESS_KEY = 'sim-demo-secret-not-a-real-aws-key';

/** A recognised identity with no SageMaker permission, for testing the access-denied path. */
export const SIM_READONLY_ACCESS_KEY_ID = 'SIMREADONLYNOSM0001';
export const SIM_READONLY_SECRET_ACCESS_KEY = 'sim-readonly-secret-not-a-real-aws-key';

export interface SimIdentity {
  accessKeyId: string;
  secretAccessKey: string;
  /** The caller's ARN as IAM names it in a denial (`user/...`, or `assumed-role/<role>/<session>`). */
  userArn: string;
  /** Whether IAM would allow SageMaker actions for this identity. */
  sagemakerAllowed: boolean;
  /**
   * IAM action prefixes (`iam`, `s3`, `kms`, `ec2`) no policy of this identity allows. Absent: all allowed.
   * STS calls need no identity-based permission (GetCallerIdentity) or are decided by the role's trust policy.
   */
  deniedServices?: readonly string[];
  /** Temporary credentials only: the session token STS issued with them (`x-amz-security-token`). */
  sessionToken?: string;
  /** Temporary credentials only: when they stop working (epoch milliseconds). */
  expiresAtMs?: number;
}

export const SIM_IDENTITIES: readonly SimIdentity[] = [
  {
    accessKeyId: SIM_AWS_ACCESS_KEY_ID,
    secretAccessKey: SIM_AWS_SECRET_ACCESS_KEY,
    userArn: `arn:aws:iam::${SIM_ACCOUNT_ID}:user/sim-demo-scanner`,
    sagemakerAllowed: true,
  },
  {
    accessKeyId: SIM_READONLY_ACCESS_KEY_ID,
    secretAccessKey: SIM_READONLY_SECRET_ACCESS_KEY,
    userArn: `arn:aws:iam::${SIM_ACCOUNT_ID}:user/sim-readonly-auditor`,
    sagemakerAllowed: false,
    deniedServices: ['iam', 's3', 'kms', 'ec2'],
  },
];

/** Headers as node gives them (`req.headersDistinct` or `req.headers`). */
export type RequestHeaders = Record<string, string | string[] | undefined>;

/** Temporary credentials issued by the simulated STS, by access key id. Shared by every simulator of the process. */
const sessions = new Map<string, SimIdentity>();
/** Beyond this many live sessions, expired ones are pruned before a new one is added. */
const PRUNE_AT = 10_000;

/** Makes temporary credentials issued by sts:AssumeRole usable until they expire. */
export function registerSession(identity: SimIdentity & { sessionToken: string; expiresAtMs: number }): void {
  if (sessions.size >= PRUNE_AT) {
    const now = Date.now();
    for (const [key, s] of sessions) if ((s.expiresAtMs ?? 0) <= now) sessions.delete(key);
  }
  sessions.set(identity.accessKeyId, identity);
}

/**
 * The identity of an access key id. Temporary credentials are found only while they are valid and, when the
 * request's headers are given, only with the session token they were issued with (AWS refuses a temporary key
 * without its token). Long-term keys are found whatever the headers say.
 */
export function findIdentity(accessKeyId: string, headers?: RequestHeaders): SimIdentity | undefined {
  const permanent = SIM_IDENTITIES.find((i) => i.accessKeyId === accessKeyId);
  if (permanent) return permanent;
  const session = sessions.get(accessKeyId);
  if (!session) return undefined;
  if ((session.expiresAtMs ?? 0) <= Date.now()) {
    sessions.delete(accessKeyId);
    return undefined;
  }
  if (headers && !sessionTokenMatches(session, headers)) return undefined;
  return session;
}

/** Whether the request carries the session token of temporary credentials; always true for long-term keys. */
export function sessionTokenMatches(identity: SimIdentity, headers: RequestHeaders): boolean {
  if (identity.sessionToken === undefined) return true;
  const sent = headers['x-amz-security-token'];
  const token = Array.isArray(sent) ? sent.join(',') : sent;
  return token === identity.sessionToken;
}

/** Whether IAM would allow `<service>:<Action>` for the identity (the simulator grants by service prefix). */
export function isAllowed(identity: SimIdentity, action: string): boolean {
  const prefix = action.split(':')[0]!;
  if (prefix === 'sagemaker') return identity.sagemakerAllowed;
  return !(identity.deniedServices ?? []).includes(prefix);
}
