import { csvList, z, ZPage, ZPageQuery, ZProvider, ZUuid } from './common';

/**
 * A cloud resource as a connector hands it to the inventory: the native id exactly as the cloud
 * returned it, and the attributes as the cloud returned them (absent fields stay absent).
 */
export const ZAssetRecord = z.object({
  assetType: z.string().min(1),
  nativeId: z.string().min(1),
  name: z.string(),
  region: z.string(),
  attributes: z.record(z.string(), z.unknown()),
  tags: z.record(z.string(), z.string()),
  /**
   * Edges this resource declares to others of the same account, by the target's native id (the target may be
   * listed later, by another task): e.g. an endpoint `uses_config` its endpoint config, a model `uses_role`.
   */
  relations: z
    .array(
      z.object({ kind: z.string().min(1), toAssetType: z.string().min(1), toNativeId: z.string().min(1) }),
    )
    .optional(),
});
export type TAssetRecord = z.infer<typeof ZAssetRecord>;

export const ZAsset = z
  .object({
    id: ZUuid,
    accountId: ZUuid,
    provider: ZProvider,
    assetType: z.string(),
    nativeId: z.string(),
    name: z.string(),
    region: z.string(),
    attributes: z.record(z.string(), z.unknown()),
    tags: z.record(z.string(), z.string()),
    firstSeen: z.iso.datetime(),
    lastSeen: z.iso.datetime(),
    deletedAt: z.iso.datetime().nullable(),
    openFindings: z.number().int(),
    /** Only on a single asset: its edges to and from other assets (endpoint -> config -> model -> ...). */
    relations: z
      .array(
        z.object({
          kind: z.string(),
          direction: z.enum(['out', 'in']),
          asset: z.object({ id: ZUuid, name: z.string(), assetType: z.string(), nativeId: z.string() }),
        }),
      )
      .optional(),
  })
  .openapi('Asset');
export type TAsset = z.infer<typeof ZAsset>;

export const ZAssetQuery = ZPageQuery.extend({
  provider: csvList(ZProvider),
  assetType: csvList(z.string().max(200)),
  accountId: ZUuid.optional(),
  region: csvList(z.string().max(50)),
  q: z.string().max(200).optional().openapi({ description: 'Case-insensitive match on name or native id.' }),
  includeDeleted: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});
export type TAssetQuery = z.infer<typeof ZAssetQuery>;

export const ZAssetPage = ZPage(ZAsset).openapi('AssetPage');
export type TAssetPage = z.infer<typeof ZAssetPage>;
