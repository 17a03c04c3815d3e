import type { Estate } from '../../estate';
import { referencedBucket, referencedKey, referencedRole, type AwsInfraEstate } from './estate';

const ROLE_ARN = /^arn:aws:iam::\d{12}:role\//;
const KEY_ARN = /^arn:aws:kms:[a-z0-9-]+:\d{12}:key\/[0-9a-f-]{36}$/;
const S3_URI = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(?:\/|$)/;
const BUCKET_ARN = /^arn:aws:s3:::([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(?:\/|$)/;
/** Families whose resources can point at IAM, S3 or KMS of the simulated AWS account. */
const NOT_AWS = new Set(['awsInfra', 'azure', 'gcp']);

const linked = new WeakSet<AwsInfraEstate>();

/**
 * Adds to the default infra estate every IAM role, KMS key and S3 bucket the other AWS families name (a
 * notebook's KmsKeyId, a training job's S3 URIs, a Bedrock agent's role) that it does not define, so relations
 * from those resources resolve. Runs once per estate, on the first IAM, S3 or KMS request (the families are
 * built independently and the infra builder only sees the seed). Sized load estates are left alone: their
 * share must stay about the size asked for.
 */
export function linkAwsInfraReferences(estate: Estate): AwsInfraEstate {
  const infra = estate.awsInfra;
  if (infra.sized || linked.has(infra)) return infra;
  linked.add(infra);
  const roles = new Set<string>();
  const keys = new Set<string>();
  const buckets = new Set<string>();
  const visit = (value: unknown, depth: number): void => {
    if (typeof value === 'string') {
      if (ROLE_ARN.test(value)) roles.add(value);
      else if (KEY_ARN.test(value)) keys.add(value);
      else {
        const bucket = S3_URI.exec(value)?.[1] ?? BUCKET_ARN.exec(value)?.[1];
        if (bucket) buckets.add(bucket);
      }
      return;
    }
    if (depth > 12 || typeof value !== 'object' || value === null || value instanceof Map) return;
    for (const v of Array.isArray(value) ? value : Object.values(value)) visit(v, depth + 1);
  };
  for (const [family, value] of Object.entries(estate)) if (!NOT_AWS.has(family)) visit(value, 0);

  const knownRoleArns = new Set(infra.roles.map((r) => r.Arn));
  for (const arn of [...roles].sort()) {
    const role = knownRoleArns.has(arn) ? undefined : referencedRole(arn);
    if (role && !infra.rolesByName.has(role.RoleName)) {
      infra.roles.push(role);
      infra.rolesByName.set(role.RoleName, role);
    }
  }
  const knownKeyIds = new Set(Object.values(infra.keys).flatMap((ks) => ks.map((k) => k.KeyId)));
  for (const arn of [...keys].sort()) {
    const key = referencedKey(arn);
    if (key && !knownKeyIds.has(key.KeyId)) {
      (infra.keys[key.region] ??= []).push(key);
      infra.keysById.set(key.KeyId, key);
    }
  }
  const knownBuckets = new Set(infra.buckets.map((b) => b.name));
  for (const name of [...buckets].sort()) {
    if (knownBuckets.has(name)) continue;
    const bucket = referencedBucket(name);
    infra.buckets.push(bucket);
    infra.bucketsByName.set(name, bucket);
  }
  return infra;
}
