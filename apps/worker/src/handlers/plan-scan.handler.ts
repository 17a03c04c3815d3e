import { newId } from '@aispm/db';
import { discoverJob, evaluateScanJob, planScanJob } from '@aispm/jobs';
import { regionsFor } from '@aispm/connectors';
import { defineHandler, type WorkerDeps } from './handler';

/**
 * Splits a scan into one task per service x region (one per service for account-wide listings) and queues
 * them. Safe to run twice.
 */
export function planScanHandler(deps: WorkerDeps) {
  const now = deps.now ?? (() => new Date());
  return defineHandler({
    job: planScanJob,
    async handle({ tenantId, scanId }) {
      const plan = await deps.db.tenant(tenantId, async (tx) => {
        const scan = await tx.scan.findFirst({ where: { id: scanId }, include: { account: true } });
        if (!scan || (scan.status !== 'queued' && scan.status !== 'running')) return null;
        const discoverers = deps.discoverers.filter((d) => d.provider === scan.account.provider);
        const tasks = discoverers.flatMap((d) =>
          regionsFor(d, scan.account.regions).map((region) => ({
            id: newId(),
            tenantId,
            scanId,
            service: d.service,
            region,
          })),
        );
        await tx.scanTask.createMany({ data: tasks, skipDuplicates: true });
        await tx.scan.updateMany({
          where: { id: scanId, status: 'queued' },
          data: { status: 'running', startedAt: now(), tasksTotal: tasks.length },
        });
        if (tasks.length === 0) {
          // Nothing this provider can list yet: evaluate what is there so the scan still completes.
          await tx.scan.updateMany({
            where: { id: scanId, status: 'running' },
            data: { status: 'evaluating' },
          });
          return { evaluate: true, taskIds: [] };
        }
        // Re-read: on a second run the ids in Postgres are the ones that count.
        const open = await tx.scanTask.findMany({
          where: { scanId, status: { in: ['queued', 'running'] } },
          select: { id: true },
        });
        return { evaluate: false, taskIds: open.map((t) => t.id) };
      });
      if (!plan) return;
      if (plan.evaluate) await deps.queues.enqueue(evaluateScanJob, { tenantId, scanId });
      for (const taskId of plan.taskIds) await deps.queues.enqueue(discoverJob, { tenantId, scanId, taskId });
    },
  });
}
