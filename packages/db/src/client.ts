import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/prisma/client';

export interface Database {
  /** Prisma for ordinary reads and writes. */
  prisma: PrismaClient;
  /** The same connection pool, for the ingestion hot path's set-based SQL (PRISMA.md: no upsertMany in Prisma). */
  pool: pg.Pool;
  close(): Promise<void>;
}

export function createDatabase(
  databaseUrl: string,
  opts: { max?: number; applicationName?: string } = {},
): Database {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: opts.max ?? 10,
    application_name: opts.applicationName ?? 'aispm',
  });
  // An idle client that errors (e.g. Postgres restarted) must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    prisma,
    pool,
    async close() {
      await prisma.$disconnect();
      await pool.end().catch(() => undefined);
    },
  };
}
