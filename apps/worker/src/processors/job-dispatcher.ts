import { UnrecoverableError, type Job } from 'bullmq';
import type { Logger } from 'pino';
import type { Database } from '@aispm/db';
import type { JobHandler } from '../handlers/handler';
import { failScan } from '../handlers/scan-progress';

/**
 * Validates a job's payload against its definition and runs its handler. Errors are never swallowed: they
 * propagate so BullMQ retries with the definition's backoff. When the last attempt of a scan-level step fails,
 * the scan is marked failed in Postgres so nobody waits on it.
 */
export function createDispatcher(registry: Map<string, JobHandler>, db: Database, logger: Logger) {
  return async (job: Job): Promise<void> => {
    const handler = registry.get(job.name);
    if (!handler) throw new UnrecoverableError(`no handler for job ${job.name}`);
    const parsed = handler.job.payload.safeParse(job.data);
    if (!parsed.success)
      throw new UnrecoverableError(`invalid payload for ${job.name}: ${parsed.error.message}`);
    const attempts = job.opts.attempts ?? 1;
    const attempt = { attemptsMade: job.attemptsMade, isFinalAttempt: job.attemptsMade + 1 >= attempts };
    const started = Date.now();
    try {
      await handler.handle(parsed.data, attempt);
      logger.debug({ job: job.name, jobId: job.id, ms: Date.now() - started }, 'job done');
    } catch (err) {
      const final = attempt.isFinalAttempt || err instanceof UnrecoverableError;
      const data = parsed.data as { tenantId: string; scanId: string; taskId?: string };
      if (final && data.taskId === undefined) {
        await failScan(
          db,
          data,
          {
            service: job.name,
            region: '-',
            code: 'JobFailed',
            message: err instanceof Error ? err.message : String(err),
          },
          new Date(),
        );
      }
      logger.warn(
        { job: job.name, jobId: job.id, attempt: job.attemptsMade + 1, attempts, final, err },
        'job failed',
      );
      throw err;
    }
  };
}
