import { startSimulator, type RunningSimulator } from '@aispm/cloud-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeGcpClients } from './clients';
import { collect, failure, SIM_GCP_DEFAULT_COMPUTE_SA, simTarget } from './testing/sim-target';
import { workbenchInstancesDiscoverer as discoverer, zoneOf } from './workbench.discoverer';

let sim: RunningSimulator;
let faulty: RunningSimulator;

beforeAll(async () => {
  sim = await startSimulator({ port: 0 });
  faulty = await startSimulator({
    port: 0,
    faults: [{ service: 'gcp.notebooks', operation: 'ListInstances', kind: 'fail-page', page: 2 }],
  });
});

afterAll(async () => {
  closeGcpClients();
  await sim?.close();
  await faulty?.close();
});

describe('Workbench instances discoverer', () => {
  it('is a regional listing of gcp.notebooks.instance', () => {
    expect(discoverer).toMatchObject({
      service: 'notebooks.instances',
      scope: 'regional',
      assetTypes: ['gcp.notebooks.instance'],
    });
  });

  it('keeps the instances of the zones of its region, each once, with the name as returned', async () => {
    for (const region of ['us-central1', 'europe-west4']) {
      const expected = sim.estate.gcp.workbenchAll.filter((i) =>
        zoneOf(String(i.name))!.startsWith(`${region}-`),
      );
      expect(expected.length).toBeGreaterThan(0);
      const pages = await collect(discoverer, simTarget(sim, region), { pageSize: 2 });
      // Every page of the project-wide listing is read (4 pages of 2), even the ones with nothing in this region.
      expect(pages).toHaveLength(Math.ceil(sim.estate.gcp.workbenchAll.length / 2));
      const records = pages.flat();
      expect(records.map((r) => r.nativeId)).toEqual(expected.map((i) => i.name));
      for (const r of records) {
        expect(r.region).toBe(region);
        expect(r.attributes).toEqual(expected.find((i) => i.name === r.nativeId));
      }
    }
  });

  it('shows public IPs, missing secure boot, root access and the default compute account as sent', async () => {
    const records = (await collect(discoverer, simTarget(sim))).flat();
    const bad = (m: string) =>
      records.filter((r) => sim.estate.gcp.misconfigurations[r.nativeId]?.includes(m as never));
    for (const r of bad('public-ip')) {
      // proto3 JSON leaves the false bool out, and so does the record: no default filled in.
      expect(r.attributes.gceSetup).not.toHaveProperty('disablePublicIp');
    }
    expect(bad('public-ip').length).toBeGreaterThan(0);
    for (const r of bad('default-compute-sa')) {
      expect(r.relations).toContainEqual({
        kind: 'uses_role',
        toAssetType: 'gcp.iam.service_account',
        toNativeId: SIM_GCP_DEFAULT_COMPUTE_SA,
      });
    }
    expect(
      bad('root-access').every(
        (r) =>
          !(r.attributes.gceSetup as { metadata: Record<string, string> }).metadata['notebook-disable-root'],
      ),
    ).toBe(true);
    const unknownBoot = records.find((r) =>
      sim.estate.gcp.omittedFields[r.nativeId]?.includes('gceSetup.shieldedInstanceConfig'),
    );
    expect(unknownBoot?.attributes.gceSetup).not.toHaveProperty('shieldedInstanceConfig');
    // Enums sent as numbers come back as names.
    expect(records.every((r) => typeof r.attributes.state === 'string')).toBe(true);
    expect((records[0]!.attributes.gceSetup as { bootDisk: { diskType: unknown } }).bootDisk.diskType).toBe(
      'PD_BALANCED',
    );
    const cmek = records.find(
      (r) => (r.attributes.gceSetup as { bootDisk: { kmsKey?: string } }).bootDisk.kmsKey,
    );
    expect(cmek?.relations?.some((e) => e.kind === 'encrypted_by')).toBe(true);
  });

  it('fails with AccessDenied naming notebooks.instances.list', async () => {
    const { error } = await failure(discoverer, simTarget(sim, 'us-central1', 'no-access'));
    expect(error.code).toBe('AccessDenied');
    expect(error.message).toContain('notebooks.instances.list');
  });

  it('yields the pages before a failing page, then fails with a retryable Unavailable', async () => {
    const { error, pages } = await failure(discoverer, simTarget(faulty), { pageSize: 2, maxAttempts: 2 });
    expect(pages).toHaveLength(1);
    expect(error).toMatchObject({ code: 'Unavailable', retryable: true, operation: 'ListInstances' });
  });
});
