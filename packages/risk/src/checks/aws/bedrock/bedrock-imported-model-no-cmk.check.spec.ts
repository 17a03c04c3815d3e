import { describe, expect, it } from 'vitest';
import { run } from '../../../testing';
import { importedModelAsset, kmsKeyArn, wellConfiguredImportedModel, without } from './testing';
import { bedrockImportedModelNoCmk as check } from './bedrock-imported-model-no-cmk.check';

describe(check.id, () => {
  it('passes with a customer managed key', () => {
    expect(run(check, importedModelAsset())).toEqual({
      status: 'pass',
      evidence: { modelKmsKeyArn: kmsKeyArn() },
    });
  });

  it('fails when GetImportedModel returned no modelKmsKeyArn', () => {
    expect(run(check, importedModelAsset(without(wellConfiguredImportedModel, 'modelKmsKeyArn')))).toEqual({
      status: 'fail',
      evidence: { modelKmsKeyArn: null },
    });
  });

  it('is unknown when the model was not described', () => {
    expect(run(check, importedModelAsset({ modelName: 'x' }))).toEqual({
      status: 'unknown',
      missing: ['modelArn'],
    });
  });
});
