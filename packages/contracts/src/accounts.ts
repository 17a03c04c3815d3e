import { z, ZProvider, ZUuid } from './common';

export const ZAccountStatus = z.enum(['pending', 'connected', 'error', 'disabled']);

/** Long-lived AWS access keys. The secret is write-only: the API returns a fingerprint, never the key. */
export const ZAwsAccessKeyCredentials = z.object({
  kind: z.literal('access_key'),
  accessKeyId: z
    .string()
    .regex(/^[A-Z0-9]{16,128}$/, 'accessKeyId must be 16-128 upper-case letters or digits'),
  secretAccessKey: z.string().min(16).max(256),
  sessionToken: z.string().max(4096).optional(),
});
/**
 * A role in the customer's account that our identity assumes with an external id (the confused-deputy guard AWS
 * recommends for third-party access). `source` is the identity that calls sts:AssumeRole; when absent the worker's
 * own AWS credentials (environment, instance profile, IRSA) are used.
 */
export const ZAwsAssumeRoleCredentials = z.object({
  kind: z.literal('assume_role'),
  roleArn: z
    .string()
    .regex(/^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/, 'roleArn must be an IAM role ARN'),
  externalId: z
    .string()
    .min(2)
    .max(1224)
    .regex(/^[\w+=,.@:/-]+$/, 'externalId may hold letters, digits and +=,.@:/-'),
  source: ZAwsAccessKeyCredentials.omit({ kind: true }).optional(),
});
export const ZAwsCredentials = z.discriminatedUnion('kind', [
  ZAwsAccessKeyCredentials,
  ZAwsAssumeRoleCredentials,
]);
export type TAwsCredentials = z.infer<typeof ZAwsCredentials>;
export type TAwsAccessKeyCredentials = z.infer<typeof ZAwsAccessKeyCredentials>;

const ZGuid = z
  .string()
  .regex(
    /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/,
    'must be a GUID such as 00000000-0000-0000-0000-000000000000',
  );

/** An Entra ID service principal with a client secret. The secret is write-only. */
export const ZAzureClientSecretCredentials = z.object({
  kind: z.literal('client_secret'),
  tenantId: z.union([
    ZGuid,
    z.string().regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/i, 'tenantId must be a GUID or a domain'),
  ]),
  clientId: ZGuid,
  clientSecret: z.string().min(8).max(1024),
  /** Entra ID authority (sovereign cloud, proxy or the simulator's token endpoint); login.microsoftonline.com when absent. */
  authorityHost: z
    .url({ protocol: /^https$/ })
    .max(2048)
    .optional(),
});
export const ZAzureCredentials = z.discriminatedUnion('kind', [ZAzureClientSecretCredentials]);
export type TAzureCredentials = z.infer<typeof ZAzureCredentials>;

/** The JSON key file Google issues for a service account; `token_uri` is honoured. */
export const ZGcpServiceAccountKey = z.looseObject({
  type: z.literal('service_account'),
  project_id: z.string().min(1).max(100).optional(),
  private_key_id: z.string().min(1).max(200),
  private_key: z
    .string()
    .includes('PRIVATE KEY', { message: 'private_key must be a PEM private key' })
    .max(16_384),
  client_email: z.email(),
  token_uri: z
    .url({ protocol: /^https?$/ })
    .max(2048)
    .optional(),
});
export const ZGcpServiceAccountCredentials = z.object({
  kind: z.literal('service_account_key'),
  key: ZGcpServiceAccountKey,
});
export const ZGcpCredentials = z.discriminatedUnion('kind', [ZGcpServiceAccountCredentials]);
export type TGcpCredentials = z.infer<typeof ZGcpCredentials>;

const ZAwsRegion = z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'not an AWS region name such as us-east-1');
const ZAzureLocation = z
  .string()
  .regex(/^[a-z][a-z0-9]{1,40}$/, 'not an Azure location name such as westeurope');
const ZGcpLocation = z
  .string()
  .regex(/^[a-z]+(-[a-z]+)+\d+$/, 'not a Google Cloud region such as us-central1');

const ZAccountCommon = z.object({
  name: z.string().trim().min(1).max(100),
  endpoint: z
    .url({ protocol: /^https?$/ })
    .max(2048)
    .optional()
    .openapi({ description: 'Custom API endpoint (private endpoint, proxy or the local simulator).' }),
  caCertificate: z
    .string()
    .includes('BEGIN CERTIFICATE', { message: 'caCertificate must be PEM' })
    .max(65_536)
    .optional()
    .openapi({ description: 'PEM CA bundle to trust for a custom HTTPS endpoint (private CA, simulator).' }),
  scanIntervalHours: z
    .number()
    .int()
    .min(1)
    .max(168)
    .nullable()
    .default(24)
    .openapi({ description: 'Rescan every N hours (1-168); null scans on demand only.' }),
});

export const ZCreateAwsAccount = ZAccountCommon.extend({
  provider: z.literal('aws'),
  scopeIds: z
    .array(z.string().regex(/^\d{12}$/, 'an AWS account id is 12 digits'))
    .min(1)
    .max(100)
    .openapi({ description: 'AWS account ids this connection covers.' }),
  regions: z.array(ZAwsRegion).min(1).max(40),
  credentials: ZAwsCredentials,
});
export const ZCreateAzureAccount = ZAccountCommon.extend({
  provider: z.literal('azure'),
  scopeIds: z
    .array(ZGuid)
    .min(1)
    .max(100)
    .openapi({ description: 'Azure subscription ids this connection covers.' }),
  regions: z
    .array(ZAzureLocation)
    .max(80)
    .default([])
    .openapi({ description: 'Azure locations to keep; empty keeps every location.' }),
  credentials: ZAzureCredentials,
});
export const ZCreateGcpAccount = ZAccountCommon.extend({
  provider: z.literal('gcp'),
  scopeIds: z
    .array(z.string().regex(/^[a-z][a-z0-9-]{4,28}[a-z0-9]$/, 'not a Google Cloud project id'))
    .min(1)
    .max(100)
    .openapi({ description: 'Google Cloud project ids this connection covers.' }),
  regions: z.array(ZGcpLocation).min(1).max(40).openapi({ description: 'Vertex AI locations to list.' }),
  credentials: ZGcpCredentials,
});

export const ZCreateCloudAccount = z
  .discriminatedUnion('provider', [ZCreateAwsAccount, ZCreateAzureAccount, ZCreateGcpAccount])
  .openapi('CreateCloudAccount');
export type TCreateCloudAccount = z.infer<typeof ZCreateCloudAccount>;
export type TCloudCredentials = TCreateCloudAccount['credentials'];

/**
 * What the account's encrypted blob holds: the credentials and the connection material that goes with them.
 * Blobs written before this shape held the AWS credentials alone; `parseStoredConnection` reads both.
 */
export interface TStoredConnection {
  credentials: TCloudCredentials;
  caCertificate?: string | undefined;
}
export function parseStoredConnection(provider: 'aws' | 'azure' | 'gcp', json: unknown): TStoredConnection {
  const obj = (json ?? {}) as Record<string, unknown>;
  const raw = 'kind' in obj ? { credentials: obj } : obj;
  const schema = { aws: ZAwsCredentials, azure: ZAzureCredentials, gcp: ZGcpCredentials }[provider];
  const credentials = schema.parse(raw.credentials);
  const ca = raw.caCertificate;
  return { credentials, ...(typeof ca === 'string' && { caCertificate: ca }) };
}

export const ZCloudAccount = z
  .object({
    id: ZUuid,
    provider: ZProvider,
    name: z.string(),
    scopeIds: z.array(z.string()),
    regions: z.array(z.string()),
    endpoint: z.string().nullable(),
    credentialsFingerprint: z.string().nullable(),
    status: ZAccountStatus,
    statusMessage: z.string().nullable(),
    lastScanId: z.string().nullable(),
    lastScanAt: z.iso.datetime().nullable(),
    scanIntervalHours: z.number().int().nullable(),
    createdAt: z.iso.datetime(),
  })
  .openapi('CloudAccount');
export type TCloudAccount = z.infer<typeof ZCloudAccount>;

export const ZCloudAccountList = z.object({ items: z.array(ZCloudAccount) }).openapi('CloudAccountList');

/** How to grant the platform read-only access to one cloud: the document to paste and the steps around it. */
export const ZAccountSetup = z
  .object({
    provider: ZProvider,
    format: z.enum(['aws-iam-policy', 'azure-role-definition', 'gcp-custom-role']),
    title: z.string(),
    /** Pretty-printed JSON, ready to copy. */
    document: z.string(),
    /** The permissions the document grants, one per entry, as the cloud names them. */
    permissions: z.array(z.string()),
    steps: z.array(z.string()),
  })
  .openapi('AccountSetup');
export type TAccountSetup = z.infer<typeof ZAccountSetup>;
export const ZAccountSetupParams = z.object({ provider: ZProvider });
