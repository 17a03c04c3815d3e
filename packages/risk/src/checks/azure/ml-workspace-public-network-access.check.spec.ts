import { describe, expect, it } from 'vitest';
import { run } from '../../testing';
import { mlWorkspacePublicNetworkAccess as check } from './ml-workspace-public-network-access.check';
import { armAsset, mlWorkspace, withProps } from './testing';

describe(check.id, () => {
  it('passes when public network access is disabled', () => {
    expect(run(check, armAsset(mlWorkspace))).toEqual({
      status: 'pass',
      evidence: {
        'properties.publicNetworkAccess': 'Disabled',
        'properties.allowPublicAccessWhenBehindVnet': false,
      },
    });
  });

  it('fails when it is enabled', () => {
    const body = withProps(mlWorkspace, {
      publicNetworkAccess: 'Enabled',
      allowPublicAccessWhenBehindVnet: true,
    });
    expect(run(check, armAsset(body))).toMatchObject({
      status: 'fail',
      evidence: { 'properties.publicNetworkAccess': 'Enabled' },
    });
  });

  it('is unknown when ARM did not return publicNetworkAccess, even if the SDK would say false', () => {
    const body = withProps(mlWorkspace, {
      publicNetworkAccess: undefined,
      allowPublicAccessWhenBehindVnet: undefined,
    });
    expect(run(check, armAsset(body))).toEqual({
      status: 'unknown',
      missing: ['properties.publicNetworkAccess'],
    });
  });
});
