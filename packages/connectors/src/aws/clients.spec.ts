import { afterEach, describe, expect, it } from 'vitest';
import type { AwsTarget } from '../types';
import { clientCacheKey, closeAwsClients, sageMakerClientFor } from './clients';

const SECRET = 'client-cache-secret-000000';
const credentials = {
  kind: 'access_key' as const,
  accessKeyId: 'SIMCACHEKEY000001',
  secretAccessKey: SECRET,
};
const target: AwsTarget & { credentials: typeof credentials } = {
  provider: 'aws',
  accountId: '123456789012',
  region: 'us-east-1',
  endpoint: 'http://127.0.0.1:4510',
  credentials,
};

afterEach(() => closeAwsClients());

describe('SageMaker client cache', () => {
  it('reuses one client per target', () => {
    expect(sageMakerClientFor({ ...target })).toBe(sageMakerClientFor({ ...target }));
  });

  it('builds a new client when the region, secret or attempts differ', () => {
    const base = sageMakerClientFor(target);
    expect(sageMakerClientFor({ ...target, region: 'eu-west-1' })).not.toBe(base);
    expect(
      sageMakerClientFor({
        ...target,
        credentials: { ...target.credentials, secretAccessKey: 'rotated-secret-00000' },
      }),
    ).not.toBe(base);
    expect(sageMakerClientFor(target, { maxAttempts: 1 })).not.toBe(base);
  });

  it('keys the cache without the secret or session token', () => {
    const withToken: AwsTarget = {
      ...target,
      credentials: { ...target.credentials, sessionToken: 'session-token-value' },
    };
    const key = clientCacheKey(withToken, { maxAttempts: 2 });
    expect(key).not.toContain(SECRET);
    expect(key).not.toContain('session-token-value');
    expect(key).toContain('SIMCACHEKEY000001');
    expect(key).not.toBe(clientCacheKey(target, { maxAttempts: 2 }));
  });

  it('configures the client for the target region and endpoint', async () => {
    const client = sageMakerClientFor({ ...target, region: 'eu-west-1' });
    expect(await client.config.region()).toBe('eu-west-1');
    const endpoint = await client.config.endpoint?.();
    expect(endpoint && `${endpoint.protocol}//${endpoint.hostname}:${endpoint.port}`).toBe(
      'http://127.0.0.1:4510',
    );
  });
});
