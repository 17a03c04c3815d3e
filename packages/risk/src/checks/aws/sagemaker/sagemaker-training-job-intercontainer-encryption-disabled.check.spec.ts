import { describe, expect, it } from 'vitest';
import { run } from '../../../testing';
import { sagemakerTrainingJobIntercontainerEncryptionDisabled as check } from './sagemaker-training-job-intercontainer-encryption-disabled.check';
import { trainingJobAsset, wellConfiguredTrainingJob, without } from './testing';

const resources = wellConfiguredTrainingJob.ResourceConfig as Record<string, unknown>;

describe(check.id, () => {
  it('passes for a distributed job that encrypts traffic between instances', () => {
    expect(run(check, trainingJobAsset(wellConfiguredTrainingJob))).toEqual({
      status: 'pass',
      evidence: { EnableInterContainerTrafficEncryption: true, 'ResourceConfig.InstanceCount': 2 },
    });
  });

  it('fails for a distributed job sending traffic in clear text', () => {
    const job = { ...wellConfiguredTrainingJob, EnableInterContainerTrafficEncryption: false };
    expect(run(check, trainingJobAsset(job))).toEqual({
      status: 'fail',
      evidence: { EnableInterContainerTrafficEncryption: false, 'ResourceConfig.InstanceCount': 2 },
    });
  });

  it('counts heterogeneous instance groups', () => {
    const job = {
      ...wellConfiguredTrainingJob,
      EnableInterContainerTrafficEncryption: false,
      ResourceConfig: {
        InstanceGroups: [
          { InstanceGroupName: 'cpu', InstanceType: 'ml.c5.xlarge', InstanceCount: 1 },
          { InstanceGroupName: 'gpu', InstanceType: 'ml.p3.2xlarge', InstanceCount: 1 },
        ],
      },
    };
    expect(run(check, trainingJobAsset(job)).status).toBe('fail');
  });

  it('does not apply to a single-instance job', () => {
    const job = {
      ...wellConfiguredTrainingJob,
      EnableInterContainerTrafficEncryption: false,
      ResourceConfig: { ...resources, InstanceCount: 1 },
    };
    expect(run(check, trainingJobAsset(job)).status).toBe('not_applicable');
  });

  it('is unknown without the instance count or the flag', () => {
    const noCount = { ...wellConfiguredTrainingJob, ResourceConfig: without(resources, 'InstanceCount') };
    expect(run(check, trainingJobAsset(noCount))).toEqual({
      status: 'unknown',
      missing: ['ResourceConfig.InstanceCount'],
    });
    const noFlag = without(wellConfiguredTrainingJob, 'EnableInterContainerTrafficEncryption');
    expect(run(check, trainingJobAsset(noFlag))).toEqual({
      status: 'unknown',
      missing: ['EnableInterContainerTrafficEncryption'],
    });
  });
});
