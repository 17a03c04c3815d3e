import { Inject, Injectable } from '@nestjs/common';
import type {
  TFindingEventKind,
  TFindingQuery,
  TFindingStatus,
  TProvider,
  TSeverity,
} from '@aispm/contracts';
import { recountFindings, suppressFindings, unsuppressFindings, type Database, type Prisma } from '@aispm/db';
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
  suppressed_reason: string | null;
  suppressed_by: string | null;
  suppressed_until: Date | null;
  suppressed_at: Date | null;
  exception_id: string | null;
  asset_name: string;
  native_id: string;
  asset_type: string;
  region: string;
  provider: TProvider;
}

export interface FindingDetailRow extends FindingRow {
  risk_factors: Record<string, unknown>;
  last_scan_id: string | null;
  resolved_scan_id: string | null;
  criticality: 'low' | 'medium' | 'high' | 'critical' | null;
  owner: string | null;
}

export interface FindingEventRow {
  id: string;
  kind: TFindingEventKind;
  at: Date;
  actor: string;
  reason: string | null;
  scan_id: string | null;
  detail: Record<string, unknown>;
}

export interface AttackPathRef {
  id: string;
  title: string;
  severity: TSeverity;
  risk_score: number;
}

/** Where the previous page ended, in the order of the page's sort. */
export type FindingKey =
  | { sort: 'risk'; riskScore: number; id: string }
  | { sort: 'severity'; severity: TSeverity; riskScore: number; id: string };

/** What a suppression or its lifting needs besides the finding ids. */
export interface SuppressionChange {
  findingIds: readonly string[];
  reason: string | null;
  /** Who answers for it (suppress only). */
  owner?: string;
  until?: Date | null;
  /** `user:<email>` or `token:<id>`, recorded on each finding's event. */
  actor: string;
  at: Date;
}

const COLUMNS = `f.id, f.account_id, f.asset_id, f.check_id, f.severity, f.risk_score, f.status, f.evidence,
       f.first_seen, f.last_seen, f.resolved_at, f.suppressed_reason, f.suppressed_by, f.suppressed_until,
       f.suppressed_at, f.exception_id,
       a.name AS asset_name, a.native_id, a.asset_type, a.region, a.provider`;

/** The only file that talks to Postgres about findings; every call runs under its tenant. */
@Injectable()
export class FindingsRepository {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  /**
   * One page in the query's order, each a total order ending with the id, so keyset paging never skips or
   * repeats: `risk` is risk score descending (index tenant, status, risk_score desc, id); `severity` is most
   * severe first, then risk (index tenant, status, severity, risk_score desc, id).
   */
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
    if (after?.sort === 'severity') {
      params.push(after.severity, after.riskScore, after.id);
      const [s, r, i] = [params.length - 2, params.length - 1, params.length];
      where.push(
        `(f.severity > $${s}::"Severity" OR (f.severity = $${s}::"Severity" AND ` +
          `(f.risk_score < $${r} OR (f.risk_score = $${r} AND f.id > $${i}::uuid))))`,
      );
    } else if (after?.sort === 'risk') {
      params.push(after.riskScore, after.id);
      const [r, i] = [params.length - 1, params.length];
      where.push(`(f.risk_score < $${r} OR (f.risk_score = $${r} AND f.id > $${i}::uuid))`);
    }
    const order =
      q.sort === 'severity' ? 'f.severity ASC, f.risk_score DESC, f.id ASC' : 'f.risk_score DESC, f.id ASC';
    params.push(q.limit + 1);
    return this.db.tenant(tenantId, (tx) =>
      tx.$queryRawUnsafe<FindingRow[]>(
        `SELECT ${COLUMNS}
           FROM findings f JOIN assets a ON a.id = f.asset_id AND a.tenant_id = f.tenant_id
          WHERE ${where.join(' AND ')}
          ORDER BY ${order}
          LIMIT $${params.length}`,
        ...params,
      ),
    );
  }

  /**
   * A finding with its asset, its newest `historyLimit` events (newest first) and the open attack paths it lies
   * on; null when the tenant has no such finding.
   */
  detail(
    tenantId: string,
    id: string,
    historyLimit: number,
  ): Promise<{ finding: FindingDetailRow; history: FindingEventRow[]; attackPaths: AttackPathRef[] } | null> {
    return this.db.tenant(tenantId, async (tx) => {
      const [finding] = await tx.$queryRawUnsafe<FindingDetailRow[]>(
        `SELECT ${COLUMNS}, f.risk_factors, f.last_scan_id, f.resolved_scan_id, a.criticality, a.owner
           FROM findings f JOIN assets a ON a.id = f.asset_id AND a.tenant_id = f.tenant_id
          WHERE f.tenant_id = $1::uuid AND f.id = $2::uuid`,
        tenantId,
        id,
      );
      if (!finding) return null;
      // Events of one evaluation share its instant; the one that opened the finding is the oldest of them.
      const history = await tx.$queryRawUnsafe<FindingEventRow[]>(
        `SELECT id, kind, at, actor, reason, scan_id, detail
           FROM finding_events
          WHERE tenant_id = $1::uuid AND finding_id = $2::uuid
          ORDER BY at DESC, (kind IN ('opened', 'reopened')) ASC, id DESC
          LIMIT $3`,
        tenantId,
        id,
        historyLimit,
      );
      const attackPaths = await tx.$queryRawUnsafe<AttackPathRef[]>(
        `SELECT id, title, severity, risk_score
           FROM attack_paths
          WHERE tenant_id = $1::uuid AND account_id = $2::uuid AND status = 'open' AND $3::uuid = ANY(finding_ids)
          ORDER BY risk_score DESC, id`,
        tenantId,
        finding.account_id,
        id,
      );
      return { finding, history, attackPaths };
    });
  }

  /**
   * Suppresses the tenant's open or suppressed findings among the ids (resolved ones stay resolved), re-counts the
   * summary rows of their accounts and writes the audit row, in one transaction. Returns how many changed.
   */
  suppress(
    tenantId: string,
    change: SuppressionChange & { owner: string; reason: string },
    audit: (changed: string[]) => Prisma.AuditEventCreateManyInput,
  ): Promise<number> {
    return this.db.tenant(tenantId, async (tx) => {
      const changed = await suppressFindings(tx, {
        tenantId,
        findingIds: change.findingIds,
        reason: change.reason,
        owner: change.owner,
        until: change.until ?? null,
        actor: change.actor,
        at: change.at,
      });
      await recountFindings(
        tx,
        tenantId,
        changed.map((c) => c.accountId),
        change.at,
        changed.map((c) => c.assetId),
      );
      await tx.auditEvent.create({ data: audit(changed.map((c) => c.id)) });
      return changed.length;
    });
  }

  /** Lifts the suppressions among the ids (the findings are open again), as `suppress` does. */
  unsuppress(
    tenantId: string,
    change: SuppressionChange,
    audit: (changed: string[]) => Prisma.AuditEventCreateManyInput,
  ): Promise<number> {
    return this.db.tenant(tenantId, async (tx) => {
      const changed = await unsuppressFindings(tx, {
        tenantId,
        findingIds: change.findingIds,
        actor: change.actor,
        reason: change.reason,
        at: change.at,
      });
      await recountFindings(
        tx,
        tenantId,
        changed.map((c) => c.accountId),
        change.at,
        changed.map((c) => c.assetId),
      );
      await tx.auditEvent.create({ data: audit(changed.map((c) => c.id)) });
      return changed.length;
    });
  }
}
