import {
  has,
  type CheckAsset,
  type CheckContext,
  type CheckDefinition,
  type CheckResult,
  type Evidence,
} from '../../check';
import { asRecords, asStrings, at } from './gcp-fields.util';

const PUBLIC_PRINCIPALS = new Set(['allUsers', 'allAuthenticatedUsers']);

export type BucketExposure =
  | { public: true; evidence: Evidence }
  | { public: false; evidence: Evidence }
  | { public: undefined; missing: string[] };

/**
 * Whether a Cloud Storage bucket is public, from what the bucket discoverer stored: the bucket resource and its
 * IAM policy (`iamPolicy`, buckets.getIamPolicy). Public means a binding grants a role to `allUsers` or
 * `allAuthenticatedUsers` while public access prevention is not `enforced` (with it enforced Cloud Storage
 * refuses such access). `inherited` is read as not enforced: an organization policy that would enforce it is
 * not read here, so a bucket it covers may show as public. Object ACLs (buckets without uniform bucket-level
 * access) are not read either.
 */
export function bucketExposure(bucket: CheckAsset): BucketExposure {
  const a = bucket.attributes;
  if (!has(a, 'iamPolicy')) return { public: undefined, missing: [`${bucket.nativeId} iamPolicy`] };
  const publicGrants = asRecords(at(a, 'iamPolicy.bindings')).flatMap((b) =>
    asStrings(b.members)
      .filter((m) => PUBLIC_PRINCIPALS.has(m))
      .map((member) => ({ role: b.role, member })),
  );
  const prevention = at(a, 'iamConfiguration.publicAccessPrevention');
  const evidence: Evidence = {
    bucket: bucket.nativeId,
    publicGrants,
    'iamConfiguration.publicAccessPrevention': prevention ?? null,
  };
  if (publicGrants.length === 0 || prevention === 'enforced') return { public: false, evidence };
  if (prevention === undefined) {
    return { public: undefined, missing: [`${bucket.nativeId} iamConfiguration.publicAccessPrevention`] };
  }
  return { public: true, evidence };
}

/**
 * Whether a job reads from a public bucket, through its `reads_data` relations (every `gs://` bucket its body
 * names outside output fields). One public bucket fails the job; a bucket not in the inventory, or one whose
 * exposure is unknown, makes the verdict unknown unless another bucket already fails it.
 */
export function publicTrainingDataVerdict(ctx: CheckContext): CheckResult {
  const ids = ctx.outgoingIds('reads_data');
  const found = new Map(ctx.outgoing('reads_data').map((b) => [b.nativeId, b]));
  const exposures = ids.map((id): BucketExposure => {
    const bucket = found.get(id);
    return bucket ? bucketExposure(bucket) : { public: undefined, missing: [id] };
  });
  const publicBuckets = exposures.flatMap((e) => (e.public === true ? [e.evidence] : []));
  if (publicBuckets.length > 0) return { status: 'fail', evidence: { readsData: ids, publicBuckets } };
  const missing = exposures.flatMap((e) => (e.public === undefined ? e.missing : []));
  if (missing.length > 0) return { status: 'unknown', missing };
  const buckets = exposures.flatMap((e) => (e.public === false ? [e.evidence] : []));
  return { status: 'pass', evidence: { readsData: ids, buckets } };
}

/** What the custom-job and pipeline-job checks on public training data share: the risk and its fix. */
export const publicTrainingData: Pick<
  CheckDefinition,
  'severity' | 'provider' | 'rationale' | 'remediation' | 'controls'
> = {
  severity: 'high',
  provider: 'gcp',
  rationale:
    'The job reads training data from a Cloud Storage bucket that grants access to allUsers or ' +
    'allAuthenticatedUsers without public access prevention: anyone on the internet (or any Google account) can ' +
    'copy the data the model learns from, and where the role allows writing, plant poisoned records or swap ' +
    'files that the next run trains on.',
  remediation: {
    console:
      'In Cloud Storage open the bucket, Permissions: remove the allUsers and allAuthenticatedUsers principals ' +
      'and set "Prevent public access" to enforced; grant the job\'s service account objectViewer instead. ' +
      'Check the objects for changes you did not make before the next training run.',
    cli:
      'gcloud storage buckets remove-iam-policy-binding gs://<bucket> --member=allUsers --role=<role> && ' +
      'gcloud storage buckets update gs://<bucket> --public-access-prevention',
    terraform:
      'resource "google_storage_bucket" "training" {\n  uniform_bucket_level_access = true\n' +
      '  public_access_prevention    = "enforced"\n}',
  },
  controls: [
    { ref: 'owasp-llm@2025:LLM04', relationship: 'intersects-with' },
    { ref: 'mitre-atlas@5.6.0:AML.T0020', relationship: 'intersects-with' },
    { ref: 'mitre-atlas@5.6.0:AML.M0005', relationship: 'intersects-with' },
    { ref: 'eu-ai-act@2024:Art. 10', relationship: 'intersects-with' },
    { ref: 'nist-ai-rmf@1.0:MEASURE 2.7', relationship: 'subset-of' },
    { ref: 'nist-ai-600-1@2024:GAI-2.8', relationship: 'intersects-with' },
    { ref: 'iso-42001@2023:A.7.3', relationship: 'intersects-with' },
  ],
};
