import { describe, expect, it } from 'vitest';
import { run } from '../../../testing';
import { sagemakerTrainingJobNetworkIsolationDisabled as check } from './sagemaker-training-job-network-isolation-disabled.check';
import { trainingJobAsset, wellConfiguredTrainingJob, without } from './testing';

describe(check.id, () => {
  it('passes for an isolated job', () => {
    expect(run(check, trainingJobAsset(wellConfiguredTrainingJob))).toEqual({
      status: 'pass',
      evidence: { EnableNetworkIsolation: true },
    });
  });

  it('fails when the job could reach the network', () => {
    const job = { ...wellConfiguredTrainingJob, EnableNetworkIsolation: false };
    expect(run(check, trainingJobAsset(job))).toEqual({
      status: 'fail',
      evidence: { EnableNetworkIsolation: false },
    });
  });

  it('is unknown when the flag was not returned', () => {
    expect(
      run(check, trainingJobAsset(without(wellConfiguredTrainingJob, 'EnableNetworkIsolation'))),
    ).toEqual({
      status: 'unknown',
      missing: ['EnableNetworkIsolation'],
    });
  });
});
