import type { Logger } from 'pino';
import { expireSuppressions, recountFindings, type Database } from '@aispm/db';
import {
  QUEUES,
  accountScheduleId,
  discoverJob,
  evaluateScanJob,
  planScanJob,
  scheduledScanJob,
  type JobQueues,
} from '@aispm/jobs';

/**
 * Postgres is the source of truth and Redis may lose its queue. This re-enqueues the next step of every scan
 * that is not finished; deterministic job ids make it a no-op for work already waiting or running, and handlers
 * skip work that Postgres says is done. Each scan is looked at under its own tenant.
 */
export async function reconcileScans(db: Database, queues: JobQueues, logger: Logger): Promise<number> {
  // The one cross-tenant read the application role may make: ids and states of unfinished scans.
  const scans = await db.prisma.$queryRaw<{ id: string; tenant_id: string; status: string }[]>`
    SELECT id, tenant_id, status::text AS status FROM app_unfinished_scans(1000)`;
  let enqueued = 0;
  for (const s of scans) {
    const ref = { tenantId: s.tenant_id, scanId: s.id };
    const next = await db.tenant(s.tenant_id, async (tx) => {
      if (s.status !== 'running') return { status: s.status, taskIds: [] as string[] };
      // A scan whose last task ended but that never moved on (the process died between the two steps).
      const moved = await tx.$executeRawUnsafe(
        `UPDATE scans SET status = 'evaluating' WHERE id = $1::uuid AND status = 'running'
            AND tasks_total > 0 AND tasks_done + tasks_failed >= tasks_total`,
        s.id,
      );
      if (moved > 0) return { status: 'evaluating', taskIds: [] };
      const open = await tx.scanTask.findMany({
        where: { scanId: s.id, status: { in: ['queued', 'running'] } },
        select: { id: true },
      });
      return { status: 'running', taskIds: open.map((t) => t.id) };
    });
    if (next.status === 'queued') {
      await queues.enqueue(planScanJob, ref);
      enqueued += 1;
    } else if (next.status === 'evaluating') {
      await queues.enqueue(evaluateScanJob, ref);
      enqueued += 1;
    } else if (next.taskIds.length === 0) {
      // Running with no open task at all: the plan step never wrote them.
      await queues.enqueue(planScanJob, ref);
      enqueued += 1;
    } else {
      for (const taskId of next.taskIds) {
        await queues.enqueue(discoverJob, { ...ref, taskId });
        enqueued += 1;
      }
    }
  }
  if (scans.length) logger.debug({ scans: scans.length, enqueued }, 'reconciled unfinished scans');
  return enqueued;
}

/**
 * Keeps one BullMQ job scheduler per account that has a scan interval, from what Postgres says: creates the
 * missing ones (also after Redis lost them), changes those whose interval changed, removes the rest.
 */
export async function syncSchedules(
  db: Database,
  queues: JobQueues,
  logger: Logger,
): Promise<{ upserted: number; removed: number }> {
  const wanted = await db.prisma.$queryRaw<{ id: string; tenant_id: string; scan_interval_hours: number }[]>`
    SELECT id, tenant_id, scan_interval_hours FROM app_scheduled_accounts()`;
  let upserted = 0;
  for (const a of wanted) {
    const changed = await queues.upsertSchedule(
      scheduledScanJob,
      accountScheduleId(a.id),
      a.scan_interval_hours * 3_600_000,
      { tenantId: a.tenant_id, accountId: a.id },
    );
    if (changed) upserted += 1;
  }
  const keep = new Set(wanted.map((a) => accountScheduleId(a.id)));
  let removed = 0;
  for (const id of await queues.scheduleIds(QUEUES.scans)) {
    if (id.startsWith('account-scan.') && !keep.has(id)) {
      await queues.removeSchedule(QUEUES.scans, id);
      removed += 1;
    }
  }
  if (upserted || removed) logger.info({ upserted, removed }, 'scan schedules synchronised');
  return { upserted, removed };
}

/**
 * Suppressions lapse on time, whether or not their accounts are rescanned: every tenant with a lapsed one has it
 * expired (the finding is open again, with a `suppression_expired` event) and its summary rows recounted.
 */
export async function expireLapsedSuppressions(
  db: Database,
  logger: Logger,
  at = new Date(),
): Promise<number> {
  // Cross-tenant, ids only: which tenants have a lapsed suppression.
  const tenants = await db.prisma.$queryRaw<{ tenant_id: string }[]>`
    SELECT tenant_id FROM app_tenants_with_lapsed_suppressions(${at}::timestamptz)`;
  let accounts = 0;
  for (const { tenant_id: tenantId } of tenants) {
    accounts += await db.tenant(tenantId, async (tx) => {
      const changed = await expireSuppressions(tx, tenantId, at);
      await recountFindings(tx, tenantId, changed, at);
      return changed.length;
    });
  }
  if (tenants.length) logger.info({ tenants: tenants.length, accounts }, 'expired lapsed suppressions');
  return tenants.length;
}
