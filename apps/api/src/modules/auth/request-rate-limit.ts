import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Env } from '../../config/env';
import { ProblemException } from '../../common/problem';
import { ENV, LOGGER, REDIS } from '../../infra/tokens';

/**
 * A per-caller budget of API requests per minute (fixed one-minute windows in Redis), so one script or leaked
 * token cannot monopolise the API. Keyed by user or token, never by anything secret. If Redis is down the
 * limit is not applied and the outage is logged: availability over strictness for an internal limit.
 */
@Injectable()
export class RequestRateLimit {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(ENV) private readonly env: Env,
  ) {}

  async consume(callerKey: string, now = Date.now()): Promise<void> {
    const window = Math.floor(now / 60_000);
    const key = `aispm:rl:${callerKey}:${window}`;
    let count: number;
    try {
      count = await this.redis.incr(key);
      if (count === 1) await this.redis.expire(key, 61);
    } catch (err) {
      this.logger.warn({ err }, 'request rate limit unavailable (Redis); not applied');
      return;
    }
    if (count > this.env.API_REQUESTS_PER_MINUTE) {
      const retryAfter = Math.max(1, Math.ceil(((window + 1) * 60_000 - now) / 1000));
      throw new ProblemException(
        {
          status: 429,
          title: 'Too many requests',
          detail: `More than ${this.env.API_REQUESTS_PER_MINUTE} requests in a minute. Try again in ${retryAfter} seconds.`,
        },
        { 'Retry-After': String(retryAfter) },
      );
    }
  }
}
