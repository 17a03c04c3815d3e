import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Env } from '../../config/env';
import { ENV, LOGGER, REDIS } from '../../infra/tokens';
import { sha256 } from './credentials';

const MAX_FAILURES = 5;
const MAX_LOCK_SECONDS = 3600;
const FAILURE_MEMORY_SECONDS = 3600;

/**
 * Slows password guessing: after 5 consecutive failures an email is locked for 1 minute, then 2, 4 … up to an
 * hour; every address is also limited to LOGIN_ATTEMPTS_PER_MINUTE attempts a minute (default 30). Keyed by a hash of the email whether or not
 * the account exists, so the answers do not reveal which emails are registered. The counters live in Redis;
 * if Redis is unavailable sign-in still works (argon2 bounds the guessing rate) and the outage is logged.
 */
@Injectable()
export class LoginThrottle {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(ENV) private readonly env: Env,
  ) {}

  /** Seconds to wait before trying again, or 0 when an attempt may go ahead. */
  async retryAfter(email: string, ip: string | undefined): Promise<number> {
    try {
      const [lockTtl, ipCount] = await Promise.all([
        this.redis.ttl(this.lockKey(email)),
        ip ? this.redis.incr(`aispm:login:ip:${ip}`) : Promise.resolve(0),
      ]);
      if (ip && ipCount === 1) await this.redis.expire(`aispm:login:ip:${ip}`, 60);
      if (lockTtl > 0) return lockTtl;
      if (ipCount > this.env.LOGIN_ATTEMPTS_PER_MINUTE)
        return Math.max(1, await this.redis.ttl(`aispm:login:ip:${ip}`));
      return 0;
    } catch (err) {
      this.logger.warn({ err }, 'login throttle unavailable (Redis); continuing without it');
      return 0;
    }
  }

  async failed(email: string): Promise<void> {
    try {
      const failures = await this.redis.incr(this.failKey(email));
      await this.redis.expire(this.failKey(email), FAILURE_MEMORY_SECONDS);
      if (failures >= MAX_FAILURES) {
        const seconds = Math.min(60 * 2 ** (failures - MAX_FAILURES), MAX_LOCK_SECONDS);
        await this.redis.set(this.lockKey(email), '1', 'EX', seconds);
      }
    } catch (err) {
      this.logger.warn({ err }, 'login throttle unavailable (Redis); failure not counted');
    }
  }

  async succeeded(email: string): Promise<void> {
    await this.redis.del(this.failKey(email), this.lockKey(email)).catch(() => undefined);
  }

  private failKey(email: string): string {
    return `aispm:login:fail:${sha256(email.toLowerCase())}`;
  }

  private lockKey(email: string): string {
    return `aispm:login:lock:${sha256(email.toLowerCase())}`;
  }
}
