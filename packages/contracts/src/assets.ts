import { csvList, z, ZPage, ZPageQuery, ZProvider, ZUuid } from './common';
import { ZAssetShadow } from './shadow-ai';

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
  /**
   * The resource's version as its listing shows it (e.g. LastModifiedTime and status), when the listing shows
   * one: a later scan that lists the same token may skip the per-resource calls (see TUnchangedAsset).
   */
  changeToken: z.string().max(500).optional(),
});
export type TAssetRecord = z.infer<typeof ZAssetRecord>;

/**
 * A resource a listing saw again with the change token the inventory already holds: it still exists and did
 * not change, so the per-resource Describe calls were skipped. The inventory only records that it was seen.
 */
export interface TUnchangedAsset {
  assetType: string;
  nativeId: string;
  unchanged: true;
}
export type TDiscoveredAsset = TAssetRecord | TUnchangedAsset;
export function isUnchangedAsset(a: TDiscoveredAsset): a is TUnchangedAsset {
  return 'unchanged' in a;
}

/** How much the business depends on an asset; users set it (discovery never does). One factor of the risk score. */
export const CRITICALITIES = ['low', 'medium', 'high', 'critical'] as const;
export const ZCriticality = z.enum(CRITICALITIES);
export type TCriticality = z.infer<typeof ZCriticality>;

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
    /** Shadow AI: why the asset is outside the register of sanctioned AI, or null. */
    shadow: ZAssetShadow,
    /** Business criticality a user set; null when none was set (tags may still imply one for scoring). */
    criticality: ZCriticality.nullable(),
    /** Who answers for the asset (an email or a team name), as a user set it. */
    owner: z.string().nullable(),
    /** The highest risk score of its open findings (0 without one), as of the last evaluation. */
    riskScore: z.number().int().min(0).max(100),
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
  shadow: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === 'true'))
    .openapi({ description: 'true: only shadow AI (outside the register); false: only assets not flagged.' }),
});
export type TAssetQuery = z.infer<typeof ZAssetQuery>;

export const ZAssetPage = ZPage(ZAsset).openapi('AssetPage');
export type TAssetPage = z.infer<typeof ZAssetPage>;

const OWNER_EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** A team name: starts with a letter or digit; letters, digits, spaces and . _ - / & ' ( ) after. */
const OWNER_TEAM = /^[\p{L}\p{N}][\p{L}\p{N} ._\-/&'()]*$/u;

/**
 * The business context users give an asset. At least one field; null clears it. The change marks the asset
 * changed, so the account's next evaluation scores its findings again with it.
 */
export const ZUpdateAsset = z
  .object({
    criticality: ZCriticality.nullable().optional(),
    owner: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .refine((v) => OWNER_EMAIL.test(v) || OWNER_TEAM.test(v), {
        message: "an email address, or a team name of letters, digits, spaces and . _ - / & ' ( )",
      })
      .nullable()
      .optional()
      .openapi({ description: 'An email address or a team name (e.g. "ml-platform"); null clears it.' }),
  })
  .refine((v) => v.criticality !== undefined || v.owner !== undefined, {
    message: 'give criticality, owner or both',
  })
  .openapi('UpdateAsset');
export type TUpdateAsset = z.infer<typeof ZUpdateAsset>;
