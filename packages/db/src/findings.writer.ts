import type { TSeverity } from '@aispm/contracts';
import type { TenantTx } from './client';
import { newId } from './ids';

export interface FailedCheck {
  assetId: string;
  checkId: string;
  severity: TSeverity;
  riskScore: number;
  evidence: Record<string, unknown>;
}

export interface FindingScope {
  tenantId: string;
  accountId: string;
  scanId: string;
  at: Date;
}

/**
 * Opens (or keeps open) one finding per failed (asset, check), in one statement. A resolved finding that fails
 * again is reopened with a fresh resolved_at; a suppressed one stays suppressed but its evidence is refreshed.
 */
export async function upsertFailedChecks(tx: TenantTx, scope: FindingScope, failed: readonly FailedCheck[]) {
  if (failed.length === 0) return { opened: 0, updated: 0 };
  const rows = await tx.$queryRawUnsafe<{ inserted: boolean }[]>(
    `INSERT INTO findings (id, tenant_id, account_id, asset_id, check_id, severity, risk_score, status, evidence,
                           first_seen, last_seen, last_scan_id)
     SELECT u.id, $1::uuid, $2::uuid, u.asset_id, u.check_id, u.severity::"Severity", u.risk_score, 'open',
            u.evidence, $3::timestamptz, $3::timestamptz, $4::uuid
       FROM unnest($5::uuid[], $6::uuid[], $7::text[], $8::text[], $9::int[], $10::jsonb[])
            AS u(id, asset_id, check_id, severity, risk_score, evidence)
     ON CONFLICT (tenant_id, asset_id, check_id) DO UPDATE
        SET severity = EXCLUDED.severity,
            risk_score = EXCLUDED.risk_score,
            evidence = EXCLUDED.evidence,
            last_seen = EXCLUDED.last_seen,
            last_scan_id = EXCLUDED.last_scan_id,
            status = CASE WHEN findings.status = 'suppressed' THEN findings.status ELSE 'open'::"FindingStatus" END,
            resolved_at = CASE WHEN findings.status = 'suppressed' THEN findings.resolved_at ELSE NULL END
     RETURNING (xmax = 0) AS inserted`,
    scope.tenantId,
    scope.accountId,
    scope.at,
    scope.scanId,
    failed.map(() => newId()),
    failed.map((f) => f.assetId),
    failed.map((f) => f.checkId),
    failed.map((f) => f.severity),
    failed.map((f) => f.riskScore),
    failed.map((f) => JSON.stringify(f.evidence)),
  );
  const opened = rows.filter((r) => r.inserted).length;
  return { opened, updated: rows.length - opened };
}

/** Resolves open findings whose check now passes on that asset: the rescan is the proof of the fix. */
export async function resolvePassedChecks(
  tx: TenantTx,
  scope: FindingScope,
  passed: readonly { assetId: string; checkId: string }[],
): Promise<number> {
  if (passed.length === 0) return 0;
  return tx.$executeRawUnsafe(
    `UPDATE findings f SET status = 'resolved', resolved_at = $2, last_scan_id = $3
       FROM unnest($4::uuid[], $5::text[]) AS u(asset_id, check_id)
      WHERE f.tenant_id = $1 AND f.asset_id = u.asset_id AND f.check_id = u.check_id AND f.status = 'open'`,
    scope.tenantId,
    scope.at,
    scope.scanId,
    passed.map((p) => p.assetId),
    passed.map((p) => p.checkId),
  );
}

/** Open findings on assets that no longer exist are resolved: the risk left with the asset. */
export async function resolveFindingsOfDeletedAssets(tx: TenantTx, scope: FindingScope): Promise<number> {
  return tx.$executeRawUnsafe(
    `UPDATE findings f SET status = 'resolved', resolved_at = $3, last_scan_id = $4
       FROM assets a
      WHERE f.tenant_id = $1 AND f.account_id = $2 AND f.status = 'open'
        AND a.id = f.asset_id AND a.deleted_at IS NOT NULL`,
    scope.tenantId,
    scope.accountId,
    scope.at,
    scope.scanId,
  );
}
