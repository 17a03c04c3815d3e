import { Inject, Injectable } from '@nestjs/common';
import type { TProvider, TSeverity } from '@aispm/contracts';
import type { Database, Scan, TenantTx } from '@aispm/db';
import { DATABASE } from '../../infra/tokens';

export interface PostureFigures {
  accounts: number;
  assetsTotal: number;
  byProvider: { provider: TProvider; count: number }[];
  byType: { assetType: string; count: number }[];
  evaluatedAssets: number;
  assetsWithOpenFindings: number;
  bySeverity: { severity: TSeverity; count: number }[];
  topChecks: { checkId: string; severity: TSeverity; count: number }[];
  lastScan: Scan | null;
  completedScans: number;
}

@Injectable()
export class PostureRepository {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  /** `evaluatedTypes`: asset types some check covers; the score is computed over those assets only. */
  async figures(tenantId: string, evaluatedTypes: string[]): Promise<PostureFigures> {
    return this.db.tenant(tenantId, (tx) => this.collect(tx, tenantId, evaluatedTypes));
  }

  private async collect(tx: TenantTx, tenantId: string, evaluatedTypes: string[]): Promise<PostureFigures> {
    const q = <T>(sql: string, params: unknown[] = [tenantId]) => tx.$queryRawUnsafe<T[]>(sql, ...params);
    // One connection serves the transaction, so these run one after another whatever Promise.all suggests.
    const [accounts, byProvider, byType, evaluated, withOpen, bySeverity, topChecks, completed, lastScan] =
      await Promise.all([
        q<{ n: number }>('SELECT count(*)::int AS n FROM cloud_accounts WHERE tenant_id = $1'),
        q<{ provider: TProvider; count: number }>(
          `SELECT provider, count(*)::int AS count FROM assets WHERE tenant_id = $1 AND deleted_at IS NULL
            GROUP BY provider ORDER BY count DESC`,
        ),
        q<{ assetType: string; count: number }>(
          `SELECT asset_type AS "assetType", count(*)::int AS count FROM assets
            WHERE tenant_id = $1 AND deleted_at IS NULL GROUP BY asset_type ORDER BY count DESC, asset_type`,
        ),
        q<{ n: number }>(
          `SELECT count(*)::int AS n FROM assets
            WHERE tenant_id = $1 AND deleted_at IS NULL AND asset_type = ANY($2::text[])`,
          [tenantId, evaluatedTypes],
        ),
        q<{ n: number }>(
          `SELECT count(DISTINCT f.asset_id)::int AS n FROM findings f JOIN assets a ON a.id = f.asset_id
            WHERE f.tenant_id = $1 AND f.status = 'open' AND a.deleted_at IS NULL`,
        ),
        q<{ severity: TSeverity; count: number }>(
          `SELECT severity, count(*)::int AS count FROM findings WHERE tenant_id = $1 AND status = 'open'
            GROUP BY severity`,
        ),
        q<{ checkId: string; severity: TSeverity; count: number }>(
          `SELECT check_id AS "checkId", max(severity) AS severity, count(*)::int AS count FROM findings
            WHERE tenant_id = $1 AND status = 'open' GROUP BY check_id ORDER BY count DESC, check_id LIMIT 5`,
        ),
        q<{ n: number }>(
          `SELECT count(*)::int AS n FROM scans WHERE tenant_id = $1 AND status = 'completed'`,
        ),
        tx.scan.findFirst({ where: { tenantId }, orderBy: { createdAt: 'desc' } }),
      ]);
    return {
      accounts: accounts[0]?.n ?? 0,
      assetsTotal: byProvider.reduce((s, r) => s + r.count, 0),
      byProvider,
      byType,
      evaluatedAssets: evaluated[0]?.n ?? 0,
      assetsWithOpenFindings: withOpen[0]?.n ?? 0,
      bySeverity,
      topChecks,
      lastScan,
      completedScans: completed[0]?.n ?? 0,
    };
  }
}
