import { describe, expect, it } from 'vitest';
import { run } from '../../../testing';
import { cloudWatchLogging, LOGS_BUCKET, loggingAsset, wellConfiguredLogging } from './testing';
import { bedrockInvocationLoggingDisabled as check } from './bedrock-invocation-logging-disabled.check';

describe(check.id, () => {
  it('passes when logging delivers to an S3 bucket', () => {
    expect(run(check, loggingAsset())).toEqual({
      status: 'pass',
      evidence: { 's3Config.bucketName': LOGS_BUCKET, 'cloudWatchConfig.logGroupName': null },
    });
  });

  it('passes when logging delivers to CloudWatch Logs only', () => {
    const asset = loggingAsset(cloudWatchLogging());
    expect(run(check, asset).status).toBe('pass');
  });

  it('fails when the region answered without a loggingConfig (logging off)', () => {
    expect(run(check, loggingAsset({}))).toEqual({ status: 'fail', evidence: { loggingConfig: null } });
  });

  it('fails when the configuration names no destination', () => {
    const asset = loggingAsset({
      loggingConfig: {
        textDataDeliveryEnabled: true,
        imageDataDeliveryEnabled: false,
        embeddingDataDeliveryEnabled: false,
      },
    });
    expect(run(check, asset)).toEqual({
      status: 'fail',
      evidence: { 's3Config.bucketName': null, 'cloudWatchConfig.logGroupName': null },
    });
  });

  it('is unknown when loggingConfig came back in a shape that is not a configuration', () => {
    expect(run(check, loggingAsset({ loggingConfig: null }))).toEqual({
      status: 'unknown',
      missing: ['loggingConfig'],
    });
    expect(run(check, loggingAsset(wellConfiguredLogging)).status).toBe('pass');
  });
});
