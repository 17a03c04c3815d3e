import { createHash } from 'node:crypto';
import { UnrecoverableError } from 'bullmq';
import {
  isUnchangedAsset,
  parseStoredConnection,
  type TAssetRecord,
  type TScanError,
  type TUnchangedAsset,
} from '@aispm/contracts';
import { buildTarget, ConnectorError, discoverTarget, GLOBAL_REGION } from '@aispm/connectors';
import { knownChangeTokens, markUnseenAssetsDeleted, touchUnchangedAssets, upsertAssetPage } from '@aispm/db';
import { checkOutboundUrl } from '@aispm/security';
import { discoverJob, evaluateScanJob } from '@aispm/jobs';
import { defineHandler, type WorkerDeps } from './handler';
import { finishTask } from './scan-progress';

/** A digest of everything the inventory stores of a record, prefixed so it never equals a listing's token. */
export function contentToken(r: TAssetRecord): string {
  const body = JSON.stringify([r.name, r.region, r.attributes, r.tags, r.relations ?? []]);
  return `sha256:${createHash('sha256').update(body).digest('base64url')}`;
}

function toScanError(service: string, region: string, err: unknown): TScanError {
  if (err instanceof ConnectorError) return { service, region, code: err.code, message: err.message };
  return { service, region, code: 'Internal', message: err instanceof Error ? err.message : String(err) };
}

/**
 * Lists one service in one region and writes each page to the inventory as it arrives, one transaction and
 * one set-based upsert per page. Only a listing that ran to its end may mark unseen assets deleted; a failed
 * or throttled one leaves the inventory as it was.
 */
export function discoverHandler(deps: WorkerDeps) {
  const now = deps.now ?? (() => new Date());
  return defineHandler({
    job: discoverJob,
    async handle({ tenantId, scanId, taskId }, attempt) {
      const { db } = deps;
      const task = await db.tenant(tenantId, async (tx) => {
        const found = await tx.scanTask.findFirst({
          where: { scanId, id: taskId },
          include: { scan: { include: { account: true } } },
        });
        if (!found || found.status === 'succeeded' || found.status === 'failed') return null;
        if (found.scan.status !== 'running') return null;
        await tx.scanTask.update({ where: { id: taskId }, data: { status: 'running', startedAt: now() } });
        return found;
      });
      if (!task) return;
      const account = task.scan.account;
      const ids = { tenantId, scanId, taskId };
      const fail = async (err: unknown) => {
        const error = toScanError(task.service, task.region, err);
        if (await finishTask(db, ids, { status: 'failed', error }, now())) {
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

      const seenAt = now();
      let pages = 0;
      let assets = 0;
      try {
        const connection = parseStoredConnection(
          account.provider,
          JSON.parse(await deps.cipher.decrypt(account.credentialsCiphertext, `${tenantId}:${account.id}`)),
        );
        const target = buildTarget(
          { ...account, endpoint: account.endpointOverride },
          connection,
          task.region,
          deps.outbound,
        );
        if (target.endpoint) {
          // Checked again at scan time: the operator's policy or the name's DNS answer may have changed.
          const check = await checkOutboundUrl(target.endpoint, deps.outbound);
          if (!check.ok) {
            throw new ConnectorError({
              code: 'Unknown',
              service: task.service,
              message: check.reason,
              retryable: false,
            });
          }
        }
        const regionScope = task.region === GLOBAL_REGION ? null : task.region;
        const refreshHours = deps.fullRefreshHours ?? 0;
        const known =
          refreshHours > 0
            ? await db.tenant(tenantId, (tx) =>
                knownChangeTokens(tx, {
                  tenantId,
                  accountId: account.id,
                  assetTypes: discoverer.assetTypes,
                  region: regionScope,
                  refreshedSince: new Date(seenAt.getTime() - refreshHours * 3_600_000),
                }),
              )
            : undefined;
        const limiter = deps.limiters?.for(account.id);
        for await (const page of discoverTarget(discoverer, target, { limiter, known })) {
          pages += 1;
          const changed: TAssetRecord[] = [];
          const unchanged: TUnchangedAsset[] = [];
          for (const item of page) {
            if (isUnchangedAsset(item)) {
              unchanged.push(item);
              continue;
            }
            // A listing that shows no version of its own (most return whole resources) is versioned by its
            // content: the same record as last time is only touched, not rewritten.
            const record = item.changeToken ? item : { ...item, changeToken: contentToken(item) };
            if (known?.get(record.nativeId) === record.changeToken) {
              unchanged.push({ assetType: record.assetType, nativeId: record.nativeId, unchanged: true });
            } else {
              changed.push(record);
            }
          }
          assets += await db.tenant(tenantId, async (tx) => {
            const pageCtx = { tenantId, accountId: account.id, provider: account.provider, scanId, seenAt };
            const written = await upsertAssetPage(tx, pageCtx, changed);
            const touched = await touchUnchangedAssets(tx, pageCtx, unchanged);
            await tx.scanTask.update({
              where: { id: taskId },
              data: { pages, assets: assets + written.length + touched },
            });
            return written.length + touched;
          });
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

      await db.tenant(tenantId, (tx) =>
        markUnseenAssetsDeleted(tx, {
          tenantId,
          accountId: account.id,
          assetTypes: discoverer.assetTypes,
          region: task.region === GLOBAL_REGION ? null : task.region,
          scanId,
          at: now(),
        }),
      );
      if (await finishTask(db, ids, { status: 'succeeded', pages, assets }, now())) {
        await deps.queues.enqueue(evaluateScanJob, { tenantId, scanId });
      }
    },
  });
}
