import { describe, expect, it } from 'vitest';
import { run } from '../../testing';
import { mlComputeLocalAuthEnabled as check } from './ml-compute-local-auth-enabled.check';
import { amlCluster, armAsset, computeInstance, kubernetesCompute, withProps } from './testing';

describe(check.id, () => {
  it('passes when local authentication is disabled', () => {
    expect(run(check, armAsset(computeInstance))).toEqual({
      status: 'pass',
      evidence: { 'properties.disableLocalAuth': true, 'properties.computeType': 'ComputeInstance' },
    });
    expect(run(check, armAsset(kubernetesCompute)).status).toBe('pass');
  });

  it('fails a cluster with local authentication allowed', () => {
    expect(run(check, armAsset(withProps(amlCluster, { disableLocalAuth: false })))).toEqual({
      status: 'fail',
      evidence: { 'properties.disableLocalAuth': false, 'properties.computeType': 'AmlCompute' },
    });
  });

  it('is unknown when ARM did not return disableLocalAuth', () => {
    expect(run(check, armAsset(withProps(computeInstance, { disableLocalAuth: undefined })))).toEqual({
      status: 'unknown',
      missing: ['properties.disableLocalAuth'],
    });
  });
});
