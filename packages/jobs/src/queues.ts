import { Queue, type ConnectionOptions } from 'bullmq';
import { Redis } from 'ioredis';
import { QUEUES, type JobDefinition, type QueueName } from './definitions';
import type { z } from 'zod';

export function createRedisConnection(redisUrl: string, opts: { forWorker?: boolean } = {}): Redis {
  return new Redis(redisUrl, {
    // BullMQ workers block on Redis and need unlimited retries per request; producers give up after one
    // reconnection attempt so an API request never hangs on a Redis outage.
    maxRetriesPerRequest: opts.forWorker ? null : 1,
  });
}

export class JobQueues {
  private readonly queues = new Map<QueueName, Queue>();

  constructor(private readonly connection: ConnectionOptions) {
    for (const name of Object.values(QUEUES)) {
      this.queues.set(name, new Queue(name, { connection: this.connection }));
    }
  }

  queue(name: QueueName): Queue {
    const q = this.queues.get(name);
    if (!q) throw new Error(`unknown queue ${name}`);
    return q;
  }

  /** Validates the payload against the definition and enqueues it with its deterministic id and retry policy. */
  async enqueue<P extends z.ZodType>(def: JobDefinition<P>, payload: z.input<P>): Promise<string> {
    const data = def.payload.parse(payload) as z.infer<P>;
    const jobId = def.jobId(data);
    await this.queue(def.queue).add(def.name, data, {
      jobId,
      attempts: def.attempts,
      backoff: def.backoff,
      removeOnComplete: { age: 3600, count: 1000 },
      removeOnFail: { age: 24 * 3600 },
    });
    return jobId;
  }

  /**
   * Creates or changes a job scheduler that enqueues `def` every `everyMs`. Returns false when a scheduler
   * with that id and period already exists (left untouched, so its next run time is kept).
   */
  async upsertSchedule<P extends z.ZodType>(
    def: JobDefinition<P>,
    schedulerId: string,
    everyMs: number,
    payload: z.input<P>,
  ): Promise<boolean> {
    const data = def.payload.parse(payload) as z.infer<P>;
    const queue = this.queue(def.queue);
    const existing = await queue.getJobScheduler(schedulerId);
    if (existing?.every === everyMs) return false;
    await queue.upsertJobScheduler(
      schedulerId,
      { every: everyMs },
      { name: def.name, data, opts: { attempts: def.attempts, backoff: def.backoff } },
    );
    return true;
  }

  async removeSchedule(queueName: QueueName, schedulerId: string): Promise<boolean> {
    return this.queue(queueName).removeJobScheduler(schedulerId);
  }

  /** Ids of the job schedulers of a queue. */
  async scheduleIds(queueName: QueueName): Promise<string[]> {
    const schedulers = await this.queue(queueName).getJobSchedulers(0, -1);
    return schedulers.map((s) => s.id ?? s.key);
  }

  async close(): Promise<void> {
    // A queue closed while its start-up commands are still in flight leaves their rejections unhandled.
    await Promise.all(
      [...this.queues.values()].map(async (q) => {
        await q.waitUntilReady().catch(() => undefined);
        await q.close();
      }),
    );
  }
}
