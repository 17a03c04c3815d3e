import { z, ZPage, ZPageQuery, ZProvider, ZSeverity, ZUuid } from './common';

/** OSCAL relationship terms: how a check relates to a framework control (the check is the source). */
export const CONTROL_RELATIONSHIPS = [
  'equivalent-to',
  'subset-of',
  'superset-of',
  'intersects-with',
] as const;
export const ZControlRelationship = z.enum(CONTROL_RELATIONSHIPS);
export type TControlRelationship = z.infer<typeof ZControlRelationship>;

/**
 * `failing`: a mapped check has open findings. `passing`: at least one mapped check reached a verdict on an asset
 * and none has open findings (suppressed findings do not fail a control; they are counted). `manual`: no check is
 * mapped, or none reached a verdict yet: the control needs evidence from outside aispm.
 */
export const CONTROL_STATUSES = ['failing', 'passing', 'manual'] as const;
export const ZControlStatus = z.enum(CONTROL_STATUSES);
export type TControlStatus = z.infer<typeof ZControlStatus>;

/** Limits of an uploaded framework file. */
export const CUSTOM_FRAMEWORK_LIMITS = {
  bytes: 1_048_576,
  controls: 2_000,
  checksPerControl: 500,
} as const;

/** A framework key: lower-case slug, used in URLs. */
export const ZFrameworkKey = z
  .string()
  .min(2)
  .max(64)
  .regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/, 'a slug of lower-case letters, digits and hyphens');

/** A control id as frameworks write them (`A.5.2`, `GOVERN 1.1`, `CC6.1`, `LLM01`). */
export const ZControlId = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9][A-Za-z0-9 ._:()-]*$/, 'letters, digits, spaces and . _ : ( ) -');

/** The file an organization uploads (JSON or YAML): its own controls, each mapped to aispm checks. */
export const ZCustomFrameworkDefinition = z
  .strictObject({
    key: ZFrameworkKey,
    name: z.string().trim().min(1).max(200),
    version: z.string().trim().min(1).max(50),
    controls: z
      .array(
        z.strictObject({
          id: ZControlId,
          title: z.string().trim().min(1).max(500),
          description: z.string().max(10_000).optional(),
          checks: z
            .array(
              z.strictObject({ checkId: z.string().min(1).max(200), relationship: ZControlRelationship }),
            )
            .max(CUSTOM_FRAMEWORK_LIMITS.checksPerControl),
        }),
      )
      .min(1)
      .max(CUSTOM_FRAMEWORK_LIMITS.controls),
  })
  .openapi('CustomFrameworkDefinition', {
    description:
      'Send the file as it is: application/json, or YAML as application/yaml, application/x-yaml or text/yaml (at most 1 MB).',
  });
export type TCustomFrameworkDefinition = z.infer<typeof ZCustomFrameworkDefinition>;

const ZControlCounts = z.object({
  total: z.number().int(),
  passing: z.number().int(),
  failing: z.number().int(),
  manual: z.number().int(),
});

/** A framework with its controls counted by status. */
export const ZFrameworkSummary = z
  .object({
    key: z.string(),
    name: z.string(),
    version: z.string(),
    builtIn: z.boolean(),
    controls: ZControlCounts,
    /** Who uploaded a custom framework, and when (null for built-ins). */
    createdBy: z.string().nullable(),
    createdAt: z.iso.datetime().nullable(),
  })
  .openapi('FrameworkSummary');
export type TFrameworkSummary = z.infer<typeof ZFrameworkSummary>;
export const ZFrameworkList = z.object({ items: z.array(ZFrameworkSummary) }).openapi('FrameworkList');
export type TFrameworkList = z.infer<typeof ZFrameworkList>;

/** A check mapped to a control, with what it found across the accounts in view. */
export const ZControlCheck = z
  .object({
    checkId: z.string(),
    title: z.string(),
    severity: ZSeverity,
    provider: ZProvider,
    relationship: ZControlRelationship,
    /** Assets with an open finding of the check. */
    failing: z.number().int(),
    passing: z.number().int(),
    /** Assets where the cloud did not return a field the check needs. */
    unknown: z.number().int(),
    suppressed: z.number().int(),
  })
  .openapi('ControlCheck');
export type TControlCheck = z.infer<typeof ZControlCheck>;

export const ZComplianceControl = z
  .object({
    id: z.string(),
    title: z.string(),
    description: z.string().nullable(),
    status: ZControlStatus,
    checks: z.array(ZControlCheck),
    failing: z.number().int(),
    passing: z.number().int(),
    unknown: z.number().int(),
    suppressed: z.number().int(),
  })
  .openapi('ComplianceControl');
export type TComplianceControl = z.infer<typeof ZComplianceControl>;

export const ZFrameworkPosture = ZFrameworkSummary.extend({
  /** The account the figures are for; null for the whole organization. */
  accountId: ZUuid.nullable(),
  /** Where a built-in catalog comes from and its licence; null for custom frameworks. */
  attribution: z.object({ source: z.string(), license: z.string() }).nullable(),
  items: z.array(ZComplianceControl),
}).openapi('FrameworkPosture');
export type TFrameworkPosture = z.infer<typeof ZFrameworkPosture>;

export const ZFrameworkParams = z.object({ key: ZFrameworkKey });
export const ZFrameworkQuery = z.object({ accountId: ZUuid.optional() });
export type TFrameworkQuery = z.infer<typeof ZFrameworkQuery>;
export const ZControlAssetsParams = z.object({ key: ZFrameworkKey, controlId: ZControlId });
export const ZControlAssetsQuery = ZPageQuery.extend({ accountId: ZUuid.optional() });
export type TControlAssetsQuery = z.infer<typeof ZControlAssetsQuery>;

/** An asset with open findings of a control's checks. */
export const ZAffectedAsset = z
  .object({
    id: ZUuid,
    accountId: ZUuid,
    name: z.string(),
    nativeId: z.string(),
    assetType: z.string(),
    provider: ZProvider,
    region: z.string(),
    riskScore: z.number().int(),
    /** The control's checks this asset fails (open findings). */
    checks: z.array(z.object({ checkId: z.string(), title: z.string(), severity: ZSeverity })),
  })
  .openapi('AffectedAsset');
export type TAffectedAsset = z.infer<typeof ZAffectedAsset>;
export const ZAffectedAssetPage = ZPage(ZAffectedAsset).openapi('AffectedAssetPage');
export type TAffectedAssetPage = z.infer<typeof ZAffectedAssetPage>;
