import { newId } from '@aispm/db';
import { planScanJob, scheduledScanJob } from '@aispm/jobs';
import { defineHandler, type WorkerDeps } from './handler';

/**
 * An account's scheduler fired: record a scheduled scan in Postgres unless one is already queued or running
 * (a long scan is never stacked on), then queue its planning.
 */
export function scheduledScanHandler(deps: WorkerDeps) {
  return defineHandler({
    job: scheduledScanJob,
    async handle({ tenantId, accountId }) {
      const scanId = await deps.db.tenant(tenantId, async (tx) => {
        await tx.$queryRaw`SELECT id FROM cloud_accounts WHERE id = ${accountId}::uuid FOR UPDATE`;
        const account = await tx.cloudAccount.findFirst({ where: { id: accountId } });
        if (!account || account.scanIntervalHours === null || account.status === 'disabled') return null;
        const active = await tx.scan.findFirst({
          where: { accountId, status: { in: ['queued', 'running', 'evaluating'] } },
        });
        if (active) return null;
        const id = newId();
        await tx.scan.create({ data: { id, tenantId, accountId, status: 'queued', trigger: 'scheduled' } });
        await tx.auditEvent.create({
          data: {
            id: newId(),
            tenantId,
            actorType: 'system',
            action: 'scan.start',
            targetType: 'scan',
            targetId: id,
            metadata: { accountId, trigger: 'scheduled', everyHours: account.scanIntervalHours },
          },
        });
        return id;
      });
      if (scanId) await deps.queues.enqueue(planScanJob, { tenantId, scanId });
    },
  });
}
