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
export const ZAwsCredentials = z.discriminatedUnion('kind', [ZAwsAccessKeyCredentials]);
export type TAwsCredentials = z.infer<typeof ZAwsCredentials>;

const ZRegion = z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'not an AWS region name such as us-east-1');

export const ZCreateCloudAccount = z
  .object({
    provider: z.literal('aws'),
    name: z.string().trim().min(1).max(100),
    scopeIds: z
      .array(z.string().regex(/^\d{12}$/, 'an AWS account id is 12 digits'))
      .min(1)
      .max(100)
      .openapi({ description: 'AWS account ids this connection covers.' }),
    regions: z.array(ZRegion).min(1).max(40),
    endpoint: z
      .url({ protocol: /^https?$/ })
      .max(2048)
      .optional()
      .openapi({ description: 'Custom API endpoint (private endpoint, proxy or the local simulator).' }),
    credentials: ZAwsCredentials,
    scanIntervalHours: z
      .number()
      .int()
      .min(1)
      .max(168)
      .nullable()
      .default(24)
      .openapi({ description: 'Rescan every N hours (1-168); null scans on demand only.' }),
  })
  .openapi('CreateCloudAccount');
export type TCreateCloudAccount = z.infer<typeof ZCreateCloudAccount>;

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
