import { describe, expect, it } from 'vitest';
import { run } from '../../../testing';
import { sagemakerProcessingJobVolumeNotEncrypted as check } from './sagemaker-processing-job-volume-not-encrypted.check';
import { KEY_ARN, processingJobAsset, wellConfiguredProcessingJob, without } from './testing';

const FIELD = 'ProcessingResources.ClusterConfig.VolumeKmsKeyId';
const cluster = (
  wellConfiguredProcessingJob.ProcessingResources as { ClusterConfig: Record<string, unknown> }
).ClusterConfig;
const withCluster = (c: Record<string, unknown>) =>
  processingJobAsset({ ...wellConfiguredProcessingJob, ProcessingResources: { ClusterConfig: c } });

describe(check.id, () => {
  it('passes when a customer-managed key encrypts the volume', () => {
    expect(run(check, processingJobAsset(wellConfiguredProcessingJob))).toEqual({
      status: 'pass',
      evidence: { [FIELD]: KEY_ARN },
    });
  });

  it('fails when the cluster config has no volume key', () => {
    expect(run(check, withCluster(without(cluster, 'VolumeKmsKeyId')))).toEqual({
      status: 'fail',
      evidence: { [FIELD]: null },
    });
  });

  it('does not apply on instance types with local NVMe storage', () => {
    const r = run(
      check,
      withCluster({ ...without(cluster, 'VolumeKmsKeyId'), InstanceType: 'ml.g4dn.xlarge' }),
    );
    expect(r.status).toBe('not_applicable');
  });

  it('is unknown without the cluster config', () => {
    expect(
      run(check, processingJobAsset(without(wellConfiguredProcessingJob, 'ProcessingResources'))),
    ).toEqual({
      status: 'unknown',
      missing: ['ProcessingResources.ClusterConfig'],
    });
  });
});
