import { describe, expect, it } from 'vitest';
import { run } from '../../../testing';
import { sagemakerFeatureGroupOnlineStoreNoCmk as check } from './sagemaker-feature-group-online-store-no-cmk.check';
import { KEY_ARN, featureGroupAsset, wellConfiguredFeatureGroup, without } from './testing';

const FIELD = 'OnlineStoreConfig.SecurityConfig.KmsKeyId';
const online = wellConfiguredFeatureGroup.OnlineStoreConfig as Record<string, unknown>;

describe(check.id, () => {
  it('passes when the online store uses a customer key', () => {
    expect(run(check, featureGroupAsset(wellConfiguredFeatureGroup))).toEqual({
      status: 'pass',
      evidence: { [FIELD]: KEY_ARN },
    });
  });

  it('fails when the online store has no SecurityConfig', () => {
    const group = { ...wellConfiguredFeatureGroup, OnlineStoreConfig: without(online, 'SecurityConfig') };
    expect(run(check, featureGroupAsset(group))).toEqual({ status: 'fail', evidence: { [FIELD]: null } });
  });

  it('does not apply to an offline-only group or a disabled online store', () => {
    expect(
      run(check, featureGroupAsset(without(wellConfiguredFeatureGroup, 'OnlineStoreConfig'))).status,
    ).toBe('not_applicable');
    const disabled = { ...wellConfiguredFeatureGroup, OnlineStoreConfig: { EnableOnlineStore: false } };
    expect(run(check, featureGroupAsset(disabled)).status).toBe('not_applicable');
  });

  it('is unknown when the group was never described', () => {
    expect(run(check, featureGroupAsset({}))).toEqual({ status: 'unknown', missing: ['FeatureGroupArn'] });
  });
});
