import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { Registry, collectDefaultMetrics } from 'prom-client';
import { createDatabase, type Database } from '@aispm/db';
import { EnvelopeCipher, LocalKeyring } from '@aispm/secrets';
import { JobQueues, createRedisConnection } from '@aispm/jobs';
import type { Env } from '../config/env';
import { CIPHER, DATABASE, ENV, JOB_QUEUES, LOGGER, METRICS, REDIS } from './tokens';

class InfraLifecycle implements OnApplicationShutdown {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    @Inject(JOB_QUEUES) private readonly queues: JobQueues,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.queues.close().catch(() => undefined);
    // quit() lets replies still in flight arrive; disconnect() would reject them unhandled.
    await this.redis.quit().catch(() => undefined);
    await this.db.close();
  }
}

/** Process-wide resources: one Postgres pool, one Redis connection, the queues, the cipher, the logger. */
@Global()
@Module({})
export class InfraModule {
  static forRoot(env: Env, logger: Logger): DynamicModule {
    const redis = createRedisConnection(env.REDIS_URL);
    // Readiness reports Redis outages; the error event must not crash the API meanwhile.
    redis.on('error', () => undefined);
    const metrics = new Registry();
    collectDefaultMetrics({ register: metrics });
    return {
      module: InfraModule,
      providers: [
        { provide: ENV, useValue: env },
        { provide: LOGGER, useValue: logger },
        { provide: METRICS, useValue: metrics },
        { provide: DATABASE, useValue: createDatabase(env.DATABASE_URL, { applicationName: 'aispm-api' }) },
        { provide: REDIS, useValue: redis },
        { provide: JOB_QUEUES, useValue: new JobQueues(redis) },
        { provide: CIPHER, useValue: new EnvelopeCipher(LocalKeyring.fromEnv(env)) },
        InfraLifecycle,
      ],
      exports: [ENV, LOGGER, METRICS, DATABASE, REDIS, JOB_QUEUES, CIPHER],
    };
  }
}
