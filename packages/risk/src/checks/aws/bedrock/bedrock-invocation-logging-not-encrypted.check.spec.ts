import { describe, expect, it } from 'vitest';
import { run } from '../../../testing';
import {
  bucketArn,
  bucketAsset,
  cloudWatchLogging,
  kmsKeyArn,
  kmsKeyAsset,
  LOGS_BUCKET,
  loggingAsset,
  rel,
} from './testing';
import { bedrockInvocationLoggingNotEncrypted as check } from './bedrock-invocation-logging-not-encrypted.check';

const logging = loggingAsset();
const bucket = bucketAsset(LOGS_BUCKET);
const toBucket = rel(logging, 'writes_output', bucketArn(LOGS_BUCKET));
const toKey = rel(bucket, 'encrypted_by', kmsKeyArn());

describe(check.id, () => {
  it('passes when the log bucket is encrypted with a customer managed key', () => {
    expect(
      run(check, logging, { assets: [bucket, kmsKeyAsset('CUSTOMER')], relations: [toBucket, toKey] }),
    ).toEqual({
      status: 'pass',
      evidence: {
        encrypted: [
          {
            bucket: bucketArn(LOGS_BUCKET),
            ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: kmsKeyArn() },
            KeyManager: 'CUSTOMER',
          },
        ],
      },
    });
  });

  it('fails when the log bucket uses S3 managed keys', () => {
    const sseS3 = bucketAsset(LOGS_BUCKET, {
      Encryption: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
    });
    expect(run(check, logging, { assets: [sseS3], relations: [toBucket] })).toEqual({
      status: 'fail',
      evidence: {
        notEncrypted: [
          { bucket: bucketArn(LOGS_BUCKET), ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } },
        ],
        encrypted: [],
        logGroupName: null,
      },
    });
  });

  it('fails when the bucket key is AWS managed, or the bucket has no default encryption', () => {
    expect(
      run(check, logging, { assets: [bucket, kmsKeyAsset('AWS')], relations: [toBucket, toKey] }).status,
    ).toBe('fail');
    const { Encryption: _none, ...plain } = bucketAsset(LOGS_BUCKET).attributes;
    const unencrypted = { ...bucket, attributes: plain };
    expect(run(check, logging, { assets: [unencrypted], relations: [toBucket] }).status).toBe('fail');
  });

  it('fails on an unencrypted large-data bucket even when CloudWatch encryption cannot be read', () => {
    const asset = loggingAsset(cloudWatchLogging(LOGS_BUCKET));
    const sseS3 = bucketAsset(LOGS_BUCKET, {
      Encryption: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
    });
    const r = run(check, asset, {
      assets: [sseS3],
      relations: [rel(asset, 'writes_output', bucketArn(LOGS_BUCKET))],
    });
    expect(r.status).toBe('fail');
  });

  it('is unknown when the log bucket or its key is not in the inventory, or the encryption read was refused', () => {
    expect(run(check, logging, { relations: [toBucket] })).toEqual({
      status: 'unknown',
      missing: [`aws.s3.bucket ${bucketArn(LOGS_BUCKET)} (not in the inventory)`],
    });
    expect(run(check, logging, { assets: [bucket], relations: [toBucket, toKey] })).toEqual({
      status: 'unknown',
      missing: [`aws.kms.key ${kmsKeyArn()} (not in the inventory)`],
    });
    const refused = bucketAsset(LOGS_BUCKET, {
      Encryption: undefined,
      unreadable: [{ field: 'encryption', operation: 'GetBucketEncryption', error: 'AccessDenied' }],
    });
    expect(run(check, logging, { assets: [refused], relations: [toBucket] }).status).toBe('unknown');
  });

  it('is unknown for a CloudWatch Logs destination, whose log group key is not inventoried', () => {
    const asset = loggingAsset(cloudWatchLogging());
    expect(run(check, asset)).toEqual({
      status: 'unknown',
      missing: ['DescribeLogGroups.logGroups.kmsKeyId of /aws/bedrock/modelinvocations (not inventoried)'],
    });
  });

  it('does not apply when logging is off', () => {
    expect(run(check, loggingAsset({})).status).toBe('not_applicable');
  });
});
