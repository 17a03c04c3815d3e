import { describe, expect, it } from 'vitest';
import { run } from '../../testing';
import { KMS_KEY, wellConfiguredWorkbench, withField, workbenchAsset } from './testing';
import { workbenchInstanceNoCmek as check } from './workbench-instance-no-cmek.check';

const cmek = { diskEncryption: 'CMEK', kmsKey: KMS_KEY };

describe(check.id, () => {
  it('passes when the boot and data disks use a customer-managed key', () => {
    expect(run(check, workbenchAsset(wellConfiguredWorkbench))).toEqual({
      status: 'pass',
      evidence: { 'gceSetup.bootDisk': cmek, 'gceSetup.dataDisks[0]': cmek },
    });
  });

  it('fails when a data disk is encrypted with a Google-managed key', () => {
    const attributes = withField(wellConfiguredWorkbench, 'gceSetup.dataDisks', [
      { diskSizeGb: '100', diskType: 'PD_BALANCED', diskEncryption: 'GMEK' },
    ]);
    expect(run(check, workbenchAsset(attributes))).toEqual({
      status: 'fail',
      evidence: {
        'gceSetup.bootDisk': cmek,
        'gceSetup.dataDisks[0]': { diskEncryption: 'GMEK', kmsKey: null },
      },
    });
  });

  it('fails on a GMEK boot disk even when a data disk states nothing', () => {
    let attributes = withField(wellConfiguredWorkbench, 'gceSetup.bootDisk.diskEncryption', 'GMEK');
    attributes = withField(attributes, 'gceSetup.bootDisk.kmsKey', undefined);
    attributes = withField(attributes, 'gceSetup.dataDisks', [{ diskSizeGb: '100' }]);
    expect(run(check, workbenchAsset(attributes)).status).toBe('fail');
  });

  it('is unknown when a disk states neither diskEncryption nor kmsKey', () => {
    let attributes = withField(wellConfiguredWorkbench, 'gceSetup.bootDisk.diskEncryption', undefined);
    attributes = withField(attributes, 'gceSetup.bootDisk.kmsKey', undefined);
    expect(run(check, workbenchAsset(attributes))).toEqual({
      status: 'unknown',
      missing: ['gceSetup.bootDisk.diskEncryption'],
    });
  });

  it('is unknown when the body has no boot disk', () => {
    const attributes = withField(wellConfiguredWorkbench, 'gceSetup.bootDisk', undefined);
    expect(run(check, workbenchAsset(attributes))).toEqual({
      status: 'unknown',
      missing: ['gceSetup.bootDisk'],
    });
  });
});
