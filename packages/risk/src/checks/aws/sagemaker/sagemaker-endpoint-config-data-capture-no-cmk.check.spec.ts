import { describe, expect, it } from 'vitest';
import { run } from '../../../testing';
import { sagemakerEndpointConfigDataCaptureNoCmk as check } from './sagemaker-endpoint-config-data-capture-no-cmk.check';
import { KEY_ARN, endpointConfigAsset, wellConfiguredEndpointConfig, without } from './testing';

const capture = wellConfiguredEndpointConfig.DataCaptureConfig as Record<string, unknown>;

describe(check.id, () => {
  it('passes when captured data is encrypted with a customer key', () => {
    expect(run(check, endpointConfigAsset(wellConfiguredEndpointConfig))).toEqual({
      status: 'pass',
      evidence: { 'DataCaptureConfig.KmsKeyId': KEY_ARN },
    });
  });

  it('fails when capture is on and no key was given for it', () => {
    const config = { ...wellConfiguredEndpointConfig, DataCaptureConfig: without(capture, 'KmsKeyId') };
    expect(run(check, endpointConfigAsset(config))).toEqual({
      status: 'fail',
      evidence: { 'DataCaptureConfig.KmsKeyId': null },
    });
  });

  it('does not apply when nothing is captured', () => {
    const r = run(check, endpointConfigAsset(without(wellConfiguredEndpointConfig, 'DataCaptureConfig')));
    expect(r.status).toBe('not_applicable');
  });

  it('is unknown when the config was never described', () => {
    expect(run(check, endpointConfigAsset({}))).toEqual({
      status: 'unknown',
      missing: ['EndpointConfigArn'],
    });
  });
});
