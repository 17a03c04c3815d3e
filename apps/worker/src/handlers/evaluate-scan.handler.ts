import {
  evaluateShadowAi,
  resolveFindingsOfDeletedAssets,
  resolvePassedChecks,
  rebuildRelations,
  upsertFailedChecks,
  type Asset,
  type FailedCheck,
} from '@aispm/db';
import { evaluateScanJob } from '@aispm/jobs';
import { checks, detectShadowAiBatch, evaluateAsset, isolatedContext, type CheckAsset } from '@aispm/risk';
import { defineHandler, type WorkerDeps } from './handler';

const BATCH = 1000;
const checkedTypes = [...new Set(checks.map((c) => c.assetType))];

/**
 * Runs every check over the account's current inventory, opens or refreshes findings for failures and resolves
 * those that now pass (the rescan is the proof). An "unknown" verdict changes nothing. Then closes the scan.
 */
export function evaluateScanHandler(deps: WorkerDeps) {
  const now = deps.now ?? (() => new Date());
  return defineHandler({
    job: evaluateScanJob,
    async handle({ tenantId, scanId }) {
      const { db } = deps;
      const scan = await db.tenant(tenantId, (tx) => tx.scan.findFirst({ where: { id: scanId } }));
      if (!scan || scan.status !== 'evaluating') return;
      const scope = { tenantId, accountId: scan.accountId, scanId, at: now() };
      // Edges first: checks and attack paths read them, and both ends are now in the inventory.
      await db.tenant(tenantId, (tx) => rebuildRelations(tx, scope));
      // Shadow AI: the account's current assets against the organization's register of sanctioned AI.
      await evaluateShadowAi(db, { tenantId, accountId: scan.accountId }, detectShadowAiBatch);

      // One transaction per batch keeps transactions short on large inventories.
      let afterId: string | undefined;
      for (;;) {
        const lastId: string | undefined = await db.tenant(tenantId, async (tx) => {
          const batch = await tx.asset.findMany({
            where: {
              accountId: scan.accountId,
              deletedAt: null,
              assetType: { in: checkedTypes },
              ...(afterId ? { id: { gt: afterId } } : {}),
            },
            orderBy: { id: 'asc' },
            take: BATCH,
          });
          const failed: FailedCheck[] = [];
          const passed: { assetId: string; checkId: string }[] = [];
          for (const row of batch) {
            const asset = toCheckAsset(row);
            for (const e of evaluateAsset(asset, isolatedContext(asset))) {
              if (e.result.status === 'fail') {
                failed.push({
                  assetId: row.id,
                  checkId: e.check.id,
                  severity: e.check.severity,
                  riskScore: e.riskScore ?? 0,
                  evidence: e.result.evidence,
                });
              } else if (e.result.status === 'pass' || e.result.status === 'not_applicable') {
                passed.push({ assetId: row.id, checkId: e.check.id });
              }
            }
          }
          await upsertFailedChecks(tx, scope, failed);
          await resolvePassedChecks(tx, scope, passed);
          return batch.at(-1)?.id;
        });
        if (lastId === undefined) break;
        afterId = lastId;
      }

      const allFailed = scan.tasksTotal > 0 && scan.tasksFailed === scan.tasksTotal;
      const findingsOpen = await db.tenant(tenantId, async (tx) => {
        await resolveFindingsOfDeletedAssets(tx, scope);
        const open = await tx.finding.count({ where: { accountId: scan.accountId, status: 'open' } });
        const finishedAt = now();
        await tx.scan.updateMany({
          where: { id: scanId, status: 'evaluating' },
          data: { status: allFailed ? 'failed' : 'completed', finishedAt, findingsOpen: open },
        });
        await tx.cloudAccount.updateMany({
          where: { id: scan.accountId },
          data: {
            lastScanId: scanId,
            lastScanAt: finishedAt,
            status: allFailed ? 'error' : 'connected',
            statusMessage: allFailed ? firstErrorMessage(scan.errors) : null,
          },
        });
        return open;
      });
      deps.logger.info({ scanId, findingsOpen, partial: scan.partial, failed: allFailed }, 'scan finished');
    },
  });
}

function toCheckAsset(row: Asset): CheckAsset {
  return {
    id: row.id,
    accountId: row.accountId,
    provider: row.provider,
    assetType: row.assetType,
    nativeId: row.nativeId,
    name: row.name,
    region: row.region,
    attributes: (row.attributes ?? {}) as Record<string, unknown>,
    tags: (row.tags ?? {}) as Record<string, string>,
  };
}

function firstErrorMessage(errors: unknown): string {
  const first = Array.isArray(errors) ? (errors[0] as { message?: unknown } | undefined) : undefined;
  return typeof first?.message === 'string' ? first.message : 'every listing of the last scan failed';
}
