import { z, ZUuid } from './common';

export const ZScanStatus = z.enum(['queued', 'running', 'evaluating', 'completed', 'failed']);
export type TScanStatus = z.infer<typeof ZScanStatus>;

export const ZScanError = z.object({
  service: z.string(),
  region: z.string(),
  code: z.string(),
  message: z.string(),
});
export type TScanError = z.infer<typeof ZScanError>;

export const ZScan = z
  .object({
    id: ZUuid,
    accountId: ZUuid,
    status: ZScanStatus,
    trigger: z.string(),
    partial: z
      .boolean()
      .openapi({ description: 'A listing failed: the inventory of that scope was kept as it was.' }),
    tasksTotal: z.number().int(),
    tasksDone: z.number().int(),
    tasksFailed: z.number().int(),
    assetsSeen: z.number().int(),
    findingsOpen: z.number().int(),
    errors: z.array(ZScanError),
    createdAt: z.iso.datetime(),
    startedAt: z.iso.datetime().nullable(),
    finishedAt: z.iso.datetime().nullable(),
  })
  .openapi('Scan');
export type TScan = z.infer<typeof ZScan>;

export const ZScanListQuery = z.object({
  accountId: ZUuid.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export const ZScanList = z.object({ items: z.array(ZScan) }).openapi('ScanList');
