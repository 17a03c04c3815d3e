import { describe, expect, it } from 'vitest';
import { run } from '../../testing';
import { storageBucketVertexNoUniformAccess as check } from './storage-bucket-vertex-no-uniform-access.check';
import {
  TRAINING_BUCKET,
  bucketAsset,
  customJobAsset,
  gcpAsset,
  privateBucket,
  wellConfiguredCustomJob,
  withField,
} from './testing';

const field = 'iamConfiguration.uniformBucketLevelAccess.enabled';
const job = customJobAsset(wellConfiguredCustomJob);
const readBy = (from = job) => ({
  assets: [from],
  relations: [{ fromNativeId: from.nativeId, kind: 'reads_data', toNativeId: TRAINING_BUCKET }],
});

describe(check.id, () => {
  it('passes when a bucket Vertex AI reads has uniform bucket-level access', () => {
    expect(run(check, bucketAsset(privateBucket), readBy())).toEqual({
      status: 'pass',
      evidence: { [field]: true, usedBy: [job.nativeId] },
    });
  });

  it('fails when a bucket Vertex AI reads still applies object ACLs', () => {
    const attributes = withField(privateBucket, field, false);
    expect(run(check, bucketAsset(attributes), readBy())).toEqual({
      status: 'fail',
      evidence: { [field]: false, usedBy: [job.nativeId] },
    });
  });

  it('is unknown when the bucket resource has no uniformBucketLevelAccess', () => {
    const attributes = withField(privateBucket, 'iamConfiguration', undefined);
    expect(run(check, bucketAsset(attributes), readBy())).toEqual({ status: 'unknown', missing: [field] });
  });

  it('does not concern a bucket no AI resource uses', () => {
    const attributes = withField(privateBucket, field, false);
    const vm = gcpAsset('gcp.compute.instance', 'projects/ml-prod/zones/us-central1-a/instances/web', {});
    expect(run(check, bucketAsset(attributes), readBy(vm)).status).toBe('not_applicable');
    expect(run(check, bucketAsset(attributes)).status).toBe('not_applicable');
  });
});
