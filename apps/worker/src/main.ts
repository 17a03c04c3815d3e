import pino from 'pino';
import { checkPostgres, createDatabase } from '@aispm/db';
import { checkRedis } from '@aispm/jobs';
import { EnvError } from '@aispm/config';
import { loadEnv } from './config/env';
import { startWorker, type RunningWorker } from './worker';

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

  // Handlers go in before anything else: a signal that arrives while the worker starts must stop it cleanly,
  // not kill it with the default action.
  const running: { worker?: RunningWorker } = {};
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
    await running.worker?.close();
    await db.close();
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));

  running.worker = await startWorker(env, db, logger);
  if (stopping) await running.worker.close();
  else logger.info({ concurrency: env.DISCOVERY_CONCURRENCY }, 'worker started');
}

main().catch((e: unknown) => {
  console.error(
    e instanceof EnvError || (e instanceof Error && e.name === 'HandlerRegistryError')
      ? `aispm-worker: ${e.message}`
      : e,
  );
  process.exit(1);
});
