import { Inject, Injectable } from '@nestjs/common';
import type { TFindingQuery, TProvider, TSeverity, TFindingStatus } from '@aispm/contracts';
import type { Database } from '@aispm/db';
import { DATABASE } from '../../infra/tokens';

export interface FindingRow {
  id: string;
  account_id: string;
  asset_id: string;
  check_id: string;
  severity: TSeverity;
  risk_score: number;
  status: TFindingStatus;
  evidence: Record<string, unknown>;
  first_seen: Date;
  last_seen: Date;
  resolved_at: Date | null;
  asset_name: string;
  native_id: string;
  asset_type: string;
  region: string;
  provider: TProvider;
}

export interface FindingKey {
  severity: TSeverity;
  riskScore: number;
  id: string;
}

@Injectable()
export class FindingsRepository {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  /** Most severe first, then highest risk, then id: a total order, so keyset paging never skips or repeats. */
  async page(tenantId: string, q: TFindingQuery, after: FindingKey | undefined): Promise<FindingRow[]> {
    const params: unknown[] = [tenantId];
    const where: string[] = ['f.tenant_id = $1'];
    const add = (sql: (p: string) => string, value: unknown) => {
      params.push(value);
      where.push(sql(`$${params.length}`));
    };
    if (q.status) add((p) => `f.status = ANY(${p}::"FindingStatus"[])`, q.status);
    if (q.severity) add((p) => `f.severity = ANY(${p}::"Severity"[])`, q.severity);
    if (q.checkId) add((p) => `f.check_id = ANY(${p}::text[])`, q.checkId);
    if (q.accountId) add((p) => `f.account_id = ${p}::uuid`, q.accountId);
    if (q.assetId) add((p) => `f.asset_id = ${p}::uuid`, q.assetId);
    if (after) {
      params.push(after.severity, after.riskScore, after.id);
      const [s, r, i] = [params.length - 2, params.length - 1, params.length];
      where.push(
        `(f.severity > $${s}::"Severity" OR (f.severity = $${s}::"Severity" AND ` +
          `(f.risk_score < $${r} OR (f.risk_score = $${r} AND f.id > $${i}::uuid))))`,
      );
    }
    params.push(q.limit + 1);
    return this.db.tenant(tenantId, (tx) =>
      tx.$queryRawUnsafe<FindingRow[]>(
        `SELECT f.id, f.account_id, f.asset_id, f.check_id, f.severity, f.risk_score, f.status, f.evidence,
              f.first_seen, f.last_seen, f.resolved_at,
              a.name AS asset_name, a.native_id, a.asset_type, a.region, a.provider
         FROM findings f JOIN assets a ON a.id = f.asset_id AND a.tenant_id = f.tenant_id
        WHERE ${where.join(' AND ')}
        ORDER BY f.severity ASC, f.risk_score DESC, f.id ASC
        LIMIT $${params.length}`,
        ...params,
      ),
    );
  }
}
