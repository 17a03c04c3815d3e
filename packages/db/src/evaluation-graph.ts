import type { TenantTx } from './client';
import type { Asset } from './generated/prisma/client';

/** One recorded relation between two inventory assets (both ends discovered). */
export interface RelationRow {
  fromAssetId: string;
  toAssetId: string;
  kind: string;
}

/**
 * Every relation from or to the given assets. Both lookups use an index (the unique key leads with
 * from_asset_id, a second index with to_asset_id).
 */
export async function relationsTouching(
  tx: TenantTx,
  tenantId: string,
  assetIds: string[],
): Promise<RelationRow[]> {
  if (assetIds.length === 0) return [];
  const rows = await tx.$queryRawUnsafe<{ from_asset_id: string; to_asset_id: string; kind: string }[]>(
    `SELECT from_asset_id, to_asset_id, kind FROM asset_relations
      WHERE tenant_id = $1::uuid AND from_asset_id = ANY($2::uuid[])
     UNION
     SELECT from_asset_id, to_asset_id, kind FROM asset_relations
      WHERE tenant_id = $1::uuid AND to_asset_id = ANY($2::uuid[])`,
    tenantId,
    assetIds,
  );
  return rows.map((r) => ({ fromAssetId: r.from_asset_id, toAssetId: r.to_asset_id, kind: r.kind }));
}

/** The live assets among these ids (a deleted neighbour is no neighbour). */
export function liveAssetsById(tx: TenantTx, ids: string[]): Promise<Asset[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return tx.asset.findMany({ where: { id: { in: ids }, deletedAt: null } });
}

/** Every live asset of one type in one account: the peers an account-scoped check reads. */
export function liveAssetsOfType(tx: TenantTx, accountId: string, assetType: string): Promise<Asset[]> {
  return tx.asset.findMany({ where: { accountId, assetType, deletedAt: null }, orderBy: { id: 'asc' } });
}

/** Open findings of the given checks in an account: where attack paths may start or pass. */
export async function openFindingsOfChecks(
  tx: TenantTx,
  scope: { tenantId: string; accountId: string },
  checkIds: readonly string[],
): Promise<{ id: string; assetId: string; checkId: string }[]> {
  return tx.$queryRawUnsafe<{ id: string; assetId: string; checkId: string }[]>(
    `SELECT id, asset_id AS "assetId", check_id AS "checkId" FROM findings
      WHERE tenant_id = $1::uuid AND account_id = $2::uuid AND status = 'open' AND check_id = ANY($3::text[])`,
    scope.tenantId,
    scope.accountId,
    [...checkIds],
  );
}

/** Type, native id and name of live assets, for drawing paths. */
export async function assetHeads(
  tx: TenantTx,
  ids: readonly string[],
): Promise<{ id: string; assetType: string; nativeId: string; name: string }[]> {
  if (ids.length === 0) return [];
  return tx.$queryRawUnsafe<{ id: string; assetType: string; nativeId: string; name: string }[]>(
    `SELECT id, asset_type AS "assetType", native_id AS "nativeId", name FROM assets
      WHERE id = ANY($1::uuid[]) AND deleted_at IS NULL`,
    [...ids],
  );
}
