import { newId } from '@aispm/db';
import { discoverJob, evaluateScanJob, planScanJob } from '@aispm/jobs';
import { defineHandler, type WorkerDeps } from './handler';

/** Splits a scan into one task per service x region and queues them. Safe to run twice. */
export function planScanHandler(deps: WorkerDeps) {
  return defineHandler({
    job: planScanJob,
    async handle({ tenantId, scanId }) {
      const { prisma } = deps.db;
      const scan = await prisma.scan.findFirst({
        where: { tenantId, id: scanId },
        include: { account: true },
      });
      if (!scan || (scan.status !== 'queued' && scan.status !== 'running')) return;
      const discoverers = deps.discoverers.filter((d) => d.provider === scan.account.provider);
      const tasks = discoverers.flatMap((d) =>
        scan.account.regions.map((region) => ({ id: newId(), tenantId, scanId, service: d.service, region })),
      );
      await prisma.$transaction([
        prisma.scanTask.createMany({ data: tasks, skipDuplicates: true }),
        prisma.scan.updateMany({
          where: { id: scanId, tenantId, status: 'queued' },
          data: {
            status: 'running',
            startedAt: (deps.now ?? (() => new Date()))(),
            tasksTotal: tasks.length,
          },
        }),
      ]);
      if (tasks.length === 0) {
        // Nothing this provider can list yet: evaluate what is there so the scan still completes.
        await prisma.scan.updateMany({
          where: { id: scanId, tenantId, status: 'running' },
          data: { status: 'evaluating' },
        });
        await deps.queues.enqueue(evaluateScanJob, { tenantId, scanId });
        return;
      }
      // Re-read: on a second run the ids in Postgres are the ones that count.
      const open = await prisma.scanTask.findMany({
        where: { tenantId, scanId, status: { in: ['queued', 'running'] } },
        select: { id: true },
      });
      for (const t of open) await deps.queues.enqueue(discoverJob, { tenantId, scanId, taskId: t.id });
    },
  });
}
