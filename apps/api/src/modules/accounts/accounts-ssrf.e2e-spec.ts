import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIM_AWS_ACCESS_KEY_ID, SIM_AWS_SECRET_ACCESS_KEY } from '@aispm/cloud-sim';
import {
  client,
  createOrg,
  createUser,
  signIn,
  startTestApi,
  type TestApi,
  type TestClient,
} from '../../testing/test-app';

// A custom endpoint is a URL the platform will call from inside its own network. With the production default
// (OUTBOUND_ALLOW unset: public addresses only) internal targets are refused before any request is made.
let api: TestApi;
let orgId: string;
let owner: TestClient;

beforeAll(async () => {
  api = await startTestApi({ OUTBOUND_ALLOW: '' });
  orgId = await createOrg(api.admin, 'SSRF guard');
  owner = client(api, await signIn(api, await createUser(api.admin, [{ tenantId: orgId, role: 'owner' }])));
});

afterAll(async () => {
  await api?.close();
});

describe('a cloud account with a custom endpoint, public addresses only', () => {
  it.each([
    ['http://127.0.0.1:1', '127.0.0.1', 'loopback'],
    ['http://169.254.169.254', '169.254.169.254', 'link-local'],
    ['http://[::1]:8080', '::1', 'loopback'],
    ['http://2130706433:4510/', '127.0.0.1', 'loopback'],
  ])('refuses %s as 422 problem+json naming %s, and stores nothing', async (endpoint, address, range) => {
    const res = await owner
      .post('/api/v1/accounts', {
        provider: 'aws',
        name: `internal ${endpoint}`,
        scopeIds: ['123456789012'],
        regions: ['us-east-1'],
        endpoint,
        credentials: {
          kind: 'access_key',
          accessKeyId: SIM_AWS_ACCESS_KEY_ID,
          secretAccessKey: SIM_AWS_SECRET_ACCESS_KEY,
        },
      })
      .expect(422)
      .expect('content-type', /^application\/problem\+json/);
    // Refused by the guard, not by a failed connection attempt to the address.
    expect(res.body).toMatchObject({
      status: 422,
      title: 'Endpoint not allowed',
      type: 'https://aispm.dev/problems/outbound-url',
    });
    expect(res.body.detail).toContain(`${address} is in the ${range} range`);
    expect(res.body.detail).toMatch(new RegExp(`OUTBOUND_ALLOW=\\S*${address.replace(/[.[\]]/g, '\\$&')}/`));
    expect(res.body.errors).toEqual([{ path: 'endpoint', message: res.body.detail }]);

    expect((await owner.get('/api/v1/accounts').expect(200)).body.items).toEqual([]);
    expect(await api.admin.prisma.cloudAccount.count({ where: { tenantId: orgId } })).toBe(0);
    expect(
      await api.admin.prisma.auditEvent.count({ where: { tenantId: orgId, action: 'cloud_account.create' } }),
    ).toBe(0);
  });
});
