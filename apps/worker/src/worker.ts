import { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { AccountLimiters, allDiscoverers, closeCloudClients } from '@aispm/connectors';
import type { Database } from '@aispm/db';
import { JobQueues, QUEUES, createRedisConnection } from '@aispm/jobs';
import { EnvelopeCipher, LocalKeyring } from '@aispm/secrets';
import type { WorkerEnv } from './config/env';
import type { WorkerDeps } from './handlers/handler';
import { buildHandlerRegistry } from './handlers/registry';
import { planScanHandler } from './handlers/plan-scan.handler';
import { discoverHandler } from './handlers/discover.handler';
import { evaluateScanHandler } from './handlers/evaluate-scan.handler';
import { scheduledScanHandler } from './handlers/scheduled-scan.handler';
import { createDispatcher } from './processors/job-dispatcher';
import { expireLapsedSuppressions, reconcileScans, syncSchedules } from './reconciler';

export interface RunningWorker {
  close(): Promise<void>;
  reconcile(): Promise<number>;
}

/** Starts one BullMQ worker per queue plus the reconciler. Used by main.ts and by the e2e tests. */
export async function startWorker(
  env: Pick<
    WorkerEnv,
    'REDIS_URL' | 'MASTER_KEY' | 'DISCOVERY_CONCURRENCY' | 'RECONCILE_INTERVAL_MS' | 'OUTBOUND_ALLOW'
  > &
    Partial<Pick<WorkerEnv, 'MASTER_KEY_PREVIOUS' | 'JOB_LOCK_MS' | 'FULL_REFRESH_HOURS'>>,
  db: Database,
  logger: Logger,
  overrides: Partial<Pick<WorkerDeps, 'discoverers' | 'now'>> = {},
): Promise<RunningWorker> {
  const producer: Redis = createRedisConnection(env.REDIS_URL, { forWorker: true });
  const queues = new JobQueues(producer);
  const deps: WorkerDeps = {
    db,
    queues,
    cipher: new EnvelopeCipher(LocalKeyring.fromEnv(env)),
    logger,
    outbound: env.OUTBOUND_ALLOW,
    discoverers: overrides.discoverers ?? allDiscoverers,
    limiters: new AccountLimiters(),
    // Callers that do not say (tests) read everything on every scan.
    fullRefreshHours: env.FULL_REFRESH_HOURS ?? 0,
    ...(overrides.now ? { now: overrides.now } : {}),
  };
  const registry = buildHandlerRegistry([
    planScanHandler(deps),
    discoverHandler(deps),
    evaluateScanHandler(deps),
    scheduledScanHandler(deps),
  ]);
  const dispatch = createDispatcher(registry, db, logger);

  // A killed worker stops renewing its locks; after JOB_LOCK_MS BullMQ hands its jobs to another worker.
  const lockMs = env.JOB_LOCK_MS ?? 30_000;
  const locking = { lockDuration: lockMs, stalledInterval: lockMs, maxStalledCount: 3 };
  const workers = [
    new Worker(QUEUES.scans, dispatch, {
      connection: createRedisConnection(env.REDIS_URL, { forWorker: true }),
      concurrency: 4,
      ...locking,
    }),
    new Worker(QUEUES.discovery, dispatch, {
      connection: createRedisConnection(env.REDIS_URL, { forWorker: true }),
      concurrency: env.DISCOVERY_CONCURRENCY,
      ...locking,
    }),
  ];
  for (const w of workers) {
    w.on('error', (err) => logger.error({ err, queue: w.name }, 'worker error'));
  }

  const reconcile = async () => {
    await syncSchedules(db, queues, logger);
    await expireLapsedSuppressions(db, logger, (overrides.now ?? (() => new Date()))());
    return reconcileScans(db, queues, logger);
  };
  let reconciling = false;
  const timer = setInterval(() => {
    if (reconciling) return;
    reconciling = true;
    reconcile()
      .catch((err: unknown) => logger.warn({ err }, 'reconcile failed; will retry'))
      .finally(() => {
        reconciling = false;
      });
  }, env.RECONCILE_INTERVAL_MS);
  await reconcile().catch((err: unknown) => logger.warn({ err }, 'initial reconcile failed; will retry'));

  return {
    reconcile,
    async close() {
      clearInterval(timer);
      // close() waits for active jobs to finish, so a SIGTERM never cuts a page write in half.
      await Promise.all(workers.map((w) => w.close()));
      await queues.close();
      producer.disconnect();
      closeCloudClients();
    },
  };
}
