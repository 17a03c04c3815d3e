import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLE_PERMISSIONS, ROLES, routes, type RouteContract, type TRole } from '@aispm/contracts';
import { newId } from '@aispm/db';
import {
  client,
  createOrg,
  createUser,
  signIn,
  startTestApi,
  type TestApi,
  type TestClient,
} from '../../testing/test-app';

// Generated from the route table: every endpoint x every role x (own organization, another organization),
// plus callers with no credentials. A change to a route's access rule or to the role matrix shows up here.

let api: TestApi;
let orgA: string;
let orgB: string;
const members = new Map<TRole, TestClient>();
let anonymous: TestClient;
/** Ids of real objects in organization B, to prove A can reach none of them. */
const ROUTES_WITH_AN_OBJECT_IN_B = [
  'getAccount',
  'startScan',
  'getScan',
  'getAsset',
  'updateAsset',
  'getFinding',
  'getAttackPath',
  'deleteFindingException',
  'revokeToken',
  'revokeInvitation',
  'updateMember',
  'removeMember',
] as const satisfies readonly (keyof typeof routes)[];
const inB: Partial<Record<(typeof ROUTES_WITH_AN_OBJECT_IN_B)[number], string>> = {};

const entries = Object.entries(routes) as [string, RouteContract][];
const guarded = entries.filter(([, r]) => r.access !== 'public');

function pathFor(r: RouteContract, id: string): string {
  return r.path.replace('{id}', id);
}

function send(c: TestClient, r: RouteContract, id = newId(), body: object = {}) {
  // An empty body: an allowed caller gets past the guard and fails validation (400), so nothing is written.
  return r.method === 'get' ? c.get(pathFor(r, id)) : c.request(r.method, pathFor(r, id)).send(body);
}

/** Valid bodies for the id routes that have one, so the request gets past validation to the lookup by id. */
const VALID_BODIES: Record<string, object> = {
  updateMember: { role: 'viewer' },
  updateAsset: { criticality: 'low' },
};

/** Signing out ends sessions, so those routes get a throwaway user of the same role. */
const SESSION_ENDING = new Set<RouteContract>([routes.logout, routes.logoutEverywhere]);
async function callerFor(role: TRole, r: RouteContract, tenantId: string): Promise<TestClient> {
  if (!SESSION_ENDING.has(r)) return members.get(role)!;
  return client(api, await signIn(api, await createUser(api.admin, [{ tenantId, role }])));
}

function allowed(role: TRole, r: RouteContract): boolean {
  return r.access === 'session' || (ROLE_PERMISSIONS[role] as readonly string[]).includes(r.access);
}

beforeAll(async () => {
  api = await startTestApi();
  orgA = await createOrg(api.admin, 'Matrix A');
  orgB = await createOrg(api.admin, 'Matrix B');
  for (const role of ROLES) {
    const user = await createUser(api.admin, [{ tenantId: orgA, role }]);
    members.set(role, client(api, await signIn(api, user)));
  }
  anonymous = client(api);
  // Objects in B, written by the owner (fixtures).
  const accountId = newId();
  const scanId = newId();
  const assetId = newId();
  const tokenUser = await createUser(api.admin, [{ tenantId: orgB, role: 'owner' }]);
  await api.admin.prisma.cloudAccount.create({
    data: { id: accountId, tenantId: orgB, provider: 'aws', name: 'b', scopeIds: [], regions: ['us-east-1'] },
  });
  await api.admin.prisma.scan.create({
    data: { id: scanId, tenantId: orgB, accountId, status: 'completed' },
  });
  await api.admin.prisma.asset.create({
    data: {
      id: assetId,
      tenantId: orgB,
      accountId,
      provider: 'aws',
      assetType: 'aws.sagemaker.notebook_instance',
      nativeId: 'arn:b',
      name: 'b',
      region: 'us-east-1',
      firstSeen: new Date(),
      lastSeen: new Date(),
    },
  });
  const findingId = newId();
  await api.admin.prisma.finding.create({
    data: {
      id: findingId,
      tenantId: orgB,
      accountId,
      assetId,
      checkId: 'aws.sagemaker.notebook.root_access',
      severity: 'high',
      riskScore: 60,
      firstSeen: new Date(),
      lastSeen: new Date(),
    },
  });
  const pathId = newId();
  await api.admin.prisma.attackPath.create({
    data: {
      id: pathId,
      tenantId: orgB,
      accountId,
      pattern: 'exposed-notebook-admin-role',
      title: 'b',
      severity: 'critical',
      riskScore: 90,
      signature: `b-${pathId}`,
      nodes: [],
      edges: [],
      findingIds: [findingId],
      firstSeen: new Date(),
      lastSeen: new Date(),
    },
  });
  const exceptionId = newId();
  await api.admin.prisma.findingException.create({
    data: {
      id: exceptionId,
      tenantId: orgB,
      name: 'b',
      accountId,
      reason: 'b',
      owner: 'b@example.test',
      createdBy: 'b',
    },
  });
  const invitationId = newId();
  await api.admin.prisma.invitation.create({
    data: {
      id: invitationId,
      tenantId: orgB,
      email: 'invited-to-b@example.test',
      role: 'viewer',
      tokenHash: `b-${invitationId}`,
      invitedById: tokenUser.userId,
      expiresAt: new Date(Date.now() + 86_400_000),
    },
  });
  const tokenId = newId();
  await api.admin.prisma.apiToken.create({
    data: {
      id: tokenId,
      tenantId: orgB,
      name: 'b',
      prefix: 'aispm_pat_xxxx',
      tokenHash: `b-${tokenId}`,
      scopes: ['read:inventory'],
      createdById: tokenUser.userId,
      expiresAt: new Date(Date.now() + 86_400_000),
    },
  });
  Object.assign(inB, {
    getAccount: accountId,
    startScan: accountId,
    getScan: scanId,
    getAsset: assetId,
    updateAsset: assetId,
    getFinding: findingId,
    getAttackPath: pathId,
    deleteFindingException: exceptionId,
    revokeToken: tokenId,
    revokeInvitation: invitationId,
    updateMember: tokenUser.userId,
    removeMember: tokenUser.userId,
  });
});

afterAll(async () => {
  await api?.close();
});

describe('authorization matrix', () => {
  it.each(guarded)('%s refuses callers without credentials (401)', async (_name, r) => {
    const res = await send(anonymous, r);
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  for (const role of ROLES) {
    it.each(guarded)(`%s as ${role} of its own organization follows the role matrix`, async (_name, r) => {
      const res = await send(await callerFor(role, r, orgA), r);
      if (allowed(role, r))
        expect([200, 201, 202, 400, 404], `${role} ${r.method} ${r.path}`).toContain(res.status);
      else expect(res.status, `${role} ${r.method} ${r.path}`).toBe(403);
    });

    it.each(guarded)(`%s as ${role} naming another organization is refused (403)`, async (_name, r) => {
      const res = await send(await callerFor(role, r, orgA), r).set('x-org-id', orgB);
      expect(res.status).toBe(403);
    });
  }

  // The names are fixed when the tests are collected (the ids only exist once beforeAll has run).
  it.each(ROUTES_WITH_AN_OBJECT_IN_B)(
    '%s cannot reach an object of another organization by id',
    async (name) => {
      const id = inB[name];
      expect(id, name).toBeDefined();
      const r = routes[name] as RouteContract;
      const res = await send(members.get('owner')!, r, id, VALID_BODIES[name]);
      expect(res.status).toBe(404);
    },
  );

  it('left every object of the other organization as it was', async () => {
    const token = await api.admin.prisma.apiToken.findUniqueOrThrow({ where: { id: inB.revokeToken! } });
    expect(token.revokedAt).toBeNull();
    const invitation = await api.admin.prisma.invitation.findUniqueOrThrow({
      where: { id: inB.revokeInvitation! },
    });
    expect(invitation.revokedAt).toBeNull();
    const membership = await api.admin.prisma.membership.findFirstOrThrow({
      where: { tenantId: orgB, userId: inB.removeMember! },
    });
    expect(membership.role).toBe('owner');
    expect(await api.admin.prisma.scan.count({ where: { tenantId: orgB } })).toBe(1);
    expect(await api.admin.prisma.cloudAccount.count({ where: { tenantId: orgB } })).toBe(1);
    expect(await api.admin.prisma.auditEvent.count({ where: { tenantId: orgB } })).toBe(0);
    const asset = await api.admin.prisma.asset.findUniqueOrThrow({ where: { id: inB.updateAsset! } });
    expect(asset.criticality).toBeNull();
    expect(await api.admin.prisma.findingException.count({ where: { tenantId: orgB } })).toBe(1);
    expect(await api.admin.prisma.finding.count({ where: { tenantId: orgB, status: 'open' } })).toBe(1);
  });
});
