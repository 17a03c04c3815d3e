import { describe, expect, it } from 'vitest';
import { run } from '../../testing';
import { indexEndpointAsset, wellConfiguredIndexEndpoint } from './testing';
import { vertexIndexEndpointPublic as check } from './vertex-index-endpoint-public.check';

describe(check.id, () => {
  it('passes when publicEndpointEnabled is left out (false)', () => {
    expect(run(check, indexEndpointAsset(wellConfiguredIndexEndpoint))).toEqual({
      status: 'pass',
      evidence: { publicEndpointEnabled: null, publicEndpointDomainName: null },
    });
  });

  it('fails when the index endpoint is public', () => {
    const domain = '1234.us-central1-123456789012.vdb.vertexai.goog';
    const attributes = {
      ...wellConfiguredIndexEndpoint,
      network: undefined,
      publicEndpointEnabled: true,
      publicEndpointDomainName: domain,
    };
    expect(run(check, indexEndpointAsset(attributes))).toEqual({
      status: 'fail',
      evidence: { publicEndpointEnabled: true, publicEndpointDomainName: domain },
    });
  });

  it('is unknown when the index endpoint body was not read', () => {
    expect(run(check, indexEndpointAsset({}))).toEqual({ status: 'unknown', missing: ['name'] });
  });
});
