import { describe, expect, it } from 'vitest';
import { run } from '../../testing';
import { notebookRuntimeAsset, wellConfiguredNotebookRuntime, withField } from './testing';
import { vertexNotebookRuntimeSecureBootDisabled as check } from './vertex-notebook-runtime-secure-boot-disabled.check';

const field = 'shieldedVmConfig.enableSecureBoot';

describe(check.id, () => {
  it('passes when secure boot is on', () => {
    expect(run(check, notebookRuntimeAsset(wellConfiguredNotebookRuntime))).toEqual({
      status: 'pass',
      evidence: { [field]: true },
    });
  });

  it('fails when the shielded VM config is empty (secure boot false)', () => {
    const attributes = withField(wellConfiguredNotebookRuntime, 'shieldedVmConfig', {});
    expect(run(check, notebookRuntimeAsset(attributes))).toEqual({
      status: 'fail',
      evidence: { [field]: null },
    });
  });

  it('is unknown when the body has no shieldedVmConfig', () => {
    const attributes = withField(wellConfiguredNotebookRuntime, 'shieldedVmConfig', undefined);
    expect(run(check, notebookRuntimeAsset(attributes))).toEqual({
      status: 'unknown',
      missing: ['shieldedVmConfig'],
    });
  });
});
