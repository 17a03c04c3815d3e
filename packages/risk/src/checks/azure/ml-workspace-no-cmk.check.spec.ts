import { describe, expect, it } from 'vitest';
import { run } from '../../testing';
import { mlWorkspaceNoCmk as check } from './ml-workspace-no-cmk.check';
import { armAsset, mlWorkspace, withProps, without } from './testing';

describe(check.id, () => {
  it('passes when customer-managed key encryption is enabled, naming the key', () => {
    expect(run(check, armAsset(mlWorkspace))).toEqual({
      status: 'pass',
      evidence: {
        'properties.encryption.status': 'Enabled',
        'properties.encryption.keyVaultProperties.keyIdentifier':
          'https://kvcmk.vault.azure.net/keys/ws-cmk/0123456789abcdef',
      },
    });
  });

  it('fails when the listed workspace has no encryption member', () => {
    expect(run(check, armAsset(withProps(mlWorkspace, { encryption: undefined })))).toEqual({
      status: 'fail',
      evidence: { 'properties.encryption': null },
    });
  });

  it('fails when encryption is reported Disabled', () => {
    const body = withProps(mlWorkspace, { encryption: { status: 'Disabled', keyVaultProperties: {} } });
    expect(run(check, armAsset(body))).toEqual({
      status: 'fail',
      evidence: { 'properties.encryption.status': 'Disabled' },
    });
  });

  it('is unknown when encryption came back without a status, or the workspace without properties', () => {
    const noStatus = withProps(mlWorkspace, { encryption: { keyVaultProperties: {} } });
    expect(run(check, armAsset(noStatus))).toEqual({
      status: 'unknown',
      missing: ['properties.encryption.status'],
    });
    expect(run(check, armAsset(without(mlWorkspace, 'properties')))).toEqual({
      status: 'unknown',
      missing: ['properties'],
    });
  });
});
