import type { TProvider, TSanctionedAiKind, TShadowEvaluation, TShadowReason } from '@aispm/contracts';
import type { Database, TenantTx } from './client';

/** An inventory asset as the shadow-AI rules read it, with the scope ids of the connection that found it. */
export interface ShadowInventoryRow {
  id: string;
  provider: TProvider;
  assetType: string;
  nativeId: string;
  name: string;
  region: string;
  attributes: Record<string, unknown>;
  tags: Record<string, string>;
  connectionScopeIds: string[];
}

export interface SanctionedAiRule {
  kind: TSanctionedAiKind;
  provider: TProvider;
  value: string;
}

/** The rules (packages/risk `detectShadowAiBatch`): one list of reasons per row, empty when not shadow AI. */
export type ShadowDetector = (
  rows: ShadowInventoryRow[],
  register: SanctionedAiRule[],
) => readonly (readonly TShadowReason[])[];

export interface ShadowScope {
  tenantId: string;
  /** One cloud account (after its scan); omitted for the whole tenant (after a register change). */
  accountId?: string;
  /** One provider: a register entry can only change the flags of its own provider's assets. */
  provider?: TProvider;
}

const BATCH = 1000;

/**
 * Re-evaluates the shadow-AI flags of the current (not deleted) assets in scope against the tenant's register,
 * one short transaction per batch of `batchSize` assets (keyset by id), and writes each batch with one
 * set-based UPDATE that touches only rows whose reasons changed.
 *
 * Every batch takes a per-tenant transaction-scoped advisory lock and reads the register under it, so a batch
 * that read the register before a change committed has finished before the change's own re-evaluation starts:
 * flags never end up computed from a register older than the last change.
 */
export async function evaluateShadowAi(
  db: Database,
  scope: ShadowScope,
  detect: ShadowDetector,
  /**
   * `changedSince`: only assets changed after it (a scan's incremental evaluation: the register's own changes
   * are applied to every asset by the API when they are made, so unchanged assets' verdicts still hold).
   */
  opts: { batchSize?: number; changedSince?: Date | null } = {},
): Promise<TShadowEvaluation> {
  const take = opts.batchSize ?? BATCH;
  let afterId: string | undefined;
  let assetsEvaluated = 0;
  let assetsChanged = 0;
  for (;;) {
    const batch = await db.tenant(scope.tenantId, async (tx) => {
      await tx.$executeRawUnsafe(
        `SELECT pg_advisory_xact_lock(hashtextextended('aispm.shadow_ai:' || $1, 0))`,
        scope.tenantId,
      );
      const register = await loadRegister(tx);
      const rows = await tx.asset.findMany({
        where: {
          deletedAt: null,
          ...(scope.accountId ? { accountId: scope.accountId } : {}),
          ...(scope.provider ? { provider: scope.provider } : {}),
          ...(opts.changedSince ? { changedAt: { gt: opts.changedSince } } : {}),
          ...(afterId ? { id: { gt: afterId } } : {}),
        },
        orderBy: { id: 'asc' },
        take,
        select: {
          id: true,
          provider: true,
          assetType: true,
          nativeId: true,
          name: true,
          region: true,
          attributes: true,
          tags: true,
          account: { select: { scopeIds: true } },
        },
      });
      const inputs: ShadowInventoryRow[] = rows.map((r) => ({
        id: r.id,
        provider: r.provider,
        assetType: r.assetType,
        nativeId: r.nativeId,
        name: r.name,
        region: r.region,
        attributes: (r.attributes ?? {}) as Record<string, unknown>,
        tags: (r.tags ?? {}) as Record<string, string>,
        connectionScopeIds: r.account.scopeIds,
      }));
      const reasons = inputs.length > 0 ? detect(inputs, register) : [];
      const changed = await writeShadowReasons(
        tx,
        scope.tenantId,
        inputs.map((r, i) => ({ assetId: r.id, reasons: reasons[i] ?? [] })),
      );
      return { count: rows.length, lastId: rows.at(-1)?.id, changed };
    });
    assetsEvaluated += batch.count;
    assetsChanged += batch.changed;
    if (batch.count < take || !batch.lastId) break;
    afterId = batch.lastId;
  }
  const shadowAssets = await db.tenant(scope.tenantId, (tx) =>
    tx.asset.count({
      where: {
        isShadow: true,
        deletedAt: null,
        ...(scope.accountId ? { accountId: scope.accountId } : {}),
        ...(scope.provider ? { provider: scope.provider } : {}),
      },
    }),
  );
  return { assetsEvaluated, assetsChanged, shadowAssets };
}

/** The tenant's register, as the rules read it. */
export function loadRegister(tx: TenantTx): Promise<SanctionedAiRule[]> {
  return tx.sanctionedAi.findMany({
    select: { kind: true, provider: true, value: true },
    orderBy: { id: 'asc' },
  });
}

/**
 * Sets shadow_reasons (null for no reasons) and is_shadow for many assets in one statement; rows whose
 * reasons are already those are left untouched. Returns how many rows changed.
 */
export async function writeShadowReasons(
  tx: TenantTx,
  tenantId: string,
  rows: readonly { assetId: string; reasons: readonly TShadowReason[] }[],
): Promise<number> {
  if (rows.length === 0) return 0;
  return tx.$executeRawUnsafe(
    `UPDATE assets a SET shadow_reasons = u.reasons, is_shadow = (u.reasons IS NOT NULL)
       FROM unnest($2::uuid[], $3::jsonb[]) AS u(id, reasons)
      WHERE a.tenant_id = $1::uuid AND a.id = u.id
        AND (a.shadow_reasons IS DISTINCT FROM u.reasons OR a.is_shadow <> (u.reasons IS NOT NULL))`,
    tenantId,
    rows.map((r) => r.assetId),
    rows.map((r) => (r.reasons.length > 0 ? JSON.stringify(r.reasons) : null)),
  );
}
