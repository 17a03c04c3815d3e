import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '@aispm/cloud-sim';
// The simulator's Google demo keys, by path until @aispm/cloud-sim re-exports them.
import { simGcpServiceAccountKey } from '../../../apps/cloud-sim/src/gcp/credentials';
import type { ScanOutput } from './scan.findings';
import type { SarifLog } from './scan.sarif';
import { runAispm } from './testing/run-aispm';
import { sarifSchemaErrors } from './testing/sarif-schema';

let sim: RunningSimulator;
let failing: RunningSimulator;
let dir: string;
let env: Record<string, string>;
let failingEnv: Record<string, string>;

beforeAll(async () => {
  sim = await startSimulator({ port: 0 });
  failing = await startSimulator({
    port: 0,
    faults: [{ service: 'gcp.vertex', operation: 'ListCustomJobs', kind: 'fail-page', page: 1 }],
  });
  dir = await mkdtemp(join(tmpdir(), 'aispm-scan-gcp-'));
  env = { GOOGLE_APPLICATION_CREDENTIALS: join(dir, 'key.json') };
  failingEnv = { GOOGLE_APPLICATION_CREDENTIALS: join(dir, 'failing-key.json') };
  await writeFile(env.GOOGLE_APPLICATION_CREDENTIALS!, JSON.stringify(simGcpServiceAccountKey(sim)));
  await writeFile(
    failingEnv.GOOGLE_APPLICATION_CREDENTIALS!,
    JSON.stringify(simGcpServiceAccountKey(failing)),
  );
});

afterAll(async () => {
  await sim?.close();
  await failing?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const gcpArgs = (s: RunningSimulator, ...regions: string[]) => [
  'scan',
  '--provider',
  'gcp',
  '--project',
  'aispm-sim-project',
  '--endpoint',
  s.gcp!.url,
  ...regions.flatMap((r) => ['--region', r]),
];

const failedOf = (out: ScanOutput, checkId: string) =>
  out.findings
    .filter((f) => f.checkId === checkId && f.status === 'fail')
    .map((f) => f.assetNativeId)
    .sort();

/** Listed assets of a type the simulator planted a misconfiguration on, by resource name. */
const plantedOn = (out: ScanOutput, type: string, misconfiguration: string) =>
  out.assets
    .filter(
      (a) =>
        a.type === type && sim.estate.gcp.misconfigurations[a.nativeId]?.includes(misconfiguration as never),
    )
    .map((a) => a.nativeId)
    .sort();

describe('aispm scan --provider gcp', () => {
  it('fails exactly the planted Google misconfigurations, in JSON and in valid SARIF', async () => {
    const [json, sarif] = await Promise.all([
      runAispm(gcpArgs(sim, 'us-central1', 'europe-west4'), env),
      runAispm([...gcpArgs(sim, 'us-central1', 'europe-west4'), '--format', 'sarif'], env),
    ]);
    expect(json.stderr).toBe('');
    expect(json.code).toBe(0);
    const out = JSON.parse(json.stdout) as ScanOutput;
    const cases: [string, string, string][] = [
      ['gcp.vertex.workbench.public_ip', 'gcp.notebooks.instance', 'public-ip'],
      ['gcp.vertex.training.public_training_data', 'gcp.vertex.custom_job', 'public-training-data'],
    ];
    for (const [checkId, type, planted] of cases) {
      const expected = plantedOn(out, type, planted);
      expect(expected.length, `${type} with ${planted}`).toBeGreaterThan(0);
      expect([checkId, failedOf(out, checkId)]).toEqual([checkId, expected]);
      // The others of that type were judged too: passed, or unknown where the body left a field out.
      const others = out.findings.filter((f) => f.checkId === checkId && !expected.includes(f.assetNativeId));
      expect(others.length).toBeGreaterThan(0);
      for (const f of others) expect(['pass', 'unknown']).toContain(f.status);
    }

    expect(sarif.code).toBe(0);
    const log = JSON.parse(sarif.stdout) as SarifLog;
    expect(sarifSchemaErrors(log)).toEqual([]);
    const fqn = (r: SarifLog['runs'][0]['results'][number]) =>
      r.locations[0]!.logicalLocations[0]!.fullyQualifiedName;
    expect(
      log.runs[0].results
        .filter((r) => r.ruleId === 'gcp.vertex.workbench.public_ip')
        .map(fqn)
        .sort(),
    ).toEqual(plantedOn(out, 'gcp.notebooks.instance', 'public-ip'));
    expect(log.runs[0].results).toHaveLength(out.findings.filter((f) => f.status === 'fail').length);
  });

  it('exits 0 when no failure reaches --fail-on, 4 when one does', async () => {
    // asia-east1 holds no Vertex AI resources: only the project-wide listings, with one medium failure.
    const [high, medium] = await Promise.all([
      runAispm([...gcpArgs(sim, 'asia-east1'), '--fail-on', 'high'], env),
      runAispm([...gcpArgs(sim, 'asia-east1'), '--fail-on', 'medium'], env),
    ]);
    expect(high.stderr).toBe('');
    expect(high.code).toBe(0);
    const out = JSON.parse(high.stdout) as ScanOutput;
    const failed = out.findings.filter((f) => f.status === 'fail');
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.every((f) => f.severity !== 'critical' && f.severity !== 'high')).toBe(true);

    expect(medium.code).toBe(4);
    expect(medium.stderr).toMatch(/--fail-on medium: \d+ failed finding\(s\) at or above medium/);
    expect(JSON.parse(medium.stdout)).toEqual(out);
  });

  it('exits 3, not 0, when the gate passes but a listing failed', async () => {
    const { code, stdout, stderr } = await runAispm(
      [...gcpArgs(failing, 'us-central1'), '--fail-on', 'critical'],
      failingEnv,
    );
    expect(code).toBe(3);
    expect(stderr).toMatch(/listing failed: vertex\.custom_jobs in us-central1: Unavailable/);
    expect(stderr).not.toContain('--fail-on');
    const out = JSON.parse(stdout) as ScanOutput;
    const customJobs = new Set(
      out.assets.filter((a) => a.type === 'gcp.vertex.custom_job').map((a) => a.nativeId),
    );
    expect(customJobs.size).toBe(0);
    expect(out.findings.some((f) => f.checkId.startsWith('gcp.vertex.custom_job.'))).toBe(false);
    expect(out.findings.some((f) => f.status === 'fail')).toBe(true);
  });

  it('exits 2 on a bad --fail-on or --format, naming it', async () => {
    const runs = await Promise.all([
      runAispm([...gcpArgs(sim), '--fail-on', 'urgent'], env),
      runAispm([...gcpArgs(sim), '--format', 'csv'], env),
    ]);
    expect(runs.map((r) => r.code)).toEqual([2, 2]);
    expect(runs[0]!.stderr).toMatch(/--fail-on must be one of critical, high, medium, low, info, not urgent/);
    expect(runs[1]!.stderr).toMatch(/--format must be json or sarif/);
  });
});
