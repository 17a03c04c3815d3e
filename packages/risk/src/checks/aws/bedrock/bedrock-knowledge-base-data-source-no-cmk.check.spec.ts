import { describe, expect, it } from 'vitest';
import { run } from '../../../testing';
import { dataSourceAsset, kmsKeyArn, wellConfiguredDataSource, without } from './testing';
import { bedrockKnowledgeBaseDataSourceNoCmk as check } from './bedrock-knowledge-base-data-source-no-cmk.check';

describe(check.id, () => {
  it('passes with a customer managed key for transient data', () => {
    expect(run(check, dataSourceAsset())).toEqual({
      status: 'pass',
      evidence: { 'serverSideEncryptionConfiguration.kmsKeyArn': kmsKeyArn() },
    });
  });

  it('fails when GetDataSource returned no serverSideEncryptionConfiguration', () => {
    const ds = without(wellConfiguredDataSource, 'serverSideEncryptionConfiguration');
    expect(run(check, dataSourceAsset(ds))).toEqual({
      status: 'fail',
      evidence: { 'serverSideEncryptionConfiguration.kmsKeyArn': null },
    });
  });

  it('is unknown when the data source was not described', () => {
    expect(run(check, dataSourceAsset({ name: 'docs' }))).toEqual({
      status: 'unknown',
      missing: ['dataSourceId'],
    });
  });
});
