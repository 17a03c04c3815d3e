import { describe, expect, it } from 'vitest';
import { run } from '../../testing';
import { mlComputePublicIp as check } from './ml-compute-public-ip.check';
import { amlCluster, armAsset, computeInstance, kubernetesCompute, withComputeProps } from './testing';

describe(check.id, () => {
  it('passes an instance in a subnet without a public IP', () => {
    expect(run(check, armAsset(computeInstance))).toEqual({
      status: 'pass',
      evidence: {
        'properties.properties.enableNodePublicIp': false,
        'properties.properties.subnet': {
          id: expect.stringContaining('/subnets/snet-compute') as unknown,
        },
      },
    });
  });

  it('fails a cluster whose nodes get public IPs', () => {
    const body = withComputeProps(amlCluster, { enableNodePublicIp: true, subnet: undefined });
    expect(run(check, armAsset(body))).toEqual({
      status: 'fail',
      evidence: { 'properties.properties.enableNodePublicIp': true, 'properties.properties.subnet': null },
    });
  });

  it('fails an instance that reports a public address even without the flag', () => {
    const body = withComputeProps(computeInstance, {
      enableNodePublicIp: undefined,
      connectivityEndpoints: { publicIpAddress: '20.1.2.3', privateIpAddress: '10.0.1.4' },
    });
    expect(run(check, armAsset(body))).toMatchObject({
      status: 'fail',
      evidence: { 'properties.properties.connectivityEndpoints.publicIpAddress': '20.1.2.3' },
    });
  });

  it('is unknown when ARM returned neither the flag nor an address', () => {
    const body = withComputeProps(computeInstance, { enableNodePublicIp: undefined });
    expect(run(check, armAsset(body))).toEqual({
      status: 'unknown',
      missing: ['properties.properties.enableNodePublicIp'],
    });
  });

  it('does not concern attached Kubernetes compute', () => {
    expect(run(check, armAsset(kubernetesCompute)).status).toBe('not_applicable');
  });
});
