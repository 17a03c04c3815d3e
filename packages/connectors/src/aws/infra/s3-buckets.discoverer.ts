import {
  GetBucketAclCommand,
  GetBucketEncryptionCommand,
  GetBucketLocationCommand,
  GetBucketLoggingCommand,
  GetBucketPolicyCommand,
  GetBucketPolicyStatusCommand,
  GetBucketTaggingCommand,
  GetBucketVersioningCommand,
  GetPublicAccessBlockCommand,
  paginateListBuckets,
  S3Client,
  type Bucket,
} from '@aws-sdk/client-s3';
import type { TAssetRecord } from '@aispm/contracts';
import { mapWithConcurrency } from '../../concurrency.util';
import type { AwsTarget, ServiceDiscoverer } from '../../types';
import { tagsToRecord, toAssetAttributes } from '../aws-attributes.mapper';
import { awsClientFor, type AwsClientClass } from '../clients';
import {
  errorName,
  infraDiscoverer,
  isAccessDenied,
  isNamed,
  ITEM_CONCURRENCY,
  nonNull,
  parsePolicyDocument,
  type InfraRun,
  type TAssetRelation,
  type UnreadableField,
} from './infra-discoverer.util';

export const S3_BUCKET_ASSET_TYPE = 'aws.s3.bucket';
const KMS_KEY_ASSET_TYPE = 'aws.kms.key';

/** ListBuckets and GetBucketLocation answer from any region; us-east-1 is where a global task sends them. */
const LISTING_REGION = 'us-east-1';

function s3ClientFor(ctx: InfraRun, region: string): S3Client {
  const target: AwsTarget = { ...ctx.target, region };
  return awsClientFor(S3Client as AwsClientClass<S3Client>, target, {
    maxAttempts: ctx.opts.maxAttempts,
    // A custom endpoint (private endpoint, proxy, simulator) cannot take bucket names as host names.
    ...(ctx.target.endpoint && { forcePathStyle: true }),
  });
}

/** The region GetBucketLocation's LocationConstraint stands for: empty is us-east-1, `EU` the old eu-west-1. */
export function regionOfLocation(constraint: string | undefined): string {
  if (!constraint) return 'us-east-1';
  return constraint === 'EU' ? 'eu-west-1' : constraint;
}

/** What S3 answers when a bucket simply has none of the sub-resource: the field is then left out. */
const NOT_CONFIGURED = {
  policy: ['NoSuchBucketPolicy'],
  policyStatus: ['NoSuchBucketPolicy'],
  publicAccessBlock: ['NoSuchPublicAccessBlockConfiguration'],
  encryption: ['ServerSideEncryptionConfigurationNotFoundError'],
  versioning: [],
  logging: [],
  tags: ['NoSuchTagSet'],
  acl: [],
} as const;
type Field = keyof typeof NOT_CONFIGURED;

/** Marks a bucket deleted since the listing; its record is dropped. */
class BucketGone extends Error {}

/**
 * S3 buckets of the account: ListBuckets page by page (global), then for each bucket GetBucketLocation and,
 * signed for the bucket's own region, its policy (parsed), policy status, public access block, default
 * encryption, versioning, logging, ACL and tags. A sub-resource the bucket does not have (404
 * NoSuchBucketPolicy, NoSuchPublicAccessBlockConfiguration, ServerSideEncryptionConfigurationNotFoundError,
 * NoSuchTagSet) is left out of the attributes: that absence is a finding, not an error. A sub-call refused
 * (AccessDenied, e.g. a bucket policy denying GetBucketPolicy) keeps the bucket and lists the field in
 * `attributes.unreadable`. A bucket deleted since the listing (NoSuchBucket) is skipped; any other failure
 * fails the listing. Relation: `encrypted_by` to the default encryption's KMS key.
 */
export const s3BucketsDiscoverer: ServiceDiscoverer<'aws'> = infraDiscoverer({
  service: 's3.buckets',
  assetType: S3_BUCKET_ASSET_TYPE,
  scope: 'global',
  iamPrefix: 's3',
  listOperation: 'ListBuckets',
  async *run(ctx) {
    const client = s3ClientFor(ctx, LISTING_REGION);
    const pages = paginateListBuckets({ client, pageSize: ctx.pageSize }, {}, ctx.sendOptions);
    for await (const page of pages) {
      const records = await mapWithConcurrency(page.Buckets ?? [], ITEM_CONCURRENCY, (bucket) =>
        describeBucket(ctx, bucket),
      );
      yield nonNull(records);
    }
  },
});

async function describeBucket(ctx: InfraRun, bucket: Bucket): Promise<TAssetRecord | null> {
  const name = bucket.Name;
  if (!name) return null;
  const unreadable: UnreadableField[] = [];
  const read = async <T>(
    field: Field | 'location',
    operation: string,
    client: S3Client,
    call: (c: S3Client) => Promise<T>,
  ) => {
    try {
      return await ctx.limit(() => call(client));
    } catch (err) {
      if (isNamed(err, ['NoSuchBucket'])) throw new BucketGone(name);
      if (field !== 'location' && isNamed(err, NOT_CONFIGURED[field])) return undefined;
      if (isAccessDenied(err)) {
        unreadable.push({ field, operation, error: errorName(err) ?? 'AccessDenied' });
        return undefined;
      }
      throw ctx.fail(err, operation);
    }
  };
  const send = ctx.sendOptions;
  try {
    const location = await read('location', 'GetBucketLocation', s3ClientFor(ctx, LISTING_REGION), (c) =>
      c.send(new GetBucketLocationCommand({ Bucket: name }), send),
    );
    // Without GetBucketLocation, ListBuckets' BucketRegion (newer S3) still says where the bucket is.
    const region = location ? regionOfLocation(location.LocationConstraint) : bucket.BucketRegion;
    const c = s3ClientFor(ctx, region ?? LISTING_REGION);
    const [policy, policyStatus, publicAccessBlock, encryption, versioning, logging, acl, tagging] =
      await Promise.all([
        read('policy', 'GetBucketPolicy', c, (s) =>
          s.send(new GetBucketPolicyCommand({ Bucket: name }), send),
        ),
        read('policyStatus', 'GetBucketPolicyStatus', c, (s) =>
          s.send(new GetBucketPolicyStatusCommand({ Bucket: name }), send),
        ),
        read('publicAccessBlock', 'GetPublicAccessBlock', c, (s) =>
          s.send(new GetPublicAccessBlockCommand({ Bucket: name }), send),
        ),
        read('encryption', 'GetBucketEncryption', c, (s) =>
          s.send(new GetBucketEncryptionCommand({ Bucket: name }), send),
        ),
        read('versioning', 'GetBucketVersioning', c, (s) =>
          s.send(new GetBucketVersioningCommand({ Bucket: name }), send),
        ),
        read('logging', 'GetBucketLogging', c, (s) =>
          s.send(new GetBucketLoggingCommand({ Bucket: name }), send),
        ),
        read('acl', 'GetBucketAcl', c, (s) => s.send(new GetBucketAclCommand({ Bucket: name }), send)),
        read('tags', 'GetBucketTagging', c, (s) =>
          s.send(new GetBucketTaggingCommand({ Bucket: name }), send),
        ),
      ]);
    const rules = encryption?.ServerSideEncryptionConfiguration?.Rules;
    const attributes: Record<string, unknown> = {
      ...toAssetAttributes(bucket),
      ...(region !== undefined && { Region: region }),
      ...(location && { LocationConstraint: location.LocationConstraint ?? null }),
      ...(policy?.Policy !== undefined && { Policy: parsePolicyDocument(policy.Policy) }),
      ...(policyStatus?.PolicyStatus && { PolicyStatus: toAssetAttributes(policyStatus.PolicyStatus) }),
      ...(publicAccessBlock?.PublicAccessBlockConfiguration && {
        PublicAccessBlock: toAssetAttributes(publicAccessBlock.PublicAccessBlockConfiguration),
      }),
      ...(encryption?.ServerSideEncryptionConfiguration && {
        Encryption: toAssetAttributes(encryption.ServerSideEncryptionConfiguration),
      }),
      ...(versioning && { Versioning: strip(versioning) }),
      ...(logging && { Logging: strip(logging) }),
      ...(acl && { Acl: strip(acl) }),
      ...(unreadable.length > 0 && { unreadable }),
    };
    return {
      assetType: S3_BUCKET_ASSET_TYPE,
      nativeId: `arn:aws:s3:::${name}`,
      name,
      region: region ?? ctx.target.region,
      attributes,
      tags: tagsToRecord(tagging?.TagSet),
      relations: keyRelations(rules, region, ctx.target.accountId),
    };
  } catch (err) {
    if (err instanceof BucketGone) return null;
    throw err;
  }
}

function strip(output: object): Record<string, unknown> {
  return toAssetAttributes(output);
}

/** An `encrypted_by` edge for SSE-KMS with a key given by ARN or key id (an alias names no key ARN). */
function keyRelations(
  rules:
    | readonly { ApplyServerSideEncryptionByDefault?: { KMSMasterKeyID?: string | undefined } | undefined }[]
    | undefined,
  region: string | undefined,
  accountId: string,
): TAssetRelation[] {
  const out: TAssetRelation[] = [];
  for (const rule of rules ?? []) {
    const key = rule.ApplyServerSideEncryptionByDefault?.KMSMasterKeyID;
    if (!key) continue;
    const arn = key.startsWith('arn:')
      ? key
      : /^[0-9a-f-]{36}$/.test(key) && region
        ? `arn:aws:kms:${region}:${accountId}:key/${key}`
        : undefined;
    if (arn) out.push({ kind: 'encrypted_by', toAssetType: KMS_KEY_ASSET_TYPE, toNativeId: arn });
  }
  return out;
}
