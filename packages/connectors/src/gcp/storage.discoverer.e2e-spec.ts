import { startSimulator, type RunningSimulator } from '@aispm/cloud-sim';
import { parseOutboundPolicy } from '@aispm/security';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeGcpClients } from './clients';
import { storageBucketsDiscoverer as discoverer } from './storage.discoverer';
import { collect, failure, simTarget } from './testing/sim-target';

let sim: RunningSimulator;
let faulty: RunningSimulator;

beforeAll(async () => {
  sim = await startSimulator({ port: 0 });
  faulty = await startSimulator({
    port: 0,
    faults: [
      { service: 'gcp.storage', operation: 'GetBucketIamPolicy', kind: 'throttle', rate: 0.3 },
      { service: 'gcp.storage', operation: 'ListBuckets', kind: 'fail-page', page: 2 },
    ],
  });
});

afterAll(async () => {
  closeGcpClients();
  await sim?.close();
  await faulty?.close();
});

describe('Cloud Storage buckets discoverer', () => {
  it('is a project-wide listing of gcp.storage.bucket', () => {
    expect(discoverer).toMatchObject({
      service: 'storage.buckets',
      scope: 'global',
      assetTypes: ['gcp.storage.bucket'],
    });
  });

  it('lists every bucket once, page by page, as projects/_/buckets/<name>, with its IAM policy', async () => {
    const pages = await collect(discoverer, simTarget(sim, 'global'), { pageSize: 4 });
    expect(pages.map((p) => p.length)).toEqual([4, 2]);
    const records = pages.flat();
    const buckets = sim.estate.gcp.buckets;
    expect(records.map((r) => r.nativeId)).toEqual(
      buckets.map((b) => `projects/_/buckets/${String(b.name)}`),
    );
    for (const r of records) {
      const body = buckets.find((b) => b.name === r.name)!;
      expect(r.attributes).toEqual({ ...body, iamPolicy: sim.estate.gcp.bucketIam.get(r.name) });
      expect(r.region).toBe(String(body.location).toLowerCase());
    }
  });

  it('shows public bindings and missing protections as the API returned them, never defaulted', async () => {
    const records = (await collect(discoverer, simTarget(sim, 'global'))).flat();
    const members = (name: string) =>
      (
        records.find((r) => r.name === name)!.attributes.iamPolicy as { bindings: { members: string[] }[] }
      ).bindings.flatMap((b) => b.members);
    expect(members('aispm-sim-public-datasets')).toContain('allUsers');
    expect(members('aispm-sim-pipeline-root')).toContain('allAuthenticatedUsers');
    const legacy = records.find((r) => r.name === 'aispm-sim-notebook-exports')!;
    expect(legacy.attributes.iamConfiguration).toMatchObject({
      uniformBucketLevelAccess: { enabled: false },
      publicAccessPrevention: 'inherited',
    });
    expect(legacy.attributes).not.toHaveProperty('encryption');
    expect(legacy.attributes).not.toHaveProperty('logging');
    expect(legacy.attributes).not.toHaveProperty('versioning');
    const unknownPap = records.find((r) =>
      sim.estate.gcp.omittedFields[r.name]?.includes('iamConfiguration.publicAccessPrevention'),
    )!;
    expect(unknownPap.attributes.iamConfiguration).not.toHaveProperty('publicAccessPrevention');
    const cmek = records.find((r) => r.name === 'aispm-sim-training-data')!;
    expect(cmek.attributes.metageneration).toEqual(expect.any(String));
    expect(cmek.relations).toEqual([
      {
        kind: 'encrypted_by',
        toAssetType: 'gcp.kms.crypto_key',
        toNativeId: (cmek.attributes.encryption as { defaultKmsKeyName: string }).defaultKmsKeyName,
      },
    ]);
  });

  it('skips a bucket deleted between the listing and its IAM read', async () => {
    const gone = await startSimulator({ port: 0 });
    try {
      gone.estate.gcp.bucketIam.delete('aispm-sim-model-artifacts');
      const records = (await collect(discoverer, simTarget(gone, 'global'))).flat();
      expect(records.map((r) => r.name)).not.toContain('aispm-sim-model-artifacts');
      expect(records).toHaveLength(gone.estate.gcp.buckets.length - 1);
    } finally {
      await gone.close();
    }
  });

  it('fails with AccessDenied naming storage.buckets.list', async () => {
    const { error } = await failure(discoverer, simTarget(sim, 'global', 'no-access'));
    expect(error.code).toBe('AccessDenied');
    expect(error.message).toContain('storage.buckets.list');
  });

  it('retries throttled IAM reads, and fails on a failing listing page after yielding the first', async () => {
    const { error, pages } = await failure(discoverer, simTarget(faulty, 'global'), {
      pageSize: 3,
      maxAttempts: 6,
    });
    expect(pages).toEqual([3]);
    expect(error).toMatchObject({ code: 'Unavailable', retryable: true, operation: 'ListBuckets' });
  });

  it('refuses an endpoint the outbound policy does not allow', async () => {
    const { error } = await failure(discoverer, {
      ...simTarget(sim, 'global'),
      outbound: parseOutboundPolicy(''),
    });
    expect(error.code).toBe('Unavailable');
    expect(error.retryable).toBe(false);
  });
});
