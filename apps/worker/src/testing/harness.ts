import pino from 'pino';
import type { Redis } from 'ioredis';
import { parseMasterKey } from '@aispm/config';
import { parseOutboundPolicy } from '@aispm/security';
import { newId, type Database } from '@aispm/db';
import { JobQueues, createRedisConnection, planScanJob } from '@aispm/jobs';
import { startWorker, type RunningWorker } from '../worker';
import { ScriptedDiscoverer, TEST_MASTER_KEY, adminDatabase, testDatabase } from './fixtures';

/** A worker with a scripted discoverer against the test database, and helpers to run scans through it. */
export interface ScanHarness {
  db: Database;
  admin: Database;
  worker: RunningWorker;
  queues: JobQueues;
  redis: Redis;
  discoverer: ScriptedDiscoverer;
  close(): Promise<void>;
}

export async function startScanHarness(redisUrl: string): Promise<ScanHarness> {
  const db = testDatabase();
  const admin = adminDatabase();
  const redis = createRedisConnection(redisUrl, { forWorker: true });
  const queues = new JobQueues(redis);
  const discoverer = new ScriptedDiscoverer();
  const worker = await startWorker(
    {
      REDIS_URL: redisUrl,
      MASTER_KEY: parseMasterKey(TEST_MASTER_KEY),
      DISCOVERY_CONCURRENCY: 2,
      RECONCILE_INTERVAL_MS: 60_000,
      OUTBOUND_ALLOW: parseOutboundPolicy('127.0.0.0/8,::1/128'),
    },
    db,
    pino({ level: 'silent' }),
    { discoverers: [discoverer] },
  );
  return {
    db,
    admin,
    worker,
    queues,
    redis,
    discoverer,
    async close() {
      await worker.close();
      await queues.close();
      redis.disconnect();
      await db.close();
      await admin.close();
    },
  };
}

/** Creates a scan for the account and (unless told not to) enqueues its planning, as the API does. */
export async function startScan(
  h: ScanHarness,
  ids: { tenantId: string; accountId: string },
  opts: { enqueue?: boolean } = {},
): Promise<string> {
  const scanId = newId();
  await h.admin.prisma.scan.create({ data: { id: scanId, ...ids, status: 'queued' } });
  if (opts.enqueue !== false) await h.queues.enqueue(planScanJob, { tenantId: ids.tenantId, scanId });
  return scanId;
}

export async function waitForScan(admin: Database, scanId: string, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const scan = await admin.prisma.scan.findUniqueOrThrow({ where: { id: scanId } });
    if (scan.status === 'completed' || scan.status === 'failed') return scan;
    if (Date.now() > deadline) throw new Error(`scan still ${scan.status} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
