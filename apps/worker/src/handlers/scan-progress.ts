import type { TScanError } from '@aispm/contracts';
import type { Database } from '@aispm/db';

export type TaskOutcome =
  { status: 'succeeded'; pages: number; assets: number } | { status: 'failed'; error: TScanError };

/**
 * Records a task's end and moves the scan's counters in one tenant transaction. Returns true when this was
 * the scan's last open task and the scan moved to `evaluating` (the caller then enqueues the evaluation).
 * A task that already ended (a duplicate delivery) changes nothing.
 */
export function finishTask(
  db: Database,
  ids: { tenantId: string; scanId: string; taskId: string },
  outcome: TaskOutcome,
  at: Date,
): Promise<boolean> {
  return db.tenant(ids.tenantId, async (tx) => {
    const failed = outcome.status === 'failed';
    const ended = await tx.scanTask.updateMany({
      where: { id: ids.taskId, scanId: ids.scanId, status: { in: ['queued', 'running'] } },
      data: failed
        ? { status: 'failed', finishedAt: at, errorCode: outcome.error.code, error: outcome.error.message }
        : { status: 'succeeded', finishedAt: at, pages: outcome.pages, assets: outcome.assets },
    });
    if (ended.count === 0) return false;
    const [scan] = await tx.$queryRawUnsafe<{ done: boolean }[]>(
      `UPDATE scans SET tasks_done = tasks_done + $2::int,
              tasks_failed = tasks_failed + $3::int,
              assets_seen = assets_seen + $4::int,
              partial = partial OR $3::int > 0,
              errors = CASE WHEN $5::jsonb IS NULL THEN errors ELSE errors || jsonb_build_array($5::jsonb) END
        WHERE id = $1::uuid
        RETURNING (tasks_done + tasks_failed >= tasks_total) AS done`,
      ids.scanId,
      failed ? 0 : 1,
      failed ? 1 : 0,
      failed ? 0 : outcome.assets,
      failed ? JSON.stringify(outcome.error) : null,
    );
    if (!scan?.done) return false;
    const moved = await tx.scan.updateMany({
      where: { id: ids.scanId, status: 'running' },
      data: { status: 'evaluating' },
    });
    return moved.count > 0;
  });
}

/** A scan step failed for good: the scan ends as failed, with the reason, instead of waiting forever. */
export async function failScan(
  db: Database,
  ids: { tenantId: string; scanId: string },
  error: TScanError,
  at: Date,
): Promise<void> {
  await db.tenant(ids.tenantId, (tx) =>
    tx.$executeRawUnsafe(
      `UPDATE scans SET status = 'failed', finished_at = $2, errors = errors || jsonb_build_array($3::jsonb)
        WHERE id = $1::uuid AND status IN ('queued', 'running', 'evaluating')`,
      ids.scanId,
      at,
      JSON.stringify(error),
    ),
  );
}
