import { describe, expect, it } from 'vitest';
import { run } from '../../../testing';
import { sagemakerTrainingJobNoVpc as check } from './sagemaker-training-job-no-vpc.check';
import { trainingJobAsset, wellConfiguredTrainingJob, without } from './testing';

describe(check.id, () => {
  it('passes for a job that ran in VPC subnets', () => {
    expect(run(check, trainingJobAsset(wellConfiguredTrainingJob))).toEqual({
      status: 'pass',
      evidence: { VpcConfig: wellConfiguredTrainingJob.VpcConfig },
    });
  });

  it('fails when DescribeTrainingJob has no VpcConfig', () => {
    expect(run(check, trainingJobAsset(without(wellConfiguredTrainingJob, 'VpcConfig')))).toEqual({
      status: 'fail',
      evidence: { VpcConfig: null },
    });
  });

  it('is unknown when the job was never described', () => {
    expect(run(check, trainingJobAsset({ TrainingJobName: 'x' }))).toEqual({
      status: 'unknown',
      missing: ['TrainingJobArn'],
    });
  });
});
