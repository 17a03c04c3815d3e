import { Inject, Injectable } from '@nestjs/common';
import type { TAttackPathQuery } from '@aispm/contracts';
import type { AttackPath, Database, Prisma } from '@aispm/db';
import { DATABASE } from '../../infra/tokens';

const ASSET = {
  id: true,
  name: true,
  assetType: true,
  nativeId: true,
  provider: true,
  region: true,
  criticality: true,
  owner: true,
  riskScore: true,
  deletedAt: true,
} as const satisfies Prisma.AssetSelect;
export type PathAssetRow = Prisma.AssetGetPayload<{ select: typeof ASSET }>;

const FINDING = {
  id: true,
  assetId: true,
  checkId: true,
  severity: true,
  status: true,
  riskScore: true,
} as const satisfies Prisma.FindingSelect;
export type PathFindingRow = Prisma.FindingGetPayload<{ select: typeof FINDING }>;

export interface AttackPathDetailRows {
  path: AttackPath;
  assets: PathAssetRow[];
  findings: PathFindingRow[];
}

/** The only place that talks to Postgres about attack paths; every call runs under its tenant. */
@Injectable()
export class AttackPathsRepository {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  /**
   * A keyset page by (risk_score desc, id), the order of the (tenant, status, risk_score desc, id) index;
   * `after` is the sort key of the previous page's last row. One row more than asked tells whether more follow.
   */
  page(
    tenantId: string,
    q: TAttackPathQuery,
    after: { riskScore: number; id: string } | undefined,
  ): Promise<AttackPath[]> {
    const where: Prisma.AttackPathWhereInput = {
      tenantId,
      status: q.status,
      ...(q.accountId ? { accountId: q.accountId } : {}),
      ...(after
        ? {
            OR: [
              { riskScore: { lt: after.riskScore } },
              { riskScore: after.riskScore, id: { gt: after.id } },
            ],
          }
        : {}),
    };
    return this.db.tenant(tenantId, (tx) =>
      tx.attackPath.findMany({ where, orderBy: [{ riskScore: 'desc' }, { id: 'asc' }], take: q.limit + 1 }),
    );
  }

  /** The path, the assets of its nodes as they are now, and its findings; null when the tenant has no such path. */
  find(
    tenantId: string,
    id: string,
    assetIds: (p: AttackPath) => string[],
  ): Promise<AttackPathDetailRows | null> {
    return this.db.tenant(tenantId, async (tx) => {
      const path = await tx.attackPath.findFirst({ where: { tenantId, id } });
      if (!path) return null;
      const assets = await tx.asset.findMany({
        where: { tenantId, id: { in: assetIds(path) } },
        select: ASSET,
      });
      const findings = await tx.finding.findMany({
        where: { tenantId, id: { in: path.findingIds } },
        select: FINDING,
        orderBy: [{ riskScore: 'desc' }, { checkId: 'asc' }, { id: 'asc' }],
      });
      return { path, assets, findings };
    });
  }
}
