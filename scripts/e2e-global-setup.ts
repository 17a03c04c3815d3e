// Global setup for the e2e tier: a dedicated database, recreated and migrated from the committed migrations by
// its owner, the application role the services use, and an empty Redis db, so every run starts from the same
// state (an earlier run's unfinished scans would otherwise be resumed by the workers under test).
import { execFileSync } from 'node:child_process';
import { Redis } from 'ioredis';
import pg from 'pg';
import { e2eEnv } from './e2e-env';

export default async function setup(): Promise<void> {
  const env = { ...process.env, ...e2eEnv };
  const server = new URL(e2eEnv.DATABASE_ADMIN_URL);
  const name = decodeURIComponent(server.pathname.slice(1));
  server.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: server.toString() });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name.replaceAll('"', '""')}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
  execFileSync('node', ['scripts/ensure-database.mjs'], { env, stdio: 'inherit' });
  execFileSync('npx', ['prisma', 'migrate', 'deploy'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  const redis = new Redis(e2eEnv.REDIS_URL);
  await redis.flushdb();
  await redis.quit();
}
