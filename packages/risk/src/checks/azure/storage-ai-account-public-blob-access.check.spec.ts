import { describe, expect, it } from 'vitest';
import { run } from '../../testing';
import { storageAiAccountPublicBlobAccess as check } from './storage-ai-account-public-blob-access.check';
import { armAsset, mlDatastore, mlWorkspace, storageAccount, withProps } from './testing';

const workspace = armAsset(mlWorkspace);
const usedByWorkspace = (body: typeof storageAccount) => {
  const storage = armAsset(body);
  return run(check, storage, {
    assets: [workspace],
    relations: [{ fromNativeId: workspace.nativeId, kind: 'uses_storage', toNativeId: storage.nativeId }],
  });
};

describe(check.id, () => {
  it('passes a workspace storage account that forbids public blobs', () => {
    expect(usedByWorkspace(storageAccount)).toEqual({
      status: 'pass',
      evidence: { 'properties.allowBlobPublicAccess': false, usedBy: [workspace.nativeId] },
    });
  });

  it('fails one that allows public blobs', () => {
    expect(usedByWorkspace(withProps(storageAccount, { allowBlobPublicAccess: true }))).toMatchObject({
      status: 'fail',
      evidence: { 'properties.allowBlobPublicAccess': true },
    });
  });

  it('applies to an account only a datastore names', () => {
    const storage = armAsset(withProps(storageAccount, { allowBlobPublicAccess: true }));
    const datastore = armAsset(mlDatastore);
    expect(run(check, storage, { assets: [datastore] })).toEqual({
      status: 'fail',
      evidence: { 'properties.allowBlobPublicAccess': true, usedBy: [datastore.nativeId] },
    });
  });

  it('is unknown when the member is absent or null', () => {
    for (const value of [undefined, null]) {
      expect(usedByWorkspace(withProps(storageAccount, { allowBlobPublicAccess: value }))).toEqual({
        status: 'unknown',
        missing: ['properties.allowBlobPublicAccess'],
      });
    }
  });

  it('does not concern storage no AI resource uses', () => {
    const r = run(check, armAsset(withProps(storageAccount, { allowBlobPublicAccess: true })));
    expect(r.status).toBe('not_applicable');
  });
});
