import { z, ZPage, ZPageQuery, ZProvider, ZSeverity, ZUuid } from './common';
import { ZCriticality } from './assets';
import { ZFindingStatus } from './findings';

export const ATTACK_PATH_STATUSES = ['open', 'resolved'] as const;
export const ZAttackPathStatus = z.enum(ATTACK_PATH_STATUSES);
export type TAttackPathStatus = z.infer<typeof ZAttackPathStatus>;

/** One asset on a path, as it was when the path was last found, and what the rule calls its part. */
export const ZAttackPathNode = z
  .object({
    assetId: ZUuid,
    assetType: z.string(),
    nativeId: z.string(),
    name: z.string(),
    /** What this step of the chain is ("Notebook with direct internet access"). */
    role: z.string(),
  })
  .openapi('AttackPathNode');
export type TAttackPathNode = z.infer<typeof ZAttackPathNode>;

/** A relation the path walks, by asset id, in the direction the cloud declares it (`uses_role`, `part_of`...). */
export const ZAttackPathEdge = z
  .object({ from: ZUuid, to: ZUuid, kind: z.string() })
  .openapi('AttackPathEdge');
export type TAttackPathEdge = z.infer<typeof ZAttackPathEdge>;

/** A path in the list: what it is, how urgent, where it starts. */
export const ZAttackPathListItem = z
  .object({
    id: ZUuid,
    accountId: ZUuid,
    /** The rule that found it, e.g. exposed-notebook-admin-role. */
    pattern: z.string(),
    title: z.string(),
    severity: ZSeverity,
    /** The highest risk score of the findings on the path. */
    riskScore: z.number().int().min(0).max(100),
    status: ZAttackPathStatus,
    /** Where the chain starts (the first node); null only if the stored nodes cannot be read. */
    entry: ZAttackPathNode.nullable(),
    nodeCount: z.number().int(),
    findingCount: z.number().int(),
    firstSeen: z.iso.datetime(),
    lastSeen: z.iso.datetime(),
    resolvedAt: z.iso.datetime().nullable(),
  })
  .openapi('AttackPathListItem');
export type TAttackPathListItem = z.infer<typeof ZAttackPathListItem>;

export const ZAttackPathQuery = ZPageQuery.extend({
  status: ZAttackPathStatus.default('open'),
  accountId: ZUuid.optional(),
});
export type TAttackPathQuery = z.infer<typeof ZAttackPathQuery>;

export const ZAttackPathPage = ZPage(ZAttackPathListItem).openapi('AttackPathPage');
export type TAttackPathPage = z.infer<typeof ZAttackPathPage>;

/** The asset behind a node as the inventory holds it now; null when the asset is no longer stored. */
export const ZAttackPathAsset = z
  .object({
    id: ZUuid,
    name: z.string(),
    assetType: z.string(),
    nativeId: z.string(),
    provider: ZProvider,
    region: z.string(),
    criticality: ZCriticality.nullable(),
    owner: z.string().nullable(),
    riskScore: z.number().int(),
    deletedAt: z.iso.datetime().nullable(),
  })
  .openapi('AttackPathAsset');

export const ZAttackPathFinding = z
  .object({
    id: ZUuid,
    assetId: ZUuid,
    checkId: z.string(),
    title: z.string(),
    severity: ZSeverity,
    status: ZFindingStatus,
    riskScore: z.number().int(),
  })
  .openapi('AttackPathFinding');
export type TAttackPathFinding = z.infer<typeof ZAttackPathFinding>;

/** One path: the chain, why it matters, and the findings it is made of. */
export const ZAttackPath = ZAttackPathListItem.extend({
  /** The rule's explanation of the chain; null if the rule is no longer part of aispm. */
  narrative: z.string().nullable(),
  nodes: z.array(ZAttackPathNode.extend({ asset: ZAttackPathAsset.nullable() })),
  edges: z.array(ZAttackPathEdge),
  findings: z.array(ZAttackPathFinding),
}).openapi('AttackPath');
export type TAttackPath = z.infer<typeof ZAttackPath>;
