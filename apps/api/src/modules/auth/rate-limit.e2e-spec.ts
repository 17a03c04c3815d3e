import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, createOrg, createUser, signIn, startTestApi, type TestApi } from '../../testing/test-app';

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi({ API_REQUESTS_PER_MINUTE: '5' });
});

afterAll(async () => {
  await api?.close();
});

describe('per-caller request budget', () => {
  it('answers 429 with Retry-After past the budget, for that caller only', async () => {
    const orgId = await createOrg(api.admin, 'Rate');
    const busy = client(
      api,
      await signIn(api, await createUser(api.admin, [{ tenantId: orgId, role: 'viewer' }])),
    );
    const calm = client(
      api,
      await signIn(api, await createUser(api.admin, [{ tenantId: orgId, role: 'viewer' }])),
    );
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await busy.get('/api/v1/assets')).status);
    // A minute boundary may split the twelve calls across two windows; one of them still holds six or more.
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(1);
    const limited = await busy.get('/api/v1/assets');
    if (limited.status === 429) {
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      expect(limited.body.detail).toMatch(/More than 5 requests in a minute/);
    }
    await calm.get('/api/v1/assets').expect(200);
  });
});
