import {
  resolveFindingsOfDeletedAssets,
  resolvePassedChecks,
  upsertFailedChecks,
  type FailedCheck,
} from '@aispm/db';
import { evaluateScanJob } from '@aispm/jobs';
import { checks, evaluateAsset, type CheckAsset } from '@aispm/risk';
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
      const { prisma, pool } = deps.db;
      const scan = await prisma.scan.findFirst({ where: { tenantId, id: scanId } });
      if (!scan || scan.status !== 'evaluating') return;
      const scope = { tenantId, accountId: scan.accountId, scanId, at: now() };

      let afterId: string | undefined;
      for (;;) {
        const batch = await prisma.asset.findMany({
          where: {
            tenantId,
            accountId: scan.accountId,
            deletedAt: null,
            assetType: { in: checkedTypes },
            ...(afterId ? { id: { gt: afterId } } : {}),
          },
          orderBy: { id: 'asc' },
          take: BATCH,
        });
        if (batch.length === 0) break;
        afterId = batch.at(-1)!.id;
        const failed: FailedCheck[] = [];
        const passed: { assetId: string; checkId: string }[] = [];
        for (const row of batch) {
          const asset: CheckAsset = {
            id: row.id,
            provider: row.provider,
            assetType: row.assetType,
            nativeId: row.nativeId,
            name: row.name,
            region: row.region,
            attributes: (row.attributes ?? {}) as Record<string, unknown>,
            tags: (row.tags ?? {}) as Record<string, string>,
          };
          for (const e of evaluateAsset(asset)) {
            if (e.result.status === 'fail') {
              failed.push({
                assetId: row.id,
                checkId: e.check.id,
                severity: e.check.severity,
                riskScore: e.riskScore ?? 0,
                evidence: e.result.evidence,
              });
            } else if (e.result.status === 'pass') {
              passed.push({ assetId: row.id, checkId: e.check.id });
            }
          }
        }
        await upsertFailedChecks(pool, scope, failed);
        await resolvePassedChecks(pool, scope, passed);
      }
      await resolveFindingsOfDeletedAssets(pool, scope);

      const findingsOpen = await prisma.finding.count({
        where: { tenantId, accountId: scan.accountId, status: 'open' },
      });
      const allFailed = scan.tasksTotal > 0 && scan.tasksFailed === scan.tasksTotal;
      const finishedAt = now();
      await prisma.$transaction([
        prisma.scan.updateMany({
          where: { id: scanId, tenantId, status: 'evaluating' },
          data: { status: allFailed ? 'failed' : 'completed', finishedAt, findingsOpen },
        }),
        prisma.cloudAccount.updateMany({
          where: { id: scan.accountId, tenantId },
          data: {
            lastScanId: scanId,
            lastScanAt: finishedAt,
            status: allFailed ? 'error' : 'connected',
            statusMessage: allFailed ? firstErrorMessage(scan.errors) : null,
          },
        }),
      ]);
      deps.logger.info({ scanId, findingsOpen, partial: scan.partial, failed: allFailed }, 'scan finished');
    },
  });
}

function firstErrorMessage(errors: unknown): string {
  const first = Array.isArray(errors) ? (errors[0] as { message?: unknown } | undefined) : undefined;
  return typeof first?.message === 'string' ? first.message : 'every listing of the last scan failed';
}
