import { z } from 'zod';
import { ZServiceEnv, loadEnv as parseEnv } from '@aispm/config';

const ZEnv = ZServiceEnv.extend({
  DISCOVERY_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  RECONCILE_INTERVAL_MS: z.coerce.number().int().min(1000).default(15_000),
  /** How long a job stays locked to a worker that stops renewing it (a crashed one) before another takes it. */
  JOB_LOCK_MS: z.coerce.number().int().min(1000).default(30_000),
  /**
   * A rescan skips the per-resource Describe calls of resources whose listing shows them unchanged, but reads
   * every resource in full at least this often (hours; 0 reads everything on every scan).
   */
  FULL_REFRESH_HOURS: z.coerce
    .number()
    .min(0)
    .max(24 * 30)
    .default(24),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(1000).default(30_000),
});

export type WorkerEnv = z.infer<typeof ZEnv>;

export function loadEnv(source: NodeJS.ProcessEnv = process.env): WorkerEnv {
  return parseEnv(ZEnv, source);
}
