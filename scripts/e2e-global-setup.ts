// Global setup for the e2e tier: a dedicated database migrated from the committed migrations by its owner,
// the application role the services use, and an empty Redis db, so every run starts from the same state.
import { execFileSync } from 'node:child_process';
import { Redis } from 'ioredis';
import { e2eEnv } from './e2e-env';

export default async function setup(): Promise<void> {
  const env = { ...process.env, ...e2eEnv };
  execFileSync('node', ['scripts/ensure-database.mjs'], { env, stdio: 'inherit' });
  execFileSync('npx', ['prisma', 'migrate', 'deploy'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  const redis = new Redis(e2eEnv.REDIS_URL);
  await redis.flushdb();
  await redis.quit();
}
