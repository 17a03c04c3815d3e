import pino from 'pino';
import { checkPostgres, createDatabase } from '@aispm/db';
import { checkRedis } from '@aispm/jobs';
import { EnvError } from '@aispm/config';
import { loadEnv } from './config/env';
import { startWorker } from './worker';

async function main(): Promise<void> {
  const env = loadEnv();
  for (const check of [await checkPostgres(env.DATABASE_URL), await checkRedis(env.REDIS_URL)]) {
    if (!check.ok) {
      console.error(`aispm-worker: ${check.message}`);
      process.exit(1);
    }
  }
  // Synchronous writes: the worker logs little, and its last lines before process.exit must not be lost.
  const logger = pino(
    { level: env.LOG_LEVEL, base: { service: 'aispm-worker' } },
    pino.destination({ sync: true }),
  );
  const db = createDatabase(env.DATABASE_URL, { applicationName: 'aispm-worker' });
  const worker = await startWorker(env, db, logger);
  logger.info({ concurrency: env.DISCOVERY_CONCURRENCY }, 'worker started');

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing active jobs');
    const force = setTimeout(() => {
      logger.error('shutdown timed out; exiting with jobs still active (they will be retried)');
      process.exit(1);
    }, env.SHUTDOWN_TIMEOUT_MS);
    force.unref();
    await worker.close();
    await db.close();
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((e: unknown) => {
  console.error(
    e instanceof EnvError || (e instanceof Error && e.name === 'HandlerRegistryError')
      ? `aispm-worker: ${e.message}`
      : e,
  );
  process.exit(1);
});
