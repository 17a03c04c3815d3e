import { describe, expect, it } from 'vitest';
import { run } from '../../testing';
import { mlComputeSshEnabled as check } from './ml-compute-ssh-enabled.check';
import { amlCluster, armAsset, computeInstance, kubernetesCompute, withComputeProps } from './testing';

describe(check.id, () => {
  it('passes an instance with public SSH closed', () => {
    expect(run(check, armAsset(computeInstance))).toEqual({
      status: 'pass',
      evidence: { 'properties.properties.sshSettings.sshPublicAccess': 'Disabled' },
    });
  });

  it('fails an instance with public SSH open', () => {
    const body = withComputeProps(computeInstance, {
      sshSettings: { sshPublicAccess: 'Enabled', adminUserName: 'azureuser', sshPort: 50001 },
    });
    expect(run(check, armAsset(body))).toEqual({
      status: 'fail',
      evidence: { 'properties.properties.sshSettings.sshPublicAccess': 'Enabled' },
    });
  });

  it('is unknown when an instance came back without sshSettings', () => {
    const body = withComputeProps(computeInstance, { sshSettings: undefined });
    expect(run(check, armAsset(body))).toEqual({
      status: 'unknown',
      missing: ['properties.properties.sshSettings'],
    });
  });

  it('passes a cluster with the remote login port closed and fails one with it open', () => {
    expect(run(check, armAsset(amlCluster)).status).toBe('pass');
    const open = withComputeProps(amlCluster, { remoteLoginPortPublicAccess: 'Enabled' });
    expect(run(check, armAsset(open))).toMatchObject({
      status: 'fail',
      evidence: { 'properties.properties.remoteLoginPortPublicAccess': 'Enabled' },
    });
  });

  it('reads NotSpecified as the API documents it: open without a subnet, closed in one', () => {
    const inVnet = withComputeProps(amlCluster, { remoteLoginPortPublicAccess: 'NotSpecified' });
    expect(run(check, armAsset(inVnet)).status).toBe('pass');
    const noVnet = withComputeProps(amlCluster, {
      remoteLoginPortPublicAccess: 'NotSpecified',
      subnet: undefined,
    });
    expect(run(check, armAsset(noVnet)).status).toBe('fail');
  });

  it('is unknown when a cluster came back without remoteLoginPortPublicAccess', () => {
    const body = withComputeProps(amlCluster, { remoteLoginPortPublicAccess: undefined });
    expect(run(check, armAsset(body))).toEqual({
      status: 'unknown',
      missing: ['properties.properties.remoteLoginPortPublicAccess'],
    });
  });

  it('does not concern attached Kubernetes compute', () => {
    expect(run(check, armAsset(kubernetesCompute)).status).toBe('not_applicable');
  });
});
