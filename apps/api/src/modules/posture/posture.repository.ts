import { Inject, Injectable } from '@nestjs/common';
import type { TProvider, TSeverity } from '@aispm/contracts';
import type { Database, Scan } from '@aispm/db';
import { DATABASE } from '../../infra/tokens';

/** One account_postures row: an account's inventory and open findings in figures, as of its last evaluation. */
export interface AccountPostureRow {
  provider: TProvider;
  assetsTotal: number;
  assetsByType: Record<string, number>;
  assetsEvaluated: number;
  assetsFailing: number;
  shadowAssets: number;
  critical: number;
  high: number;
  medium: number;
  low: number;
  info: number;
  attackPaths: number;
  evaluatedAt: Date | null;
}

/** check_summaries added up over the organization's accounts: one row per check. */
export interface CheckTotalsRow {
  checkId: string;
  /** The most severe the rows name (a check has one severity; rows written before a change may differ). */
  severity: TSeverity;
  failing: number;
  passing: number;
  unknown: number;
  suppressed: number;
}

export interface PostureSources {
  accounts: number;
  postures: AccountPostureRow[];
  checks: CheckTotalsRow[];
  lastScan: Scan | null;
}

export interface SnapshotRow {
  day: string;
  takenAt: Date;
  score: number;
  assetsEvaluated: number;
  assetsFailing: number;
  critical: number;
  high: number;
  medium: number;
  low: number;
  info: number;
}

/**
 * The only place that talks to Postgres about posture. It reads the summary tables the worker maintains per
 * scan (account_postures: one row per account; check_summaries: one per account and check; posture_snapshots)
 * and never the assets or findings tables, whose size grows with the estate.
 */
@Injectable()
export class PostureRepository {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  sources(tenantId: string): Promise<PostureSources> {
    return this.db.tenant(tenantId, async (tx) => {
      const accounts = await tx.cloudAccount.count({ where: { tenantId } });
      const postures = await tx.accountPosture.findMany({
        where: { tenantId },
        select: {
          provider: true,
          assetsTotal: true,
          assetsByType: true,
          assetsEvaluated: true,
          assetsFailing: true,
          shadowAssets: true,
          critical: true,
          high: true,
          medium: true,
          low: true,
          info: true,
          attackPaths: true,
          evaluatedAt: true,
        },
      });
      // At most (accounts x checks) rows in, one row per check out.
      const checks = await tx.$queryRawUnsafe<CheckTotalsRow[]>(
        `SELECT check_id AS "checkId", min(severity)::text AS severity,
                sum(failing)::int AS failing, sum(passing)::int AS passing,
                sum(unknown)::int AS unknown, sum(suppressed)::int AS suppressed
           FROM check_summaries WHERE tenant_id = $1::uuid
          GROUP BY check_id`,
        tenantId,
      );
      const lastScan = await tx.scan.findFirst({ where: { tenantId }, orderBy: { createdAt: 'desc' } });
      return {
        accounts,
        postures: postures.map((p) => ({ ...p, assetsByType: countsOf(p.assetsByType) })),
        checks,
        lastScan,
      };
    });
  }

  /** The last snapshot of each UTC day since `since` (a UTC midnight), oldest first. */
  dailySnapshots(tenantId: string, since: Date): Promise<SnapshotRow[]> {
    return this.db.tenant(tenantId, (tx) =>
      tx.$queryRawUnsafe<SnapshotRow[]>(
        `SELECT day, "takenAt", score, "assetsEvaluated", "assetsFailing", critical, high, medium, low, info
           FROM (SELECT DISTINCT ON (1) to_char(taken_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day,
                        taken_at AS "takenAt", score, assets_evaluated AS "assetsEvaluated",
                        assets_failing AS "assetsFailing", critical, high, medium, low, info
                   FROM posture_snapshots
                  WHERE tenant_id = $1::uuid AND taken_at >= $2::timestamptz
                  ORDER BY 1, taken_at DESC, id DESC) last_of_day
          ORDER BY day`,
        tenantId,
        since,
      ),
    );
  }
}

/** assets_by_type is { assetType: count } JSON written by the worker; anything else counts as nothing. */
function countsOf(value: unknown): Record<string, number> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(value)) if (typeof v === 'number') out[k] = v;
  return out;
}
