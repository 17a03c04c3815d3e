import { has, type CheckAsset, type CheckContext, type CheckResult } from '../../../check';
import { bucketExposure } from '../s3-bucket-exposure';
import { isRecord } from './attributes';

/**
 * The assets this asset's relations of `kind` name, and the native ids of those not in the inventory (a
 * verdict that needs them is unknown, never a guess). `only` narrows to some targets (one bucket of several).
 */
export function related(
  ctx: CheckContext,
  kind: string,
  only?: (nativeId: string) => boolean,
): { found: CheckAsset[]; notFound: string[] } {
  const ids = ctx.outgoingIds(kind).filter((id) => !only || only(id));
  const byId = new Map(ctx.outgoing(kind).map((a) => [a.nativeId, a]));
  const found: CheckAsset[] = [];
  const notFound: string[] = [];
  for (const id of ids) {
    const a = byId.get(id);
    if (a) found.push(a);
    else notFound.push(id);
  }
  return { found, notFound };
}

/** How a missing neighbour is named in `missing`: its type and native id. */
export function notInInventory(assetType: string, nativeId: string): string {
  return `${assetType} ${nativeId} (not in the inventory)`;
}

/**
 * A verdict on an optional customer managed key member that the Get answer leaves out when the resource uses
 * an AWS owned key. Absence means "no key" only when the answer itself is there, shown by `proof` (a member
 * the API always returns, such as the resource's ARN); otherwise unknown.
 */
export function customerKeyVerdict(
  attributes: Record<string, unknown>,
  proof: string,
  keyPath: readonly string[],
): CheckResult {
  if (!has(attributes, proof)) return { status: 'unknown', missing: [proof] };
  let value: unknown = attributes;
  for (const step of keyPath) value = isRecord(value) ? value[step] : undefined;
  const field = keyPath.join('.');
  return typeof value === 'string' && value !== ''
    ? { status: 'pass', evidence: { [field]: value } }
    : { status: 'fail', evidence: { [field]: null } };
}

/** `unreadable` of an S3 bucket record: the sub-resources S3 refused to the scanner. */
function unreadableFields(bucket: CheckAsset): string[] {
  const list = bucket.attributes.unreadable;
  return Array.isArray(list)
    ? list.filter(isRecord).flatMap((u) => (typeof u.field === 'string' ? [u.field] : []))
    : [];
}

/**
 * A verdict over the S3 buckets an asset reads (`reads_data`): fail when any is public, unknown when one is
 * not in the inventory or could not be read, pass otherwise. `none` is the verdict when it reads no bucket.
 */
export function publicBucketVerdict(
  ctx: CheckContext,
  none: CheckResult,
  only?: (nativeId: string) => boolean,
): CheckResult {
  const { found, notFound } = related(ctx, 'reads_data', only);
  const buckets = found.filter((b) => b.assetType === 'aws.s3.bucket');
  if (buckets.length === 0 && notFound.length === 0) return none;
  const missing = notFound.map((id) => notInInventory('aws.s3.bucket', id));
  const exposures = [];
  for (const b of buckets) {
    const e = bucketExposure(b);
    if (e.public === undefined) missing.push(...e.missing);
    else exposures.push(e);
  }
  const publicOnes = exposures.filter((e) => e.public).map((e) => e.evidence);
  if (publicOnes.length > 0) return { status: 'fail', evidence: { publicBuckets: publicOnes } };
  if (missing.length > 0) return { status: 'unknown', missing };
  return { status: 'pass', evidence: { buckets: exposures.map((e) => e.evidence) } };
}

/**
 * Whether a bucket's default encryption uses a customer managed KMS key: SSE-KMS (or DSSE-KMS) with a key that
 * the KMS inventory shows as KeyManager CUSTOMER. SSE-S3, SSE-KMS without a key id (the aws/s3 key) or an
 * AWS managed key are not. No Encryption member means S3 answered that the bucket has no default encryption;
 * a refused read, or a key that is not in the inventory, leaves the answer unknown.
 */
export function bucketCustomerKey(
  bucket: CheckAsset,
  ctx: CheckContext,
): { customerKey: boolean; evidence: Record<string, unknown> } | { missing: string[] } {
  if (unreadableFields(bucket).includes('encryption')) {
    return { missing: [`${bucket.nativeId}: GetBucketEncryption (access denied)`] };
  }
  const encryption = bucket.attributes.Encryption;
  const rules =
    isRecord(encryption) && Array.isArray(encryption.Rules) ? encryption.Rules.filter(isRecord) : [];
  const sse = rules.map((r) => r.ApplyServerSideEncryptionByDefault).find(isRecord);
  const evidence = { bucket: bucket.nativeId, ApplyServerSideEncryptionByDefault: sse ?? null };
  const algorithm = typeof sse?.SSEAlgorithm === 'string' ? sse.SSEAlgorithm : '';
  const key = typeof sse?.KMSMasterKeyID === 'string' ? sse.KMSMasterKeyID : '';
  if (!algorithm.startsWith('aws:kms') || key === '' || /(^|:)alias\/aws\//.test(key)) {
    return { customerKey: false, evidence };
  }
  const keys = ctx.around(bucket).outgoing('encrypted_by');
  const found = keys.find((k) => k.nativeId === key || k.nativeId.endsWith(`/${key}`));
  if (!found) return { missing: [notInInventory('aws.kms.key', key)] };
  const manager = found.attributes.KeyManager;
  if (typeof manager !== 'string')
    return { missing: [`${found.nativeId}: DescribeKey.KeyMetadata.KeyManager`] };
  return { customerKey: manager === 'CUSTOMER', evidence: { ...evidence, KeyManager: manager } };
}
