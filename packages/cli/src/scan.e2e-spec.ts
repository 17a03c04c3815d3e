import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  SIM_AWS_ACCESS_KEY_ID,
  SIM_AWS_SECRET_ACCESS_KEY,
  SIM_BUCKETS,
  startSimulator,
  type OmittableField,
  type RunningSimulator,
  type NotebookMisconfiguration,
} from '@aispm/cloud-sim';
import { checksFor, findCheck } from '@aispm/risk';
import type { DiscoverOutput } from './discover.command';
import type { ScanOutput } from './scan.findings';
import type { SarifLog } from './scan.sarif';
import { runAispm, type AispmRun } from './testing/run-aispm';
import { sarifSchemaErrors } from './testing/sarif-schema';

const creds = { AWS_ACCESS_KEY_ID: SIM_AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY: SIM_AWS_SECRET_ACCESS_KEY };
const aispm = (args: string[], env: Record<string, string> = creds) => runAispm(args, env);
const awsArgs = (s: RunningSimulator, ...extra: string[]) => [
  '--provider',
  'aws',
  '--endpoint',
  s.url,
  '--region',
  'us-east-1',
  '--region',
  'eu-west-1',
  ...extra,
];

const DIA = 'aws.sagemaker.notebook.direct_internet_access';
const ROOT = 'aws.sagemaker.notebook.root_access';
const ADMIN = 'aws.sagemaker.execution_role.admin_policy_attached';
const PUBLIC_TRAINING_DATA = 'aws.sagemaker.training_job.public_training_data';

let sim: RunningSimulator;
/** One line per request the simulator answered. */
const simLog: string[] = [];
let failing: RunningSimulator;
/** `aispm scan` (JSON, no gate) and `aispm discover` of the same simulator. */
let scanned: AispmRun;
let out: ScanOutput;
let discovered: DiscoverOutput;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, log: (line) => simLog.push(line) });
  failing = await startSimulator({
    port: 0,
    faults: [{ service: 'sagemaker', operation: 'ListTrainingJobs', kind: 'fail-page', page: 1 }],
  });
  let listed: AispmRun;
  [scanned, listed] = await Promise.all([
    aispm(['scan', ...awsArgs(sim)]),
    aispm(['discover', ...awsArgs(sim), '--format', 'json']),
  ]);
  out = JSON.parse(scanned.stdout) as ScanOutput;
  discovered = JSON.parse(listed.stdout) as DiscoverOutput;
});

afterAll(async () => {
  await sim?.close();
  await failing?.close();
});

const failed = (o: ScanOutput) => o.findings.filter((f) => f.status === 'fail');
const key = (checkId: string, nativeId: string) => `${checkId} ${nativeId}`;

describe('aispm scan --provider aws', () => {
  it("prints discover's assets unchanged and one finding per asset and applicable check, and exits 0", () => {
    expect(scanned.stderr).toBe('');
    expect(scanned.code).toBe(0);
    expect(Object.keys(out)).toEqual(['assets', 'findings']);
    expect(out.assets).toEqual(discovered.assets);

    const typeOf = new Map(out.assets.map((a) => [a.nativeId, a.type]));
    const keys = out.findings.map((f) => key(f.checkId, f.assetNativeId));
    expect(new Set(keys).size).toBe(keys.length);
    for (const f of out.findings) {
      expect(Object.keys(f)).toEqual([
        'checkId',
        'assetNativeId',
        'severity',
        'status',
        'evidence',
        'controls',
      ]);
      const check = findCheck(f.checkId)!;
      expect(checksFor(typeOf.get(f.assetNativeId)!)).toContain(check);
      expect(f.severity).toBe(check.severity);
      expect(f.controls).toEqual(check.controls.map((c) => c.ref));
      expect(['fail', 'pass', 'unknown']).toContain(f.status);
      if (f.status === 'unknown') expect(f.evidence).toEqual({ missing: expect.any(Array) });
    }
    // Findings come from every part of the estate: SageMaker, Bedrock and IAM.
    const services = new Set(out.findings.map((f) => f.checkId.split('.').slice(0, 2).join('.')));
    for (const s of ['aws.sagemaker', 'aws.bedrock']) expect(services).toContain(s);
    expect(out.findings.some((f) => typeOf.get(f.assetNativeId) === 'aws.iam.role')).toBe(true);
  });

  it('fails the planted notebook misconfigurations, passes the compliant notebooks, and names omitted fields', () => {
    const cases: [string, NotebookMisconfiguration, OmittableField, string][] = [
      [DIA, 'direct-internet-access', 'DirectInternetAccess', 'DirectInternetAccess'],
      [ROOT, 'root-access', 'RootAccess', 'RootAccess'],
    ];
    for (const [checkId, planted, omittable, field] of cases) {
      const statuses = new Set<string>();
      for (const n of sim.estate.notebooks) {
        const f = out.findings.find((x) => x.checkId === checkId && x.assetNativeId === n.arn);
        const expected = n.omittedFields.includes(omittable)
          ? { status: 'unknown', evidence: { missing: [field] } }
          : n.misconfigurations.includes(planted)
            ? { status: 'fail', evidence: { [field]: 'Enabled' } }
            : { status: 'pass', evidence: { [field]: 'Disabled' } };
        expect({ notebook: n.name, ...f }).toMatchObject({ notebook: n.name, ...expected });
        statuses.add(expected.status);
      }
      expect([checkId, [...statuses].sort()]).toEqual([checkId, ['fail', 'pass', 'unknown']]);
    }
  });

  it('reads the inventory graph: the job training on the public bucket, the admin role SageMaker runs as', () => {
    const publicBucket = `arn:aws:s3:::${SIM_BUCKETS.trainingData}`;
    const jobs = out.assets.filter((a) => a.type === 'aws.sagemaker.training_job');
    const onPublicData = jobs
      .filter((j) => j.relations.some((r) => r.kind === 'reads_data' && r.nativeId === publicBucket))
      .map((j) => j.nativeId);
    expect(onPublicData).toHaveLength(1);
    expect(
      failed(out)
        .filter((f) => f.checkId === PUBLIC_TRAINING_DATA)
        .map((f) => f.assetNativeId),
    ).toEqual(onPublicData);

    const admin = failed(out).filter((f) => f.checkId === ADMIN);
    expect(admin).toHaveLength(1);
    expect(admin[0]).toMatchObject({
      severity: 'critical',
      evidence: { adminPolicies: expect.arrayContaining([expect.stringMatching(/AdministratorAccess$/)]) },
    });
    // The role is admin because a SageMaker resource listed alongside it runs as it.
    const usedBy = (admin[0]!.evidence as { usedBy: string[] }).usedBy;
    expect(usedBy.length).toBeGreaterThan(0);
    for (const user of usedBy) {
      const asset = out.assets.find((a) => a.nativeId === user)!;
      expect(asset.relations).toContainEqual({ kind: 'uses_role', nativeId: admin[0]!.assetNativeId });
    }
  });

  it('writes SARIF the OASIS schema accepts, one result per failed finding, and --fail-on critical exits 4', async () => {
    const { code, stdout, stderr } = await aispm([
      'scan',
      ...awsArgs(sim),
      '--format',
      'sarif',
      '--fail-on',
      'critical',
    ]);
    expect(code).toBe(4);
    expect(stderr).toMatch(
      /--fail-on critical: 1 failed finding\(s\) at or above critical: .*admin_policy_attached/,
    );
    const log = JSON.parse(stdout) as SarifLog;
    expect(sarifSchemaErrors(log)).toEqual([]);
    const run = log.runs[0];
    expect(run.tool.driver).toMatchObject({ name: 'aispm', semanticVersion: '0.0.0' });
    expect(run.invocations[0]!.executionSuccessful).toBe(true);
    expect(run.tool.driver.rules.map((r) => r.id).sort()).toEqual(
      [...new Set(out.findings.map((f) => f.checkId))].sort(),
    );
    expect(
      run.results.map((r) => key(r.ruleId, r.locations[0]!.logicalLocations[0]!.fullyQualifiedName)).sort(),
    ).toEqual(
      failed(out)
        .map((f) => key(f.checkId, f.assetNativeId))
        .sort(),
    );
    const planted = sim.estate.notebooks.find((n) => n.misconfigurations.includes('direct-internet-access'))!;
    const result = run.results.find(
      (r) => r.ruleId === DIA && r.locations[0]!.logicalLocations[0]!.fullyQualifiedName === planted.arn,
    )!;
    expect(result).toMatchObject({
      level: 'error',
      locations: [{ logicalLocations: [{ kind: 'resource', name: planted.name }] }],
      properties: { severity: 'high', evidence: { DirectInternetAccess: 'Enabled' } },
    });
    const rule = run.tool.driver.rules[result.ruleIndex]!;
    expect(rule.properties).toMatchObject({ 'security-severity': '8.0' });
    expect(rule.properties.tags).toContain('owasp-llm@2025:LLM03');
  });

  it('--fail-on high exits 4 with the same JSON a scan without a gate prints', async () => {
    const { code, stdout, stderr } = await aispm(['scan', ...awsArgs(sim), '--fail-on', 'high']);
    expect(code).toBe(4);
    const gated = failed(out).filter((f) => f.severity === 'critical' || f.severity === 'high');
    expect(stderr).toContain(`--fail-on high: ${gated.length} failed finding(s) at or above high`);
    expect(stderr).toContain(DIA);
    expect((JSON.parse(stdout) as ScanOutput).findings).toEqual(out.findings);
  });

  it('exits 3 when listings failed, and 4 when the gate also found a failure, naming the listings', async () => {
    const [plain, gated] = await Promise.all([
      aispm(['scan', ...awsArgs(failing)]),
      aispm(['scan', ...awsArgs(failing), '--format', 'sarif', '--fail-on', 'critical']),
    ]);
    const listingFailed = /aispm: listing failed: sagemaker\.training_jobs in us-east-1/;
    expect(plain.code).toBe(3);
    expect(plain.stderr).toMatch(listingFailed);
    const partial = JSON.parse(plain.stdout) as ScanOutput;
    expect(partial.assets.some((a) => a.type === 'aws.sagemaker.training_job')).toBe(false);
    expect(partial.findings.some((f) => f.checkId.startsWith('aws.sagemaker.training_job.'))).toBe(false);
    expect(failed(partial).length).toBeGreaterThan(0);

    expect(gated.code).toBe(4);
    expect(gated.stderr).toMatch(listingFailed);
    expect(gated.stderr).toMatch(/--fail-on critical: 1 failed finding/);
    const log = JSON.parse(gated.stdout) as SarifLog;
    expect(sarifSchemaErrors(log)).toEqual([]);
    // The SARIF log records the same failed listings stderr names.
    const named = gated.stderr
      .split('\n')
      .filter((l) => l.startsWith('aispm: listing failed: '))
      .map((l) => l.slice('aispm: '.length));
    expect(named.length).toBeGreaterThan(0);
    expect(log.runs[0].invocations[0]).toEqual({
      executionSuccessful: false,
      toolExecutionNotifications: named.map((text) => ({ level: 'error', message: { text } })),
    });
  });

  it('exits 2 with a clear message and the usage on bad usage, before reading the cloud', async () => {
    const cases: [string[], Record<string, string>, RegExp][] = [
      [
        ['scan', ...awsArgs(sim), '--fail-on', 'severe'],
        creds,
        /--fail-on must be one of critical, high, medium/,
      ],
      [['scan', ...awsArgs(sim), '--format', 'yaml'], creds, /--format must be json or sarif/],
      [['scan', ...awsArgs(sim), '--fail-on'], creds, /argument missing/],
      [['scan', ...awsArgs(sim), '--bogus'], creds, /Unknown option '--bogus'/],
      [['scan'], creds, /--provider must be aws, azure or gcp/],
      [['scan', ...awsArgs(sim)], {}, /set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY/],
      [['discover', ...awsArgs(sim), '--format', 'sarif'], creds, /--format must be json\n/],
      [['discover', ...awsArgs(sim), '--fail-on', 'high'], creds, /Unknown option '--fail-on'/],
    ];
    const requestsBefore = simLog.length;
    const runs = await Promise.all(cases.map(([args, env]) => aispm(args, env)));
    runs.forEach(({ code, stdout, stderr }, i) => {
      const [args, , message] = cases[i]!;
      expect({ args, code }).toEqual({ args, code: 2 });
      expect(stderr).toMatch(message);
      expect(stdout).toBe('');
    });
    expect(runs[0]!.stderr).toContain('usage: aispm scan --provider aws');
    // Usage is settled before any cloud call: the simulator was asked nothing.
    expect(simLog.length).toBe(requestsBefore);
  });

  it('shows both commands and the exit codes in its help', async () => {
    const help = await aispm(['--help'], {});
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('aispm discover --provider aws');
    expect(help.stdout).toContain('aispm scan --provider gcp');
    expect(help.stdout).toMatch(/4 scan --fail-on: .*\(4 wins over 3\)/);
    const bare = await aispm([], {});
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain('aispm scan --provider azure');
  });
});
