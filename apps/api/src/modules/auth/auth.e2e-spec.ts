import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TCreatedApiToken } from '@aispm/contracts';
import {
  client,
  createOrg,
  createUser,
  signIn,
  startTestApi,
  type TestApi,
  type TestUser,
} from '../../testing/test-app';

let api: TestApi;
let orgId: string;
let otherOrgId: string;
let owner: TestUser;

const http = () => request(api.app.getHttpServer());

beforeAll(async () => {
  api = await startTestApi();
  orgId = await createOrg(api.admin, 'Auth');
  otherOrgId = await createOrg(api.admin, 'Auth other');
  owner = await createUser(api.admin, [
    { tenantId: orgId, role: 'owner' },
    { tenantId: otherOrgId, role: 'viewer' },
  ]);
});

afterAll(async () => {
  await api?.close();
});

describe('signing in with a password', () => {
  it('sets an httpOnly, Secure session cookie and a script-readable CSRF cookie, and returns the user', async () => {
    const res = await http()
      .post('/api/v1/auth/login')
      .send({ email: owner.email.toUpperCase(), password: owner.password });
    expect(res.status).toBe(200);
    const cookies = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
    const session = cookies.find((c) => c.startsWith('aispm_session='))!;
    const csrf = cookies.find((c) => c.startsWith('aispm_csrf='))!;
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/Secure/);
    expect(session).toMatch(/SameSite=Lax/);
    expect(csrf).not.toMatch(/HttpOnly/);
    expect(csrf).toMatch(/SameSite=Strict/);
    expect(res.body).toMatchObject({
      user: { email: owner.email },
      organization: { id: orgId, role: 'owner' },
      via: 'session',
    });
    expect(res.body.organizations.map((o: { role: string }) => o.role).sort()).toEqual(['owner', 'viewer']);
    // Only hashes are stored.
    const token = session.split(';')[0]!.split('=')[1]!;
    const stored = await api.admin.prisma.session.findMany({ where: { userId: owner.userId } });
    expect(JSON.stringify(stored)).not.toContain(token);
  });

  it('gives one answer for a wrong password and an unknown email', async () => {
    const wrong = await http()
      .post('/api/v1/auth/login')
      .send({ email: owner.email, password: 'nope' })
      .expect(401);
    const unknown = await http()
      .post('/api/v1/auth/login')
      .send({ email: 'nobody@example.test', password: 'nope' })
      .expect(401);
    expect(wrong.body.detail).toBe('Invalid email or password.');
    expect(unknown.body.detail).toBe(wrong.body.detail);
  });

  it('locks an email after five failures, even for the right password, and says when to retry', async () => {
    const victim = await createUser(api.admin, [{ tenantId: orgId, role: 'viewer' }]);
    for (let i = 0; i < 5; i++) {
      await http()
        .post('/api/v1/auth/login')
        .send({ email: victim.email, password: `guess-${i}` })
        .expect(401);
    }
    const locked = await http().post('/api/v1/auth/login').send(victim).expect(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    expect(locked.body.detail).toMatch(/Try again in \d+ seconds/);
  });

  it('switches organization with X-Org-Id among the user’s memberships', async () => {
    const me = client(api, { ...(await signIn(api, owner)), orgId: otherOrgId });
    const res = await me.get('/api/v1/auth/me').expect(200);
    expect(res.body.organization).toMatchObject({ id: otherOrgId, role: 'viewer' });
    expect(res.body.permissions).not.toContain('accounts:write');
    await me.post('/api/v1/accounts', {}).expect(403);
  });
});

describe('cross-site request forgery', () => {
  it('refuses a state change without the CSRF header, with a wrong one, or from another origin', async () => {
    const creds = await signIn(api, owner);
    const noHeader = await http()
      .post('/api/v1/tokens')
      .set('Cookie', creds.cookie!)
      .send({ name: 'x', scopes: ['read:inventory'] });
    expect(noHeader.status).toBe(403);
    expect(noHeader.body.detail).toMatch(/CSRF/);
    await http()
      .post('/api/v1/tokens')
      .set('Cookie', creds.cookie!)
      .set('x-csrf-token', 'forged')
      .send({ name: 'x', scopes: ['read:inventory'] })
      .expect(403);
    const crossOrigin = await client(api, creds)
      .post('/api/v1/tokens', { name: 'x', scopes: ['read:inventory'] })
      .set('Origin', 'https://evil.example');
    expect(crossOrigin.status).toBe(403);
    expect(await api.admin.prisma.apiToken.count({ where: { tenantId: orgId } })).toBe(0);
  });
});

describe('signing out', () => {
  it('ends this session only, or every session of the user', async () => {
    const user = await createUser(api.admin, [{ tenantId: orgId, role: 'analyst' }]);
    const [a, b, c] = [await signIn(api, user), await signIn(api, user), await signIn(api, user)];
    await client(api, a).post('/api/v1/auth/logout').expect(200, { sessionsEnded: 1 });
    await client(api, a).get('/api/v1/auth/me').expect(401);
    await client(api, b).get('/api/v1/auth/me').expect(200);
    await client(api, b).post('/api/v1/auth/logout-everywhere').expect(200, { sessionsEnded: 2 });
    await client(api, c).get('/api/v1/auth/me').expect(401);
  });
});

describe('API tokens', () => {
  let created: TCreatedApiToken;

  beforeAll(async () => {
    const res = await client(api, await signIn(api, owner))
      .post('/api/v1/tokens', { name: 'ci pipeline', scopes: ['read:inventory'], expiresInDays: 30 })
      .expect(201);
    created = res.body as TCreatedApiToken;
  });

  it('shows the token once and stores only its hash', async () => {
    expect(created.token).toMatch(/^aispm_pat_[A-Za-z0-9_-]{43}$/);
    expect(created.prefix).toBe(created.token.slice(0, 14));
    const list = await client(api, await signIn(api, owner))
      .get('/api/v1/tokens')
      .expect(200);
    expect(JSON.stringify(list.body)).not.toContain(created.token);
    const row = await api.admin.prisma.apiToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(JSON.stringify(row)).not.toContain(created.token);
  });

  it('reads within its scopes and is refused beyond them', async () => {
    const bearer = client(api, { bearer: created.token });
    await bearer.get('/api/v1/assets').expect(200);
    await bearer.get('/api/v1/findings').expect(200);
    const write = await bearer.post('/api/v1/accounts', {}).expect(403);
    expect(write.body.detail).toMatch(/does not grant accounts:write/);
    await bearer.get('/api/v1/audit-events').expect(403);
    await bearer.get('/api/v1/auth/me').expect(403);
    await bearer.get('/api/v1/assets').set('x-org-id', otherOrgId).expect(403);
    const used = await api.admin.prisma.apiToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(used.lastUsedAt).not.toBeNull();
  });

  it('never does more than its creator’s current role allows', async () => {
    const analyst = await createUser(api.admin, [{ tenantId: orgId, role: 'analyst' }]);
    const res = await client(api, await signIn(api, analyst))
      .post('/api/v1/tokens', { name: 'scanner', scopes: ['run:scans', 'write:accounts'] })
      .expect(201);
    const bearer = client(api, { bearer: (res.body as TCreatedApiToken).token });
    await bearer.post(`/api/v1/accounts/${'0190f6a0-0000-7000-8000-00000000dead'}/scans`).expect(404);
    await bearer.post('/api/v1/accounts', {}).expect(403);
    await api.admin.prisma.membership.updateMany({
      where: { userId: analyst.userId },
      data: { role: 'viewer' },
    });
    await bearer.post(`/api/v1/accounts/${'0190f6a0-0000-7000-8000-00000000dead'}/scans`).expect(403);
  });

  it('stops working when revoked or expired, and says so', async () => {
    const session = client(api, await signIn(api, owner));
    const other = (
      await session.post('/api/v1/tokens', { name: 'short', scopes: ['read:inventory'] }).expect(201)
    ).body as TCreatedApiToken;
    await session.delete(`/api/v1/tokens/${created.id}`).expect(200);
    const revoked = await client(api, { bearer: created.token }).get('/api/v1/assets').expect(401);
    expect(revoked.body.detail).toBe('The API token is invalid, expired or revoked.');
    await api.admin.prisma.apiToken.update({
      where: { id: other.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    await client(api, { bearer: other.token }).get('/api/v1/assets').expect(401);
    await client(api, { bearer: 'aispm_pat_doesnotexist' }).get('/api/v1/assets').expect(401);
    await client(api).get('/api/v1/assets').set('Authorization', 'Basic Zm9vOmJhcg==').expect(401);
  });
});

describe('audit and security events', () => {
  it('records who created and revoked tokens, readable by auditors and not by analysts', async () => {
    const auditor = await createUser(api.admin, [{ tenantId: orgId, role: 'auditor' }]);
    const analyst = await createUser(api.admin, [{ tenantId: orgId, role: 'analyst' }]);
    const res = await client(api, await signIn(api, auditor))
      .get('/api/v1/audit-events?limit=100')
      .expect(200);
    const actions = res.body.items.map((e: { action: string }) => e.action);
    expect(actions).toContain('api_token.create');
    expect(actions).toContain('api_token.revoke');
    const create = res.body.items.find((e: { action: string }) => e.action === 'api_token.create');
    expect(create).toMatchObject({ actorType: 'user', actor: owner.email, targetType: 'api_token' });
    await client(api, await signIn(api, analyst))
      .get('/api/v1/audit-events')
      .expect(403);
  });

  it('exports the audit log as CSV or JSON for auditors, defusing spreadsheet formulas', async () => {
    const auditor = client(
      api,
      await signIn(api, await createUser(api.admin, [{ tenantId: orgId, role: 'auditor' }])),
    );
    // A user agent is attacker-controlled: it must not become a formula in a spreadsheet.
    await client(api, await signIn(api, owner))
      .post('/api/v1/tokens', { name: 'formula', scopes: ['read:inventory'] })
      .set('user-agent', '=HYPERLINK("http://evil.example")')
      .expect(201);
    const csv = await auditor.get('/api/v1/audit-events/export?format=csv').expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toMatch(/attachment; filename="aispm-audit-.*\.csv"/);
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toBe(
      'createdAt,actorType,actorId,actor,action,targetType,targetId,ip,userAgent,requestId,metadata',
    );
    expect(lines.length - 1).toBe(Number(csv.headers['x-total-count']));
    expect(csv.text).toContain('api_token.create');
    expect(csv.text).toContain(`'=HYPERLINK(""http://evil.example"")`);
    const json = await auditor.get('/api/v1/audit-events/export?format=json').expect(200);
    const events = JSON.parse(json.text) as { action: string; createdAt: string }[];
    expect(events.length).toBe(lines.length - 1);
    expect(events.map((e) => e.createdAt)).toEqual([...events.map((e) => e.createdAt)].sort().reverse());
    const future = await auditor.get(
      `/api/v1/audit-events/export?format=json&from=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`,
    );
    expect(JSON.parse(future.text)).toEqual([]);
    await client(api, await signIn(api, await createUser(api.admin, [{ tenantId: orgId, role: 'analyst' }])))
      .get('/api/v1/audit-events/export')
      .expect(403);
  });

  it('logs sign-ins and refusals as OCSF events, and never a password, cookie or token', async () => {
    const events = api.logLines
      .filter((l) => l.includes('"ocsf"'))
      .map((l) => (JSON.parse(l) as { ocsf: { class_uid: number; status: string } }).ocsf);
    expect(events.some((e) => e.class_uid === 3002 && e.status === 'Success')).toBe(true);
    expect(events.some((e) => e.class_uid === 3002 && e.status === 'Failure')).toBe(true);
    expect(events.some((e) => e.class_uid === 6003 && e.status === 'Failure')).toBe(true);
    const logs = api.logLines.join('\n');
    expect(logs).not.toContain(owner.password);
    expect(logs).not.toMatch(/aispm_pat_[A-Za-z0-9_-]{20,}/);
    expect(logs).not.toMatch(/aispm_session=/);
  });
});
