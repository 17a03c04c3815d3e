import { describe, expect, it } from 'vitest';
import { run } from '../../testing';
import { mlComputeApplicationsShared as check } from './ml-compute-applications-shared.check';
import { amlCluster, armAsset, computeInstance, withComputeProps, withProps } from './testing';

describe(check.id, () => {
  it('passes a personal instance', () => {
    expect(run(check, armAsset(computeInstance))).toEqual({
      status: 'pass',
      evidence: { 'properties.properties.applicationSharingPolicy': 'Personal' },
    });
  });

  it('fails a shared instance', () => {
    const body = withComputeProps(computeInstance, { applicationSharingPolicy: 'Shared' });
    expect(run(check, armAsset(body))).toEqual({
      status: 'fail',
      evidence: { 'properties.properties.applicationSharingPolicy': 'Shared' },
    });
  });

  it('is unknown when ARM left the policy out, though the SDK would report Shared', () => {
    const body = withComputeProps(computeInstance, { applicationSharingPolicy: undefined });
    expect(run(check, armAsset(body))).toEqual({
      status: 'unknown',
      missing: ['properties.properties.applicationSharingPolicy'],
    });
  });

  it('is unknown without a computeType, and does not concern clusters', () => {
    expect(run(check, armAsset(withProps(computeInstance, { computeType: undefined })))).toEqual({
      status: 'unknown',
      missing: ['properties.computeType'],
    });
    expect(run(check, armAsset(amlCluster)).status).toBe('not_applicable');
  });
});
