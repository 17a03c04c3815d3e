import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '@aispm/cloud-sim';
// The Azure demo principal; see the report: '@aispm/cloud-sim' should re-export it.
import {
  SIM_AZURE_CLIENT_ID,
  SIM_AZURE_CLIENT_SECRET,
  SIM_AZURE_SUBSCRIPTION_ID,
  SIM_AZURE_TENANT_ID,
} from '../../../apps/cloud-sim/src/azure/credentials';
import { allAzureResources } from '../../../apps/cloud-sim/src/azure/estate';
import { parseDiscoverArgs, UsageError, type DiscoverOutput } from './discover.command';

const bin = fileURLToPath(new URL('../bin/aispm.mjs', import.meta.url));
const creds = {
  AZURE_TENANT_ID: SIM_AZURE_TENANT_ID,
  AZURE_CLIENT_ID: SIM_AZURE_CLIENT_ID,
  AZURE_CLIENT_SECRET: SIM_AZURE_CLIENT_SECRET,
};

function aispm(args: string[], env: Record<string, string> = creds) {
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

function toCredentials(env: typeof creds) {
  return {
    tenantId: env.AZURE_TENANT_ID,
    clientId: env.AZURE_CLIENT_ID,
    clientSecret: env.AZURE_CLIENT_SECRET,
  };
}

let sim: RunningSimulator;
let failing: RunningSimulator;
let dir: string;

function azureArgs(s: RunningSimulator, caFile: string, ...extra: string[]): string[] {
  return [
    'discover',
    '--provider',
    'azure',
    '--subscription',
    SIM_AZURE_SUBSCRIPTION_ID,
    '--endpoint',
    s.azure!.url,
    '--authority-host',
    s.azure!.tokenUrl!,
    '--ca-file',
    caFile,
    ...extra,
    '--format',
    'json',
  ];
}

beforeAll(async () => {
  sim = await startSimulator({ port: 0 });
  failing = await startSimulator({
    port: 0,
    faults: [
      { service: 'azure.cognitiveservices', operation: 'RaiPolicies_List', kind: 'fail-page', page: 1 },
    ],
  });
  dir = mkdtempSync(join(tmpdir(), 'aispm-azure-cli-'));
  writeFileSync(join(dir, 'sim.pem'), sim.azure!.caCertificate!);
  writeFileSync(join(dir, 'failing.pem'), failing.azure!.caCertificate!);
  writeFileSync(join(dir, 'not-a-cert.pem'), 'hello\n');
});

afterAll(async () => {
  await sim?.close();
  await failing?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('aispm discover --provider azure', () => {
  it('prints the whole subscription as JSON with ARM ids exactly as returned, and exits 0', async () => {
    const { code, stdout, stderr } = await aispm(azureArgs(sim, join(dir, 'sim.pem')));
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as DiscoverOutput;
    const e = sim.estate.azure;
    const listed = new Set(out.assets.map((a) => a.nativeId));
    // Everything but the children of the two resources being deleted (their listings answer 404).
    const expected = allAzureResources(e).filter(
      (r) => ![...e.deletingParents].some((p) => r.body.id.toLowerCase().startsWith(`${p}/`)),
    );
    expect([...listed].sort()).toEqual(expected.map((r) => r.body.id).sort());
    expect(out.assets).toHaveLength(listed.size);
    const compute = out.assets.find((a) => a.name === 'ci-bob-dev')!;
    expect(compute).toMatchObject({ provider: 'azure', type: 'azure.ml.compute', region: 'westeurope' });
    const ws = compute.relations.find((r) => r.kind === 'part_of')!;
    expect(out.assets.some((a) => a.nativeId === ws.nativeId && a.type === 'azure.ml.workspace')).toBe(true);
    expect(stdout).not.toContain(SIM_AZURE_CLIENT_SECRET);
  });

  it('keeps only the locations named by --region', async () => {
    const { code, stdout } = await aispm(azureArgs(sim, join(dir, 'sim.pem'), '--region', 'swedencentral'));
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as DiscoverOutput;
    const regions = new Set(out.assets.map((a) => a.region));
    expect(regions).toEqual(new Set(['swedencentral', 'global']));
    expect(out.assets.some((a) => a.name === 'oai-dev-swc')).toBe(true);
  });

  it('names each failed listing on stderr, still prints the rest, and exits 3', async () => {
    const { code, stdout, stderr } = await aispm(azureArgs(failing, join(dir, 'failing.pem')));
    expect(code).toBe(3);
    expect(stderr).toMatch(
      /listing failed: azure\.cognitiveservices\.rai_policies in global: Unavailable: .*RaiPolicies_List/,
    );
    const out = JSON.parse(stdout) as DiscoverOutput;
    expect(out.assets.some((a) => a.type === 'azure.cognitiveservices.deployment')).toBe(true);
    expect(out.assets.some((a) => a.type === 'azure.cognitiveservices.rai_policy')).toBe(false);
  });

  it('reports wrong credentials on every listing, naming the client, never the secret, and exits 3', async () => {
    const secret = 'not-the-demo-secret-at-all';
    const { code, stdout, stderr } = await aispm(azureArgs(sim, join(dir, 'sim.pem')), {
      ...creds,
      AZURE_CLIENT_SECRET: secret,
    });
    expect(code).toBe(3);
    expect(JSON.parse(stdout)).toEqual({ assets: [] });
    expect(stderr).toMatch(new RegExp(`InvalidCredentials: .*client ${SIM_AZURE_CLIENT_ID}.*AADSTS7000215`));
    expect(stderr).not.toContain(secret);
  });

  it('exits 2 with a clear message on bad usage', async () => {
    const ca = join(dir, 'sim.pem');
    const base = azureArgs(sim, ca);
    const without = base.filter((a, i) => a !== '--subscription' && base[i - 1] !== '--subscription');
    const runs = await Promise.all([
      aispm(without, creds),
      aispm(base.map((a) => (a === ca ? join(dir, 'missing.pem') : a))),
    ]);
    expect(runs.map((r) => r.code)).toEqual([2, 2]);
    expect(runs[0]!.stderr).toMatch(/--subscription is required for --provider azure/);
    expect(runs[1]!.stderr).toMatch(/--ca-file .*missing\.pem cannot be read \(ENOENT\)/);
  });

  it('names every usage mistake: subscription, credentials, CA file, URLs', async () => {
    const ca = join(dir, 'sim.pem');
    const base = azureArgs(sim, ca).slice(1);
    const cases: [string[], Record<string, string>, RegExp][] = [
      [
        base.map((a) => (a === SIM_AZURE_SUBSCRIPTION_ID ? 'my-subscription' : a)),
        creds,
        /--subscription must be a subscription id/,
      ],
      [base, {}, /^set AZURE_TENANT_ID, AZURE_CLIENT_ID, AZURE_CLIENT_SECRET /],
      [
        base,
        { AZURE_TENANT_ID: SIM_AZURE_TENANT_ID, AZURE_CLIENT_ID: SIM_AZURE_CLIENT_ID },
        /^set AZURE_CLIENT_SECRET \(/,
      ],
      [
        base.map((a) => (a === ca ? join(dir, 'not-a-cert.pem') : a)),
        creds,
        /--ca-file .*holds no PEM certificate/,
      ],
      [
        base.map((a) => (a === sim.azure!.tokenUrl ? 'http://127.0.0.1:1' : a)),
        creds,
        /--authority-host must be an https URL/,
      ],
      [base.map((a) => (a === sim.azure!.url ? 'ftp://x' : a)), creds, /--endpoint must be an http\(s\) URL/],
    ];
    for (const [args, env, message] of cases) {
      await expect(parseDiscoverArgs(args, env), args.join(' ')).rejects.toThrow(message);
      await expect(parseDiscoverArgs(args, env)).rejects.toBeInstanceOf(UsageError);
    }
  });

  it('builds one subscription-wide target: locations from --region, CA from the file, no secret elsewhere', async () => {
    const ca = join(dir, 'sim.pem');
    const args = azureArgs(sim, ca, '--region', 'eastus', '--region', 'westeurope').slice(1);
    const run = await parseDiscoverArgs(args, creds);
    expect(run.provider).toBe('azure');
    expect(run.regions).toEqual(['eastus', 'westeurope']);
    expect(run.target('global')).toMatchObject({
      provider: 'azure',
      subscriptionId: SIM_AZURE_SUBSCRIPTION_ID,
      region: 'global',
      locations: ['eastus', 'westeurope'],
      endpoint: sim.azure!.url,
      caCertificate: sim.azure!.caCertificate,
      credentials: { kind: 'client_secret', ...toCredentials(creds), authorityHost: sim.azure!.tokenUrl },
    });
  });
});
