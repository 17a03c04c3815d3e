import { describe, expect, it } from 'vitest';
import { run } from '../../../testing';
import { sagemakerTrainingJobOutputNotEncrypted as check } from './sagemaker-training-job-output-not-encrypted.check';
import { KEY_ARN, trainingJobAsset, wellConfiguredTrainingJob, without } from './testing';

const output = wellConfiguredTrainingJob.OutputDataConfig as Record<string, unknown>;

describe(check.id, () => {
  it('passes when the artifact is written under a customer-managed key', () => {
    expect(run(check, trainingJobAsset(wellConfiguredTrainingJob))).toEqual({
      status: 'pass',
      evidence: { 'OutputDataConfig.KmsKeyId': KEY_ARN },
    });
  });

  it('fails when OutputDataConfig has no KmsKeyId', () => {
    const job = { ...wellConfiguredTrainingJob, OutputDataConfig: without(output, 'KmsKeyId') };
    expect(run(check, trainingJobAsset(job))).toEqual({
      status: 'fail',
      evidence: { 'OutputDataConfig.KmsKeyId': null },
    });
  });

  it('is unknown without OutputDataConfig', () => {
    expect(run(check, trainingJobAsset(without(wellConfiguredTrainingJob, 'OutputDataConfig')))).toEqual({
      status: 'unknown',
      missing: ['OutputDataConfig'],
    });
  });
});
