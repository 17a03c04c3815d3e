import { describe, expect, it } from 'vitest';
import { run } from '../../../testing';
import {
  ACCOUNT,
  bucketArn,
  dataSourceAsset,
  KB_BUCKET,
  webDataSource,
  wellConfiguredDataSource,
} from './testing';
import { bedrockKnowledgeBaseDataSourceCrossAccountBucket as check } from './bedrock-knowledge-base-data-source-cross-account-bucket.check';

const withS3 = (s3Configuration: Record<string, unknown>) =>
  dataSourceAsset({ ...wellConfiguredDataSource, dataSourceConfiguration: { type: 'S3', s3Configuration } });

describe(check.id, () => {
  it('passes for a bucket of the same account (no bucketOwnerAccountId)', () => {
    expect(run(check, dataSourceAsset())).toEqual({
      status: 'pass',
      evidence: { bucketArn: bucketArn(KB_BUCKET), bucketOwnerAccountId: null, account: ACCOUNT },
    });
  });

  it('passes when the owner named is this account', () => {
    expect(
      run(check, withS3({ bucketArn: bucketArn(KB_BUCKET), bucketOwnerAccountId: ACCOUNT })).status,
    ).toBe('pass');
  });

  it('fails for a bucket owned by another account', () => {
    const ds = withS3({ bucketArn: bucketArn('partner-exports'), bucketOwnerAccountId: '210987654321' });
    expect(run(check, ds)).toEqual({
      status: 'fail',
      evidence: {
        bucketArn: bucketArn('partner-exports'),
        bucketOwnerAccountId: '210987654321',
        account: ACCOUNT,
      },
    });
  });

  it('is unknown when the data source configuration was not returned', () => {
    expect(run(check, dataSourceAsset({ dataSourceId: 'DS1' }))).toEqual({
      status: 'unknown',
      missing: ['dataSourceConfiguration'],
    });
    expect(run(check, withS3({})).status).toBe('unknown');
  });

  it('does not apply to a web crawler', () => {
    expect(run(check, dataSourceAsset(webDataSource)).status).toBe('not_applicable');
  });
});
