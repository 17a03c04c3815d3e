import { defineCheck } from '../../check';
import { at } from './gcp-fields.util';

const AI_ASSET_TYPE = /^gcp\.(vertex|notebooks)\./;

export const storageBucketVertexNoUniformAccess = defineCheck({
  id: 'gcp.vertex.data_bucket.no_uniform_access',
  title: 'Cloud Storage bucket used by Vertex AI allows object ACLs (no uniform bucket-level access)',
  severity: 'medium',
  provider: 'gcp',
  assetType: 'gcp.storage.bucket',
  rationale:
    'Without uniform bucket-level access every object in a bucket that holds training data, pipeline roots or ' +
    'model artifacts can carry its own ACL: one object made public or writable by a stray ACL escapes the ' +
    'bucket IAM policy, IAM Conditions and reviews of it, so training data can leak or be swapped for a ' +
    "poisoned copy object by object, unseen by whoever audits the bucket's policy.",
  reads: [
    'storage.buckets.iamConfiguration.uniformBucketLevelAccess.enabled',
    'incoming reads_data / writes_output relations from Vertex AI and Workbench resources',
  ],
  remediation: {
    console:
      'In Cloud Storage open the bucket, Permissions > Access control: switch to Uniform, after granting through ' +
      'bucket IAM what object ACLs used to grant (Vertex AI service agents and job service accounts).',
    cli: 'gcloud storage buckets update gs://<bucket> --uniform-bucket-level-access',
    terraform:
      'resource "google_storage_bucket" "training" {\n  uniform_bucket_level_access = true\n' +
      '  public_access_prevention    = "enforced"\n}',
  },
  controls: [
    { ref: 'mitre-atlas@5.6.0:AML.M0005', relationship: 'intersects-with' },
    { ref: 'owasp-llm@2025:LLM04', relationship: 'intersects-with' },
    { ref: 'eu-ai-act@2024:Art. 10', relationship: 'intersects-with' },
    { ref: 'nist-ai-600-1@2024:GAI-2.9', relationship: 'intersects-with' },
    { ref: 'nist-ai-rmf@1.0:MEASURE 2.7', relationship: 'subset-of' },
    { ref: 'iso-42001@2023:A.7.2', relationship: 'intersects-with' },
  ],
  evaluate(asset, ctx) {
    const users = [...ctx.incoming('reads_data'), ...ctx.incoming('writes_output')]
      .filter((a) => AI_ASSET_TYPE.test(a.assetType))
      .map((a) => a.nativeId);
    if (users.length === 0) {
      return {
        status: 'not_applicable',
        reason: 'No Vertex AI or Workbench resource reads or writes this bucket',
      };
    }
    // The Cloud Storage JSON API (not proto3) writes `enabled: false` explicitly: an absent value is unknown.
    const enabled = at(asset.attributes, 'iamConfiguration.uniformBucketLevelAccess.enabled');
    if (typeof enabled !== 'boolean') {
      return { status: 'unknown', missing: ['iamConfiguration.uniformBucketLevelAccess.enabled'] };
    }
    const evidence = {
      'iamConfiguration.uniformBucketLevelAccess.enabled': enabled,
      usedBy: [...new Set(users)],
    };
    return enabled ? { status: 'pass', evidence } : { status: 'fail', evidence };
  },
});
