import { setTimeout as sleep } from 'node:timers/promises';
import type { CallLimiter } from './types';

export interface AdaptiveLimiterOptions {
  /** Calls in flight at the start (default 16). */
  initial?: number;
  /** Never fewer than this many in flight (default 1). */
  min?: number;
  /** Never more than this many in flight (default 64). */
  max?: number;
  /** How many times one call is tried again after a throttle that outlived the SDK's own retries (default 4). */
  retries?: number;
  /** Base of the wait before such a retry, doubled each time, with full jitter (default 250 ms). */
  backoffMs?: number;
  /** Throttles closer together than this count as one congestion event (default 1 s). */
  coolDownMs?: number;
  random?: () => number;
}

export interface LimiterStats {
  limit: number;
  inFlight: number;
  queued: number;
  /** Congestion events that halved the limit. */
  decreases: number;
  /** Calls retried by the limiter after a throttle. */
  retries: number;
}

/**
 * Additive-increase / multiplicative-decrease concurrency for the calls of one cloud account: the limit grows
 * by one after a limit's worth of successes and halves when the cloud throttles, so parallel listings of the
 * same account back off together instead of each hammering the API. A throttled call is retried after a
 * jittered backoff; other errors pass through untouched.
 */
export class AdaptiveLimiter implements CallLimiter {
  private limit: number;
  private inFlight = 0;
  private successes = 0;
  private lastDecrease = -Infinity;
  private decreases = 0;
  private retried = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly min: number;
  private readonly max: number;
  private readonly retries: number;
  private readonly backoffMs: number;
  private readonly coolDownMs: number;
  private readonly random: () => number;

  constructor(options: AdaptiveLimiterOptions = {}) {
    this.min = options.min ?? 1;
    this.max = options.max ?? 64;
    this.limit = Math.min(this.max, Math.max(this.min, options.initial ?? 16));
    this.retries = options.retries ?? 4;
    this.backoffMs = options.backoffMs ?? 250;
    this.coolDownMs = options.coolDownMs ?? 1000;
    this.random = options.random ?? Math.random;
  }

  async run<T>(call: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      await this.acquire();
      try {
        const result = await call();
        this.onSuccess();
        return result;
      } catch (err) {
        if (!isThrottle(err)) throw err;
        this.onThrottle();
        if (attempt >= this.retries) throw err;
        this.retried += 1;
      } finally {
        this.release();
      }
      await sleep(this.random() * this.backoffMs * 2 ** attempt);
    }
  }

  stats(): LimiterStats {
    return {
      limit: this.limit,
      inFlight: this.inFlight,
      queued: this.waiting.length,
      decreases: this.decreases,
      retries: this.retried,
    };
  }

  private acquire(): Promise<void> {
    if (this.inFlight < this.limit) {
      this.inFlight += 1;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    // Hand the slot straight to a waiter while under the (possibly lowered) limit.
    if (this.inFlight <= this.limit && this.waiting.length > 0) {
      this.waiting.shift()!();
      return;
    }
    this.inFlight -= 1;
  }

  private onSuccess(): void {
    this.successes += 1;
    if (this.successes >= this.limit && this.limit < this.max) {
      this.limit += 1;
      this.successes = 0;
      // A raised limit may let a waiter in now.
      if (this.waiting.length > 0 && this.inFlight < this.limit) {
        this.inFlight += 1;
        this.waiting.shift()!();
      }
    }
  }

  private onThrottle(): void {
    const now = performance.now();
    this.successes = 0;
    if (now - this.lastDecrease < this.coolDownMs) return;
    this.lastDecrease = now;
    this.limit = Math.max(this.min, Math.floor(this.limit / 2));
    this.decreases += 1;
  }
}

/** One limiter per cloud account in this process, so every listing of an account shares it. */
export class AccountLimiters {
  private readonly limiters = new Map<string, AdaptiveLimiter>();
  constructor(private readonly options: AdaptiveLimiterOptions = {}) {}

  for(accountId: string): AdaptiveLimiter {
    let limiter = this.limiters.get(accountId);
    if (!limiter) {
      limiter = new AdaptiveLimiter(this.options);
      this.limiters.set(accountId, limiter);
    }
    return limiter;
  }
}

const THROTTLE_NAMES = new Set([
  'ThrottlingException',
  'Throttling',
  'ThrottledException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'SlowDown',
  'ProvisionedThroughputExceededException',
]);

/**
 * Whether an error is the cloud asking us to slow down: AWS throttling error names, HTTP 429 (Azure RestError,
 * Google GaxiosError), gRPC RESOURCE_EXHAUSTED, or a ConnectorError with code Throttled.
 */
export function isThrottle(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const e = err as {
    name?: unknown;
    code?: unknown;
    statusCode?: unknown;
    status?: unknown;
    $metadata?: { httpStatusCode?: unknown };
  };
  if (typeof e.name === 'string' && THROTTLE_NAMES.has(e.name)) return true;
  if (e.name === 'ConnectorError' && e.code === 'Throttled') return true;
  if (e.statusCode === 429 || e.status === 429 || e.$metadata?.httpStatusCode === 429) return true;
  // Google: REST errors carry the HTTP status as code, gRPC uses 8 (RESOURCE_EXHAUSTED).
  return e.code === 429 || e.code === 8;
}
