import type { Logger } from 'pino';
import type { Database } from '@aispm/db';
import { discoverJob, evaluateScanJob, planScanJob, type JobQueues } from '@aispm/jobs';

/**
 * Postgres is the source of truth and Redis may lose its queue. This re-enqueues the next step of every scan
 * that is not finished; deterministic job ids make it a no-op for work already waiting or running, and handlers
 * skip work that Postgres says is done.
 */
export async function reconcileScans(db: Database, queues: JobQueues, logger: Logger): Promise<number> {
  const { prisma } = db;
  // A scan whose last task ended but that never moved on (the process died between the two steps).
  await db.pool.query(
    `UPDATE scans SET status = 'evaluating'
      WHERE status = 'running' AND tasks_total > 0 AND tasks_done + tasks_failed >= tasks_total`,
  );
  const scans = await prisma.scan.findMany({
    where: { status: { in: ['queued', 'running', 'evaluating'] } },
    select: { id: true, tenantId: true, status: true },
    take: 1000,
  });
  let enqueued = 0;
  for (const s of scans) {
    const ref = { tenantId: s.tenantId, scanId: s.id };
    if (s.status === 'queued') {
      await queues.enqueue(planScanJob, ref);
      enqueued += 1;
    } else if (s.status === 'evaluating') {
      await queues.enqueue(evaluateScanJob, ref);
      enqueued += 1;
    } else {
      const open = await prisma.scanTask.findMany({
        where: { scanId: s.id, tenantId: s.tenantId, status: { in: ['queued', 'running'] } },
        select: { id: true },
      });
      if (open.length === 0) {
        // Running with no tasks at all: the plan step never wrote them.
        await queues.enqueue(planScanJob, ref);
        enqueued += 1;
      }
      for (const t of open) {
        await queues.enqueue(discoverJob, { ...ref, taskId: t.id });
        enqueued += 1;
      }
    }
  }
  if (scans.length) logger.debug({ scans: scans.length, enqueued }, 'reconciled unfinished scans');
  return enqueued;
}
