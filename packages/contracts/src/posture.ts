import { z, ZProvider, ZSeverity } from './common';
import { ZScan } from './scans';

const count = z.number().int().min(0);

/**
 * The dashboard's figures. Everything but `accounts` and `lastScan` is summed from the per-account and per-check
 * summary rows the worker rebuilds after each scan's evaluation (account_postures, check_summaries), never
 * counted live over assets or findings, so the answer costs the same for ten findings or ten million.
 */
export const ZPostureSummary = z
  .object({
    score: z
      .number()
      .int()
      .min(0)
      .max(100)
      .nullable()
      .openapi({
        description:
          'round(100 × (evaluated − failing) / evaluated) over the assets some check evaluated, the formula of the ' +
          'posture snapshots (100 when an evaluation found nothing to evaluate); null before the first evaluation.',
      }),
    /** When the most recent evaluation of any account started; null before the first. */
    evaluatedAt: z.iso.datetime().nullable(),
    accounts: count,
    assets: z.object({
      total: count,
      byProvider: z.array(z.object({ provider: ZProvider, count })),
      byType: z.array(z.object({ assetType: z.string(), count })),
      /** Assets some check evaluated (the score's denominator). */
      evaluated: count,
      /** Assets with at least one open finding (the score's failing assets). */
      withOpenFindings: count,
      /** Shadow AI: assets outside the register of sanctioned AI. */
      shadow: count,
    }),
    findings: z.object({
      open: count,
      bySeverity: z.array(z.object({ severity: ZSeverity, count })),
      /** The five checks with the most open findings, organization-wide. */
      topChecks: z.array(z.object({ checkId: z.string(), title: z.string(), severity: ZSeverity, count })),
    }),
    /** Per cloud: the score and figures of that provider's accounts, largest inventory first. */
    clouds: z.array(
      z.object({
        provider: ZProvider,
        /** Accounts of this provider evaluated at least once. */
        accounts: count,
        assets: count,
        evaluated: count,
        withOpenFindings: count,
        openFindings: count,
        score: z.number().int().min(0).max(100).nullable(),
      }),
    ),
    /** Per built-in framework: its controls counted as failing, passing or manual (as on the Compliance page). */
    frameworks: z.array(
      z.object({
        key: z.string(),
        name: z.string(),
        version: z.string(),
        controls: z.object({ total: count, failing: count, passing: count, manual: count }),
      }),
    ),
    attackPaths: z.object({ open: count }),
    lastScan: ZScan.nullable(),
  })
  .openapi('PostureSummary');
export type TPostureSummary = z.infer<typeof ZPostureSummary>;

export const ZPostureTrendQuery = z.object({
  days: z.coerce.number().int().min(1).max(365).default(30).openapi({
    description: 'How many days back, today (UTC) included.',
  }),
});
export type TPostureTrendQuery = z.infer<typeof ZPostureTrendQuery>;

/** The organization's posture at the end of one day: the last snapshot taken that day (UTC). */
export const ZPostureTrendPoint = z
  .object({
    /** The UTC day, YYYY-MM-DD. */
    day: z.iso.date(),
    takenAt: z.iso.datetime(),
    score: z.number().int().min(0).max(100),
    assetsEvaluated: count,
    assetsFailing: count,
    critical: count,
    high: count,
    medium: count,
    low: count,
    info: count,
  })
  .openapi('PostureTrendPoint');
export type TPostureTrendPoint = z.infer<typeof ZPostureTrendPoint>;

export const ZPostureTrend = z
  .object({
    days: z.number().int(),
    /** Oldest first; days without an evaluation have no point. */
    points: z.array(ZPostureTrendPoint),
  })
  .openapi('PostureTrend');
export type TPostureTrend = z.infer<typeof ZPostureTrend>;
