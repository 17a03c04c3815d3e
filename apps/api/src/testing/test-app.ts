import type { NestExpressApplication } from '@nestjs/platform-express';
import pino from 'pino';
import { createDatabase, newId, type Database } from '@aispm/db';
import { loadEnv, type Env } from '../config/env';
import { createApp } from '../app.factory';

/** A fixed master key for tests only; real deployments generate their own. */
export const TEST_MASTER_KEY = Buffer.alloc(32, 0x5a).toString('base64');

export interface TestApi {
  app: NestExpressApplication;
  env: Env;
  /** The application role's connection (row-level security applies). */
  db: Database;
  /** The schema owner's connection, for fixtures and for checking what was stored. */
  admin: Database;
  logLines: string[];
  close(): Promise<void>;
}

/** The real API (real Postgres and Redis from the e2e environment), with its JSON logs captured for assertions. */
export async function startTestApi(): Promise<TestApi> {
  const env = loadEnv({ ...process.env, MASTER_KEY: TEST_MASTER_KEY, LOG_LEVEL: 'info' });
  const logLines: string[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void logLines.push(line) });
  const app = await createApp(env, logger);
  await app.init();
  const db = createDatabase(env.DATABASE_URL, { max: 2 });
  const adminUrl = process.env.DATABASE_ADMIN_URL;
  if (!adminUrl) throw new Error('DATABASE_ADMIN_URL is not set for e2e tests');
  const admin = createDatabase(adminUrl, { max: 2 });
  return {
    app,
    env,
    db,
    admin,
    logLines,
    async close() {
      await app.close();
      await db.close();
      await admin.close();
    },
  };
}

/** A fresh organization, so each test file has its own tenant and never sees another file's rows. */
export async function createOrg(db: Database, name = 'Test org'): Promise<string> {
  const id = newId();
  await db.prisma.organization.create({ data: { id, name, slug: `test-${id}` } });
  return id;
}
