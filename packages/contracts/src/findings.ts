import { csvList, z, ZPage, ZPageQuery, ZProvider, ZSeverity, ZUuid } from './common';

export const ZFindingStatus = z.enum(['open', 'resolved', 'suppressed']);
export type TFindingStatus = z.infer<typeof ZFindingStatus>;

export const ZFinding = z
  .object({
    id: ZUuid,
    accountId: ZUuid,
    assetId: ZUuid,
    checkId: z.string(),
    title: z.string(),
    severity: ZSeverity,
    riskScore: z.number().int().min(0).max(100),
    status: ZFindingStatus,
    evidence: z.record(z.string(), z.unknown()),
    firstSeen: z.iso.datetime(),
    lastSeen: z.iso.datetime(),
    resolvedAt: z.iso.datetime().nullable(),
    asset: z.object({
      name: z.string(),
      nativeId: z.string(),
      assetType: z.string(),
      region: z.string(),
      provider: ZProvider,
    }),
  })
  .openapi('Finding');
export type TFinding = z.infer<typeof ZFinding>;

export const ZFindingQuery = ZPageQuery.extend({
  status: csvList(ZFindingStatus),
  severity: csvList(ZSeverity),
  checkId: csvList(z.string().max(200)),
  accountId: ZUuid.optional(),
  assetId: ZUuid.optional(),
});
export type TFindingQuery = z.infer<typeof ZFindingQuery>;

export const ZFindingPage = ZPage(ZFinding).openapi('FindingPage');
export type TFindingPage = z.infer<typeof ZFindingPage>;

export const ZCheckSummary = z
  .object({
    id: z.string(),
    title: z.string(),
    severity: ZSeverity,
    assetType: z.string(),
    provider: ZProvider,
    rationale: z.string(),
    remediation: z.string(),
    controls: z.array(z.string()),
  })
  .openapi('Check');
export type TCheckSummary = z.infer<typeof ZCheckSummary>;
export const ZCheckList = z.object({ items: z.array(ZCheckSummary) }).openapi('CheckList');
