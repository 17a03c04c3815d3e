import type { TenantTx } from './client';
import type { ChangedFinding } from './findings.writer';

/** An exception rule's matching part: which findings it covers. */
export interface ExceptionRule {
  id: string;
  checkId: string | null;
  accountId: string | null;
  tagKey: string | null;
  tagValue: string | null;
  reason: string;
  owner: string;
  expiresAt: Date | null;
}

/**
 * Whether a rule covers a finding of `checkId` on an asset: every condition the rule sets must hold (a rule
 * with a tag key and no value matches any value of the tag). Expired rules cover nothing. The SQL in
 * `applyException` states the same conditions.
 */
export function exceptionCovers(
  rule: ExceptionRule,
  finding: { checkId: string; accountId: string; tags: Record<string, string> },
  at: Date,
): boolean {
  if (rule.expiresAt && rule.expiresAt <= at) return false;
  if (rule.checkId !== null && rule.checkId !== finding.checkId) return false;
  if (rule.accountId !== null && rule.accountId !== finding.accountId) return false;
  if (rule.tagKey !== null) {
    if (!Object.prototype.hasOwnProperty.call(finding.tags, rule.tagKey)) return false;
    if (rule.tagValue !== null && finding.tags[rule.tagKey] !== rule.tagValue) return false;
  }
  return true;
}

/** The organization's exception rules still in force. */
export async function activeExceptions(tx: TenantTx, at: Date): Promise<ExceptionRule[]> {
  const rows = await tx.findingException.findMany({
    where: { OR: [{ expiresAt: null }, { expiresAt: { gt: at } }] },
    orderBy: { createdAt: 'asc' },
  });
  return rows.map((r) => ({
    id: r.id,
    checkId: r.checkId,
    accountId: r.accountId,
    tagKey: r.tagKey,
    tagValue: r.tagValue,
    reason: r.reason,
    owner: r.owner,
    expiresAt: r.expiresAt,
  }));
}

/** A new rule suppresses the open findings it covers now (the worker applies it to later failures). */
export async function applyException(
  tx: TenantTx,
  tenantId: string,
  rule: ExceptionRule,
  actor: string,
  at: Date,
): Promise<ChangedFinding[]> {
  return tx.$queryRawUnsafe<ChangedFinding[]>(
    `WITH up AS (
       UPDATE findings f
          SET status = 'suppressed', exception_id = $2::uuid, suppressed_reason = $7, suppressed_by = $8,
              suppressed_until = $9::timestamptz, suppressed_at = $10::timestamptz
         FROM assets a
        WHERE f.tenant_id = $1::uuid AND f.status = 'open' AND a.id = f.asset_id
          AND ($3::text IS NULL OR f.check_id = $3)
          AND ($4::uuid IS NULL OR f.account_id = $4::uuid)
          AND ($5::text IS NULL OR (a.tags ? $5 AND ($6::text IS NULL OR a.tags ->> $5 = $6)))
       RETURNING f.id, f.account_id, f.asset_id
     ), ev AS (
       INSERT INTO finding_events (id, tenant_id, finding_id, kind, at, actor, reason, detail)
       SELECT gen_random_uuid(), $1::uuid, up.id, 'excepted', $10::timestamptz, $11, $7,
              jsonb_build_object('exceptionId', $2::uuid)
         FROM up
       RETURNING 1
     )
     SELECT id, account_id AS "accountId", asset_id AS "assetId" FROM up`,
    tenantId,
    rule.id,
    rule.checkId,
    rule.accountId,
    rule.tagKey,
    rule.tagValue,
    rule.reason,
    rule.owner,
    rule.expiresAt,
    at,
    actor,
  );
}

/** A rule that is deleted stops covering its findings: they are open again until a rescan resolves them. */
export async function removeException(
  tx: TenantTx,
  tenantId: string,
  exceptionId: string,
  actor: string,
  at: Date,
): Promise<ChangedFinding[]> {
  return tx.$queryRawUnsafe<ChangedFinding[]>(
    `WITH up AS (
       UPDATE findings f
          SET status = 'open', exception_id = NULL, suppressed_reason = NULL, suppressed_by = NULL,
              suppressed_until = NULL, suppressed_at = NULL
        WHERE f.tenant_id = $1::uuid AND f.exception_id = $2::uuid AND f.status = 'suppressed'
       RETURNING f.id, f.account_id, f.asset_id
     ), ev AS (
       INSERT INTO finding_events (id, tenant_id, finding_id, kind, at, actor, detail)
       SELECT gen_random_uuid(), $1::uuid, up.id, 'exception_removed', $3::timestamptz, $4,
              jsonb_build_object('exceptionId', $2::uuid)
         FROM up
       RETURNING 1
     )
     SELECT id, account_id AS "accountId", asset_id AS "assetId" FROM up`,
    tenantId,
    exceptionId,
    at,
    actor,
  );
}
