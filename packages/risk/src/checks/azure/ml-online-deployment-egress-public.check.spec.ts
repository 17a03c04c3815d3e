import { describe, expect, it } from 'vitest';
import { run } from '../../testing';
import { mlOnlineDeploymentEgressPublic as check } from './ml-online-deployment-egress-public.check';
import { armAsset, onlineDeployment, withProps } from './testing';

describe(check.id, () => {
  it('passes a deployment without public egress', () => {
    expect(run(check, armAsset(onlineDeployment))).toEqual({
      status: 'pass',
      evidence: { 'properties.egressPublicNetworkAccess': 'Disabled' },
    });
  });

  it('fails a deployment with public egress', () => {
    const body = withProps(onlineDeployment, { egressPublicNetworkAccess: 'Enabled' });
    expect(run(check, armAsset(body))).toEqual({
      status: 'fail',
      evidence: { 'properties.egressPublicNetworkAccess': 'Enabled' },
    });
  });

  it('is unknown when ARM did not return egressPublicNetworkAccess', () => {
    const body = withProps(onlineDeployment, { egressPublicNetworkAccess: undefined });
    expect(run(check, armAsset(body))).toEqual({
      status: 'unknown',
      missing: ['properties.egressPublicNetworkAccess'],
    });
  });

  it('does not concern Kubernetes deployments', () => {
    const body = withProps(onlineDeployment, {
      endpointComputeType: 'Kubernetes',
      egressPublicNetworkAccess: 'Enabled',
    });
    expect(run(check, armAsset(body)).status).toBe('not_applicable');
  });
});
