import type pg from 'pg';
import type { TScanError } from '@aispm/contracts';

export type TaskOutcome =
  { status: 'succeeded'; pages: number; assets: number } | { status: 'failed'; error: TScanError };

async function inTransaction<T>(pool: pg.Pool, fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const out = await fn(client);
    await client.query('COMMIT');
    return out;
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}

/**
 * Records a task's end and moves the scan's counters in one transaction. Returns true when this was the scan's
 * last open task and the scan moved to `evaluating` (the caller then enqueues the evaluation). A task that
 * already ended (a duplicate delivery) changes nothing.
 */
export async function finishTask(
  pool: pg.Pool,
  ids: { tenantId: string; scanId: string; taskId: string },
  outcome: TaskOutcome,
  at: Date,
): Promise<boolean> {
  return inTransaction(pool, async (c) => {
    const failed = outcome.status === 'failed';
    const task = await c.query(
      `UPDATE scan_tasks SET status = $4::"TaskStatus", finished_at = $5,
              error_code = $6, error = $7,
              pages = CASE WHEN $4 = 'succeeded' THEN $8 ELSE pages END,
              assets = CASE WHEN $4 = 'succeeded' THEN $9 ELSE assets END
        WHERE id = $1 AND tenant_id = $2 AND scan_id = $3 AND status IN ('queued', 'running')`,
      [
        ids.taskId,
        ids.tenantId,
        ids.scanId,
        outcome.status,
        at,
        failed ? outcome.error.code : null,
        failed ? outcome.error.message : null,
        failed ? 0 : outcome.pages,
        failed ? 0 : outcome.assets,
      ],
    );
    if (task.rowCount === 0) return false;
    const { rows } = await c.query<{ done: boolean }>(
      `UPDATE scans SET tasks_done = tasks_done + $3::int,
              tasks_failed = tasks_failed + $4::int,
              assets_seen = assets_seen + $5::int,
              partial = partial OR $4::int > 0,
              errors = CASE WHEN $6::jsonb IS NULL THEN errors ELSE errors || jsonb_build_array($6::jsonb) END
        WHERE id = $1 AND tenant_id = $2
        RETURNING (tasks_done + tasks_failed >= tasks_total) AS done`,
      [
        ids.scanId,
        ids.tenantId,
        failed ? 0 : 1,
        failed ? 1 : 0,
        failed ? 0 : outcome.assets,
        failed ? JSON.stringify(outcome.error) : null,
      ],
    );
    if (!rows[0]?.done) return false;
    const moved = await c.query(
      `UPDATE scans SET status = 'evaluating' WHERE id = $1 AND tenant_id = $2 AND status = 'running'`,
      [ids.scanId, ids.tenantId],
    );
    return (moved.rowCount ?? 0) > 0;
  });
}

/** A scan step failed for good: the scan ends as failed, with the reason, instead of waiting forever. */
export async function failScan(
  pool: pg.Pool,
  ids: { tenantId: string; scanId: string },
  error: TScanError,
  at: Date,
): Promise<void> {
  await pool.query(
    `UPDATE scans SET status = 'failed', finished_at = $3, errors = errors || jsonb_build_array($4::jsonb)
      WHERE id = $1 AND tenant_id = $2 AND status IN ('queued', 'running', 'evaluating')`,
    [ids.scanId, ids.tenantId, at, JSON.stringify(error)],
  );
}
