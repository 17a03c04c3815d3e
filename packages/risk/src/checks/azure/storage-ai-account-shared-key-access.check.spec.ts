import { describe, expect, it } from 'vitest';
import { run } from '../../testing';
import { storageAiAccountSharedKeyAccess as check } from './storage-ai-account-shared-key-access.check';
import { armAsset, openAiAccount, storageAccount, withProps } from './testing';

const account = armAsset(openAiAccount);
const usedByOpenAi = (body: typeof storageAccount) => {
  const storage = armAsset(body);
  return run(check, storage, {
    assets: [account],
    relations: [{ fromNativeId: account.nativeId, kind: 'uses_storage', toNativeId: storage.nativeId }],
  });
};

describe(check.id, () => {
  it('passes when shared-key access is disabled', () => {
    expect(usedByOpenAi(storageAccount)).toEqual({
      status: 'pass',
      evidence: { 'properties.allowSharedKeyAccess': false, usedBy: [account.nativeId] },
    });
  });

  it('fails when shared keys are allowed', () => {
    expect(usedByOpenAi(withProps(storageAccount, { allowSharedKeyAccess: true }))).toEqual({
      status: 'fail',
      evidence: { 'properties.allowSharedKeyAccess': true, usedBy: [account.nativeId] },
    });
  });

  it('is unknown, not failed, when ARM left the member out (its documented default is true)', () => {
    expect(usedByOpenAi(withProps(storageAccount, { allowSharedKeyAccess: undefined }))).toEqual({
      status: 'unknown',
      missing: ['properties.allowSharedKeyAccess'],
    });
  });

  it('does not concern storage no AI resource uses', () => {
    const r = run(check, armAsset(withProps(storageAccount, { allowSharedKeyAccess: true })));
    expect(r.status).toBe('not_applicable');
  });
});
