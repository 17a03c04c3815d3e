import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  SIM_AWS_ACCESS_KEY_ID,
  SIM_AWS_SECRET_ACCESS_KEY,
  startSimulator,
  type RunningSimulator,
} from '@aispm/cloud-sim';
import type { DiscoverOutput } from './discover.command';

const bin = fileURLToPath(new URL('../bin/aispm.mjs', import.meta.url));
const creds = { AWS_ACCESS_KEY_ID: SIM_AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY: SIM_AWS_SECRET_ACCESS_KEY };

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

let sim: RunningSimulator;
let failing: RunningSimulator;

beforeAll(async () => {
  sim = await startSimulator({ port: 0 });
  failing = await startSimulator({
    port: 0,
    faults: [{ service: 'sagemaker', operation: 'ListTrainingJobs', kind: 'fail-page', page: 1 }],
  });
});

afterAll(async () => {
  await sim?.close();
  await failing?.close();
});

describe('aispm discover', () => {
  it('prints the whole inventory as JSON with native ids exactly as returned, and exits 0', async () => {
    const { code, stdout, stderr } = await aispm([
      'discover',
      '--provider',
      'aws',
      '--endpoint',
      sim.url,
      '--region',
      'us-east-1',
      '--region',
      'eu-west-1',
      '--format',
      'json',
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as DiscoverOutput;
    const e = sim.estate;
    const expected = [...e.notebooks, ...e.trainingJobs, ...e.models, ...e.endpointConfigs, ...e.endpoints];
    const ids = out.assets.map((a) => a.nativeId);
    expect(new Set(ids).size).toBe(ids.length);
    const core = new Set(expected.map((r) => r.arn));
    const coreTypes = new Set(['notebook_instance', 'training_job', 'model', 'endpoint_config', 'endpoint']);
    expect(
      out.assets
        .filter((a) => coreTypes.has(a.type.replace('aws.sagemaker.', '')))
        .map((a) => a.nativeId)
        .sort(),
    ).toEqual([...core].sort());
    // Every kind a scan lists comes out too: Bedrock, IAM, S3, KMS, EC2 and the rest of SageMaker.
    const types = new Set(out.assets.map((a) => a.type));
    for (const t of [
      'aws.bedrock.guardrail',
      'aws.iam.role',
      'aws.s3.bucket',
      'aws.kms.key',
      'aws.sagemaker.domain',
    ]) {
      expect(types).toContain(t);
    }
    const endpoint = out.assets.find((a) => a.nativeId === e.endpoints[0]!.arn)!;
    expect(endpoint).toMatchObject({
      provider: 'aws',
      type: 'aws.sagemaker.endpoint',
      region: e.endpoints[0]!.region,
    });
    const config = endpoint.relations.find((r) => r.kind === 'uses_config')!;
    expect(
      out.assets.some((a) => a.nativeId === config.nativeId && a.type === 'aws.sagemaker.endpoint_config'),
    ).toBe(true);
  });

  it('names each failed listing on stderr, still prints the rest, and exits 3', async () => {
    const { code, stdout, stderr } = await aispm([
      'discover',
      '--provider',
      'aws',
      '--endpoint',
      failing.url,
      '--region',
      'us-east-1',
      '--format',
      'json',
    ]);
    expect(code).toBe(3);
    expect(stderr).toMatch(/listing failed: sagemaker\.training_jobs in us-east-1/);
    const out = JSON.parse(stdout) as DiscoverOutput;
    expect(out.assets.some((a) => a.type === 'aws.sagemaker.notebook_instance')).toBe(true);
    expect(out.assets.some((a) => a.type === 'aws.sagemaker.training_job')).toBe(false);
  });

  it('exits 2 with a clear message on bad usage', async () => {
    const cases: [string[], Record<string, string>, RegExp][] = [
      [['discover'], creds, /--provider must be aws, azure or gcp/],
      [['discover', '--provider', 'aws', '--format', 'yaml'], creds, /--format must be json/],
      [['discover', '--provider', 'aws', '--bogus'], creds, /Unknown option '--bogus'/],
      [['discover', '--provider', 'aws'], {}, /set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY/],
      [
        ['discover', '--provider', 'aws', '--endpoint', 'ftp://x'],
        creds,
        /--endpoint must be an http\(s\) URL/,
      ],
      [['inventory'], creds, /unknown command inventory/],
    ];
    for (const [args, env, message] of cases) {
      const { code, stderr } = await aispm(args, env);
      expect({ args, code }).toEqual({ args, code: 2 });
      expect(stderr).toMatch(message);
    }
  });
});
