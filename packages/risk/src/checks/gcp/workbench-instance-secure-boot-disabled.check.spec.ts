import { describe, expect, it } from 'vitest';
import { run } from '../../testing';
import { wellConfiguredWorkbench, withField, workbenchAsset } from './testing';
import { workbenchInstanceSecureBootDisabled as check } from './workbench-instance-secure-boot-disabled.check';

const field = 'gceSetup.shieldedInstanceConfig.enableSecureBoot';

describe(check.id, () => {
  it('passes when secure boot is on', () => {
    expect(run(check, workbenchAsset(wellConfiguredWorkbench))).toEqual({
      status: 'pass',
      evidence: { [field]: true },
    });
  });

  it('fails when the shielded instance config leaves enableSecureBoot out (false)', () => {
    const attributes = withField(wellConfiguredWorkbench, field, undefined);
    expect(run(check, workbenchAsset(attributes))).toEqual({ status: 'fail', evidence: { [field]: null } });
  });

  it('is unknown when the body has no shieldedInstanceConfig', () => {
    const attributes = withField(wellConfiguredWorkbench, 'gceSetup.shieldedInstanceConfig', undefined);
    expect(run(check, workbenchAsset(attributes))).toEqual({
      status: 'unknown',
      missing: ['gceSetup.shieldedInstanceConfig'],
    });
  });
});
