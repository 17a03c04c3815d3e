import { Inject, Injectable } from '@nestjs/common';
import type { TAssetQuery } from '@aispm/contracts';
import type { Criticality, Database, Prisma } from '@aispm/db';
import { DATABASE } from '../../infra/tokens';

const withOpenFindings = {
  _count: { select: { findings: { where: { status: 'open' as const } } } },
} satisfies Prisma.AssetInclude;

export type AssetRow = Prisma.AssetGetPayload<{ include: typeof withOpenFindings }>;

const END = { select: { id: true, name: true, assetType: true, nativeId: true } } as const;
const withRelations = {
  ...withOpenFindings,
  outgoing: { include: { to: END }, orderBy: { kind: 'asc' as const } },
  incoming: { include: { from: END }, orderBy: { kind: 'asc' as const } },
} satisfies Prisma.AssetInclude;

export type AssetDetailRow = Prisma.AssetGetPayload<{ include: typeof withRelations }>;

@Injectable()
export class AssetsRepository {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  /** Keyset page ordered by id (UUIDv7, so discovery order); `afterId` is the last id of the previous page. */
  page(tenantId: string, q: TAssetQuery, afterId: string | undefined): Promise<AssetRow[]> {
    const where: Prisma.AssetWhereInput = {
      tenantId,
      ...(q.includeDeleted ? {} : { deletedAt: null }),
      ...(q.provider ? { provider: { in: q.provider } } : {}),
      ...(q.assetType ? { assetType: { in: q.assetType } } : {}),
      ...(q.region ? { region: { in: q.region } } : {}),
      ...(q.accountId ? { accountId: q.accountId } : {}),
      // is_shadow mirrors shadow_reasons IS NOT NULL and is indexed (tenant_id, is_shadow, id).
      ...(q.shadow === undefined ? {} : { isShadow: q.shadow }),
      ...(q.q
        ? {
            OR: [
              { name: { contains: q.q, mode: 'insensitive' } },
              { nativeId: { contains: q.q, mode: 'insensitive' } },
            ],
          }
        : {}),
      ...(afterId ? { id: { gt: afterId } } : {}),
    };
    return this.db.tenant(tenantId, async (tx) => {
      const rows = await tx.asset.findMany({ where, orderBy: { id: 'asc' }, take: q.limit + 1 });
      // Open findings counted for this page's assets only, through the (tenant, asset, check) index. The ORM's
      // relation count aggregates every open finding of the tenant first (8 s at 2M findings).
      const counts = await tx.$queryRawUnsafe<{ asset_id: string; n: number }[]>(
        `SELECT asset_id, count(*)::int AS n FROM findings
          WHERE tenant_id = $1::uuid AND asset_id = ANY($2::uuid[]) AND status = 'open'
          GROUP BY asset_id`,
        tenantId,
        rows.map((r) => r.id),
      );
      const open = new Map(counts.map((c) => [c.asset_id, c.n]));
      return rows.map((r) => ({ ...r, _count: { findings: open.get(r.id) ?? 0 } }));
    });
  }

  find(tenantId: string, id: string): Promise<AssetDetailRow | null> {
    return this.db.tenant(tenantId, (tx) =>
      tx.asset.findFirst({ where: { tenantId, id }, include: withRelations }),
    );
  }

  /**
   * Sets the business context users own and marks the asset changed (changed_at), so the account's next
   * evaluation re-evaluates it and scores its findings with the new criticality. The audit row is written in
   * the same transaction, from the values before and after. Null when the tenant has no such asset.
   */
  updateContext(
    tenantId: string,
    id: string,
    change: { criticality?: Criticality | null; owner?: string | null },
    audit: (
      before: { criticality: Criticality | null; owner: string | null },
      after: { criticality: Criticality | null; owner: string | null },
    ) => Prisma.AuditEventCreateManyInput | null,
  ): Promise<AssetDetailRow | null> {
    return this.db.tenant(tenantId, async (tx) => {
      const before = await tx.asset.findFirst({
        where: { tenantId, id },
        select: { criticality: true, owner: true },
      });
      if (!before) return null;
      const after = {
        criticality: change.criticality === undefined ? before.criticality : change.criticality,
        owner: change.owner === undefined ? before.owner : change.owner,
      };
      const event = audit(before, after);
      if (event) {
        await tx.asset.update({
          where: { id },
          data: { criticality: after.criticality, owner: after.owner, changedAt: new Date() },
        });
        await tx.auditEvent.create({ data: event });
      }
      return tx.asset.findFirst({ where: { tenantId, id }, include: withRelations });
    });
  }
}
