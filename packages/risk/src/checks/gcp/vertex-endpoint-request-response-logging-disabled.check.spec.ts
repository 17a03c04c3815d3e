import { describe, expect, it } from 'vitest';
import { run } from '../../testing';
import { endpointAsset, wellConfiguredEndpoint, withField } from './testing';
import { vertexEndpointRequestResponseLoggingDisabled as check } from './vertex-endpoint-request-response-logging-disabled.check';

describe(check.id, () => {
  it('passes when request-response logging is enabled', () => {
    expect(run(check, endpointAsset(wellConfiguredEndpoint))).toEqual({
      status: 'pass',
      evidence: {
        predictRequestResponseLoggingConfig: wellConfiguredEndpoint.predictRequestResponseLoggingConfig,
      },
    });
  });

  it('fails when the logging config is empty (enabled false)', () => {
    const attributes = withField(wellConfiguredEndpoint, 'predictRequestResponseLoggingConfig', {});
    expect(run(check, endpointAsset(attributes))).toEqual({
      status: 'fail',
      evidence: { predictRequestResponseLoggingConfig: {} },
    });
  });

  it('fails when logging was never configured', () => {
    const attributes = withField(wellConfiguredEndpoint, 'predictRequestResponseLoggingConfig', undefined);
    expect(run(check, endpointAsset(attributes))).toEqual({
      status: 'fail',
      evidence: { predictRequestResponseLoggingConfig: null },
    });
  });

  it('is unknown when the endpoint body was not read', () => {
    expect(run(check, endpointAsset({}))).toEqual({ status: 'unknown', missing: ['name'] });
  });
});
