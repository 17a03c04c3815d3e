import { UnrecoverableError } from 'bullmq';
import { ZAwsCredentials, type TScanError } from '@aispm/contracts';
import { ConnectorError } from '@aispm/connectors';
import { markUnseenAssetsDeleted, upsertAssetPage } from '@aispm/db';
import { discoverJob, evaluateScanJob } from '@aispm/jobs';
import { defineHandler, type WorkerDeps } from './handler';
import { finishTask } from './scan-progress';

function toScanError(service: string, region: string, err: unknown): TScanError {
  if (err instanceof ConnectorError) return { service, region, code: err.code, message: err.message };
  return { service, region, code: 'Internal', message: err instanceof Error ? err.message : String(err) };
}

/**
 * Lists one service in one region and writes each page to the inventory as it arrives. Only a listing that
 * ran to its end may mark unseen assets deleted; a failed or throttled one leaves the inventory as it was.
 */
export function discoverHandler(deps: WorkerDeps) {
  const now = deps.now ?? (() => new Date());
  return defineHandler({
    job: discoverJob,
    async handle({ tenantId, scanId, taskId }, attempt) {
      const { prisma, pool } = deps.db;
      const task = await prisma.scanTask.findFirst({
        where: { tenantId, scanId, id: taskId },
        include: { scan: { include: { account: true } } },
      });
      if (!task || task.status === 'succeeded' || task.status === 'failed') return;
      if (task.scan.status !== 'running') return;
      const account = task.scan.account;
      const ids = { tenantId, scanId, taskId };
      const fail = async (err: unknown) => {
        if (
          await finishTask(
            pool,
            ids,
            { status: 'failed', error: toScanError(task.service, task.region, err) },
            now(),
          )
        ) {
          await deps.queues.enqueue(evaluateScanJob, { tenantId, scanId });
        }
      };

      const discoverer = deps.discoverers.find(
        (d) => d.provider === account.provider && d.service === task.service,
      );
      if (!discoverer || !account.credentialsCiphertext) {
        const reason = discoverer
          ? 'the account has no stored credentials'
          : `no discoverer for ${task.service}`;
        await fail(new Error(reason));
        throw new UnrecoverableError(reason);
      }

      await prisma.scanTask.update({ where: { id: taskId }, data: { status: 'running', startedAt: now() } });
      const startedAt = now();
      let pages = 0;
      let assets = 0;
      try {
        const credentials = ZAwsCredentials.parse(
          JSON.parse(deps.cipher.decrypt(account.credentialsCiphertext, `${tenantId}:${account.id}`)),
        );
        const target = {
          provider: 'aws' as const,
          accountId: account.scopeIds[0] ?? '',
          region: task.region,
          endpoint: account.endpointOverride ?? undefined,
          credentials,
        };
        for await (const page of discoverer.discover(target)) {
          const written = await upsertAssetPage(
            pool,
            { tenantId, accountId: account.id, provider: account.provider, scanId, seenAt: startedAt },
            page,
          );
          pages += 1;
          assets += written.length;
          await prisma.scanTask.update({ where: { id: taskId }, data: { pages, assets } });
        }
      } catch (err) {
        const retryable = err instanceof ConnectorError ? err.retryable : true;
        deps.logger.warn(
          {
            scanId,
            taskId,
            service: task.service,
            region: task.region,
            err: toScanError(task.service, task.region, err),
          },
          'listing failed',
        );
        if (!retryable || attempt.isFinalAttempt) {
          await fail(err);
          throw new UnrecoverableError(err instanceof Error ? err.message : String(err));
        }
        throw err;
      }

      await markUnseenAssetsDeleted(pool, {
        tenantId,
        accountId: account.id,
        assetTypes: discoverer.assetTypes,
        region: task.region,
        scanId,
        at: now(),
      });
      if (await finishTask(pool, ids, { status: 'succeeded', pages, assets }, now())) {
        await deps.queues.enqueue(evaluateScanJob, { tenantId, scanId });
      }
    },
  });
}
