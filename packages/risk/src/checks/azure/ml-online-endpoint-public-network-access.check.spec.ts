import { describe, expect, it } from 'vitest';
import { run } from '../../testing';
import { mlOnlineEndpointPublicNetworkAccess as check } from './ml-online-endpoint-public-network-access.check';
import { armAsset, onlineEndpoint, withProps } from './testing';

describe(check.id, () => {
  it('passes a private endpoint', () => {
    expect(run(check, armAsset(onlineEndpoint))).toEqual({
      status: 'pass',
      evidence: { 'properties.publicNetworkAccess': 'Disabled' },
    });
  });

  it('fails a public endpoint', () => {
    expect(run(check, armAsset(withProps(onlineEndpoint, { publicNetworkAccess: 'Enabled' })))).toEqual({
      status: 'fail',
      evidence: { 'properties.publicNetworkAccess': 'Enabled' },
    });
  });

  it('is unknown when ARM did not return publicNetworkAccess', () => {
    expect(run(check, armAsset(withProps(onlineEndpoint, { publicNetworkAccess: undefined })))).toEqual({
      status: 'unknown',
      missing: ['properties.publicNetworkAccess'],
    });
  });
});
