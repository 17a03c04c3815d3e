import { describe, expect, it } from 'vitest';
import {
  bucketArn,
  bucketArnOfS3Uri,
  bucketRelations,
  dataSourceNativeId,
  invocationLoggingNativeId,
  kmsRelations,
  modelAssetType,
  modelRelation,
  roleRelation,
} from './bedrock-relations.mapper';

describe('Bedrock relation mappers', () => {
  it('turns s3:// URIs into bucket ARNs and ignores anything else', () => {
    expect(bucketArnOfS3Uri('s3://aispm-training/ft/train.jsonl')).toBe('arn:aws:s3:::aispm-training');
    expect(bucketArnOfS3Uri('s3://only-bucket')).toBe('arn:aws:s3:::only-bucket');
    expect(bucketArnOfS3Uri('S3://Upper/x')).toBe('arn:aws:s3:::Upper');
    expect(bucketArnOfS3Uri('https://bucket.s3.amazonaws.com/x')).toBeUndefined();
    expect(bucketArnOfS3Uri('s3://')).toBeUndefined();
    expect(bucketArnOfS3Uri(undefined)).toBeUndefined();
  });

  it('keeps a bucket ARN exactly as returned, and only a bucket ARN', () => {
    expect(bucketArn('arn:aws:s3:::kb-docs')).toBe('arn:aws:s3:::kb-docs');
    expect(bucketArn('arn:aws-us-gov:s3:::kb-docs')).toBe('arn:aws-us-gov:s3:::kb-docs');
    expect(bucketArn('arn:aws:s3:::kb-docs/prefix')).toBeUndefined();
    expect(bucketArn('arn:aws:s3vectors:us-east-1:123456789012:bucket/v')).toBeUndefined();
    expect(bucketArn(undefined)).toBeUndefined();
  });

  it('declares one edge per distinct bucket or key, none for absent values', () => {
    expect(bucketRelations('reads_data', 's3://a/x', 's3://a/y', undefined, 's3://b/z')).toEqual([
      { kind: 'reads_data', toAssetType: 'aws.s3.bucket', toNativeId: 'arn:aws:s3:::a' },
      { kind: 'reads_data', toAssetType: 'aws.s3.bucket', toNativeId: 'arn:aws:s3:::b' },
    ]);
    const key = 'arn:aws:kms:us-east-1:123456789012:key/1234';
    expect(kmsRelations(key, undefined, key, '')).toEqual([
      { kind: 'encrypted_by', toAssetType: 'aws.kms.key', toNativeId: key },
    ]);
    expect(kmsRelations(undefined)).toEqual([]);
    expect(roleRelation(undefined)).toEqual([]);
    expect(roleRelation('arn:aws:iam::123456789012:role/r')).toEqual([
      { kind: 'uses_role', toAssetType: 'aws.iam.role', toNativeId: 'arn:aws:iam::123456789012:role/r' },
    ]);
  });

  it('points uses_model at the Bedrock asset a model ARN names, or at a foundation model', () => {
    const arn = (resource: string) => `arn:aws:bedrock:us-east-1:123456789012:${resource}`;
    expect(modelAssetType(arn('custom-model/amazon.titan-text-express-v1:0:8k/abc123def456'))).toBe(
      'aws.bedrock.custom_model',
    );
    expect(modelAssetType(arn('imported-model/abc123def456'))).toBe('aws.bedrock.imported_model');
    expect(modelAssetType(arn('provisioned-model/abc123def456'))).toBe('aws.bedrock.provisioned_throughput');
    expect(modelAssetType(arn('inference-profile/us.anthropic.claude-3-haiku-20240307-v1:0'))).toBe(
      'aws.bedrock.inference_profile',
    );
    expect(modelAssetType('arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-text-express-v1')).toBe(
      'aws.bedrock.foundation_model',
    );
    expect(modelAssetType('anthropic.claude-3-haiku-20240307-v1:0')).toBe('aws.bedrock.foundation_model');
    // The id is kept exactly as returned, version suffix included.
    expect(modelRelation('anthropic.claude-3-haiku-20240307-v1:0')).toEqual([
      {
        kind: 'uses_model',
        toAssetType: 'aws.bedrock.foundation_model',
        toNativeId: 'anthropic.claude-3-haiku-20240307-v1:0',
      },
    ]);
    expect(modelRelation(undefined)).toEqual([]);
  });

  it('builds the documented synthetic native ids', () => {
    expect(invocationLoggingNativeId('eu-west-1', '123456789012')).toBe(
      'arn:aws:bedrock:eu-west-1:123456789012:model-invocation-logging',
    );
    expect(
      dataSourceNativeId('arn:aws:bedrock:us-east-1:123456789012:knowledge-base/KB12345678', 'DS12345678'),
    ).toBe('arn:aws:bedrock:us-east-1:123456789012:knowledge-base/KB12345678/datasource/DS12345678');
  });
});
