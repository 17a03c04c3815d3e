import { describe, expect, it } from 'vitest';
import { run } from '../../../testing';
import { sagemakerTrainingJobVolumeNotEncrypted as check } from './sagemaker-training-job-volume-not-encrypted.check';
import { KEY_ARN, trainingJobAsset, wellConfiguredTrainingJob, without } from './testing';

const resources = wellConfiguredTrainingJob.ResourceConfig as Record<string, unknown>;
const withResources = (r: Record<string, unknown>) =>
  trainingJobAsset({ ...wellConfiguredTrainingJob, ResourceConfig: r });

describe(check.id, () => {
  it('passes when a customer-managed key encrypts the volume', () => {
    expect(run(check, trainingJobAsset(wellConfiguredTrainingJob))).toEqual({
      status: 'pass',
      evidence: { 'ResourceConfig.VolumeKmsKeyId': KEY_ARN },
    });
  });

  it('fails when ResourceConfig has no VolumeKmsKeyId', () => {
    expect(run(check, withResources(without(resources, 'VolumeKmsKeyId')))).toEqual({
      status: 'fail',
      evidence: { 'ResourceConfig.VolumeKmsKeyId': null },
    });
  });

  it('does not apply on instance types with local NVMe storage', () => {
    const r = run(
      check,
      withResources({ ...without(resources, 'VolumeKmsKeyId'), InstanceType: 'ml.p4d.24xlarge' }),
    );
    expect(r.status).toBe('not_applicable');
  });

  it('is unknown without ResourceConfig', () => {
    expect(run(check, trainingJobAsset(without(wellConfiguredTrainingJob, 'ResourceConfig')))).toEqual({
      status: 'unknown',
      missing: ['ResourceConfig'],
    });
  });
});
