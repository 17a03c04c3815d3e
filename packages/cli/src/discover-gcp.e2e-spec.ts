import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '@aispm/cloud-sim';
// The simulator's Google demo keys, by path until @aispm/cloud-sim re-exports them.
import { simGcpServiceAccountKey } from '../../../apps/cloud-sim/src/gcp/credentials';
import type { DiscoverOutput } from './discover.command';

const bin = fileURLToPath(new URL('../bin/aispm.mjs', import.meta.url));

function aispm(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, [bin, ...args], {
    env: { PATH: process.env.PATH ?? '', OUTBOUND_ALLOW: '127.0.0.0/8', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.once('exit', (code) => resolve({ code, stdout, stderr })),
  );
}

let sim: RunningSimulator;
let failing: RunningSimulator;
let dir: string;
let keyFile: string;
let failingKeyFile: string;
const simLog: string[] = [];

beforeAll(async () => {
  sim = await startSimulator({ port: 0, log: (l) => simLog.push(l) });
  failing = await startSimulator({
    port: 0,
    faults: [{ service: 'gcp.vertex', operation: 'ListCustomJobs', kind: 'fail-page', page: 1 }],
  });
  dir = await mkdtemp(join(tmpdir(), 'aispm-gcp-'));
  keyFile = join(dir, 'key.json');
  failingKeyFile = join(dir, 'failing-key.json');
  await writeFile(keyFile, JSON.stringify(simGcpServiceAccountKey(sim)));
  await writeFile(failingKeyFile, JSON.stringify(simGcpServiceAccountKey(failing)));
});

afterAll(async () => {
  await sim?.close();
  await failing?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const gcpArgs = (s: RunningSimulator, ...regions: string[]) => [
  'discover',
  '--provider',
  'gcp',
  '--project',
  'aispm-sim-project',
  '--endpoint',
  s.gcp!.url,
  ...regions.flatMap((r) => ['--region', r]),
  '--format',
  'json',
];

describe('aispm discover --provider gcp', () => {
  it('prints the whole Google inventory with resource names as returned, and exits 0', async () => {
    simLog.length = 0;
    const { code, stdout, stderr } = await aispm(gcpArgs(sim, 'us-central1', 'europe-west4'), {
      GOOGLE_APPLICATION_CREDENTIALS: keyFile,
    });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as DiscoverOutput;
    const e = sim.estate.gcp;
    const vertex = Object.values(e.vertex).flatMap((byLocation) =>
      ['us-central1', 'europe-west4'].flatMap((l) => byLocation[l] ?? []),
    );
    const expected = [
      ...vertex.map((r) => String(r.name)),
      ...e.workbenchAll.map((r) => String(r.name)),
      ...e.buckets.map((b) => `projects/_/buckets/${String(b.name)}`),
      ...e.services.filter((s) => s.state === 'ENABLED').map((s) => String(s.name)),
    ];
    expect(out.assets.map((a) => a.nativeId).sort()).toEqual(expected.sort());
    const endpoint = out.assets.find((a) => a.type === 'gcp.vertex.endpoint' && a.relations.length > 0)!;
    expect(endpoint.provider).toBe('gcp');
    const served = endpoint.relations.find((r) => r.kind === 'serves_model')!;
    expect(out.assets.some((a) => a.nativeId === served.nativeId && a.type === 'gcp.vertex.model')).toBe(
      true,
    );
    // The key's token_uri was honoured: the simulator issued the token.
    expect(simLog.some((l) => l.includes('POST /token -> 200'))).toBe(true);
  });

  it('names each failed listing on stderr, still prints the rest, and exits 3', async () => {
    const { code, stdout, stderr } = await aispm(gcpArgs(failing, 'us-central1'), {
      GOOGLE_APPLICATION_CREDENTIALS: failingKeyFile,
    });
    expect(code).toBe(3);
    expect(stderr).toMatch(/listing failed: vertex\.custom_jobs in us-central1: Unavailable/);
    const out = JSON.parse(stdout) as DiscoverOutput;
    expect(out.assets.some((a) => a.type === 'gcp.vertex.model')).toBe(true);
    expect(out.assets.some((a) => a.type === 'gcp.vertex.custom_job')).toBe(false);
  });

  it('exits 2 with a clear message on bad usage or an unusable key file', async () => {
    const notAKey = join(dir, 'user.json');
    await writeFile(notAKey, JSON.stringify({ type: 'authorized_user', client_id: 'x', refresh_token: 'y' }));
    const notJson = join(dir, 'key.txt');
    await writeFile(notJson, 'not json');
    const withKey = { GOOGLE_APPLICATION_CREDENTIALS: keyFile };
    const cases: [string[], Record<string, string>, RegExp][] = [
      [['discover', '--provider', 'gcp'], withKey, /--project is required/],
      [['discover', '--provider', 'gcp', '--project', 'p'], {}, /set GOOGLE_APPLICATION_CREDENTIALS/],
      [
        ['discover', '--provider', 'gcp', '--project', 'p'],
        { GOOGLE_APPLICATION_CREDENTIALS: join(dir, 'missing.json') },
        /cannot read GOOGLE_APPLICATION_CREDENTIALS .*ENOENT/,
      ],
      [
        ['discover', '--provider', 'gcp', '--project', 'p'],
        { GOOGLE_APPLICATION_CREDENTIALS: notAKey },
        /is not a service-account key file/,
      ],
      [
        ['discover', '--provider', 'gcp', '--project', 'p'],
        { GOOGLE_APPLICATION_CREDENTIALS: notJson },
        /is not JSON/,
      ],
      [
        ['discover', '--provider', 'gcp', '--project', 'p', '--endpoint', 'ftp://x'],
        withKey,
        /--endpoint must be an http\(s\) URL/,
      ],
      [
        ['discover', '--provider', 'gcp', '--project', 'p', '--ca-file', join(dir, 'none.pem')],
        withKey,
        /cannot read --ca-file/,
      ],
    ];
    for (const [args, env, message] of cases) {
      const { code, stderr } = await aispm(args, env);
      expect({ args, code }).toEqual({ args, code: 2 });
      expect(stderr).toMatch(message);
      expect(stderr).not.toContain('PRIVATE KEY');
    }
  });
});
