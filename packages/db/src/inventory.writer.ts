import type { TAssetRecord, TProvider } from '@aispm/contracts';
import type { TenantTx } from './client';
import { newId } from './ids';

export interface AssetPageContext {
  tenantId: string;
  accountId: string;
  provider: TProvider;
  scanId: string;
  seenAt: Date;
}

export interface UpsertedAsset {
  id: string;
  assetType: string;
  nativeId: string;
  inserted: boolean;
}

/**
 * Writes one listing page into the inventory with a single set-based statement (never one per row).
 * Re-ingesting the same page is idempotent: the unique key (tenant, account, type, native id) updates in place,
 * first_seen is kept, last_seen only moves forward, and a row that was marked deleted comes back.
 */
export async function upsertAssetPage(
  tx: TenantTx,
  ctx: AssetPageContext,
  records: readonly TAssetRecord[],
): Promise<UpsertedAsset[]> {
  const unique = new Map<string, TAssetRecord>();
  for (const r of records) unique.set(`${r.assetType}\u0000${r.nativeId}`, r);
  if (unique.size === 0) return [];
  const rows = [...unique.values()];
  const out = await tx.$queryRawUnsafe<
    { id: string; asset_type: string; native_id: string; inserted: boolean }[]
  >(
    `INSERT INTO assets (id, tenant_id, account_id, provider, asset_type, native_id, name, region, attributes, tags,
                         declared_relations, change_token, first_seen, last_seen, refreshed_at, changed_at,
                         last_scan_id, deleted_at)
     SELECT u.id, $1::uuid, $2::uuid, $3::"CloudProvider", u.asset_type, u.native_id, u.name, u.region,
            u.attributes, u.tags, u.relations, u.change_token, $4::timestamptz, $4::timestamptz, $4::timestamptz,
            $4::timestamptz, $5::uuid, NULL
       FROM unnest($6::uuid[], $7::text[], $8::text[], $9::text[], $10::text[], $11::jsonb[], $12::jsonb[],
                   $13::jsonb[], $14::text[])
            AS u(id, asset_type, native_id, name, region, attributes, tags, relations, change_token)
     ON CONFLICT (tenant_id, account_id, asset_type, native_id) DO UPDATE
        SET name = EXCLUDED.name,
            region = EXCLUDED.region,
            attributes = EXCLUDED.attributes,
            tags = EXCLUDED.tags,
            declared_relations = EXCLUDED.declared_relations,
            change_token = EXCLUDED.change_token,
            refreshed_at = EXCLUDED.refreshed_at,
            -- Only a real difference in what checks read makes the asset due for evaluation again.
            changed_at = CASE
              WHEN assets.deleted_at IS NOT NULL
                OR (assets.name, assets.region, assets.attributes, assets.tags, assets.declared_relations)
                   IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.region, EXCLUDED.attributes, EXCLUDED.tags,
                                     EXCLUDED.declared_relations)
              THEN EXCLUDED.changed_at ELSE assets.changed_at END,
            last_seen = GREATEST(assets.last_seen, EXCLUDED.last_seen),
            last_scan_id = EXCLUDED.last_scan_id,
            deleted_at = NULL
     RETURNING id, asset_type, native_id, (xmax = 0) AS inserted`,
    ctx.tenantId,
    ctx.accountId,
    ctx.provider,
    ctx.seenAt,
    ctx.scanId,
    rows.map(() => newId()),
    rows.map((r) => r.assetType),
    rows.map((r) => r.nativeId),
    rows.map((r) => r.name),
    rows.map((r) => r.region),
    rows.map((r) => JSON.stringify(r.attributes)),
    rows.map((r) => JSON.stringify(r.tags)),
    rows.map((r) => JSON.stringify(r.relations ?? [])),
    rows.map((r) => r.changeToken ?? null),
  );
  return out.map((r) => ({ id: r.id, assetType: r.asset_type, nativeId: r.native_id, inserted: r.inserted }));
}

/**
 * Records that a listing saw resources again unchanged (same change token): they are still there, so only
 * last_seen and last_scan_id move; attributes, relations and the token stay as last read. Returns how many rows
 * were touched (a row deleted meanwhile is not revived: its next full read will).
 */
export async function touchUnchangedAssets(
  tx: TenantTx,
  ctx: AssetPageContext,
  items: readonly { assetType: string; nativeId: string }[],
): Promise<number> {
  if (items.length === 0) return 0;
  return tx.$executeRawUnsafe(
    `UPDATE assets a
        SET last_seen = GREATEST(a.last_seen, $3::timestamptz), last_scan_id = $4::uuid
       FROM unnest($5::text[], $6::text[]) AS u(asset_type, native_id)
      WHERE a.tenant_id = $1::uuid AND a.account_id = $2::uuid
        AND a.asset_type = u.asset_type AND a.native_id = u.native_id AND a.deleted_at IS NULL`,
    ctx.tenantId,
    ctx.accountId,
    ctx.seenAt,
    ctx.scanId,
    items.map((i) => i.assetType),
    items.map((i) => i.nativeId),
  );
}

/**
 * The change tokens of one listing's assets whose attributes were read in full since `refreshedSince`, by native
 * id: what a discoverer may skip Describe calls for. Older rows are left out, so every asset is re-read in full
 * at least once per refresh period (tags, for one, change without changing a resource's LastModifiedTime).
 */
export async function knownChangeTokens(
  tx: TenantTx,
  scope: {
    tenantId: string;
    accountId: string;
    assetTypes: string[];
    region: string | null;
    refreshedSince: Date;
  },
): Promise<Map<string, string>> {
  const rows = await tx.$queryRawUnsafe<{ native_id: string; change_token: string }[]>(
    `SELECT native_id, change_token FROM assets
      WHERE tenant_id = $1::uuid AND account_id = $2::uuid AND asset_type = ANY($3::text[])
        AND ($4::text IS NULL OR region = $4) AND deleted_at IS NULL
        AND change_token IS NOT NULL AND refreshed_at >= $5::timestamptz`,
    scope.tenantId,
    scope.accountId,
    scope.assetTypes,
    scope.region,
    scope.refreshedSince,
  );
  return new Map(rows.map((r) => [r.native_id, r.change_token]));
}

/**
 * After a COMPLETE listing of (account, asset types, region) succeeded in this scan, anything of those types
 * in that region not seen by the scan is gone from the cloud. `region: null` is an account-wide listing (IAM,
 * S3, an Azure subscription) and covers every region. Callers must never call this for a listing that
 * failed or was cut short: a throttled listing must not delete anything.
 */
export async function markUnseenAssetsDeleted(
  tx: TenantTx,
  scope: {
    tenantId: string;
    accountId: string;
    assetTypes: string[];
    region: string | null;
    scanId: string;
    at: Date;
  },
): Promise<number> {
  return tx.$executeRawUnsafe(
    `UPDATE assets SET deleted_at = $6, changed_at = $6
      WHERE tenant_id = $1 AND account_id = $2 AND asset_type = ANY($3::text[]) AND ($4::text IS NULL OR region = $4)
        AND deleted_at IS NULL AND (last_scan_id IS DISTINCT FROM $5::uuid)`,
    scope.tenantId,
    scope.accountId,
    scope.assetTypes,
    scope.region,
    scope.scanId,
    scope.at,
  );
}

/**
 * Turns the edges assets declared (by native id) into asset_relations rows for one account, once both ends
 * are in the inventory and not deleted; edges no longer declared are dropped. Run after a scan's listings.
 */
export async function rebuildRelations(
  tx: TenantTx,
  scope: { tenantId: string; accountId: string; at: Date },
): Promise<{ current: number; added: number; removed: number }> {
  // Only edges new in this scan come back (with the count of all): an unchanged rescan ships no rows.
  const upserted = await tx.$queryRawUnsafe<
    { from_asset_id: string | null; to_asset_id: string | null; total: number }[]
  >(
    // The declared edges are gathered first (MATERIALIZED), then each finds its target through the unique
    // index: a LATERAL ... LIMIT 1 the planner cannot flatten into a join. A plain join is planned from
    // statistics, and a freshly filled table has none: the planner then nests loops over every asset for every
    // edge (minutes at 60k assets, past the transaction timeout) instead of ~2 s of index lookups.
    `WITH edges AS MATERIALIZED (
       SELECT a.id AS from_id, r->>'kind' AS kind, r->>'toAssetType' AS to_type, r->>'toNativeId' AS to_native
         FROM assets a
        CROSS JOIN LATERAL jsonb_array_elements(a.declared_relations) AS r
        WHERE a.tenant_id = $1::uuid AND a.account_id = $2::uuid AND a.deleted_at IS NULL
     ), up AS (
     INSERT INTO asset_relations (id, tenant_id, from_asset_id, to_asset_id, kind, first_seen, last_seen)
     SELECT gen_random_uuid(), $1::uuid, x.from_id, x.to_id, x.kind, $3::timestamptz, $3::timestamptz
       FROM (SELECT DISTINCT e.from_id, t.id AS to_id, e.kind
               FROM edges e
              CROSS JOIN LATERAL (
                    SELECT t.id FROM assets t
                     WHERE t.tenant_id = $1::uuid AND t.account_id = $2::uuid
                       AND t.asset_type = e.to_type AND t.native_id = e.to_native AND t.deleted_at IS NULL
                     LIMIT 1) AS t) AS x
     ON CONFLICT (tenant_id, from_asset_id, to_asset_id, kind) DO UPDATE SET last_seen = EXCLUDED.last_seen
     RETURNING from_asset_id, to_asset_id, (xmax = 0) AS inserted)
     SELECT from_asset_id, to_asset_id, 0 AS total FROM up WHERE inserted
     UNION ALL SELECT NULL, NULL, count(*)::int FROM up`,
    scope.tenantId,
    scope.accountId,
    scope.at,
  );
  const removed = await tx.$queryRawUnsafe<{ from_asset_id: string; to_asset_id: string }[]>(
    `DELETE FROM asset_relations r USING assets a
      WHERE r.tenant_id = $1::uuid AND r.from_asset_id = a.id AND a.account_id = $2::uuid
        AND r.last_seen < $3::timestamptz
     RETURNING r.from_asset_id, r.to_asset_id`,
    scope.tenantId,
    scope.accountId,
    scope.at,
  );
  // Both ends of an edge that appeared or went read something new: they are due for evaluation again.
  const added = upserted.filter((r) => r.from_asset_id !== null);
  const touched = [
    ...new Set([...added, ...removed].flatMap((r) => [r.from_asset_id ?? '', r.to_asset_id ?? ''])),
  ].filter(Boolean);
  if (touched.length > 0) {
    await tx.$executeRawUnsafe(
      `UPDATE assets SET changed_at = $2::timestamptz WHERE tenant_id = $1::uuid AND id = ANY($3::uuid[])`,
      scope.tenantId,
      scope.at,
      touched,
    );
  }
  const current = upserted.find((r) => r.from_asset_id === null)?.total ?? 0;
  return { current, added: added.length, removed: removed.length };
}
