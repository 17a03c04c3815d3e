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

  async close(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close()));
  }
}
