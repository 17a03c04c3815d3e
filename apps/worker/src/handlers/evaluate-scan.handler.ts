import {
  evaluateShadowAi,
  resolveFindingsOfDeletedAssets,
  resolvePassedChecks,
  rebuildRelations,
  upsertFailedChecks,
  type FailedCheck,
} from '@aispm/db';
import { evaluateScanJob } from '@aispm/jobs';
import { checks, detectShadowAiBatch } from '@aispm/risk';
import { evaluateBatch, type PeerCache } from './evaluation-graph';
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
      const peers: PeerCache = new Map();
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
          for (const { asset, evaluations } of await evaluateBatch(tx, tenantId, batch, peers)) {
            for (const e of evaluations) {
              if (e.result.status === 'fail') {
                failed.push({
                  assetId: asset.id,
                  checkId: e.check.id,
                  severity: e.check.severity,
                  riskScore: e.riskScore ?? 0,
                  evidence: e.result.evidence,
                });
              } else if (e.result.status === 'pass' || e.result.status === 'not_applicable') {
                passed.push({ assetId: asset.id, checkId: e.check.id });
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

function firstErrorMessage(errors: unknown): string {
  const first = Array.isArray(errors) ? (errors[0] as { message?: unknown } | undefined) : undefined;
  return typeof first?.message === 'string' ? first.message : 'every listing of the last scan failed';
}
