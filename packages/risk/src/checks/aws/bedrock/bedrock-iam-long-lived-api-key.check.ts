import { defineCheck, has, type CheckResult } from '../../../check';
import { isRecord, pick } from './attributes';

const BEDROCK_SERVICE = 'bedrock.amazonaws.com';
const MAX_LIFETIME_DAYS = 90;
const DAY_MS = 86_400_000;

const KEY_FIELDS = [
  'ServiceSpecificCredentialId',
  'ServiceCredentialAlias',
  'Status',
  'CreateDate',
  'ExpirationDate',
] as const;

function time(value: unknown): number | undefined {
  const ms = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  return Number.isNaN(ms) ? undefined : ms;
}

export const bedrockIamLongLivedApiKey = defineCheck({
  id: 'aws.bedrock.iam.long_lived_api_key',
  title: 'IAM user has an active Bedrock API key that never expires or lives longer than 90 days',
  severity: 'high',
  provider: 'aws',
  assetType: 'aws.iam.user',
  rationale:
    "A Bedrock long-term API key is a bearer secret: whoever holds it calls Bedrock with the user's " +
    'permissions, no signature or session needed. Such keys end up in notebooks, .env files and chat logs; a ' +
    'key without an expiry, or one set to live for months, keeps working long after it leaks, which is how ' +
    "stolen AI credentials are used to run models at the victim's cost. AWS recommends short-term keys, or " +
    'long-term keys with a short expiry for exploration only.',
  reads: [
    'ListServiceSpecificCredentials.ServiceSpecificCredentials.ServiceName',
    'ListServiceSpecificCredentials.ServiceSpecificCredentials.Status',
    'ListServiceSpecificCredentials.ServiceSpecificCredentials.CreateDate',
    'ListServiceSpecificCredentials.ServiceSpecificCredentials.ExpirationDate',
  ],
  remediation: {
    console:
      'IAM console > Users > this user > Security credentials > API keys for Amazon Bedrock: deactivate and ' +
      'delete the long-lived key. Give applications short-term Bedrock API keys (generated from temporary ' +
      'credentials) or IAM roles; if a long-term key is unavoidable, create it with an expiry of 90 days or less ' +
      'and enforce that with an SCP on iam:ServiceSpecificCredentialAgeDays.',
    cli:
      'aws iam update-service-specific-credential --user-name <user> --service-specific-credential-id <id> ' +
      '--status Inactive\naws iam delete-service-specific-credential --user-name <user> ' +
      '--service-specific-credential-id <id>\naws iam create-service-specific-credential --user-name <user> ' +
      '--service-name bedrock.amazonaws.com --credential-age-days 30',
    terraform:
      'resource "aws_iam_service_specific_credential" "bedrock" {\n  service_name        = "bedrock.amazonaws.com"\n' +
      '  user_name           = aws_iam_user.this.name\n  credential_age_days = 30\n}',
  },
  controls: [
    { ref: 'mitre-atlas@5.6.0:AML.T0055', relationship: 'intersects-with' },
    { ref: 'mitre-atlas@5.6.0:AML.T0034', relationship: 'intersects-with' },
    { ref: 'owasp-llm@2025:LLM10', relationship: 'intersects-with' },
    { ref: 'nist-ai-600-1@2024:GAI-2.9', relationship: 'intersects-with' },
    { ref: 'nist-ai-rmf@1.0:MEASURE 2.7', relationship: 'subset-of' },
    { ref: 'iso-42001@2023:A.4.5', relationship: 'intersects-with' },
    { ref: 'eu-ai-act@2024:Art. 15', relationship: 'intersects-with' },
  ],
  evaluate(asset): CheckResult {
    const a = asset.attributes;
    if (!has(a, 'ServiceSpecificCredentials') || !Array.isArray(a.ServiceSpecificCredentials)) {
      return { status: 'unknown', missing: ['ServiceSpecificCredentials'] };
    }
    const keys = a.ServiceSpecificCredentials.filter(isRecord).filter(
      (c) => c.ServiceName === BEDROCK_SERVICE,
    );
    if (keys.length === 0) return { status: 'not_applicable', reason: 'The user has no Bedrock API key.' };

    const longLived: Record<string, unknown>[] = [];
    const missing: string[] = [];
    for (const key of keys) {
      const id = String(key.ServiceSpecificCredentialId ?? '?');
      if (typeof key.Status !== 'string') {
        missing.push(`${id}: Status`);
        continue;
      }
      // Inactive and Expired keys cannot be used.
      if (key.Status !== 'Active') continue;
      // ExpirationDate is returned only for keys created with an expiry: absent, the key never expires.
      if (!has(key, 'ExpirationDate')) {
        longLived.push({ ...pick(key, KEY_FIELDS), ExpirationDate: null });
        continue;
      }
      const created = time(key.CreateDate);
      const expires = time(key.ExpirationDate);
      if (created === undefined || expires === undefined) {
        missing.push(`${id}: ${created === undefined ? 'CreateDate' : 'ExpirationDate'}`);
        continue;
      }
      const lifetimeDays = Math.round(((expires - created) / DAY_MS) * 10) / 10;
      if (lifetimeDays > MAX_LIFETIME_DAYS) longLived.push({ ...pick(key, KEY_FIELDS), lifetimeDays });
    }
    if (longLived.length > 0) return { status: 'fail', evidence: { longLivedKeys: longLived } };
    if (missing.length > 0) return { status: 'unknown', missing };
    return { status: 'pass', evidence: { bedrockApiKeys: keys.map((k) => pick(k, KEY_FIELDS)) } };
  },
});
