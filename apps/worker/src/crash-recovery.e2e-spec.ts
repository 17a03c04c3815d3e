import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { type Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseMasterKey } from '@aispm/config';
import {
  SIM_AWS_ACCESS_KEY_ID,
  SIM_AWS_SECRET_ACCESS_KEY,
  startSimulator,
  type RunningSimulator,
} from '@aispm/cloud-sim';
import { newId, type Database } from '@aispm/db';
import { JobQueues, createRedisConnection, planScanJob } from '@aispm/jobs';
import { EnvelopeCipher, LocalKeyring } from '@aispm/secrets';
import { TEST_MASTER_KEY, adminDatabase } from './testing/fixtures';

// The worker as a real process, killed with SIGKILL in the middle of a scan (no chance to clean up), and then
// the same with Redis losing its queue as well. A fresh worker must finish the scan from what Postgres holds,
// with every asset inventoried exactly once.
const workerDir = fileURLToPath(new URL('..', import.meta.url));
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/1';

let sim: RunningSimulator;
let admin: Database;
let redis: Redis;
let queues: JobQueues;
const running: ChildProcess[] = [];

function startWorkerProcess(): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: workerDir,
    env: {
      PATH: process.env.PATH ?? '',
      DATABASE_URL: process.env.DATABASE_URL ?? '',
      REDIS_URL,
      MASTER_KEY: TEST_MASTER_KEY,
      OUTBOUND_ALLOW: '127.0.0.0/8',
      LOG_LEVEL: 'warn',
      RECONCILE_INTERVAL_MS: '1000',
      JOB_LOCK_MS: '2000',
      DISCOVERY_CONCURRENCY: '2',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  running.push(child);
  return child;
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 100_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function newScan(): Promise<{ tenantId: string; accountId: string; scanId: string }> {
  const tenantId = newId();
  const accountId = newId();
  const scanId = newId();
  await admin.prisma.organization.create({
    data: { id: tenantId, name: 'Crash', slug: `crash-${tenantId}` },
  });
  const cipher = new EnvelopeCipher(LocalKeyring.fromEnv({ MASTER_KEY: parseMasterKey(TEST_MASTER_KEY) }));
  const credentials = {
    kind: 'access_key',
    accessKeyId: SIM_AWS_ACCESS_KEY_ID,
    secretAccessKey: SIM_AWS_SECRET_ACCESS_KEY,
  };
  await admin.prisma.cloudAccount.create({
    data: {
      id: accountId,
      tenantId,
      provider: 'aws',
      name: 'crash',
      scopeIds: ['123456789012'],
      regions: ['us-east-1', 'eu-west-1'],
      endpointOverride: sim.url,
      credentialsCiphertext: new Uint8Array(
        await cipher.encrypt(JSON.stringify(credentials), `${tenantId}:${accountId}`),
      ),
      status: 'connected',
    },
  });
  await admin.prisma.scan.create({ data: { id: scanId, tenantId, accountId, status: 'queued' } });
  await queues.enqueue(planScanJob, { tenantId, scanId });
  return { tenantId, accountId, scanId };
}

async function expectCompleteInventory(ids: { tenantId: string; scanId: string }) {
  const scan = await until('the scan to finish', async () => {
    const s = await admin.prisma.scan.findUniqueOrThrow({ where: { id: ids.scanId } });
    return s.status === 'completed' || s.status === 'failed' ? s : undefined;
  });
  expect(scan).toMatchObject({ status: 'completed', partial: false, tasksFailed: 0 });
  expect(scan.tasksDone).toBe(scan.tasksTotal);
  const notebooks = await admin.prisma.asset.findMany({
    where: { tenantId: ids.tenantId, assetType: 'aws.sagemaker.notebook_instance', deletedAt: null },
  });
  expect(notebooks.map((n) => n.nativeId).sort()).toEqual(sim.estate.notebooks.map((n) => n.arn).sort());
  const findings = await admin.prisma.finding.count({ where: { tenantId: ids.tenantId, status: 'open' } });
  expect(findings).toBeGreaterThan(0);
}

beforeAll(async () => {
  // Slow enough that a scan is still running when the worker is killed.
  sim = await startSimulator({ port: 0, faults: [{ service: 'sagemaker', kind: 'latency', ms: 250 }] });
  admin = adminDatabase();
  redis = createRedisConnection(REDIS_URL, { forWorker: true });
  queues = new JobQueues(redis);
});

afterEach(() => {
  for (const c of running.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
});

afterAll(async () => {
  await queues?.close();
  redis?.disconnect();
  await admin?.close();
  await sim?.close();
});

describe('crash recovery', () => {
  it('finishes a scan after its worker is killed with SIGKILL mid-way', async () => {
    const first = startWorkerProcess();
    const ids = await newScan();
    await until('a listing to be under way', async () =>
      (await admin.prisma.scanTask.count({ where: { scanId: ids.scanId, status: 'running' } })) > 0
        ? true
        : undefined,
    );
    first.kill('SIGKILL');
    startWorkerProcess();
    await expectCompleteInventory(ids);
  }, 120_000);

  it('finishes a scan after its worker is killed and Redis loses the queue', async () => {
    const first = startWorkerProcess();
    const ids = await newScan();
    await until('a listing to be under way', async () =>
      (await admin.prisma.scanTask.count({ where: { scanId: ids.scanId, status: 'running' } })) > 0
        ? true
        : undefined,
    );
    first.kill('SIGKILL');
    await redis.flushdb();
    startWorkerProcess();
    await expectCompleteInventory(ids);
  }, 120_000);
});
