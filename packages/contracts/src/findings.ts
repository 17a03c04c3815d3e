import { csvList, z, ZPage, ZPageQuery, ZProvider, ZSeverity, ZUuid } from './common';
import { ZControlRelationship } from './compliance';

export const ZFindingStatus = z.enum(['open', 'resolved', 'suppressed']);
export type TFindingStatus = z.infer<typeof ZFindingStatus>;

/**
 * List orders. `risk` (the default): highest contextual risk score first. `severity`: most severe first, then
 * highest risk. Both end with the finding id, so keyset paging never skips or repeats a finding.
 */
export const FINDING_SORTS = ['risk', 'severity'] as const;
export const ZFindingSort = z.enum(FINDING_SORTS);
export type TFindingSort = z.infer<typeof ZFindingSort>;

/** Longest a person may suppress a finding for (an exception rule is the tool for longer). */
export const MAX_SUPPRESSION_DAYS = 365;

/** Why a finding is suppressed, who answers for it and until when; set while the status is `suppressed`. */
export const ZFindingSuppression = z
  .object({
    reason: z.string(),
    /** The email of whoever answers for the accepted risk. */
    owner: z.string(),
    /** When the suppression lapses and the finding is open again; null: until someone lifts it. */
    until: z.iso.datetime().nullable(),
    since: z.iso.datetime().nullable(),
  })
  .openapi('FindingSuppression');
export type TFindingSuppression = z.infer<typeof ZFindingSuppression>;

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
    /** null unless the status is `suppressed`. */
    suppression: ZFindingSuppression.nullable(),
    /** The exception rule that suppressed it, when a rule (not a person) did. */
    exceptionId: ZUuid.nullable(),
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
  sort: ZFindingSort.default('risk'),
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

/**
 * How the risk score was reached: `contextScore` = base + exposure + sensitivity + privilege + criticality +
 * activity (clamped to 1..100), and the score = contextScore + attackPathBonus (clamped).
 */
export const ZRiskFactors = z
  .object({
    base: z.number(),
    exposure: z.number(),
    sensitivity: z.number(),
    privilege: z.number(),
    criticality: z.number(),
    activity: z.number(),
    contextScore: z.number(),
    attackPaths: z.number(),
    attackPathBonus: z.number(),
  })
  .openapi('RiskFactors');
export type TRiskFactors = z.infer<typeof ZRiskFactors>;

export const FINDING_EVENT_KINDS = [
  'opened',
  'reopened',
  'resolved',
  'suppressed',
  'unsuppressed',
  'suppression_expired',
  'excepted',
  'exception_removed',
  'severity_changed',
] as const;
export const ZFindingEventKind = z.enum(FINDING_EVENT_KINDS);
export type TFindingEventKind = z.infer<typeof ZFindingEventKind>;

/** One transition in a finding's history. */
export const ZFindingEvent = z
  .object({
    id: ZUuid,
    kind: ZFindingEventKind,
    at: z.iso.datetime(),
    /** `user:<email>`, `token:<id>` or `system` (a scan's evaluation, an expiry). */
    actor: z.string(),
    reason: z.string().nullable(),
    /** The scan whose evaluation caused it; null for people's actions. */
    scanId: ZUuid.nullable(),
    detail: z.record(z.string(), z.unknown()),
  })
  .openapi('FindingEvent');
export type TFindingEvent = z.infer<typeof ZFindingEvent>;

/** Most events a finding's page lists (newest first). */
export const FINDING_HISTORY_LIMIT = 200;

export const ZFindingDetail = ZFinding.extend({
  asset: z.object({
    id: ZUuid,
    name: z.string(),
    nativeId: z.string(),
    assetType: z.string(),
    region: z.string(),
    provider: ZProvider,
    criticality: z.enum(['low', 'medium', 'high', 'critical']).nullable(),
    owner: z.string().nullable(),
  }),
  /** The check's catalogue entry; null if the check no longer exists in this version of aispm. */
  check: z
    .object({
      id: z.string(),
      title: z.string(),
      severity: ZSeverity,
      rationale: z.string(),
      /** The cloud API fields the verdict rests on. */
      reads: z.array(z.string()),
      remediation: z.object({ console: z.string(), cli: z.string(), terraform: z.string() }),
      controls: z.array(
        z.object({
          ref: z.string(),
          /** The control's title in its framework catalogue (null if no catalogue has it). */
          title: z.string().nullable(),
          relationship: ZControlRelationship,
        }),
      ),
    })
    .nullable(),
  /** null for findings scored before factors were recorded. */
  riskFactors: ZRiskFactors.nullable(),
  lastScanId: ZUuid.nullable(),
  /** The scan whose passing evaluation resolved it. */
  resolvedScanId: ZUuid.nullable(),
  /** Newest first, at most FINDING_HISTORY_LIMIT. */
  history: z.array(ZFindingEvent),
  historyTruncated: z.boolean(),
  /** Open attack paths this finding lies on. */
  attackPaths: z.array(
    z.object({ id: ZUuid, title: z.string(), severity: ZSeverity, riskScore: z.number().int() }),
  ),
}).openapi('FindingDetail');
export type TFindingDetail = z.infer<typeof ZFindingDetail>;

const ZFindingIds = z
  .array(ZUuid)
  .min(1, 'name at least one finding')
  .max(1000, 'at most 1,000 findings at a time');

/** An expiry that lies ahead and at most `maxDays` away (checked when the request is parsed). */
export function futureProblem(iso: string, maxDays?: number, now = Date.now()): string | undefined {
  const at = Date.parse(iso);
  if (at <= now) return 'must be in the future';
  if (maxDays !== undefined && at > now + maxDays * 86_400_000)
    return `must be at most ${maxDays} days from now`;
  return undefined;
}

export const ZSuppressFindings = z
  .object({
    findingIds: ZFindingIds,
    reason: z.string().trim().min(3).max(500),
    owner: z.email().max(320).openapi({ description: 'Who answers for the accepted risk' }),
    until: z.iso
      .datetime({ offset: true })
      .optional()
      .openapi({ description: 'When the suppression lapses (in the future, at most a year away)' }),
  })
  .superRefine((v, ctx) => {
    const problem = v.until ? futureProblem(v.until, MAX_SUPPRESSION_DAYS) : undefined;
    if (problem) ctx.addIssue({ code: 'custom', path: ['until'], message: problem });
  })
  .openapi('SuppressFindings');
export type TSuppressFindings = z.infer<typeof ZSuppressFindings>;

export const ZUnsuppressFindings = z
  .object({ findingIds: ZFindingIds, reason: z.string().trim().min(3).max(500).optional() })
  .openapi('UnsuppressFindings');
export type TUnsuppressFindings = z.infer<typeof ZUnsuppressFindings>;

/** How many findings a suppression or its lifting changed (resolved findings and unknown ids are left alone). */
export const ZFindingsChanged = z.object({ changed: z.number().int() }).openapi('FindingsChanged');
export type TFindingsChanged = z.infer<typeof ZFindingsChanged>;
