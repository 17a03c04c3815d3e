import { Inject, Injectable } from '@nestjs/common';
import type { TProvider } from '@aispm/contracts';
import type { CheckCounts } from '@aispm/compliance';
import { Prisma, type CustomFramework, type Database } from '@aispm/db';
import { DATABASE } from '../../infra/tokens';

export interface AffectedAssetRow {
  id: string;
  account_id: string;
  name: string;
  native_id: string;
  asset_type: string;
  provider: TProvider;
  region: string;
  risk_score: number;
  check_ids: string[];
}

/** The only place that talks to Postgres about compliance; every call runs under its tenant. */
@Injectable()
export class ComplianceRepository {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  /**
   * Per check, the figures of `check_summaries` added up over the tenant's accounts (or one account): at most
   * accounts x checks rows, so framework views never group findings.
   */
  checkCounts(tenantId: string, accountId?: string): Promise<CheckCounts[]> {
    return this.db.tenant(tenantId, async (tx) =>
      (
        await tx.checkSummary.groupBy({
          by: ['checkId'],
          where: accountId ? { accountId } : {},
          _sum: { failing: true, passing: true, unknown: true, suppressed: true },
        })
      ).map((g) => ({
        checkId: g.checkId,
        failing: g._sum.failing ?? 0,
        passing: g._sum.passing ?? 0,
        unknown: g._sum.unknown ?? 0,
        suppressed: g._sum.suppressed ?? 0,
      })),
    );
  }

  async accountExists(tenantId: string, accountId: string): Promise<boolean> {
    return (await this.db.tenant(tenantId, (tx) => tx.cloudAccount.count({ where: { id: accountId } }))) > 0;
  }

  listCustom(tenantId: string): Promise<CustomFramework[]> {
    return this.db.tenant(tenantId, (tx) => tx.customFramework.findMany({ orderBy: { key: 'asc' } }));
  }

  findCustom(tenantId: string, key: string): Promise<CustomFramework | null> {
    return this.db.tenant(tenantId, (tx) => tx.customFramework.findFirst({ where: { key } }));
  }

  /** Inserts the framework and its audit row together; null when the organization already has the key. */
  async createCustom(
    tenantId: string,
    data: Omit<Prisma.CustomFrameworkUncheckedCreateInput, 'tenantId'>,
    audit: Prisma.AuditEventCreateManyInput,
  ): Promise<CustomFramework | null> {
    try {
      return await this.db.tenant(tenantId, async (tx) => {
        const row = await tx.customFramework.create({ data: { ...data, tenantId } });
        await tx.auditEvent.create({ data: audit });
        return row;
      });
    } catch (e) {
      if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002') return null;
      throw e;
    }
  }

  /** Deletes the framework and writes its audit row together; null when the organization has no such key. */
  deleteCustom(
    tenantId: string,
    key: string,
    audit: (row: CustomFramework) => Prisma.AuditEventCreateManyInput,
  ): Promise<CustomFramework | null> {
    return this.db.tenant(tenantId, async (tx) => {
      const row = await tx.customFramework.findFirst({ where: { key } });
      if (!row) return null;
      await tx.customFramework.delete({ where: { id: row.id } });
      await tx.auditEvent.create({ data: audit(row) });
      return row;
    });
  }

  /**
   * Current assets with open findings of any of `checkIds`, by asset id after `afterId` (keyset paging). It
   * reads the open findings of those checks only (index on tenant, check), never every finding.
   */
  affectedAssets(
    tenantId: string,
    checkIds: readonly string[],
    opts: { accountId?: string; afterId?: string; limit: number },
  ): Promise<AffectedAssetRow[]> {
    const params: unknown[] = [tenantId, checkIds];
    const where = [
      'f.tenant_id = $1::uuid',
      `f.status = 'open'`,
      'f.check_id = ANY($2::text[])',
      'a.deleted_at IS NULL',
    ];
    if (opts.accountId) {
      params.push(opts.accountId);
      where.push(`f.account_id = $${params.length}::uuid`);
    }
    if (opts.afterId) {
      params.push(opts.afterId);
      where.push(`f.asset_id > $${params.length}::uuid`);
    }
    params.push(opts.limit);
    return this.db.tenant(tenantId, (tx) =>
      tx.$queryRawUnsafe<AffectedAssetRow[]>(
        `SELECT a.id, a.account_id, a.name, a.native_id, a.asset_type, a.provider::text AS provider, a.region,
                a.risk_score, array_agg(f.check_id ORDER BY f.check_id) AS check_ids
           FROM findings f JOIN assets a ON a.id = f.asset_id AND a.tenant_id = f.tenant_id
          WHERE ${where.join(' AND ')}
          GROUP BY a.id
          ORDER BY a.id
          LIMIT $${params.length}`,
        ...params,
      ),
    );
  }
}
