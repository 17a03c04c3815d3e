import type { Logger } from 'pino';
import type { z } from 'zod';
import type { Database } from '@aispm/db';
import type { AnyJobDefinition, JobQueues } from '@aispm/jobs';
import type { AnyDiscoverer, CallLimiter } from '@aispm/connectors';
import type { OutboundPolicy } from '@aispm/security';
import type { EnvelopeCipher } from '@aispm/secrets';

export interface WorkerDeps {
  db: Database;
  queues: JobQueues;
  cipher: EnvelopeCipher;
  logger: Logger;
  discoverers: readonly AnyDiscoverer[];
  /** One adaptive concurrency limit per cloud account, shared by every listing of it in this process. */
  limiters?: { for(accountId: string): CallLimiter };
  /** Which addresses custom endpoints may reach (SSRF guard), checked before and during each listing. */
  outbound: OutboundPolicy;
  now?: () => Date;
  /** Hours within which a resource read in full is not re-described while its listing shows it unchanged; 0 never skips. */
  fullRefreshHours?: number;
}

export interface AttemptInfo {
  attemptsMade: number;
  /** No retry follows if this attempt throws: the handler must record the failure in Postgres first. */
  isFinalAttempt: boolean;
}

export interface JobHandler<D extends AnyJobDefinition = AnyJobDefinition> {
  job: D;
  handle(payload: z.infer<D['payload']>, attempt: AttemptInfo): Promise<void>;
}

export function defineHandler<D extends AnyJobDefinition>(h: JobHandler<D>): JobHandler<D> {
  return h;
}
