import { describe, expect, it } from 'vitest';
import { run } from '../../../testing';
import { customModelAsset, kmsKeyArn, wellConfiguredCustomModel, without } from './testing';
import { bedrockCustomModelNoCmk as check } from './bedrock-custom-model-no-cmk.check';

describe(check.id, () => {
  it('passes with a customer managed key', () => {
    expect(run(check, customModelAsset())).toEqual({
      status: 'pass',
      evidence: { modelKmsKeyArn: kmsKeyArn() },
    });
  });

  it('fails when GetCustomModel returned no modelKmsKeyArn', () => {
    expect(run(check, customModelAsset(without(wellConfiguredCustomModel, 'modelKmsKeyArn')))).toEqual({
      status: 'fail',
      evidence: { modelKmsKeyArn: null },
    });
  });

  it('is unknown when the model was listed but not described', () => {
    expect(run(check, customModelAsset({ modelName: 'claims-triage-ft' }))).toEqual({
      status: 'unknown',
      missing: ['modelArn'],
    });
  });
});
