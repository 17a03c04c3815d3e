import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  EXISTING_ACCOUNT_PROBLEM,
  type TAuditEvent,
  type TCreatedInvitation,
  type TMe,
  type TRole,
} from '@aispm/contracts';
import { newId } from '@aispm/db';
import {
  client,
  createOrg,
  createUser,
  signIn,
  startTestApi,
  credentialsFrom,
  type TestApi,
  type TestClient,
  type TestUser,
} from '../../testing/test-app';
import { sha256 } from '../auth/credentials';

let api: TestApi;
let orgId: string;
let owner: TestUser;
let ownerClient: TestClient;
let adminClient: TestClient;
/** Every invitation token this file saw, to prove none was stored or logged. */
const seenTokens: string[] = [];

const http = () => request(api.app.getHttpServer());
const newEmail = () => `invitee-${newId()}@example.test`;

async function invite(by: TestClient, email: string, role: TRole): Promise<TCreatedInvitation> {
  const res = await by.post('/api/v1/invitations', { email, role }).expect(201);
  const created = res.body as TCreatedInvitation;
  seenTokens.push(tokenOf(created));
  return created;
}

function tokenOf(created: TCreatedInvitation): string {
  return new URL(created.acceptUrl, 'http://console.test').searchParams.get('token')!;
}

function accept(token: string, body: { name?: string; password: string }) {
  return http()
    .post('/api/v1/invitations/accept')
    .send({ token, name: body.name ?? 'New Person', password: body.password });
}

async function auditEvents(action: string): Promise<TAuditEvent[]> {
  const res = await ownerClient.get('/api/v1/audit-events?limit=500').expect(200);
  return (res.body.items as TAuditEvent[]).filter((e) => e.action === action);
}

beforeAll(async () => {
  api = await startTestApi();
  orgId = await createOrg(api.admin, 'Invitations');
  owner = await createUser(api.admin, [{ tenantId: orgId, role: 'owner' }]);
  ownerClient = client(api, await signIn(api, owner));
  adminClient = client(
    api,
    await signIn(api, await createUser(api.admin, [{ tenantId: orgId, role: 'admin' }])),
  );
});

afterAll(async () => {
  await api?.close();
});

describe('inviting someone new', () => {
  it('shows the link once, then the invitee sets a password, is signed in and is a member with the role', async () => {
    const email = newEmail();
    const created = await invite(ownerClient, email.toUpperCase(), 'analyst');
    expect(created).toMatchObject({ email, role: 'analyst', invitedBy: owner.email, acceptedAt: null });
    expect(created.acceptUrl).toMatch(/^\/accept-invitation\?token=aispm_inv_[A-Za-z0-9_-]{43}$/);
    expect(Date.parse(created.expiresAt) - Date.parse(created.createdAt)).toBe(7 * 86_400_000);
    const token = tokenOf(created);

    const pending = await ownerClient.get('/api/v1/invitations').expect(200);
    expect(pending.body.items.map((i: { id: string }) => i.id)).toContain(created.id);
    expect(JSON.stringify(pending.body)).not.toContain(token);
    const row = await api.admin.prisma.invitation.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.tokenHash).toBe(sha256(token));

    const res = await accept(token, { name: 'Ada Analyst', password: 'a long enough password' }).expect(200);
    const cookies = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
    expect(cookies.find((c) => c.startsWith('aispm_session='))).toMatch(/HttpOnly; Secure; SameSite=Lax/);
    expect(cookies.find((c) => c.startsWith('aispm_csrf='))).toMatch(/Secure; SameSite=Strict/);
    const me = res.body as TMe;
    expect(me).toMatchObject({
      user: { email, name: 'Ada Analyst' },
      organization: { id: orgId, role: 'analyst' },
      via: 'session',
    });
    expect(me.permissions).toContain('scans:run');
    expect(me.permissions).not.toContain('members:write');

    const invitee = client(api, credentialsFrom(res));
    await invitee.get('/api/v1/auth/me').expect(200);
    await invitee.get('/api/v1/audit-events').expect(403);
    const members = await invitee.get('/api/v1/members').expect(200);
    expect(members.body.items).toContainEqual(expect.objectContaining({ email, role: 'analyst' }));
    // The password works for signing in later too.
    await signIn(api, { email, password: 'a long enough password' });

    const after = await ownerClient.get('/api/v1/invitations').expect(200);
    expect(after.body.items.map((i: { id: string }) => i.id)).not.toContain(created.id);
  });

  it('works once: a second accept is 410 Gone', async () => {
    const token = tokenOf(await invite(ownerClient, newEmail(), 'viewer'));
    await accept(token, { password: 'first password here' }).expect(200);
    const again = await accept(token, { password: 'first password here' }).expect(410);
    expect(again.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(again.body.detail).toMatch(/already been accepted/);
  });

  it('lets only one of two simultaneous accepts through', async () => {
    const email = newEmail();
    const token = tokenOf(await invite(ownerClient, email, 'viewer'));
    const results = await Promise.all([
      accept(token, { password: 'racing password 1' }),
      accept(token, { password: 'racing password 2' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 410]);
    const user = await api.admin.prisma.user.findUniqueOrThrow({ where: { email } });
    expect(await api.admin.prisma.membership.count({ where: { userId: user.id } })).toBe(1);
  });

  it('refuses an expired or revoked invitation (410) and an unknown token (404)', async () => {
    const expired = await invite(ownerClient, newEmail(), 'viewer');
    await api.admin.prisma.invitation.update({
      where: { id: expired.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const res = await accept(tokenOf(expired), { password: 'some password 123' }).expect(410);
    expect(res.body.detail).toMatch(/expired/);

    const revoked = await invite(ownerClient, newEmail(), 'viewer');
    const dto = await ownerClient.delete(`/api/v1/invitations/${revoked.id}`).expect(200);
    expect(dto.body.revokedAt).not.toBeNull();
    const pending = await ownerClient.get('/api/v1/invitations').expect(200);
    expect(pending.body.items.map((i: { id: string }) => i.id)).not.toContain(revoked.id);
    expect(
      (await accept(tokenOf(revoked), { password: 'some password 123' }).expect(410)).body.detail,
    ).toMatch(/revoked/);

    await accept('aispm_inv_doesnotexist', { password: 'some password 123' }).expect(404);
    await accept('not-even-the-format', { password: 'some password 123' }).expect(404);
    expect(await api.admin.prisma.user.count({ where: { email: revoked.email } })).toBe(0);
  });

  it('asks for a password of at least 12 characters', async () => {
    const token = tokenOf(await invite(ownerClient, newEmail(), 'viewer'));
    const res = await accept(token, { password: 'too short' }).expect(400);
    expect(res.body.errors).toContainEqual(expect.objectContaining({ path: 'password' }));
  });
});

describe('inviting someone who already has an account', () => {
  it('requires that account’s password, then adds the organization to it', async () => {
    const otherOrg = await createOrg(api.admin, 'Elsewhere');
    const existing = await createUser(api.admin, [{ tenantId: otherOrg, role: 'viewer' }]);
    const token = tokenOf(await invite(ownerClient, existing.email, 'auditor'));

    const wrong = await accept(token, { password: 'not the right password' }).expect(401);
    expect(wrong.body.type).toBe(EXISTING_ACCOUNT_PROBLEM);
    expect(wrong.body.detail).toMatch(/already has an aispm account/);
    expect(await api.admin.prisma.membership.count({ where: { userId: existing.userId } })).toBe(1);

    const res = await accept(token, { name: 'Ignored', password: existing.password }).expect(200);
    const me = res.body as TMe;
    expect(me.organization).toMatchObject({ id: orgId, role: 'auditor' });
    expect(me.organizations.map((o) => o.id).sort()).toEqual([orgId, otherOrg].sort());
    expect(me.user.name).toBe(existing.email.split('@')[0]);
    const user = await api.admin.prisma.user.findUniqueOrThrow({ where: { id: existing.userId } });
    expect(user.name).toBe(existing.email.split('@')[0]);
  });

  it('refuses to invite a member again (409), or to send a second pending invitation (409)', async () => {
    const member = await createUser(api.admin, [{ tenantId: orgId, role: 'viewer' }]);
    const res = await ownerClient
      .post('/api/v1/invitations', { email: member.email, role: 'analyst' })
      .expect(409);
    expect(res.body.detail).toMatch(/already a member/);
    const email = newEmail();
    await invite(ownerClient, email, 'viewer');
    const twice = await ownerClient.post('/api/v1/invitations', { email, role: 'viewer' }).expect(409);
    expect(twice.body.detail).toMatch(/pending invitation/);
  });
});

describe('the owner role', () => {
  it('can be given only by owners: an admin can neither invite an owner nor make one', async () => {
    const refused = await adminClient
      .post('/api/v1/invitations', { email: newEmail(), role: 'owner' })
      .expect(403);
    expect(refused.body.detail).toBe('Only owners can invite an owner.');
    await invite(adminClient, newEmail(), 'admin');
    await invite(ownerClient, newEmail(), 'owner');

    const member = await createUser(api.admin, [{ tenantId: orgId, role: 'viewer' }]);
    const promote = await adminClient
      .request('patch', `/api/v1/members/${member.userId}`)
      .send({ role: 'owner' })
      .expect(403);
    expect(promote.body.detail).toBe('Only owners can grant or remove the owner role.');
    await adminClient
      .request('patch', `/api/v1/members/${owner.userId}`)
      .send({ role: 'viewer' })
      .expect(403);
    await adminClient.delete(`/api/v1/members/${owner.userId}`).expect(403);
    const members = await ownerClient.get('/api/v1/members').expect(200);
    expect(members.body.items).toContainEqual(
      expect.objectContaining({ userId: owner.userId, role: 'owner' }),
    );
  });

  it('always keeps one owner: the last one can be neither demoted nor removed', async () => {
    const org = await createOrg(api.admin, 'One owner');
    const first = await createUser(api.admin, [{ tenantId: org, role: 'owner' }]);
    const second = await createUser(api.admin, [{ tenantId: org, role: 'owner' }]);
    const firstClient = client(api, await signIn(api, first));

    const demoteSelf = () =>
      firstClient.request('patch', `/api/v1/members/${first.userId}`).send({ role: 'admin' });
    await firstClient
      .request('patch', `/api/v1/members/${second.userId}`)
      .send({ role: 'admin' })
      .expect(200);
    const refused = await demoteSelf().expect(409);
    expect(refused.body.detail).toMatch(/last owner and cannot be demoted/);
    const removal = await firstClient.delete(`/api/v1/members/${first.userId}`).expect(409);
    expect(removal.body.detail).toMatch(/last owner and cannot be removed/);

    // With a second owner again, the first may step down.
    await firstClient
      .request('patch', `/api/v1/members/${second.userId}`)
      .send({ role: 'owner' })
      .expect(200);
    await demoteSelf().expect(200);
    expect(await api.admin.prisma.membership.count({ where: { tenantId: org, role: 'owner' } })).toBe(1);
  });

  it('survives two owners demoting each other at the same moment', async () => {
    const org = await createOrg(api.admin, 'Two owners');
    const a = await createUser(api.admin, [{ tenantId: org, role: 'owner' }]);
    const b = await createUser(api.admin, [{ tenantId: org, role: 'owner' }]);
    const [ca, cb] = [client(api, await signIn(api, a)), client(api, await signIn(api, b))];
    const results = await Promise.all([
      ca.request('patch', `/api/v1/members/${b.userId}`).send({ role: 'admin' }),
      cb.request('patch', `/api/v1/members/${a.userId}`).send({ role: 'admin' }),
    ]);
    expect(results.map((r) => r.status)).toContain(200);
    expect(await api.admin.prisma.membership.count({ where: { tenantId: org, role: 'owner' } })).toBe(1);
  });
});

describe('changing roles and removing members', () => {
  it('takes effect on the member’s next request', async () => {
    const member = await createUser(api.admin, [{ tenantId: orgId, role: 'analyst' }]);
    const session = client(api, await signIn(api, member));
    await session.get('/api/v1/audit-events').expect(403);

    const changed = await ownerClient
      .request('patch', `/api/v1/members/${member.userId}`)
      .send({ role: 'auditor' })
      .expect(200);
    expect(changed.body).toMatchObject({ userId: member.userId, email: member.email, role: 'auditor' });
    await session.get('/api/v1/audit-events').expect(200);
    const me = await session.get('/api/v1/auth/me').expect(200);
    expect(me.body.organization.role).toBe('auditor');
    expect(me.body.permissions).toContain('audit:read');
    expect(me.body.permissions).not.toContain('scans:run');
  });

  it('removes a member, who is refused from then on, and revokes the API tokens they made here', async () => {
    const member = await createUser(api.admin, [{ tenantId: orgId, role: 'analyst' }]);
    const session = client(api, await signIn(api, member));
    const token = await session
      .post('/api/v1/tokens', { name: 'theirs', scopes: ['read:inventory'] })
      .expect(201);

    const removed = await adminClient.delete(`/api/v1/members/${member.userId}`).expect(200);
    expect(removed.body).toMatchObject({ userId: member.userId, role: 'analyst' });
    await session.get('/api/v1/assets').expect(403);
    await session.get('/api/v1/assets').set('x-org-id', orgId).expect(403);
    const list = await ownerClient.get('/api/v1/members').expect(200);
    expect(list.body.items.map((m: { userId: string }) => m.userId)).not.toContain(member.userId);
    const stored = await api.admin.prisma.apiToken.findUniqueOrThrow({
      where: { id: (token.body as { id: string }).id },
    });
    expect(stored.revokedAt).not.toBeNull();
    await ownerClient.delete(`/api/v1/members/${member.userId}`).expect(404);
  });

  it('is refused to roles without members:write, and validates the role', async () => {
    const analyst = client(
      api,
      await signIn(api, await createUser(api.admin, [{ tenantId: orgId, role: 'analyst' }])),
    );
    await analyst.request('patch', `/api/v1/members/${owner.userId}`).send({ role: 'viewer' }).expect(403);
    await analyst.post('/api/v1/invitations', { email: newEmail(), role: 'viewer' }).expect(403);
    await analyst.get('/api/v1/invitations').expect(200);
    await ownerClient
      .request('patch', `/api/v1/members/${owner.userId}`)
      .send({ role: 'superuser' })
      .expect(400);
  });
});

describe('audit trail', () => {
  it('records each change with who made it', async () => {
    const email = newEmail();
    const created = await invite(adminClient, email, 'viewer');
    const res = await accept(tokenOf(created), { password: 'audited password' }).expect(200);
    const userId = (res.body as TMe).user.id;
    await ownerClient.request('patch', `/api/v1/members/${userId}`).send({ role: 'analyst' }).expect(200);
    await ownerClient.delete(`/api/v1/members/${userId}`).expect(200);
    const revokedInvite = await invite(ownerClient, newEmail(), 'viewer');
    await ownerClient.delete(`/api/v1/invitations/${revokedInvite.id}`).expect(200);

    const [create] = (await auditEvents('invitation.create')).filter((e) => e.targetId === created.id);
    expect(create).toMatchObject({
      actorType: 'user',
      targetType: 'invitation',
      metadata: expect.objectContaining({ email, role: 'viewer' }),
    });
    expect(create!.actor).toMatch(/@example\.test$/);
    expect(create!.actor).not.toBe(owner.email);
    const [accepted] = (await auditEvents('invitation.accept')).filter((e) => e.targetId === created.id);
    expect(accepted).toMatchObject({
      actorType: 'user',
      actorId: userId,
      actor: email,
      metadata: expect.objectContaining({ email, role: 'viewer', newAccount: true }),
    });
    const [change] = (await auditEvents('member.role_change')).filter((e) => e.targetId === userId);
    expect(change).toMatchObject({
      actor: owner.email,
      targetType: 'member',
      metadata: expect.objectContaining({ email, from: 'viewer', to: 'analyst' }),
    });
    const [removal] = (await auditEvents('member.remove')).filter((e) => e.targetId === userId);
    expect(removal).toMatchObject({ actor: owner.email, metadata: expect.objectContaining({ email }) });
    const [revoke] = (await auditEvents('invitation.revoke')).filter((e) => e.targetId === revokedInvite.id);
    expect(revoke).toMatchObject({ actor: owner.email, targetType: 'invitation' });
  });

  it('never stores or logs an invitation token', async () => {
    expect(seenTokens.length).toBeGreaterThan(10);
    const invitations = JSON.stringify(
      await api.admin.prisma.invitation.findMany({ where: { tenantId: orgId } }),
    );
    const audit = JSON.stringify(await api.admin.prisma.auditEvent.findMany({ where: { tenantId: orgId } }));
    const logs = api.logLines.join('\n');
    for (const token of seenTokens) {
      expect(invitations).not.toContain(token);
      expect(audit).not.toContain(token);
      expect(logs).not.toContain(token);
    }
    expect(logs).not.toMatch(/aispm_inv_[A-Za-z0-9_-]{20,}/);
    expect(logs).not.toContain('a long enough password');
  });
});
