import type { TSeverity } from '@aispm/contracts';
import type { TenantTx } from './client';
import { newId } from './ids';

/** An exception rule as the writer applies it. */
export interface ExceptionMatch {
  id: string;
  reason: string;
  owner: string;
  expiresAt: Date | null;
}

export interface FailedCheck {
  assetId: string;
  checkId: string;
  severity: TSeverity;
  /** The contextual score before attack paths (those are added once the account's paths are known). */
  riskScore: number;
  riskFactors?: Record<string, unknown>;
  evidence: Record<string, unknown>;
  /** The exception rule that covers it, if any: the finding is then suppressed with the rule's reason. */
  exception?: ExceptionMatch | null;
}

/** A finding a person's action changed: which account's summaries and which asset's score to recount. */
export interface ChangedFinding {
  id: string;
  accountId: string;
  assetId: string;
}

export interface FindingScope {
  tenantId: string;
  accountId: string;
  scanId: string;
  at: Date;
}

/**
 * Opens (or keeps open) one finding per failed (asset, check), and records each transition in finding_events,
 * all in one statement:
 * - new: `opened` (and `excepted` when an exception rule covers it: it starts suppressed);
 * - resolved before: `reopened`;
 * - suppressed by a person: stays suppressed (until the suppression expires) but its evidence is refreshed;
 * - covered by an exception rule now but not before: `excepted`; no longer covered: `exception_removed`;
 * - severity differs from last time (the check was re-rated): `severity_changed`.
 */
export async function upsertFailedChecks(tx: TenantTx, scope: FindingScope, failed: readonly FailedCheck[]) {
  if (failed.length === 0) return { opened: 0, reopened: 0 };
  const rows = await tx.$queryRawUnsafe<{ kind: string; n: number }[]>(
    `WITH u AS (
       SELECT * FROM unnest($5::uuid[], $6::uuid[], $7::text[], $8::text[], $9::int[], $10::jsonb[], $11::jsonb[],
                            $12::uuid[], $13::text[], $14::text[], $15::timestamptz[])
              AS u(id, asset_id, check_id, severity, risk_score, risk_factors, evidence, exception_id, exc_reason,
                   exc_owner, exc_until)
     ), prev AS (
       SELECT f.id, f.status, f.severity, f.exception_id
         FROM u JOIN findings f ON f.tenant_id = $1::uuid AND f.asset_id = u.asset_id AND f.check_id = u.check_id
     ), up AS (
       INSERT INTO findings AS f (id, tenant_id, account_id, asset_id, check_id, severity, risk_score, risk_factors,
                                  status, evidence, first_seen, last_seen, last_scan_id, exception_id,
                                  suppressed_reason, suppressed_by, suppressed_until, suppressed_at)
       SELECT u.id, $1::uuid, $2::uuid, u.asset_id, u.check_id, u.severity::"Severity", u.risk_score,
              u.risk_factors,
              CASE WHEN u.exception_id IS NULL THEN 'open' ELSE 'suppressed' END::"FindingStatus",
              u.evidence, $3::timestamptz, $3::timestamptz, $4::uuid, u.exception_id, u.exc_reason, u.exc_owner,
              u.exc_until, CASE WHEN u.exception_id IS NULL THEN NULL ELSE $3::timestamptz END
         FROM u
       ON CONFLICT (tenant_id, asset_id, check_id) DO UPDATE
          SET severity = EXCLUDED.severity,
              risk_score = EXCLUDED.risk_score,
              risk_factors = EXCLUDED.risk_factors,
              evidence = EXCLUDED.evidence,
              last_seen = EXCLUDED.last_seen,
              last_scan_id = EXCLUDED.last_scan_id,
              status = CASE
                WHEN f.status = 'suppressed' AND f.exception_id IS NULL THEN f.status
                WHEN EXCLUDED.exception_id IS NOT NULL THEN 'suppressed'::"FindingStatus"
                ELSE 'open'::"FindingStatus" END,
              exception_id = CASE WHEN f.status = 'suppressed' AND f.exception_id IS NULL THEN NULL
                                  ELSE EXCLUDED.exception_id END,
              suppressed_reason = CASE WHEN f.status = 'suppressed' AND f.exception_id IS NULL THEN f.suppressed_reason
                                       ELSE EXCLUDED.suppressed_reason END,
              suppressed_by = CASE WHEN f.status = 'suppressed' AND f.exception_id IS NULL THEN f.suppressed_by
                                   ELSE EXCLUDED.suppressed_by END,
              suppressed_until = CASE WHEN f.status = 'suppressed' AND f.exception_id IS NULL THEN f.suppressed_until
                                      ELSE EXCLUDED.suppressed_until END,
              suppressed_at = CASE
                WHEN f.status = 'suppressed' AND f.exception_id IS NULL THEN f.suppressed_at
                WHEN EXCLUDED.exception_id IS NOT NULL AND f.exception_id IS NOT DISTINCT FROM EXCLUDED.exception_id
                  THEN f.suppressed_at
                ELSE EXCLUDED.suppressed_at END,
              resolved_at = NULL,
              resolved_scan_id = NULL
       RETURNING f.id, f.status, f.severity, f.exception_id, f.suppressed_reason, (xmax = 0) AS inserted
     ), ev AS (
       INSERT INTO finding_events (id, tenant_id, finding_id, kind, at, scan_id, actor, reason, detail)
       SELECT gen_random_uuid(), $1::uuid, up.id, e.kind::"FindingEventKind", $3::timestamptz, $4::uuid, 'system',
              e.reason, e.detail
         FROM up LEFT JOIN prev ON prev.id = up.id
        CROSS JOIN LATERAL (VALUES
          (CASE WHEN up.inserted THEN 'opened' WHEN prev.status = 'resolved' THEN 'reopened' END,
           NULL::text, '{}'::jsonb),
          (CASE WHEN up.exception_id IS NOT NULL AND prev.exception_id IS DISTINCT FROM up.exception_id
                THEN 'excepted' END,
           up.suppressed_reason, jsonb_build_object('exceptionId', up.exception_id)),
          (CASE WHEN prev.exception_id IS NOT NULL AND up.exception_id IS NULL AND up.status = 'open'
                THEN 'exception_removed' END,
           NULL, jsonb_build_object('exceptionId', prev.exception_id)),
          (CASE WHEN NOT up.inserted AND prev.severity IS DISTINCT FROM up.severity THEN 'severity_changed' END,
           NULL, jsonb_build_object('from', prev.severity, 'to', up.severity))
        ) AS e(kind, reason, detail)
        WHERE e.kind IS NOT NULL
       RETURNING kind
     )
     SELECT kind::text, count(*)::int AS n FROM ev GROUP BY kind`,
    scope.tenantId,
    scope.accountId,
    scope.at,
    scope.scanId,
    failed.map(() => newId()),
    failed.map((f) => f.assetId),
    failed.map((f) => f.checkId),
    failed.map((f) => f.severity),
    failed.map((f) => f.riskScore),
    failed.map((f) => JSON.stringify(f.riskFactors ?? {})),
    failed.map((f) => JSON.stringify(f.evidence)),
    failed.map((f) => f.exception?.id ?? null),
    failed.map((f) => f.exception?.reason ?? null),
    failed.map((f) => f.exception?.owner ?? null),
    failed.map((f) => f.exception?.expiresAt ?? null),
  );
  const count = (k: string) => rows.find((r) => r.kind === k)?.n ?? 0;
  return { opened: count('opened'), reopened: count('reopened') };
}

/**
 * Resolves the findings (open or suppressed) whose check now passes on that asset, recording the scan that
 * proved the fix; a suppression ends with the failure it covered.
 */
export async function resolvePassedChecks(
  tx: TenantTx,
  scope: FindingScope,
  passed: readonly { assetId: string; checkId: string }[],
): Promise<number> {
  if (passed.length === 0) return 0;
  return resolveWhere(
    tx,
    scope,
    `JOIN unnest($5::uuid[], $6::text[]) AS u(asset_id, check_id)
       ON f.asset_id = u.asset_id AND f.check_id = u.check_id`,
    `'{}'::jsonb`,
    [passed.map((p) => p.assetId), passed.map((p) => p.checkId)],
  );
}

/**
 * Findings on assets that no longer exist are resolved: the risk left with the asset. `deletedSince` narrows it
 * to assets deleted after the last evaluation (their changed_at moved with the deletion).
 */
export async function resolveFindingsOfDeletedAssets(
  tx: TenantTx,
  scope: FindingScope,
  deletedSince: Date | null = null,
): Promise<number> {
  return resolveWhere(
    tx,
    scope,
    `JOIN assets a ON a.id = f.asset_id AND a.deleted_at IS NOT NULL
                   AND ($5::timestamptz IS NULL OR a.changed_at > $5::timestamptz)`,
    `jsonb_build_object('assetDeleted', true)`,
    [deletedSince],
  );
}

async function resolveWhere(
  tx: TenantTx,
  scope: FindingScope,
  join: string,
  detail: string,
  params: unknown[],
): Promise<number> {
  const rows = await tx.$queryRawUnsafe<{ n: number }[]>(
    `WITH hit AS (
       SELECT f.id FROM findings f ${join}
        WHERE f.tenant_id = $1::uuid AND f.account_id = $2::uuid AND f.status <> 'resolved'
        FOR UPDATE OF f
     ), up AS (
       UPDATE findings f
          SET status = 'resolved', resolved_at = $3::timestamptz, resolved_scan_id = $4::uuid,
              last_scan_id = $4::uuid, exception_id = NULL, suppressed_reason = NULL, suppressed_by = NULL,
              suppressed_until = NULL, suppressed_at = NULL
         FROM hit WHERE f.id = hit.id
       RETURNING f.id
     ), ev AS (
       INSERT INTO finding_events (id, tenant_id, finding_id, kind, at, scan_id, actor, detail)
       SELECT gen_random_uuid(), $1::uuid, up.id, 'resolved', $3::timestamptz, $4::uuid, 'system', ${detail}
         FROM up
       RETURNING 1
     )
     SELECT count(*)::int AS n FROM ev`,
    scope.tenantId,
    scope.accountId,
    scope.at,
    scope.scanId,
    ...params,
  );
  return rows[0]?.n ?? 0;
}

/**
 * Suppressions whose expiry has passed end: the finding is open again (it still fails until a rescan says
 * otherwise), with a `suppression_expired` event. Exception rules' suppressions expire the same way.
 * Returns the accounts whose findings changed (their summary rows need a recount).
 */
export async function expireSuppressions(tx: TenantTx, tenantId: string, at: Date): Promise<string[]> {
  const rows = await tx.$queryRawUnsafe<{ account_id: string }[]>(
    `WITH up AS (
       UPDATE findings f
          SET status = 'open', exception_id = NULL, suppressed_reason = NULL, suppressed_by = NULL,
              suppressed_until = NULL, suppressed_at = NULL
        WHERE f.tenant_id = $1::uuid AND f.status = 'suppressed' AND f.suppressed_until <= $2::timestamptz
       RETURNING f.id, f.account_id, f.asset_id
     ), ev AS (
       INSERT INTO finding_events (id, tenant_id, finding_id, kind, at, actor)
       SELECT gen_random_uuid(), $1::uuid, up.id, 'suppression_expired', $2::timestamptz, 'system' FROM up
       RETURNING 1
     )
     SELECT DISTINCT account_id FROM up`,
    tenantId,
    at,
  );
  return rows.map((r) => r.account_id);
}

/** A person suppresses findings: accepted risk with a reason, an owner and optionally an expiry. */
export async function suppressFindings(
  tx: TenantTx,
  input: {
    tenantId: string;
    findingIds: readonly string[];
    reason: string;
    owner: string;
    until: Date | null;
    actor: string;
    at: Date;
  },
): Promise<ChangedFinding[]> {
  return tx.$queryRawUnsafe<ChangedFinding[]>(
    `WITH up AS (
       UPDATE findings f
          SET status = 'suppressed', exception_id = NULL, suppressed_reason = $3, suppressed_by = $4,
              suppressed_until = $5::timestamptz, suppressed_at = $7::timestamptz
        WHERE f.tenant_id = $1::uuid AND f.id = ANY($2::uuid[]) AND f.status <> 'resolved'
       RETURNING f.id, f.account_id, f.asset_id
     ), ev AS (
       INSERT INTO finding_events (id, tenant_id, finding_id, kind, at, actor, reason, detail)
       SELECT gen_random_uuid(), $1::uuid, up.id, 'suppressed', $7::timestamptz, $6, $3,
              jsonb_build_object('owner', $4::text, 'until', $5::timestamptz)
         FROM up
       RETURNING 1
     )
     SELECT id, account_id AS "accountId", asset_id AS "assetId" FROM up`,
    input.tenantId,
    [...input.findingIds],
    input.reason,
    input.owner,
    input.until,
    input.actor,
    input.at,
  );
}

/** A person lifts suppressions: the findings are open again until a rescan resolves them. */
export async function unsuppressFindings(
  tx: TenantTx,
  input: { tenantId: string; findingIds: readonly string[]; actor: string; reason: string | null; at: Date },
): Promise<ChangedFinding[]> {
  return tx.$queryRawUnsafe<ChangedFinding[]>(
    `WITH up AS (
       UPDATE findings f
          SET status = 'open', exception_id = NULL, suppressed_reason = NULL, suppressed_by = NULL,
              suppressed_until = NULL, suppressed_at = NULL
        WHERE f.tenant_id = $1::uuid AND f.id = ANY($2::uuid[]) AND f.status = 'suppressed'
       RETURNING f.id, f.account_id, f.asset_id
     ), ev AS (
       INSERT INTO finding_events (id, tenant_id, finding_id, kind, at, actor, reason)
       SELECT gen_random_uuid(), $1::uuid, up.id, 'unsuppressed', $5::timestamptz, $3, $4 FROM up
       RETURNING 1
     )
     SELECT id, account_id AS "accountId", asset_id AS "assetId" FROM up`,
    input.tenantId,
    [...input.findingIds],
    input.actor,
    input.reason,
    input.at,
  );
}
