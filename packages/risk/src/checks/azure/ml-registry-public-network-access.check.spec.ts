import { describe, expect, it } from 'vitest';
import { run } from '../../testing';
import { mlRegistryPublicNetworkAccess as check } from './ml-registry-public-network-access.check';
import { armAsset, mlRegistry, withProps } from './testing';

describe(check.id, () => {
  it('passes a private registry', () => {
    expect(run(check, armAsset(mlRegistry))).toEqual({
      status: 'pass',
      evidence: { 'properties.publicNetworkAccess': 'Disabled' },
    });
  });

  it('fails a public registry', () => {
    expect(run(check, armAsset(withProps(mlRegistry, { publicNetworkAccess: 'Enabled' })))).toEqual({
      status: 'fail',
      evidence: { 'properties.publicNetworkAccess': 'Enabled' },
    });
  });

  it('is unknown when ARM did not return publicNetworkAccess', () => {
    expect(run(check, armAsset(withProps(mlRegistry, { publicNetworkAccess: undefined })))).toEqual({
      status: 'unknown',
      missing: ['properties.publicNetworkAccess'],
    });
  });
});
