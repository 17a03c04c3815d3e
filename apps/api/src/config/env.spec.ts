import { describe, expect, it } from 'vitest';
import { loadEnv } from './env';

const good = {
  DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/aispm',
  MASTER_KEY: Buffer.alloc(32, 7).toString('base64'),
};

describe('loadEnv', () => {
  it('applies defaults to a minimal environment', () => {
    const env = loadEnv(good);
    expect(env.PORT).toBe(3000);
    expect(env.REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(env.MASTER_KEY.length).toBe(32);
  });

  it('names every bad variable in one error', () => {
    const attempt = () => loadEnv({ DATABASE_URL: 'mysql://x', PORT: 'eighty', MASTER_KEY: 'c2hvcnQ=' });
    expect(attempt).toThrowError(/DATABASE_URL: must be a postgresql:\/\/ URL/);
    expect(attempt).toThrowError(/PORT: must be a port number/);
    expect(attempt).toThrowError(/MASTER_KEY: must be 32 bytes/);
  });

  it('says how to make a master key when it is missing', () => {
    expect(() => loadEnv({ DATABASE_URL: good.DATABASE_URL })).toThrowError(
      /MASTER_KEY: is required.*openssl rand/,
    );
  });
});
