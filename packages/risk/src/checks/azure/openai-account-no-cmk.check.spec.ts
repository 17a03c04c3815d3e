import { describe, expect, it } from 'vitest';
import { run } from '../../testing';
import { openAiAccountNoCmk as check } from './openai-account-no-cmk.check';
import { armAsset, openAiAccount, withProps } from './testing';

describe(check.id, () => {
  it('passes with a Key Vault key, showing which', () => {
    expect(run(check, armAsset(openAiAccount))).toEqual({
      status: 'pass',
      evidence: {
        'properties.encryption.keySource': 'Microsoft.KeyVault',
        'properties.encryption.keyVaultProperties': {
          keyName: 'cog-cmk',
          keyVersion: '0123456789abcdef0123456789abcdef',
          keyVaultUri: 'https://kv-oai-prod.vault.azure.net/',
        },
      },
    });
  });

  it('fails with Microsoft-managed keys', () => {
    const body = withProps(openAiAccount, { encryption: { keySource: 'Microsoft.CognitiveServices' } });
    expect(run(check, armAsset(body))).toEqual({
      status: 'fail',
      evidence: { 'properties.encryption.keySource': 'Microsoft.CognitiveServices' },
    });
  });

  it('fails when the listed account has no encryption member', () => {
    const body = withProps(openAiAccount, { encryption: undefined });
    expect(run(check, armAsset(body))).toEqual({
      status: 'fail',
      evidence: { 'properties.encryption': null },
    });
  });

  it('is unknown when encryption came back without a key source', () => {
    const body = withProps(openAiAccount, { encryption: { keyVaultProperties: {} } });
    expect(run(check, armAsset(body))).toEqual({
      status: 'unknown',
      missing: ['properties.encryption.keySource'],
    });
  });

  it('is unknown when the account came back without properties', () => {
    const { properties: _omitted, ...rest } = openAiAccount;
    expect(run(check, armAsset(rest))).toEqual({ status: 'unknown', missing: ['properties'] });
  });
});
