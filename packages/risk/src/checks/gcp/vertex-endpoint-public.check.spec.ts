import { describe, expect, it } from 'vitest';
import { run } from '../../testing';
import { endpointAsset, wellConfiguredEndpoint, withField } from './testing';
import { vertexEndpointPublic as check } from './vertex-endpoint-public.check';

const publicEndpoint = withField(wellConfiguredEndpoint, 'privateServiceConnectConfig', undefined);

describe(check.id, () => {
  it('passes when the endpoint is reached through Private Service Connect', () => {
    expect(run(check, endpointAsset(wellConfiguredEndpoint))).toEqual({
      status: 'pass',
      evidence: {
        network: null,
        'privateServiceConnectConfig.enablePrivateServiceConnect': true,
        dedicatedEndpointEnabled: null,
      },
    });
  });

  it('passes when the endpoint is peered with a VPC network', () => {
    const network = 'projects/123456789012/global/networks/ml-vpc';
    expect(run(check, endpointAsset({ ...publicEndpoint, network })).status).toBe('pass');
  });

  it('fails when the body has neither a network nor Private Service Connect', () => {
    expect(run(check, endpointAsset(publicEndpoint))).toEqual({
      status: 'fail',
      evidence: {
        network: null,
        'privateServiceConnectConfig.enablePrivateServiceConnect': null,
        dedicatedEndpointEnabled: null,
      },
    });
  });

  it('fails for a public dedicated endpoint', () => {
    const dedicated = { ...publicEndpoint, dedicatedEndpointEnabled: true };
    expect(run(check, endpointAsset(dedicated))).toMatchObject({
      status: 'fail',
      evidence: { dedicatedEndpointEnabled: true },
    });
  });

  it('is unknown when the endpoint body was not read', () => {
    expect(run(check, endpointAsset({}))).toEqual({ status: 'unknown', missing: ['name'] });
  });
});
