import { describe, expect, it } from 'vitest';
import { ZServiceEnv, loadEnv } from './env';

const key = (byte: number) => Buffer.alloc(32, byte).toString('base64');
const base = { DATABASE_URL: 'postgresql://aispm@127.0.0.1:5432/aispm', MASTER_KEY: key(1) };

describe('MASTER_KEY_PREVIOUS', () => {
  it('is optional: no previous keys', () => {
    expect(loadEnv(ZServiceEnv, base).MASTER_KEY_PREVIOUS).toEqual([]);
    expect(loadEnv(ZServiceEnv, { ...base, MASTER_KEY_PREVIOUS: '' }).MASTER_KEY_PREVIOUS).toEqual([]);
  });

  it('reads comma-separated base64 keys', () => {
    const env = loadEnv(ZServiceEnv, { ...base, MASTER_KEY_PREVIOUS: `${key(2)}, ${key(3)}` });
    expect(env.MASTER_KEY_PREVIOUS).toEqual([Buffer.alloc(32, 2), Buffer.alloc(32, 3)]);
  });

  it('names the variable and the entry that is not a 32-byte key', () => {
    expect(() => loadEnv(ZServiceEnv, { ...base, MASTER_KEY_PREVIOUS: `${key(2)},c2hvcnQ=` })).toThrowError(
      /MASTER_KEY_PREVIOUS: entry 2 of 2: must be 32 bytes, base64-encoded/,
    );
  });
});
