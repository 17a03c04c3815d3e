import { ZScanError, type TScan } from '@aispm/contracts';
import type { Scan } from '@aispm/db';

export function toScanDto(s: Scan): TScan {
  const errors = ZScanError.array().safeParse(s.errors);
  return {
    id: s.id,
    accountId: s.accountId,
    status: s.status,
    trigger: s.trigger,
    partial: s.partial,
    tasksTotal: s.tasksTotal,
    tasksDone: s.tasksDone,
    tasksFailed: s.tasksFailed,
    assetsSeen: s.assetsSeen,
    findingsOpen: s.findingsOpen,
    errors: errors.success ? errors.data : [],
    createdAt: s.createdAt.toISOString(),
    startedAt: s.startedAt?.toISOString() ?? null,
    finishedAt: s.finishedAt?.toISOString() ?? null,
  };
}
