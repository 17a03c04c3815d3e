// Global setup for the e2e tier: a dedicated database migrated from the committed migrations, and an empty
// Redis db, so every run starts from the same state.
import { execFileSync } from 'node:child_process';
import { Redis } from 'ioredis';

export default async function setup(): Promise<void> {
  const env = {
    ...process.env,
    DATABASE_URL: process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/aispm_test',
  };
  execFileSync('node', ['scripts/ensure-database.mjs'], { env, stdio: 'inherit' });
  execFileSync('npx', ['prisma', 'migrate', 'deploy'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  const redis = new Redis(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/1');
  await redis.flushdb();
  await redis.quit();
}
