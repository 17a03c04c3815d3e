import { describe, expect, it } from 'vitest';
import { run } from '../../../testing';
import { sagemakerEndpointConfigNoDataCapture as check } from './sagemaker-endpoint-config-no-data-capture.check';
import { endpointConfigAsset, wellConfiguredEndpointConfig, without } from './testing';

const capture = wellConfiguredEndpointConfig.DataCaptureConfig as Record<string, unknown>;

describe(check.id, () => {
  it('passes when capture is enabled', () => {
    expect(run(check, endpointConfigAsset(wellConfiguredEndpointConfig))).toEqual({
      status: 'pass',
      evidence: { 'DataCaptureConfig.EnableCapture': true },
    });
  });

  it('fails without a DataCaptureConfig, or with capture turned off', () => {
    expect(
      run(check, endpointConfigAsset(without(wellConfiguredEndpointConfig, 'DataCaptureConfig'))),
    ).toEqual({
      status: 'fail',
      evidence: { DataCaptureConfig: null },
    });
    const off = { ...wellConfiguredEndpointConfig, DataCaptureConfig: { ...capture, EnableCapture: false } };
    expect(run(check, endpointConfigAsset(off)).status).toBe('fail');
  });

  it('is unknown when the config was not described or EnableCapture was not said', () => {
    expect(run(check, endpointConfigAsset({})).status).toBe('unknown');
    const unsaid = { ...wellConfiguredEndpointConfig, DataCaptureConfig: without(capture, 'EnableCapture') };
    expect(run(check, endpointConfigAsset(unsaid))).toEqual({
      status: 'unknown',
      missing: ['DataCaptureConfig.EnableCapture'],
    });
  });
});
