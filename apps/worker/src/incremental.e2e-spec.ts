import pino from 'pino';
import { type Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseMasterKey } from '@aispm/config';
import { parseOutboundPolicy } from '@aispm/security';
import { newId, type Database } from '@aispm/db';
import { JobQueues, createRedisConnection, planScanJob } from '@aispm/jobs';
import { startWorker, type RunningWorker } from './worker';
import {
  ScriptedDiscoverer,
  TEST_MASTER_KEY,
  adminDatabase,
  createTenantWithAccount,
  notebookRecord,
  testDatabase,
} from './testing/fixtures';
import { contentToken } from './handlers/discover.handler';

// Incremental rescans: a record the listing returns exactly as last time is only touched (last_seen moves,
// nothing is rewritten); a changed one is rewritten; a listing's own "unchanged" report is honoured; and
// nothing is skipped once the full-refresh period has passed.
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/1';
const discoverer = new ScriptedDiscoverer();
let db: Database;
let admin: Database;
let redis: Redis;
let queues: JobQueues;
let worker: RunningWorker;
let clock = new Date('2026-11-01T00:00:00Z');

beforeAll(async () => {
  db = testDatabase();
  admin = adminDatabase();
  redis = createRedisConnection(REDIS_URL, { forWorker: true });
  queues = new JobQueues(redis);
  worker = await startWorker(
    {
      REDIS_URL,
      MASTER_KEY: parseMasterKey(TEST_MASTER_KEY),
      DISCOVERY_CONCURRENCY: 2,
      RECONCILE_INTERVAL_MS: 60_000,
      OUTBOUND_ALLOW: parseOutboundPolicy('127.0.0.0/8,::1/128'),
      FULL_REFRESH_HOURS: 24,
    },
    db,
    pino({ level: 'silent' }),
    { discoverers: [discoverer], now: () => clock },
  );
});

afterAll(async () => {
  await worker?.close();
  await queues?.close();
  redis?.disconnect();
  await db?.close();
  await admin?.close();
});

async function scan(tenantId: string, accountId: string) {
  const scanId = newId();
  await admin.prisma.scan.create({ data: { id: scanId, tenantId, accountId, status: 'queued' } });
  await queues.enqueue(planScanJob, { tenantId, scanId });
  const deadline = Date.now() + 20_000;
  for (;;) {
    const s = await admin.prisma.scan.findUniqueOrThrow({ where: { id: scanId } });
    if (s.status === 'completed' || s.status === 'failed') return s;
    if (Date.now() > deadline) throw new Error(`scan still ${s.status}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const rows = (tenantId: string) =>
  admin.prisma.asset.findMany({ where: { tenantId }, orderBy: { name: 'asc' } });

describe('incremental rescans', () => {
  it('touches unchanged records, rewrites changed ones, and re-reads everything after the refresh period', async () => {
    const { tenantId, accountId } = await createTenantWithAccount(admin, ['us-east-1']);
    const a = notebookRecord('nb-a', 'us-east-1');
    const b = notebookRecord('nb-b', 'us-east-1');
    discoverer.script.set('us-east-1', [[a, b]]);
    expect((await scan(tenantId, accountId)).status).toBe('completed');
    const first = await rows(tenantId);
    expect(first.map((r) => r.changeToken)).toEqual([contentToken(a), contentToken(b)]);
    expect(first.every((r) => r.refreshedAt?.getTime() === clock.getTime())).toBe(true);

    // An hour later: nb-a unchanged, nb-b's root access turned on.
    clock = new Date(clock.getTime() + 3_600_000);
    const b2 = notebookRecord('nb-b', 'us-east-1', { RootAccess: 'Enabled' });
    discoverer.script.set('us-east-1', [[a, b2]]);
    const second = await scan(tenantId, accountId);
    expect(second).toMatchObject({ status: 'completed', assetsSeen: 2 });
    const [ra, rb] = await rows(tenantId);
    expect(ra!.lastSeen).toEqual(clock);
    expect(ra!.refreshedAt).toEqual(first[0]!.refreshedAt);
    expect(ra!.deletedAt).toBeNull();
    expect(rb!.refreshedAt).toEqual(clock);
    expect(rb!.attributes).toMatchObject({ RootAccess: 'Enabled' });
    expect(rb!.changeToken).toBe(contentToken(b2));
    const open = await admin.prisma.finding.findMany({ where: { tenantId, status: 'open' } });
    expect(open.map((f) => f.checkId)).toContain('aws.sagemaker.notebook.root_access');

    // A listing's own report that a resource is unchanged keeps it, without attributes.
    discoverer.script.set('us-east-1', [
      [{ assetType: a.assetType, nativeId: a.nativeId, unchanged: true as const }, b2],
    ]);
    clock = new Date(clock.getTime() + 3_600_000);
    await scan(tenantId, accountId);
    const [rc] = await rows(tenantId);
    expect(rc!.deletedAt).toBeNull();
    expect(rc!.lastSeen).toEqual(clock);
    expect(rc!.attributes).toEqual(ra!.attributes);

    // Past the 24-hour refresh period, every record is rewritten even if unchanged.
    clock = new Date(clock.getTime() + 25 * 3_600_000);
    discoverer.script.set('us-east-1', [[a, b2]]);
    await scan(tenantId, accountId);
    const refreshed = await rows(tenantId);
    expect(refreshed.map((r) => r.refreshedAt)).toEqual([clock, clock]);
  });
});
