import { randomBytes } from 'node:crypto';
import { AwsJsonError } from '../aws-json.protocol';
import { registerSession } from '../credentials';
import type { AwsCall } from '../services';
import type { PolicyDocument, SimIamRole } from './estate';
import { linkAwsInfraReferences } from './links';
import { AWS_QUERY_DIALECT, queryService, type QueryOperation } from './query.service';
import { el, isoSeconds, leaf } from './xml.protocol';

export const STS_OPERATIONS = ['GetCallerIdentity', 'AssumeRole'] as const;
const ACCOUNT_ID = '123456789012';
const MIN_DURATION_SECONDS = 900;

const validation = (message: string) => new AwsJsonError(400, 'ValidationError', message);

/** The account of an IAM or STS ARN. */
const accountOf = (arn: string) => arn.split(':')[4] ?? '';

const asArray = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/**
 * Whether the role's trust policy lets `callerArn` assume it with this external id. Enough of IAM's
 * evaluation for trust policies: an Allow statement for sts:AssumeRole naming the caller's ARN (or its
 * account root) as an AWS principal, whose StringEquals conditions on sts:ExternalId hold. An explicit Deny
 * for the caller wins.
 */
export function trustAllows(role: SimIamRole, callerArn: string, externalId: string | null): boolean {
  const statements = asArray(role.trustPolicy.Statement) as PolicyDocument[];
  const applies = (s: PolicyDocument) => {
    const actions = asArray(s.Action);
    if (!actions.includes('sts:AssumeRole') && !actions.includes('sts:*')) return false;
    const principal = s.Principal;
    const aws =
      principal === '*'
        ? ['*']
        : asArray(
            typeof principal === 'object' && principal !== null
              ? (principal as PolicyDocument).AWS
              : undefined,
          );
    return aws.some((p) => p === '*' || p === callerArn || p === `arn:aws:iam::${accountOf(callerArn)}:root`);
  };
  const conditionsHold = (s: PolicyDocument) => {
    const condition = (s.Condition ?? {}) as Record<string, Record<string, unknown>>;
    for (const [operator, keys] of Object.entries(condition)) {
      for (const [key, expected] of Object.entries(keys)) {
        if (key !== 'sts:ExternalId') continue;
        const values = asArray(expected);
        if (operator === 'StringEquals' && !(externalId !== null && values.includes(externalId)))
          return false;
      }
    }
    return true;
  };
  const matching = statements.filter(applies);
  if (matching.some((s) => s.Effect === 'Deny' && conditionsHold(s))) return false;
  return matching.some((s) => s.Effect === 'Allow' && conditionsHold(s));
}

function denied(call: AwsCall, roleArn: string): AwsJsonError {
  return new AwsJsonError(
    403,
    'AccessDenied',
    `User: ${call.identity.userArn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`,
  );
}

const operations: Record<(typeof STS_OPERATIONS)[number], QueryOperation> = {
  GetCallerIdentity: (_params, call) => {
    const arn = call.identity.userArn;
    const userId = arn.includes(':assumed-role/')
      ? `AROA${call.identity.accessKeyId.slice(4, 21)}:${arn.slice(arn.lastIndexOf('/') + 1)}`
      : `AIDA${call.identity.accessKeyId.slice(0, 17)}`;
    return leaf('Arn', arn) + leaf('UserId', userId) + leaf('Account', accountOf(arn));
  },
  AssumeRole: (params, call) => {
    const roleArn = params.get('RoleArn');
    const sessionName = params.get('RoleSessionName');
    if (!roleArn || roleArn.length < 20) {
      throw validation(
        `1 validation error detected: Value '${roleArn ?? 'null'}' at 'roleArn' failed to satisfy constraint: Member must have length greater than or equal to 20`,
      );
    }
    if (!sessionName || !/^[\w+=,.@-]{2,64}$/.test(sessionName)) {
      throw validation(
        `1 validation error detected: Value '${sessionName ?? 'null'}' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*`,
      );
    }
    const externalId = params.get('ExternalId');
    const estate = linkAwsInfraReferences(call.estate);
    const name = roleArn.slice(roleArn.lastIndexOf('/') + 1);
    const role = estate.rolesByName.get(name);
    // AWS answers a role that does not exist exactly like one that does not trust the caller.
    if (!role || role.Arn !== roleArn || !trustAllows(role, call.identity.userArn, externalId)) {
      throw denied(call, roleArn);
    }
    const duration = params.has('DurationSeconds') ? Number(params.get('DurationSeconds')) : 3600;
    if (!Number.isInteger(duration) || duration < MIN_DURATION_SECONDS) {
      throw validation(
        `1 validation error detected: Value '${params.get('DurationSeconds')}' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to ${MIN_DURATION_SECONDS}`,
      );
    }
    if (duration > role.MaxSessionDuration) {
      throw validation(`The requested DurationSeconds exceeds the MaxSessionDuration set for this role.`);
    }
    const accessKeyId = `ASIA${randomBytes(10).toString('hex').toUpperCase().slice(0, 16)}`;
    const secretAccessKey = randomBytes(30).toString('base64');
    const sessionToken = `IQoJb3JpZ2luX2VjE${randomBytes(96).toString('base64')}`;
    const expiresAtMs = Date.now() + duration * 1000;
    const assumedArn = `arn:aws:sts::${ACCOUNT_ID}:assumed-role/${role.RoleName}/${sessionName}`;
    registerSession({
      accessKeyId,
      secretAccessKey,
      sessionToken,
      expiresAtMs,
      userArn: assumedArn,
      sagemakerAllowed: true,
    });
    return (
      el(
        'Credentials',
        leaf('AccessKeyId', accessKeyId),
        leaf('SecretAccessKey', secretAccessKey),
        leaf('SessionToken', sessionToken),
        leaf('Expiration', isoSeconds(expiresAtMs)),
      ) +
      el('AssumedRoleUser', leaf('AssumedRoleId', `${role.RoleId}:${sessionName}`), leaf('Arn', assumedArn)) +
      leaf('PackedPolicySize', 0)
    );
  },
};

/** AWS Security Token Service: awsQuery. AssumeRole is decided by the role's trust policy alone. */
export const stsService = queryService({
  signingName: 'sts',
  faultService: 'sts',
  actionPrefix: 'sts',
  xmlns: 'https://sts.amazonaws.com/doc/2011-06-15/',
  version: '2011-06-15',
  flavour: 'awsQuery',
  dialect: AWS_QUERY_DIALECT,
  operations,
  listingOperations: [],
  noPermissionNeeded: STS_OPERATIONS,
});
