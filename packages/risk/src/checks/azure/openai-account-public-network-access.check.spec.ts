import { describe, expect, it } from 'vitest';
import { run } from '../../testing';
import { openAiAccountPublicNetworkAccess as check } from './openai-account-public-network-access.check';
import { armAsset, openAiAccount, withProps } from './testing';

describe(check.id, () => {
  it('passes when public network access is disabled', () => {
    const r = run(check, armAsset(openAiAccount));
    expect(r).toMatchObject({ status: 'pass', evidence: { 'properties.publicNetworkAccess': 'Disabled' } });
  });

  it('fails when it is enabled, for AI Services accounts too, with the network ACLs as evidence', () => {
    const body = { ...withProps(openAiAccount, { publicNetworkAccess: 'Enabled' }), kind: 'AIServices' };
    expect(run(check, armAsset(body))).toEqual({
      status: 'fail',
      evidence: {
        'properties.publicNetworkAccess': 'Enabled',
        'properties.networkAcls': {
          defaultAction: 'Deny',
          virtualNetworkRules: [],
          ipRules: [{ value: '203.0.113.0/24' }],
        },
      },
    });
  });

  it('is unknown when ARM did not return publicNetworkAccess', () => {
    const r = run(check, armAsset(withProps(openAiAccount, { publicNetworkAccess: undefined })));
    expect(r).toEqual({ status: 'unknown', missing: ['properties.publicNetworkAccess'] });
  });

  it('does not concern other Cognitive Services kinds', () => {
    const body = { ...withProps(openAiAccount, { publicNetworkAccess: 'Enabled' }), kind: 'TextAnalytics' };
    expect(run(check, armAsset(body)).status).toBe('not_applicable');
  });

  it('is unknown without a kind', () => {
    const { kind: _omitted, ...rest } = openAiAccount;
    expect(run(check, armAsset(rest))).toEqual({ status: 'unknown', missing: ['kind'] });
  });
});
