import { describe, expect, it } from 'vitest';
import { run } from '../../../testing';
import { sagemakerModelNoVpc as check } from './sagemaker-model-no-vpc.check';
import { modelAsset, wellConfiguredModel, without } from './testing';

describe(check.id, () => {
  it('passes with the VPC configuration as evidence', () => {
    expect(run(check, modelAsset(wellConfiguredModel))).toEqual({
      status: 'pass',
      evidence: { VpcConfig: wellConfiguredModel.VpcConfig },
    });
  });

  it('fails when DescribeModel has no VpcConfig', () => {
    expect(run(check, modelAsset(without(wellConfiguredModel, 'VpcConfig')))).toEqual({
      status: 'fail',
      evidence: { VpcConfig: null },
    });
  });

  it('is unknown when the model was never described', () => {
    expect(run(check, modelAsset({ ModelName: 'fraud-model' }))).toEqual({
      status: 'unknown',
      missing: ['ModelArn'],
    });
  });
});
