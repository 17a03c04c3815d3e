import { has, type CheckAsset, type Evidence } from '../../check';
import { asRecords, at } from './sagemaker/sagemaker-fields.util';

const PUBLIC_GROUPS = new Set([
  'http://acs.amazonaws.com/groups/global/AllUsers',
  'http://acs.amazonaws.com/groups/global/AuthenticatedUsers',
]);

export type BucketExposure =
  | { public: true; evidence: Evidence }
  | { public: false; evidence: Evidence }
  | { public: undefined; missing: string[] };

/** Sub-resources S3 refused to the scanner (AccessDenied), as the bucket discoverer lists them. */
function unreadable(bucket: CheckAsset): Set<string> {
  return new Set(
    asRecords(bucket.attributes.unreadable).flatMap((u) => (typeof u.field === 'string' ? [u.field] : [])),
  );
}

/**
 * Whether a bucket is public, from what the bucket discoverer stored: public through its policy
 * (GetBucketPolicyStatus.IsPublic, unless the bucket's public access block sets RestrictPublicBuckets) or
 * through its ACL (a grant to AllUsers or AuthenticatedUsers, unless IgnorePublicAcls). The discoverer leaves
 * PolicyStatus out when the bucket has no policy (NoSuchBucketPolicy) and PublicAccessBlock out when none is
 * configured; a sub-resource S3 refused is named in `unreadable` instead, and makes the answer unknown unless
 * what was read already decides it. The account-level public access block is not read: a bucket it covers
 * may show as public here.
 */
export function bucketExposure(bucket: CheckAsset): BucketExposure {
  const a = bucket.attributes;
  const refused = unreadable(bucket);
  const label = (field: string) => `${bucket.nativeId} ${field}`;
  const block = has(a, 'PublicAccessBlock') ? (a.PublicAccessBlock as Record<string, unknown>) : undefined;
  const blockKnown = block !== undefined || !refused.has('publicAccessBlock');
  const restrict = block?.RestrictPublicBuckets === true;
  const ignoreAcls = block?.IgnorePublicAcls === true;
  const missing: string[] = [];

  let policyPublic: boolean | undefined;
  if (restrict) policyPublic = false;
  else if (has(a, 'PolicyStatus')) policyPublic = at(a, 'PolicyStatus.IsPublic') === true;
  else if (refused.has('policyStatus')) missing.push(label('PolicyStatus'));
  else policyPublic = false; // No bucket policy at all.

  let publicGrants: string[] | undefined;
  if (ignoreAcls) publicGrants = [];
  else if (has(a, 'Acl')) {
    publicGrants = asRecords(at(a, 'Acl.Grants')).flatMap((g) => {
      const uri = at(g, 'Grantee.URI');
      return typeof uri === 'string' && PUBLIC_GROUPS.has(uri) ? [`${uri} ${String(g.Permission)}`] : [];
    });
  } else missing.push(label('Acl'));

  const evidence: Evidence = {
    bucket: bucket.nativeId,
    'PolicyStatus.IsPublic': at(a, 'PolicyStatus.IsPublic') ?? null,
    PublicAccessBlock: block ?? null,
    publicAclGrants: publicGrants ?? null,
  };
  const looksPublic = policyPublic === true || (publicGrants?.length ?? 0) > 0;
  // Something looks public, but a block S3 would not show us could still neutralise it.
  if (looksPublic && !blockKnown) return { public: undefined, missing: [label('PublicAccessBlock')] };
  if (looksPublic) return { public: true, evidence };
  if (missing.length > 0) return { public: undefined, missing };
  return { public: false, evidence };
}
