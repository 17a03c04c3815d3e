import { z, ZProvider, ZSeverity } from './common';
import { ZScan } from './scans';

export const ZPostureSummary = z
  .object({
    score: z.number().int().min(0).max(100).nullable().openapi({
      description: 'Share of evaluated assets with no open finding, 0-100; null before the first scan.',
    }),
    accounts: z.number().int(),
    assets: z.object({
      total: z.number().int(),
      byProvider: z.array(z.object({ provider: ZProvider, count: z.number().int() })),
      byType: z.array(z.object({ assetType: z.string(), count: z.number().int() })),
      withOpenFindings: z.number().int(),
    }),
    findings: z.object({
      open: z.number().int(),
      bySeverity: z.array(z.object({ severity: ZSeverity, count: z.number().int() })),
      topChecks: z.array(
        z.object({ checkId: z.string(), title: z.string(), severity: ZSeverity, count: z.number().int() }),
      ),
    }),
    lastScan: ZScan.nullable(),
  })
  .openapi('PostureSummary');
export type TPostureSummary = z.infer<typeof ZPostureSummary>;
