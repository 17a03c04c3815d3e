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
                         first_seen, last_seen, last_scan_id, deleted_at)
     SELECT u.id, $1::uuid, $2::uuid, $3::"CloudProvider", u.asset_type, u.native_id, u.name, u.region,
            u.attributes, u.tags, $4::timestamptz, $4::timestamptz, $5::uuid, NULL
       FROM unnest($6::uuid[], $7::text[], $8::text[], $9::text[], $10::text[], $11::jsonb[], $12::jsonb[])
            AS u(id, asset_type, native_id, name, region, attributes, tags)
     ON CONFLICT (tenant_id, account_id, asset_type, native_id) DO UPDATE
        SET name = EXCLUDED.name,
            region = EXCLUDED.region,
            attributes = EXCLUDED.attributes,
            tags = EXCLUDED.tags,
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
  );
  return out.map((r) => ({ id: r.id, assetType: r.asset_type, nativeId: r.native_id, inserted: r.inserted }));
}

/**
 * After a COMPLETE listing of (account, asset types, region) succeeded in this scan, anything of those types
 * in that region not seen by the scan is gone from the cloud. Callers must never call this for a listing that
 * failed or was cut short: a throttled listing must not delete anything.
 */
export async function markUnseenAssetsDeleted(
  tx: TenantTx,
  scope: {
    tenantId: string;
    accountId: string;
    assetTypes: string[];
    region: string;
    scanId: string;
    at: Date;
  },
): Promise<number> {
  return tx.$executeRawUnsafe(
    `UPDATE assets SET deleted_at = $6
      WHERE tenant_id = $1 AND account_id = $2 AND asset_type = ANY($3::text[]) AND region = $4
        AND deleted_at IS NULL AND (last_scan_id IS DISTINCT FROM $5::uuid)`,
    scope.tenantId,
    scope.accountId,
    scope.assetTypes,
    scope.region,
    scope.scanId,
    scope.at,
  );
}
