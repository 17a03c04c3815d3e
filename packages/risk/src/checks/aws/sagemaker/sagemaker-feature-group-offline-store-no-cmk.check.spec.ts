import { describe, expect, it } from 'vitest';
import { run } from '../../../testing';
import { sagemakerFeatureGroupOfflineStoreNoCmk as check } from './sagemaker-feature-group-offline-store-no-cmk.check';
import { KEY_ARN, featureGroupAsset, wellConfiguredFeatureGroup, without } from './testing';

const FIELD = 'OfflineStoreConfig.S3StorageConfig.KmsKeyId';
const offline = wellConfiguredFeatureGroup.OfflineStoreConfig as Record<string, unknown>;
const storage = offline.S3StorageConfig as Record<string, unknown>;

describe(check.id, () => {
  it('passes when the offline store uses a customer key', () => {
    expect(run(check, featureGroupAsset(wellConfiguredFeatureGroup))).toEqual({
      status: 'pass',
      evidence: { [FIELD]: KEY_ARN },
    });
  });

  it('fails when the S3 storage config has no key', () => {
    const group = {
      ...wellConfiguredFeatureGroup,
      OfflineStoreConfig: { ...offline, S3StorageConfig: without(storage, 'KmsKeyId') },
    };
    expect(run(check, featureGroupAsset(group))).toEqual({ status: 'fail', evidence: { [FIELD]: null } });
  });

  it('does not apply to an online-only group', () => {
    const r = run(check, featureGroupAsset(without(wellConfiguredFeatureGroup, 'OfflineStoreConfig')));
    expect(r.status).toBe('not_applicable');
  });

  it('is unknown when the storage config or the group itself was not returned', () => {
    const group = { ...wellConfiguredFeatureGroup, OfflineStoreConfig: without(offline, 'S3StorageConfig') };
    expect(run(check, featureGroupAsset(group))).toEqual({
      status: 'unknown',
      missing: ['OfflineStoreConfig.S3StorageConfig'],
    });
    expect(run(check, featureGroupAsset({})).status).toBe('unknown');
  });
});
