import type { TProvider, TSeverity } from '@aispm/contracts';
import type { TenantTx } from './client';
import { newId } from './ids';

export type Verdict = 'pass' | 'fail' | 'unknown' | 'not_applicable';

export interface AssetVerdictRow {
  assetId: string;
  verdicts: Record<string, Verdict>;
  dependsOn: readonly string[];
  peerTypes: readonly string[];
}

/** Stores each evaluated asset's verdicts and what they were computed from (one statement per batch). */
export async function writeVerdicts(
  tx: TenantTx,
  scope: { tenantId: string; accountId: string; at: Date },
  rows: readonly AssetVerdictRow[],
): Promise<void> {
  if (rows.length === 0) return;
  await tx.$executeRawUnsafe(
    `INSERT INTO asset_verdicts (asset_id, tenant_id, account_id, verdicts, depends_on, peer_types, evaluated_at)
     SELECT u.asset_id, $1::uuid, $2::uuid, u.verdicts,
            ARRAY(SELECT jsonb_array_elements_text(u.depends_on))::uuid[],
            ARRAY(SELECT jsonb_array_elements_text(u.peer_types)), $3::timestamptz
       FROM unnest($4::uuid[], $5::jsonb[], $6::jsonb[], $7::jsonb[]) AS u(asset_id, verdicts, depends_on, peer_types)
     ON CONFLICT (asset_id) DO UPDATE
        SET verdicts = EXCLUDED.verdicts, depends_on = EXCLUDED.depends_on, peer_types = EXCLUDED.peer_types,
            evaluated_at = EXCLUDED.evaluated_at`,
    scope.tenantId,
    scope.accountId,
    scope.at,
    rows.map((r) => r.assetId),
    rows.map((r) => JSON.stringify(r.verdicts)),
    rows.map((r) => JSON.stringify(r.dependsOn)),
    rows.map((r) => JSON.stringify(r.peerTypes)),
  );
}

/** The account's previous evaluation: when it started and with which checks. */
export async function lastEvaluation(
  tx: TenantTx,
  accountId: string,
): Promise<{ evaluatedAt: Date | null; checksDigest: string | null }> {
  const row = await tx.accountPosture.findFirst({
    where: { accountId },
    select: { evaluatedAt: true, checksDigest: true },
  });
  return { evaluatedAt: row?.evaluatedAt ?? null, checksDigest: row?.checksDigest ?? null };
}

/** Assets of the account whose inputs changed since `since` (deleted ones included), with their types. */
export async function changedSince(
  tx: TenantTx,
  scope: { tenantId: string; accountId: string },
  since: Date,
  limit: number,
): Promise<{ id: string; assetType: string }[]> {
  return tx.$queryRawUnsafe<{ id: string; assetType: string }[]>(
    `SELECT id, asset_type AS "assetType" FROM assets
      WHERE tenant_id = $1::uuid AND account_id = $2::uuid AND changed_at > $3::timestamptz
      LIMIT $4`,
    scope.tenantId,
    scope.accountId,
    since,
    limit,
  );
}

/**
 * One page (by id) of the account's live assets of `types` that are due for evaluation: never evaluated,
 * changed since their verdicts, or depending on an asset or asset type in the changed set. With `all`, every
 * asset of those types (a first evaluation, or the checks changed).
 */
export async function assetsDueForEvaluation(
  tx: TenantTx,
  scope: { tenantId: string; accountId: string },
  input: {
    types: readonly string[];
    afterId: string | null;
    limit: number;
    all: boolean;
    changedIds: readonly string[];
    changedTypes: readonly string[];
  },
): Promise<string[]> {
  const rows = await tx.$queryRawUnsafe<{ id: string }[]>(
    `SELECT a.id FROM assets a
       LEFT JOIN asset_verdicts v ON v.asset_id = a.id
      WHERE a.tenant_id = $1::uuid AND a.account_id = $2::uuid AND a.deleted_at IS NULL
        AND a.asset_type = ANY($3::text[]) AND ($4::uuid IS NULL OR a.id > $4::uuid)
        AND ($6::boolean OR v.asset_id IS NULL OR a.changed_at > v.evaluated_at
             OR a.id = ANY($7::uuid[]) OR v.depends_on && $7::uuid[] OR v.peer_types && $8::text[])
      ORDER BY a.id
      LIMIT $5`,
    scope.tenantId,
    scope.accountId,
    [...input.types],
    input.afterId,
    input.limit,
    input.all,
    [...input.changedIds],
    [...input.changedTypes],
  );
  return rows.map((r) => r.id);
}

/** Verdicts of assets that are gone (since `deletedSince`, when given) are dropped. */
export async function pruneVerdicts(
  tx: TenantTx,
  scope: { tenantId: string; accountId: string },
  deletedSince: Date | null = null,
) {
  await tx.$executeRawUnsafe(
    `DELETE FROM asset_verdicts v USING assets a
      WHERE v.tenant_id = $1::uuid AND v.account_id = $2::uuid AND a.id = v.asset_id AND a.deleted_at IS NOT NULL
        AND ($3::timestamptz IS NULL OR a.changed_at > $3::timestamptz)`,
    scope.tenantId,
    scope.accountId,
    deletedSince,
  );
}

export interface FoundPath {
  pattern: string;
  title: string;
  severity: TSeverity;
  signature: string;
  nodes: unknown[];
  edges: unknown[];
  findingIds: string[];
}

/**
 * Replaces the account's open attack paths with those found now: new ones are opened, ones found again are
 * refreshed, ones no longer found are resolved. Then every finding of the account gets the attack-path bonus
 * for the open paths it lies on (and loses it for paths that closed).
 */
export async function replaceAttackPaths(
  tx: TenantTx,
  scope: { tenantId: string; accountId: string; scanId: string; at: Date },
  paths: readonly FoundPath[],
  bonus: { perPath: number; maxPaths: number },
): Promise<{ open: number; resolved: number }> {
  if (paths.length > 0) {
    await tx.$executeRawUnsafe(
      `INSERT INTO attack_paths (id, tenant_id, account_id, pattern, title, severity, risk_score, signature, nodes,
                                 edges, finding_ids, status, first_seen, last_seen, last_scan_id)
       SELECT u.id, $1::uuid, $2::uuid, u.pattern, u.title, u.severity::"Severity", 0, u.signature, u.nodes,
              u.edges, ARRAY(SELECT jsonb_array_elements_text(u.finding_ids))::uuid[], 'open', $3::timestamptz,
              $3::timestamptz, $4::uuid
         FROM unnest($5::uuid[], $6::text[], $7::text[], $8::text[], $9::text[], $10::jsonb[], $11::jsonb[],
                     $12::jsonb[]) AS u(id, pattern, title, severity, signature, nodes, edges, finding_ids)
       ON CONFLICT (tenant_id, signature) DO UPDATE
          SET title = EXCLUDED.title, severity = EXCLUDED.severity, nodes = EXCLUDED.nodes, edges = EXCLUDED.edges,
              finding_ids = EXCLUDED.finding_ids, status = 'open', resolved_at = NULL,
              last_seen = EXCLUDED.last_seen, last_scan_id = EXCLUDED.last_scan_id`,
      scope.tenantId,
      scope.accountId,
      scope.at,
      scope.scanId,
      paths.map(() => newId()),
      paths.map((p) => p.pattern),
      paths.map((p) => p.title),
      paths.map((p) => p.severity),
      paths.map((p) => p.signature),
      paths.map((p) => JSON.stringify(p.nodes)),
      paths.map((p) => JSON.stringify(p.edges)),
      paths.map((p) => JSON.stringify(p.findingIds)),
    );
  }
  const resolved = await tx.$executeRawUnsafe(
    `UPDATE attack_paths SET status = 'resolved', resolved_at = $3::timestamptz, last_scan_id = $4::uuid
      WHERE tenant_id = $1::uuid AND account_id = $2::uuid AND status = 'open'
        AND NOT (signature = ANY($5::text[]))`,
    scope.tenantId,
    scope.accountId,
    scope.at,
    scope.scanId,
    paths.map((p) => p.signature),
  );
  // Findings on open paths: count paths per finding; everyone else in the account with a bonus loses it.
  await tx.$executeRawUnsafe(
    `WITH on_paths AS (
       SELECT fid, count(*)::int AS n
         FROM attack_paths p CROSS JOIN LATERAL unnest(p.finding_ids) AS fid
        WHERE p.tenant_id = $1::uuid AND p.account_id = $2::uuid AND p.status = 'open'
        GROUP BY fid
     ), target AS (
       SELECT f.id, COALESCE(o.n, 0) AS n,
              COALESCE((f.risk_factors ->> 'contextScore')::int, f.risk_score) AS context_score
         FROM findings f LEFT JOIN on_paths o ON o.fid = f.id
        WHERE f.tenant_id = $1::uuid AND f.account_id = $2::uuid
          AND (o.fid IS NOT NULL OR COALESCE((f.risk_factors ->> 'attackPaths')::int, 0) > 0)
     )
     UPDATE findings f
        SET risk_score = GREATEST(1, LEAST(100, t.context_score + LEAST(t.n, $4) * $3)),
            risk_factors = f.risk_factors || jsonb_build_object('attackPaths', t.n,
                                                                'attackPathBonus', LEAST(t.n, $4) * $3)
       FROM target t
      WHERE f.id = t.id
        AND (COALESCE((f.risk_factors ->> 'attackPaths')::int, 0) <> t.n
             OR f.risk_score <> GREATEST(1, LEAST(100, t.context_score + LEAST(t.n, $4) * $3)))`,
    scope.tenantId,
    scope.accountId,
    bonus.perPath,
    bonus.maxPaths,
  );
  // A path is as urgent as the most urgent finding on it.
  await tx.$executeRawUnsafe(
    `UPDATE attack_paths p
        SET risk_score = COALESCE((SELECT max(f.risk_score) FROM findings f
                                    WHERE f.tenant_id = p.tenant_id AND f.id = ANY(p.finding_ids)), 0)
      WHERE p.tenant_id = $1::uuid AND p.account_id = $2::uuid AND p.status = 'open'`,
    scope.tenantId,
    scope.accountId,
  );
  return { open: paths.length, resolved };
}

/** Each asset's risk score is the highest of its open findings' (0 without one); only changed rows are written. */
export async function refreshAssetRiskScores(tx: TenantTx, scope: { tenantId: string; accountId: string }) {
  await tx.$executeRawUnsafe(
    `WITH scored AS (
       SELECT a.id, COALESCE(m.max, 0) AS score
         FROM assets a
         LEFT JOIN (SELECT asset_id, max(risk_score) AS max FROM findings
                     WHERE tenant_id = $1::uuid AND account_id = $2::uuid AND status = 'open'
                     GROUP BY asset_id) m ON m.asset_id = a.id
        WHERE a.tenant_id = $1::uuid AND a.account_id = $2::uuid
     )
     UPDATE assets a SET risk_score = s.score FROM scored s WHERE a.id = s.id AND a.risk_score <> s.score`,
    scope.tenantId,
    scope.accountId,
  );
}

/**
 * Rebuilds the account's summary rows from its findings and verdicts, once per evaluation (per account, never
 * over the whole organization): check_summaries (per check), account_postures (figures), and appends a
 * posture snapshot of the whole organization, summed from account_postures.
 */
export async function refreshAccountSummaries(
  tx: TenantTx,
  scope: { tenantId: string; accountId: string; scanId: string; at: Date },
  input: {
    provider: TProvider;
    checks: readonly { id: string; severity: TSeverity }[];
    evaluatedAt: Date;
    checksDigest: string;
  },
): Promise<void> {
  const { tenantId, accountId, at } = scope;
  await tx.$executeRawUnsafe(
    `DELETE FROM check_summaries WHERE tenant_id = $1::uuid AND account_id = $2::uuid`,
    tenantId,
    accountId,
  );
  await tx.$executeRawUnsafe(
    `WITH meta AS (
       SELECT * FROM unnest($5::text[], $6::text[]) AS m(check_id, severity)
     ), v AS (
       SELECT e.key AS check_id,
              count(*) FILTER (WHERE e.value = 'pass')::int AS passing,
              count(*) FILTER (WHERE e.value = 'unknown')::int AS unknown,
              count(*) FILTER (WHERE e.value = 'fail')::int AS failing_verdicts
         FROM asset_verdicts av
         JOIN assets a ON a.id = av.asset_id AND a.deleted_at IS NULL
        CROSS JOIN LATERAL jsonb_each_text(av.verdicts) AS e
        WHERE av.tenant_id = $1::uuid AND av.account_id = $2::uuid
        GROUP BY e.key
     ), f AS (
       SELECT check_id,
              count(*) FILTER (WHERE status = 'open')::int AS failing,
              count(*) FILTER (WHERE status = 'suppressed')::int AS suppressed
         FROM findings WHERE tenant_id = $1::uuid AND account_id = $2::uuid AND status <> 'resolved'
        GROUP BY check_id
     )
     INSERT INTO check_summaries (tenant_id, account_id, check_id, provider, severity, failing, passing, unknown,
                                  suppressed, updated_at)
     SELECT $1::uuid, $2::uuid, meta.check_id, $3::"CloudProvider", meta.severity::"Severity",
            COALESCE(f.failing, 0), COALESCE(v.passing, 0), COALESCE(v.unknown, 0), COALESCE(f.suppressed, 0),
            $4::timestamptz
       FROM meta
       LEFT JOIN v ON v.check_id = meta.check_id
       LEFT JOIN f ON f.check_id = meta.check_id
      WHERE v.check_id IS NOT NULL OR f.check_id IS NOT NULL`,
    tenantId,
    accountId,
    input.provider,
    at,
    input.checks.map((c) => c.id),
    input.checks.map((c) => c.severity),
  );
  await tx.$executeRawUnsafe(
    `WITH live AS (
       SELECT asset_type, count(*)::int AS n, count(*) FILTER (WHERE is_shadow)::int AS shadow
         FROM assets WHERE tenant_id = $1::uuid AND account_id = $2::uuid AND deleted_at IS NULL
        GROUP BY asset_type
     ), sev AS (
       SELECT count(*) FILTER (WHERE severity = 'critical')::int AS critical,
              count(*) FILTER (WHERE severity = 'high')::int AS high,
              count(*) FILTER (WHERE severity = 'medium')::int AS medium,
              count(*) FILTER (WHERE severity = 'low')::int AS low,
              count(*) FILTER (WHERE severity = 'info')::int AS info,
              count(DISTINCT asset_id)::int AS failing_assets
         FROM findings WHERE tenant_id = $1::uuid AND account_id = $2::uuid AND status = 'open'
     )
     INSERT INTO account_postures (tenant_id, account_id, provider, assets_total, assets_by_type, assets_evaluated,
                                   assets_failing, shadow_assets, critical, high, medium, low, info, attack_paths,
                                   evaluated_at, checks_digest, updated_at)
     SELECT $1::uuid, $2::uuid, $3::"CloudProvider",
            COALESCE((SELECT sum(n) FROM live), 0)::int,
            COALESCE((SELECT jsonb_object_agg(asset_type, n) FROM live), '{}'::jsonb),
            (SELECT count(*)::int FROM asset_verdicts av JOIN assets a ON a.id = av.asset_id AND a.deleted_at IS NULL
              WHERE av.tenant_id = $1::uuid AND av.account_id = $2::uuid),
            sev.failing_assets,
            COALESCE((SELECT sum(shadow) FROM live), 0)::int,
            sev.critical, sev.high, sev.medium, sev.low, sev.info,
            (SELECT count(*)::int FROM attack_paths
              WHERE tenant_id = $1::uuid AND account_id = $2::uuid AND status = 'open'),
            $5::timestamptz, $6, $4::timestamptz
       FROM sev
     ON CONFLICT (tenant_id, account_id) DO UPDATE
        SET provider = EXCLUDED.provider, assets_total = EXCLUDED.assets_total,
            assets_by_type = EXCLUDED.assets_by_type, assets_evaluated = EXCLUDED.assets_evaluated,
            assets_failing = EXCLUDED.assets_failing, shadow_assets = EXCLUDED.shadow_assets,
            critical = EXCLUDED.critical, high = EXCLUDED.high, medium = EXCLUDED.medium, low = EXCLUDED.low,
            info = EXCLUDED.info, attack_paths = EXCLUDED.attack_paths, evaluated_at = EXCLUDED.evaluated_at,
            checks_digest = EXCLUDED.checks_digest, updated_at = EXCLUDED.updated_at`,
    tenantId,
    accountId,
    input.provider,
    at,
    input.evaluatedAt,
    input.checksDigest,
  );
  await recordPostureSnapshot(tx, tenantId, scope.scanId, at);
}

/**
 * Re-counts the open and suppressed findings of some accounts after people changed them (suppressions,
 * exceptions): check_summaries and account_postures stay exact between scans.
 */
export async function recountFindings(
  tx: TenantTx,
  tenantId: string,
  accountIds: readonly string[],
  at: Date,
  /** The assets whose findings changed, when known: only their risk scores are recomputed. */
  assetIds?: readonly string[],
) {
  if (accountIds.length === 0) return;
  const ids = [...new Set(accountIds)];
  await tx.$executeRawUnsafe(
    `UPDATE check_summaries s
        SET failing = c.failing, suppressed = c.suppressed, updated_at = $3::timestamptz
       FROM (SELECT s.account_id, s.check_id,
                    count(f.id) FILTER (WHERE f.status = 'open')::int AS failing,
                    count(f.id) FILTER (WHERE f.status = 'suppressed')::int AS suppressed
               FROM check_summaries s
               LEFT JOIN findings f ON f.tenant_id = s.tenant_id AND f.account_id = s.account_id
                                   AND f.check_id = s.check_id AND f.status <> 'resolved'
              WHERE s.tenant_id = $1::uuid AND s.account_id = ANY($2::uuid[])
              GROUP BY s.account_id, s.check_id) c
      WHERE s.tenant_id = $1::uuid AND s.account_id = c.account_id AND s.check_id = c.check_id`,
    tenantId,
    ids,
    at,
  );
  await tx.$executeRawUnsafe(
    `UPDATE account_postures p
        SET critical = c.critical, high = c.high, medium = c.medium, low = c.low, info = c.info,
            assets_failing = c.failing_assets, updated_at = $3::timestamptz
       FROM (SELECT acc AS account_id,
                    count(f.id) FILTER (WHERE f.severity = 'critical')::int AS critical,
                    count(f.id) FILTER (WHERE f.severity = 'high')::int AS high,
                    count(f.id) FILTER (WHERE f.severity = 'medium')::int AS medium,
                    count(f.id) FILTER (WHERE f.severity = 'low')::int AS low,
                    count(f.id) FILTER (WHERE f.severity = 'info')::int AS info,
                    count(DISTINCT f.asset_id)::int AS failing_assets
               FROM unnest($2::uuid[]) AS acc
               LEFT JOIN findings f ON f.tenant_id = $1::uuid AND f.account_id = acc AND f.status = 'open'
              GROUP BY acc) c
      WHERE p.tenant_id = $1::uuid AND p.account_id = c.account_id`,
    tenantId,
    ids,
    at,
  );
  if (assetIds) await refreshRiskScoresOf(tx, tenantId, assetIds);
  else for (const accountId of ids) await refreshAssetRiskScores(tx, { tenantId, accountId });
}

/** refreshAssetRiskScores for a few assets: what a suppression of some findings needs, not a pass over the account. */
async function refreshRiskScoresOf(tx: TenantTx, tenantId: string, assetIds: readonly string[]) {
  if (assetIds.length === 0) return;
  await tx.$executeRawUnsafe(
    `UPDATE assets a
        SET risk_score = COALESCE((SELECT max(f.risk_score) FROM findings f
                                    WHERE f.tenant_id = a.tenant_id AND f.asset_id = a.id AND f.status = 'open'), 0)
      WHERE a.tenant_id = $1::uuid AND a.id = ANY($2::uuid[])`,
    tenantId,
    [...new Set(assetIds)],
  );
}

/** The organization's posture now, summed from account_postures, appended to the trend. */
export async function recordPostureSnapshot(tx: TenantTx, tenantId: string, scanId: string | null, at: Date) {
  await tx.$executeRawUnsafe(
    `INSERT INTO posture_snapshots (id, tenant_id, taken_at, scan_id, score, assets_evaluated, assets_failing,
                                    critical, high, medium, low, info)
     SELECT $2::uuid, $1::uuid, $3::timestamptz, $4::uuid,
            CASE WHEN COALESCE(sum(assets_evaluated), 0) = 0 THEN 100
                 ELSE round(100.0 * GREATEST(0, sum(assets_evaluated) - sum(assets_failing)) / sum(assets_evaluated))
            END::int,
            COALESCE(sum(assets_evaluated), 0)::int, COALESCE(sum(assets_failing), 0)::int,
            COALESCE(sum(critical), 0)::int, COALESCE(sum(high), 0)::int, COALESCE(sum(medium), 0)::int,
            COALESCE(sum(low), 0)::int, COALESCE(sum(info), 0)::int
       FROM account_postures WHERE tenant_id = $1::uuid`,
    tenantId,
    newId(),
    at,
    scanId,
  );
}
