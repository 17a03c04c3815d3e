import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { routes } from '@aispm/contracts';
import {
  client,
  createOrg,
  createUser,
  signIn,
  startTestApi,
  type TestApi,
  type TestClient,
} from './testing/test-app';

let api: TestApi;
let owner: TestClient;
beforeAll(async () => {
  api = await startTestApi();
  const orgId = await createOrg(api.admin, 'Platform');
  const user = await createUser(api.admin, [{ tenantId: orgId, role: 'owner' }]);
  owner = client(api, await signIn(api, user));
});
afterAll(async () => {
  await api?.close();
});

describe('platform endpoints', () => {
  it('answers liveness and readiness with Postgres and Redis up', async () => {
    await request(api.app.getHttpServer()).get('/healthz').expect(200);
    const ready = await request(api.app.getHttpServer()).get('/readyz').expect(200);
    expect(ready.body.info).toMatchObject({ postgres: { status: 'up' }, redis: { status: 'up' } });
  });

  it('exposes Prometheus metrics including request durations by route', async () => {
    await owner.get('/api/v1/accounts').expect(200);
    const res = await request(api.app.getHttpServer()).get('/metrics').expect(200);
    expect(res.text).toContain('aispm_http_request_duration_seconds_bucket');
    expect(res.text).toMatch(/route="\/api\/v1\/accounts"/);
    expect(res.text).toContain('process_resident_memory_bytes');
  });

  it('serves an OpenAPI document with every route of the contract', async () => {
    const res = await request(api.app.getHttpServer()).get('/api/docs/openapi.json').expect(200);
    for (const r of Object.values(routes)) expect(res.body.paths[r.path], r.path).toHaveProperty(r.method);
    expect(res.body.components.schemas).toHaveProperty('Problem');
    await request(api.app.getHttpServer()).get('/api/docs/').expect(200).expect('Content-Type', /html/);
  });

  it('echoes a safe request id and logs it', async () => {
    const res = await request(api.app.getHttpServer())
      .get('/api/v1/accounts')
      .set('x-request-id', 'req-e2e-42');
    expect(res.headers['x-request-id']).toBe('req-e2e-42');
    // pino-http writes its line when the response finishes, just after the client has it.
    await vi.waitFor(() => expect(api.logLines.some((l) => l.includes('"req-e2e-42"'))).toBe(true));
    const unsafe = await owner.get('/api/v1/accounts').set('x-request-id', 'a b;c//\u00e9'.repeat(3));
    expect(unsafe.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('hardening', () => {
  it('sends security headers and no framework banner', async () => {
    const res = await owner.get('/api/v1/accounts').expect(200);
    expect(res.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'SAMEORIGIN',
      'referrer-policy': 'no-referrer',
      'strict-transport-security': expect.stringContaining('max-age='),
    });
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('grants no cross-origin access unless CORS_ORIGINS lists the origin', async () => {
    const preflight = await request(api.app.getHttpServer())
      .options('/api/v1/accounts')
      .set('Origin', 'https://evil.example')
      .set('Access-Control-Request-Method', 'POST');
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    const allowedApi = await startTestApi({ CORS_ORIGINS: 'https://console.example' });
    try {
      const ok = await request(allowedApi.app.getHttpServer())
        .options('/api/v1/accounts')
        .set('Origin', 'https://console.example')
        .set('Access-Control-Request-Method', 'GET');
      expect(ok.headers['access-control-allow-origin']).toBe('https://console.example');
    } finally {
      await allowedApi.close();
    }
  });
});

describe('errors are RFC 9457 problem+json', () => {
  it('for an unknown route', async () => {
    const res = await request(api.app.getHttpServer()).get('/api/v1/nope').expect(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 404, title: 'Not found', instance: '/api/v1/nope' });
    expect(res.body.requestId).toBeTruthy();
  });

  it('for a body that is not JSON', async () => {
    const res = await owner
      .request('post', '/api/v1/accounts')
      .set('content-type', 'application/json')
      .send('{"name": ')
      .expect(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.detail).toBe('The request body is not valid JSON.');
  });

  it('for a body larger than the limit', async () => {
    const res = await owner
      .request('post', '/api/v1/accounts')
      .set('content-type', 'application/json')
      .send(JSON.stringify({ name: 'x'.repeat(400 * 1024) }))
      .expect(413);
    expect(res.body.title).toBe('Payload too large');
  });

  it('for invalid query parameters, naming each one', async () => {
    const res = await owner.get('/api/v1/findings?limit=0&severity=urgent').expect(400);
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['limit', 'severity.0']);
  });

  it('for a forged cursor', async () => {
    const res = await owner.get('/api/v1/assets?cursor=not-a-cursor').expect(400);
    expect(res.body.detail).toMatch(/cursor/);
  });

  it('for an organization the caller is not a member of', async () => {
    const res = await owner
      .get('/api/v1/assets')
      .set('x-org-id', '01900000-0000-7000-8000-000000000000')
      .expect(403);
    expect(res.body.detail).toMatch(/not a member of organization/);
    await owner.get('/api/v1/assets').set('x-org-id', 'nope').expect(400);
  });

  it('for a caller who is not signed in', async () => {
    const res = await request(api.app.getHttpServer()).get('/api/v1/assets').expect(401);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.detail).toMatch(/Sign in/);
  });

  it('for a malformed id in the path', async () => {
    const res = await owner.get('/api/v1/scans/123').expect(400);
    expect(res.body.errors[0].path).toBe('id');
  });
});
