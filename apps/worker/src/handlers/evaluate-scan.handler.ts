import {
  activeExceptions,
  assetsDueForEvaluation,
  changedSince,
  evaluateShadowAi,
  exceptionCovers,
  expireSuppressions,
  lastEvaluation,
  liveAssetsById,
  pruneVerdicts,
  recountFindings,
  rebuildRelations,
  refreshAccountSummaries,
  refreshAssetRiskScores,
  resolveFindingsOfDeletedAssets,
  resolvePassedChecks,
  upsertFailedChecks,
  writeVerdicts,
  type AssetVerdictRow,
  type ExceptionRule,
  type FailedCheck,
  type TenantTx,
} from '@aispm/db';
import { evaluateScanJob } from '@aispm/jobs';
import { CHECKS_DIGEST, checks, detectShadowAiBatch } from '@aispm/risk';
import { evaluateBatch, type PeerCache } from './evaluation-graph';
import { detectAttackPaths } from './attack-paths';
import { defineHandler, type WorkerDeps } from './handler';

const BATCH = 1000;
/** More changed assets than this and the whole account is evaluated (cheaper than a long change list). */
const INCREMENTAL_LIMIT = 5000;
const checkedTypes = [...new Set(checks.map((c) => c.assetType))];
const checkMeta = checks.map((c) => ({ id: c.id, severity: c.severity }));

/**
 * Evaluates the account after a scan, incrementally: only assets that changed since the last evaluation, and
 * the assets whose verdicts read them (neighbours, two hops, account-wide peers), are evaluated again; a first
 * evaluation, or one after the checks changed, covers everything. Findings are opened, refreshed or resolved
 * (the rescan is the proof), each transition recorded; exception rules and expired suppressions are applied;
 * attack paths are found again; the account's summary rows are rebuilt. An "unknown" verdict changes nothing.
 */
export function evaluateScanHandler(deps: WorkerDeps) {
  const now = deps.now ?? (() => new Date());
  return defineHandler({
    job: evaluateScanJob,
    async handle({ tenantId, scanId }) {
      const { db } = deps;
      const scan = await db.tenant(tenantId, (tx) => tx.scan.findFirst({ where: { id: scanId } }));
      if (!scan || scan.status !== 'evaluating') return;
      const account = await db.tenant(tenantId, (tx) =>
        tx.cloudAccount.findFirst({ where: { id: scan.accountId }, select: { provider: true } }),
      );
      if (!account) return;
      const scope = { tenantId, accountId: scan.accountId, scanId, at: now() };
      const phases: Record<string, number> = {};
      let mark = performance.now();
      const phase = (name: string) => {
        const t = performance.now();
        phases[name] = Math.round((phases[name] ?? 0) + t - mark);
        mark = t;
      };
      // What changed since the last evaluation of this account with these checks (null: evaluate everything).
      const since = await db.tenant(tenantId, (tx) => incrementalSince(tx, scope));
      // Nothing the checks read changed (no asset added, changed or deleted): the relations are as they were.
      const unchanged =
        since !== null && (await db.tenant(tenantId, (tx) => changedSince(tx, scope, since, 1))).length === 0;
      if (!unchanged) {
        // Edges first: checks and attack paths read them, and both ends are now in the inventory.
        await db.tenant(tenantId, (tx) => rebuildRelations(tx, scope));
      }
      phase('relations');
      // Shadow AI: assets that changed, against the organization's register of sanctioned AI. The register's own
      // changes are applied to every asset by the API when they are made, so unchanged assets' verdicts hold.
      await evaluateShadowAi(db, { tenantId, accountId: scan.accountId }, detectShadowAiBatch, {
        changedSince: since,
      });
      phase('shadowAi');

      const plan = await db.tenant(tenantId, async (tx) => {
        const lapsed = await expireSuppressions(tx, tenantId, scope.at);
        // This account's summaries are rebuilt at the end; other accounts' are recounted now.
        await recountFindings(
          tx,
          tenantId,
          lapsed.filter((id) => id !== scope.accountId),
          scope.at,
        );
        return { ...(await evaluationPlan(tx, scope)), exceptions: await activeExceptions(tx, scope.at) };
      });
      phase('plan');

      // One transaction per batch keeps transactions short on large inventories.
      const peers: PeerCache = new Map();
      let afterId: string | null = null;
      let evaluated = 0;
      for (;;) {
        const lastId: string | undefined = await db.tenant(tenantId, async (tx) => {
          const ids = await assetsDueForEvaluation(tx, scope, {
            types: checkedTypes,
            afterId,
            limit: BATCH,
            ...plan,
          });
          if (ids.length === 0) return undefined;
          const batch = await liveAssetsById(tx, ids);
          phase('select');
          const failed: FailedCheck[] = [];
          const passed: { assetId: string; checkId: string }[] = [];
          const verdicts: AssetVerdictRow[] = [];
          const evaluatedBatch = await evaluateBatch(tx, tenantId, batch, peers);
          phase('evaluate');
          for (const { asset, evaluations, reads } of evaluatedBatch) {
            const row: AssetVerdictRow = {
              assetId: asset.id,
              verdicts: {},
              dependsOn: [...reads.assetIds].filter((id) => id !== asset.id),
              peerTypes: [...reads.peerTypes],
            };
            verdicts.push(row);
            for (const e of evaluations) {
              row.verdicts[e.check.id] = e.result.status;
              if (e.result.status === 'fail') {
                failed.push({
                  assetId: asset.id,
                  checkId: e.check.id,
                  severity: e.check.severity,
                  riskScore: e.riskScore ?? 0,
                  riskFactors: { ...e.riskFactors },
                  evidence: e.result.evidence,
                  exception: coveringException(plan.exceptions, e.check.id, asset, scope.at),
                });
              } else if (e.result.status === 'pass' || e.result.status === 'not_applicable') {
                passed.push({ assetId: asset.id, checkId: e.check.id });
              }
            }
          }
          await upsertFailedChecks(tx, scope, failed);
          phase('writeFindings');
          await resolvePassedChecks(tx, scope, passed);
          phase('resolve');
          await writeVerdicts(tx, scope, verdicts);
          phase('writeVerdicts');
          evaluated += batch.length;
          return ids.at(-1);
        });
        if (lastId === undefined) break;
        afterId = lastId;
      }

      await db.tenant(tenantId, async (tx) => {
        await resolveFindingsOfDeletedAssets(tx, scope, since);
        await pruneVerdicts(tx, scope, since);
      });
      phase('deleted');
      const paths = await detectAttackPaths(db, scope);
      phase('attackPaths');
      const allFailed = scan.tasksTotal > 0 && scan.tasksFailed === scan.tasksTotal;
      const findingsOpen = await db.tenant(tenantId, async (tx) => {
        await refreshAssetRiskScores(tx, scope);
        phase('assetScores');
        await refreshAccountSummaries(tx, scope, {
          provider: account.provider,
          checks: checkMeta,
          evaluatedAt: scope.at,
          checksDigest: CHECKS_DIGEST,
        });
        phase('summaries');
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
      deps.logger.info(
        {
          scanId,
          findingsOpen,
          evaluated,
          incremental: !plan.all,
          attackPaths: paths.open,
          partial: scan.partial,
          failed: allFailed,
          phasesMs: phases,
        },
        'scan finished',
      );
    },
  });
}

/** When the last evaluation of the account with these checks started; null when there is none to build on. */
async function incrementalSince(tx: TenantTx, scope: { accountId: string }): Promise<Date | null> {
  const last = await lastEvaluation(tx, scope.accountId);
  return last.evaluatedAt && last.checksDigest === CHECKS_DIGEST ? last.evaluatedAt : null;
}

/**
 * What this evaluation covers: everything on a first evaluation or when the checks changed; otherwise the
 * assets changed since the last one started and those whose verdicts read them.
 */
async function evaluationPlan(
  tx: TenantTx,
  scope: { tenantId: string; accountId: string },
): Promise<{ all: boolean; changedIds: string[]; changedTypes: string[] }> {
  const last = await lastEvaluation(tx, scope.accountId);
  if (!last.evaluatedAt || last.checksDigest !== CHECKS_DIGEST)
    return { all: true, changedIds: [], changedTypes: [] };
  const changed = await changedSince(tx, scope, last.evaluatedAt, INCREMENTAL_LIMIT + 1);
  if (changed.length > INCREMENTAL_LIMIT) return { all: true, changedIds: [], changedTypes: [] };
  return {
    all: false,
    changedIds: changed.map((c) => c.id),
    changedTypes: [...new Set(changed.map((c) => c.assetType))],
  };
}

function coveringException(
  rules: readonly ExceptionRule[],
  checkId: string,
  asset: { accountId: string; tags: Record<string, string> },
  at: Date,
) {
  const rule = rules.find((r) =>
    exceptionCovers(r, { checkId, accountId: asset.accountId, tags: asset.tags }, at),
  );
  return rule ? { id: rule.id, reason: rule.reason, owner: rule.owner, expiresAt: rule.expiresAt } : null;
}

function firstErrorMessage(errors: unknown): string {
  const first = Array.isArray(errors) ? (errors[0] as { message?: unknown } | undefined) : undefined;
  return typeof first?.message === 'string' ? first.message : 'every listing of the last scan failed';
}
