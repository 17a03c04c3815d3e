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

/** What evaluation reads of an asset. */
export type EvaluationAsset = Pick<
  Asset,
  | 'id'
  | 'accountId'
  | 'provider'
  | 'assetType'
  | 'nativeId'
  | 'name'
  | 'region'
  | 'attributes'
  | 'tags'
  | 'criticality'
  | 'declaredRelations'
>;

// Raw SQL with one array parameter: the ORM's `IN` sends one bind parameter per id and converts every row
// through its query engine, which cost more than the checks themselves on large batches.
const EVALUATION_COLUMNS = `id, account_id AS "accountId", provider::text AS provider, asset_type AS "assetType",
  native_id AS "nativeId", name, region, attributes, tags, criticality::text AS criticality,
  declared_relations AS "declaredRelations"`;

/** The live assets among these ids (a deleted neighbour is no neighbour), in id order. */
export function liveAssetsById(tx: TenantTx, ids: readonly string[]): Promise<EvaluationAsset[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return tx.$queryRawUnsafe<EvaluationAsset[]>(
    `SELECT ${EVALUATION_COLUMNS} FROM assets WHERE id = ANY($1::uuid[]) AND deleted_at IS NULL ORDER BY id`,
    [...ids],
  );
}

/** Every live asset of one type in one account: the peers an account-scoped check reads. */
export function liveAssetsOfType(
  tx: TenantTx,
  accountId: string,
  assetType: string,
): Promise<EvaluationAsset[]> {
  return tx.$queryRawUnsafe<EvaluationAsset[]>(
    `SELECT ${EVALUATION_COLUMNS} FROM assets
      WHERE account_id = $1::uuid AND asset_type = $2 AND deleted_at IS NULL ORDER BY id`,
    accountId,
    assetType,
  );
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
