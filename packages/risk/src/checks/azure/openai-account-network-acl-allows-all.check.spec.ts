import { describe, expect, it } from 'vitest';
import { run } from '../../testing';
import { openAiAccountNetworkAclAllowsAll as check } from './openai-account-network-acl-allows-all.check';
import { armAsset, openAiAccount, withProps } from './testing';

const publicAccount = withProps(openAiAccount, { publicNetworkAccess: 'Enabled' });

describe(check.id, () => {
  it('passes when public access is disabled, whatever the ACL says', () => {
    const body = withProps(openAiAccount, { networkAcls: { defaultAction: 'Allow' } });
    expect(run(check, armAsset(body))).toEqual({
      status: 'pass',
      evidence: { 'properties.publicNetworkAccess': 'Disabled' },
    });
  });

  it('passes a public account whose ACL denies by default, listing the allowed ranges', () => {
    expect(run(check, armAsset(publicAccount))).toEqual({
      status: 'pass',
      evidence: {
        'properties.publicNetworkAccess': 'Enabled',
        'properties.networkAcls.defaultAction': 'Deny',
        'properties.networkAcls.ipRules': [{ value: '203.0.113.0/24' }],
        'properties.networkAcls.virtualNetworkRules': [],
      },
    });
  });

  it('fails a public account whose ACL allows by default', () => {
    const body = withProps(publicAccount, { networkAcls: { defaultAction: 'Allow', ipRules: [] } });
    expect(run(check, armAsset(body))).toMatchObject({
      status: 'fail',
      evidence: { 'properties.networkAcls.defaultAction': 'Allow' },
    });
  });

  it('fails a public account without any network ACL', () => {
    const body = withProps(publicAccount, { networkAcls: undefined });
    expect(run(check, armAsset(body))).toEqual({
      status: 'fail',
      evidence: { 'properties.publicNetworkAccess': 'Enabled', 'properties.networkAcls': null },
    });
  });

  it('is unknown when publicNetworkAccess or the default action were not returned', () => {
    expect(run(check, armAsset(withProps(openAiAccount, { publicNetworkAccess: undefined })))).toEqual({
      status: 'unknown',
      missing: ['properties.publicNetworkAccess'],
    });
    const noDefault = withProps(publicAccount, { networkAcls: { ipRules: [] } });
    expect(run(check, armAsset(noDefault))).toEqual({
      status: 'unknown',
      missing: ['properties.networkAcls.defaultAction'],
    });
  });
});
