import type pg from 'pg';
import type { EnvelopeCipher } from './envelope-cipher';

/** A pg Pool or Client connected as the schema owner (row-level security confines the application role). */
export type SqlClient = Pick<pg.Pool, 'query'>;

export interface SecretColumn {
  table: string;
  column: string;
  /** Must be the context the writer encrypted with. */
  context: (row: { id: string; tenantId: string }) => string;
}

/** Every column that holds an `EnvelopeCipher` blob. */
export const SECRET_COLUMNS: readonly SecretColumn[] = [
  // accounts.service encrypts and discover.handler decrypts with this context.
  { table: 'cloud_accounts', column: 'credentials_ciphertext', context: (r) => `${r.tenantId}:${r.id}` },
];

export interface ColumnReport {
  table: string;
  column: string;
  /** Re-wrapped under the active key (in a dry run: would be). */
  rewrapped: number;
  /** Already wrapped by the active key. */
  current: number;
  /** Deleted or cleared by someone else while the rotation ran. */
  gone: number;
  failed: { id: string; reason: string }[];
}

export interface RotationOptions {
  dryRun?: boolean;
  batchSize?: number;
  columns?: readonly SecretColumn[];
}

type Outcome = 'rewrapped' | 'current' | 'gone' | { failed: string };

const MAX_ATTEMPTS = 3;

async function rotateRow(
  db: SqlClient,
  cipher: EnvelopeCipher,
  target: SecretColumn,
  row: { id: string; tenantId: string; blob: Buffer },
  dryRun: boolean,
): Promise<Outcome> {
  const context = target.context(row);
  let blob = row.blob;
  for (let attempt = 1; ; attempt += 1) {
    let next: Buffer;
    try {
      if (!cipher.needsRewrap(blob)) return 'current';
      next = await cipher.rewrap(blob, context);
    } catch (e) {
      return { failed: e instanceof Error ? e.message : String(e) };
    }
    if (dryRun) return 'rewrapped';
    // Compare-and-set: a value written since the read (new credentials, say) is never overwritten.
    const { rowCount } = await db.query(
      `UPDATE ${target.table} SET ${target.column} = $1 WHERE id = $2 AND ${target.column} = $3`,
      [next, row.id, blob],
    );
    if (rowCount === 1) return 'rewrapped';
    const fresh = await db.query<{ blob: Buffer | null }>(
      `SELECT ${target.column} AS blob FROM ${target.table} WHERE id = $1`,
      [row.id],
    );
    const current = fresh.rows[0]?.blob;
    if (!current) return 'gone';
    if (attempt === MAX_ATTEMPTS) {
      return { failed: 'the value kept changing during the rotation; run it again' };
    }
    blob = current;
  }
}

/**
 * Re-wraps every stored secret whose data key is not wrapped by the cipher's active key, reading in batches
 * and updating each row on its own (one statement, one short transaction). Payloads are not re-encrypted.
 * Decryption problems are reported per row; database errors are thrown.
 */
export async function rotateSecrets(
  db: SqlClient,
  cipher: EnvelopeCipher,
  opts: RotationOptions = {},
): Promise<ColumnReport[]> {
  const batchSize = opts.batchSize ?? 500;
  const reports: ColumnReport[] = [];
  for (const target of opts.columns ?? SECRET_COLUMNS) {
    const report: ColumnReport = {
      table: target.table,
      column: target.column,
      rewrapped: 0,
      current: 0,
      gone: 0,
      failed: [],
    };
    let after: string | null = null;
    for (;;) {
      const { rows }: { rows: { id: string; tenantId: string; blob: Buffer }[] } = await db.query(
        `SELECT id::text AS id, tenant_id::text AS "tenantId", ${target.column} AS blob FROM ${target.table}
         WHERE ${target.column} IS NOT NULL AND ($1::uuid IS NULL OR id > $1::uuid)
         ORDER BY id LIMIT $2`,
        [after, batchSize],
      );
      for (const row of rows) {
        const outcome = await rotateRow(db, cipher, target, row, opts.dryRun ?? false);
        if (typeof outcome === 'object') report.failed.push({ id: row.id, reason: outcome.failed });
        else report[outcome] += 1;
      }
      if (rows.length < batchSize) break;
      after = rows[rows.length - 1].id;
    }
    reports.push(report);
  }
  return reports;
}
