import { describe, expect, it } from 'vitest';
import { run } from '../../testing';
import { wellConfiguredWorkbench, withField, workbenchAsset } from './testing';
import { workbenchInstancePublicIp as check } from './workbench-instance-public-ip.check';

const network = 'https://www.googleapis.com/compute/v1/projects/ml-prod/global/networks/ml-vpc';

describe(check.id, () => {
  it('passes when the instance was created without an external IP', () => {
    expect(run(check, workbenchAsset(wellConfiguredWorkbench))).toEqual({
      status: 'pass',
      evidence: { 'gceSetup.disablePublicIp': true, networks: [network] },
    });
  });

  it('fails when gceSetup leaves disablePublicIp out (false in proto3 JSON)', () => {
    const attributes = withField(wellConfiguredWorkbench, 'gceSetup.disablePublicIp', undefined);
    expect(run(check, workbenchAsset(attributes))).toEqual({
      status: 'fail',
      evidence: { 'gceSetup.disablePublicIp': null, networks: [network] },
    });
  });

  it('is unknown when the instance has no gceSetup at all', () => {
    const attributes = withField(wellConfiguredWorkbench, 'gceSetup', undefined);
    expect(run(check, workbenchAsset(attributes))).toEqual({ status: 'unknown', missing: ['gceSetup'] });
  });
});
