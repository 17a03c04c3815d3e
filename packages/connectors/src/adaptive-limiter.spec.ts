import { describe, expect, it } from 'vitest';
import { AccountLimiters, AdaptiveLimiter, isThrottle } from './adaptive-limiter';

const throttle = () => Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' });

/** A call that resolves when released, counting how many run at once. */
function gate() {
  let active = 0;
  let peak = 0;
  const releases: (() => void)[] = [];
  return {
    get peak() {
      return peak;
    },
    get active() {
      return active;
    },
    call: () =>
      new Promise<void>((resolve) => {
        active += 1;
        peak = Math.max(peak, active);
        releases.push(() => {
          active -= 1;
          resolve();
        });
      }),
    releaseAll: async () => {
      while (releases.length > 0) {
        releases.splice(0).forEach((r) => r());
        await new Promise((r) => setImmediate(r));
      }
    },
  };
}

describe('AdaptiveLimiter', () => {
  it('never runs more calls at once than its limit', async () => {
    const limiter = new AdaptiveLimiter({ initial: 3, max: 3 });
    const g = gate();
    const all = Promise.all(Array.from({ length: 10 }, () => limiter.run(g.call)));
    await new Promise((r) => setImmediate(r));
    expect(g.active).toBe(3);
    expect(limiter.stats().queued).toBe(7);
    await g.releaseAll();
    await all;
    expect(g.peak).toBe(3);
    expect(limiter.stats()).toMatchObject({ inFlight: 0, queued: 0 });
  });

  it('grows by one after a limit worth of successes, up to max', async () => {
    const limiter = new AdaptiveLimiter({ initial: 2, max: 4 });
    for (let i = 0; i < 2; i++) await limiter.run(() => Promise.resolve(i));
    expect(limiter.stats().limit).toBe(3);
    for (let i = 0; i < 100; i++) await limiter.run(() => Promise.resolve(i));
    expect(limiter.stats().limit).toBe(4);
  });

  it('halves on throttling, once per burst, and retries the throttled call until it gets through', async () => {
    const limiter = new AdaptiveLimiter({ initial: 16, backoffMs: 1, coolDownMs: 60_000, random: () => 0.5 });
    let attempts = 0;
    const result = await limiter.run(() => {
      attempts += 1;
      return attempts < 3 ? Promise.reject(throttle()) : Promise.resolve('listed');
    });
    expect(result).toBe('listed');
    expect(attempts).toBe(3);
    // Two throttles inside one cool-down window are one congestion event.
    expect(limiter.stats()).toMatchObject({ limit: 8, decreases: 1, retries: 2 });
  });

  it('gives up after its retries and rethrows the throttle', async () => {
    const limiter = new AdaptiveLimiter({ initial: 8, retries: 2, backoffMs: 1, coolDownMs: 0 });
    let attempts = 0;
    await expect(
      limiter.run(() => {
        attempts += 1;
        return Promise.reject(throttle());
      }),
    ).rejects.toMatchObject({ name: 'ThrottlingException' });
    expect(attempts).toBe(3);
    expect(limiter.stats().limit).toBe(1);
    expect(limiter.stats().inFlight).toBe(0);
  });

  it('passes other errors through without retrying or shrinking', async () => {
    const limiter = new AdaptiveLimiter({ initial: 4 });
    let attempts = 0;
    await expect(
      limiter.run(() => {
        attempts += 1;
        return Promise.reject(new Error('AccessDenied'));
      }),
    ).rejects.toThrow('AccessDenied');
    expect(attempts).toBe(1);
    expect(limiter.stats()).toMatchObject({ limit: 4, decreases: 0, inFlight: 0 });
  });

  it('holds queued calls back while the lowered limit is exceeded', async () => {
    const limiter = new AdaptiveLimiter({ initial: 4, backoffMs: 1, coolDownMs: 0, random: () => 0 });
    const g = gate();
    const running = Array.from({ length: 4 }, () => limiter.run(g.call));
    let throttledOnce = false;
    const throttled = limiter.run(() => {
      if (throttledOnce) return Promise.resolve();
      throttledOnce = true;
      return Promise.reject(throttle());
    });
    await new Promise((r) => setImmediate(r));
    // The fifth call waited for a slot; nothing beyond the four gated calls ran.
    expect(g.active).toBe(4);
    await g.releaseAll();
    await Promise.all([...running, throttled]);
    expect(g.peak).toBe(4);
  });
});

describe('AccountLimiters', () => {
  it('shares one limiter per account', () => {
    const limiters = new AccountLimiters();
    expect(limiters.for('a')).toBe(limiters.for('a'));
    expect(limiters.for('a')).not.toBe(limiters.for('b'));
  });
});

describe('isThrottle', () => {
  it.each([
    [{ name: 'ThrottlingException' }, true],
    [{ name: 'SlowDown' }, true],
    [{ name: 'RequestLimitExceeded' }, true],
    [{ name: 'RestError', statusCode: 429 }, true],
    [{ name: 'GaxiosError', status: 429 }, true],
    [{ code: 8 }, true],
    [{ name: 'ConnectorError', code: 'Throttled' }, true],
    [{ name: 'ValidationException' }, false],
    [{ name: 'RestError', statusCode: 500 }, false],
    [new Error('socket hang up'), false],
    ['ThrottlingException', false],
  ])('%o -> %s', (err, expected) => {
    expect(isThrottle(err)).toBe(expected);
  });
});
