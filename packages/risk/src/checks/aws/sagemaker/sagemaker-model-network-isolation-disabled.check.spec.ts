import { describe, expect, it } from 'vitest';
import { run } from '../../../testing';
import { sagemakerModelNetworkIsolationDisabled as check } from './sagemaker-model-network-isolation-disabled.check';
import { modelAsset, wellConfiguredModel, without } from './testing';

describe(check.id, () => {
  it('passes when the container is network isolated', () => {
    expect(run(check, modelAsset(wellConfiguredModel))).toEqual({
      status: 'pass',
      evidence: { EnableNetworkIsolation: true },
    });
  });

  it('fails when isolation is off', () => {
    expect(run(check, modelAsset({ ...wellConfiguredModel, EnableNetworkIsolation: false }))).toEqual({
      status: 'fail',
      evidence: { EnableNetworkIsolation: false },
    });
  });

  it('is unknown when DescribeModel did not return the flag', () => {
    expect(run(check, modelAsset(without(wellConfiguredModel, 'EnableNetworkIsolation')))).toEqual({
      status: 'unknown',
      missing: ['EnableNetworkIsolation'],
    });
  });
});
