import { describe, expect, it } from 'vitest';
import { toIntEnums, ENUM_FIELDS } from './enums';
import {
  buildGcpEstate,
  GCP_DEFAULT_COUNTS,
  SIM_GCP_EXTERNAL_BUCKET,
  VERTEX_KINDS,
  type GcpEstate,
  type GcpMisconfiguration,
} from './estate';

function assetCount(e: GcpEstate): number {
  const vertex = VERTEX_KINDS.reduce(
    (n, k) => n + Object.values(e.vertex[k]).reduce((a, b) => a + b.length, 0),
    0,
  );
  return vertex + e.workbenchAll.length + e.buckets.length + e.services.length;
}

describe('buildGcpEstate', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    expect(JSON.stringify(buildGcpEstate(7, undefined))).toBe(JSON.stringify(buildGcpEstate(7, undefined)));
    expect(JSON.stringify(buildGcpEstate(7, undefined))).not.toBe(
      JSON.stringify(buildGcpEstate(8, undefined)),
    );
  });

  it('builds the small default estate with the documented counts per location', () => {
    const e = buildGcpEstate(42, undefined);
    for (const kind of VERTEX_KINDS) {
      expect([e.vertex[kind]['us-central1']!.length, e.vertex[kind]['europe-west4']!.length]).toEqual([
        ...GCP_DEFAULT_COUNTS[kind],
      ]);
    }
    expect(e.workbenchAll).toHaveLength(GCP_DEFAULT_COUNTS.workbench[0] + GCP_DEFAULT_COUNTS.workbench[1]);
    expect(e.buckets).toHaveLength(6);
    expect(e.services.filter((s) => s.state === 'ENABLED')).toHaveLength(16);
  });

  it('plants every misconfiguration and every omitted field at least once, for any seed', () => {
    const all: GcpMisconfiguration[] = [
      'public-endpoint',
      'no-cmek',
      'self-hosted-server',
      'public-ip',
      'no-secure-boot',
      'default-compute-sa',
      'root-access',
      'internet-access',
      'editor-service-account',
      'public-bucket',
      'no-uniform-access',
      'no-public-access-prevention',
      'no-logging',
      'no-versioning',
      'public-training-data',
    ];
    for (const seed of [1, 42, 1234]) {
      const e = buildGcpEstate(seed, undefined);
      const planted = new Set(Object.values(e.misconfigurations).flat());
      for (const m of all) expect(planted.has(m), `${m} with seed ${seed}`).toBe(true);
      expect(new Set(Object.values(e.omittedFields).flat())).toEqual(
        new Set([
          'networkSpec',
          'shieldedVmConfig',
          'gceSetup.shieldedInstanceConfig',
          'iamConfiguration.publicAccessPrevention',
          'gceSetup.bootDisk.diskEncryption',
        ]),
      );
      // A well-configured resource exists too: checks must be able to pass.
      expect(Object.values(e.misconfigurations).some((m) => m.length === 0)).toBe(true);
    }
  });

  it('has a job read a bucket outside the project, so its exposure cannot be known', () => {
    const e = buildGcpEstate(42, undefined);
    const jobs = Object.values(e.vertex.customJobs).flat();
    expect(JSON.stringify(jobs)).toContain(`gs://${SIM_GCP_EXTERNAL_BUCKET}/`);
    expect(e.buckets.map((b) => b.name)).not.toContain(SIM_GCP_EXTERNAL_BUCKET);
  });

  it('writes proto3 JSON: int64 as strings, RFC 3339 times, no false booleans', () => {
    const e = buildGcpEstate(42, undefined);
    const dataset = e.vertex.datasets['us-central1']![0]!;
    expect(dataset.dataItemCount).toEqual(expect.any(String));
    expect(dataset.createTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z$/);
    expect(JSON.stringify(e.vertex)).not.toContain(':false');
    expect(JSON.stringify(e.workbenchAll)).not.toContain(':false');
  });

  it('sizes a load estate within 5% of the asked size', () => {
    const e = buildGcpEstate(42, 18_000);
    expect(Math.abs(assetCount(e) - 18_000)).toBeLessThan(900);
    expect(new Set(e.vertex.models['us-central1']!.map((m) => m.name)).size).toBe(
      e.vertex.models['us-central1']!.length,
    );
  });
});

describe('toIntEnums', () => {
  it('numbers the listed enum fields, arrays included, and leaves the rest', () => {
    const job = {
      state: 'JOB_STATE_FAILED',
      jobSpec: { workerPoolSpecs: [{ machineSpec: { acceleratorType: 'NVIDIA_L4', machineType: 'g2' } }] },
      displayName: 'JOB_STATE_FAILED',
    };
    expect(toIntEnums(job, ENUM_FIELDS.customJobs)).toEqual({
      state: 5,
      jobSpec: { workerPoolSpecs: [{ machineSpec: { acceleratorType: 11, machineType: 'g2' } }] },
      displayName: 'JOB_STATE_FAILED',
    });
    expect(toIntEnums({ state: 'ENABLED' }, ENUM_FIELDS.services)).toEqual({ state: 2 });
  });
});
