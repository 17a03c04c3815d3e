import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  TAuditEvent,
  TCreatedFindingException,
  TDeletedFindingException,
  TFindingDetail,
  TFindingException,
} from '@aispm/contracts';
import { newId } from '@aispm/db';
import {
  client,
  createOrg,
  createUser,
  signIn,
  startTestApi,
  type TestApi,
  type TestClient,
  type TestUser,
} from '../../testing/test-app';

const INTERNET = 'aws.sagemaker.notebook.direct_internet_access';
const ROOT = 'aws.sagemaker.notebook.root_access';

let api: TestApi;
let orgId: string;
let otherOrgId: string;
let adminUser: TestUser;
let admin: TestClient;
let analyst: TestClient;
let viewer: TestClient;
let otherAdmin: TestClient;
let accountA: string;
let accountB: string;
let otherAccount: string;
/** Findings by name: `<asset>/<check>`. */
const f: Record<string, string> = {};

async function finding(key: string): Promise<TFindingDetail> {
  return (await viewer.get(`/api/v1/findings/${f[key]}`).expect(200)).body as TFindingDetail;
}

async function rules(): Promise<TFindingException[]> {
  return (await viewer.get('/api/v1/finding-exceptions').expect(200)).body.items as TFindingException[];
}

function summary(accountId: string, checkId: string) {
  return api.admin.prisma.checkSummary.findUniqueOrThrow({
    where: { tenantId_accountId_checkId: { tenantId: orgId, accountId, checkId } },
  });
}

async function audit(action: string): Promise<TAuditEvent> {
  const res = await admin.get('/api/v1/audit-events?limit=20').expect(200);
  const event = (res.body.items as TAuditEvent[]).find((e) => e.action === action);
  if (!event) throw new Error(`no ${action} audit event`);
  return event;
}

const sandboxRule = {
  name: 'Sandbox notebooks may reach the internet',
  reason: 'Sandbox accounts hold no customer data',
  owner: 'secops@example.com',
  tagKey: 'env',
  tagValue: 'sandbox',
  checkId: INTERNET,
};

beforeAll(async () => {
  api = await startTestApi();
  orgId = await createOrg(api.admin, 'Exceptions');
  otherOrgId = await createOrg(api.admin, 'Exceptions elsewhere');
  adminUser = await createUser(api.admin, [{ tenantId: orgId, role: 'admin' }]);
  admin = client(api, await signIn(api, adminUser));
  analyst = client(
    api,
    await signIn(api, await createUser(api.admin, [{ tenantId: orgId, role: 'analyst' }])),
  );
  viewer = client(api, await signIn(api, await createUser(api.admin, [{ tenantId: orgId, role: 'viewer' }])));
  otherAdmin = client(
    api,
    await signIn(api, await createUser(api.admin, [{ tenantId: otherOrgId, role: 'admin' }])),
  );
  accountA = newId();
  accountB = newId();
  otherAccount = newId();
  await api.admin.prisma.cloudAccount.createMany({
    data: [
      { id: accountA, tenantId: orgId, provider: 'aws', name: 'a', scopeIds: [], regions: [] },
      { id: accountB, tenantId: orgId, provider: 'aws', name: 'b', scopeIds: [], regions: [] },
      { id: otherAccount, tenantId: otherOrgId, provider: 'aws', name: 'o', scopeIds: [], regions: [] },
    ],
  });
  // Account A: a sandbox notebook, a prod notebook and an untagged one. Account B: one notebook.
  const assets: [string, string, string, Record<string, string>][] = [
    ['sandbox', orgId, accountA, { env: 'sandbox' }],
    ['prod', orgId, accountA, { env: 'prod' }],
    ['untagged', orgId, accountA, {}],
    ['inB', orgId, accountB, { env: 'staging' }],
    ['theirs', otherOrgId, otherAccount, { env: 'sandbox' }],
  ];
  const ids: Record<string, string> = {};
  for (const [name, tenantId, accountId, tags] of assets) {
    ids[name] = newId();
    await api.admin.prisma.asset.create({
      data: {
        id: ids[name],
        tenantId,
        accountId,
        provider: 'aws',
        assetType: 'aws.sagemaker.notebook_instance',
        nativeId: `arn:aws:sagemaker:us-east-1:111111111111:notebook-instance/${name}`,
        name,
        region: 'us-east-1',
        tags,
        firstSeen: new Date(),
        lastSeen: new Date(),
      },
    });
  }
  const findings: [string, string, string, string, 'open' | 'suppressed'][] = [
    ['sandbox', INTERNET, orgId, accountA, 'open'],
    ['sandbox', ROOT, orgId, accountA, 'open'],
    ['prod', INTERNET, orgId, accountA, 'open'],
    ['untagged', INTERNET, orgId, accountA, 'suppressed'],
    ['inB', INTERNET, orgId, accountB, 'open'],
    ['inB', ROOT, orgId, accountB, 'open'],
    ['theirs', INTERNET, otherOrgId, otherAccount, 'open'],
  ];
  for (const [asset, checkId, tenantId, accountId, status] of findings) {
    const key = `${asset}/${checkId === INTERNET ? 'internet' : 'root'}`;
    f[key] = newId();
    await api.admin.prisma.finding.create({
      data: {
        id: f[key],
        tenantId,
        accountId,
        assetId: ids[asset]!,
        checkId,
        severity: 'high',
        riskScore: 70,
        status,
        ...(status === 'suppressed'
          ? {
              suppressedReason: 'a person accepted it',
              suppressedBy: 'lead@example.com',
              suppressedAt: new Date(),
            }
          : {}),
        firstSeen: new Date(),
        lastSeen: new Date(),
      },
    });
  }
  // Summary rows as the last scan left them.
  const row = (accountId: string, checkId: string, failing: number, suppressed: number) => ({
    tenantId: orgId,
    accountId,
    checkId,
    provider: 'aws' as const,
    severity: 'high' as const,
    failing,
    passing: 0,
    unknown: 0,
    suppressed,
    updatedAt: new Date(),
  });
  await api.admin.prisma.checkSummary.createMany({
    data: [
      row(accountA, INTERNET, 2, 1),
      row(accountA, ROOT, 1, 0),
      row(accountB, INTERNET, 1, 0),
      row(accountB, ROOT, 1, 0),
    ],
  });
  await api.admin.prisma.accountPosture.createMany({
    data: [
      {
        tenantId: orgId,
        accountId: accountA,
        provider: 'aws',
        high: 3,
        assetsFailing: 2,
        updatedAt: new Date(),
      },
      {
        tenantId: orgId,
        accountId: accountB,
        provider: 'aws',
        high: 2,
        assetsFailing: 1,
        updatedAt: new Date(),
      },
    ],
  });
});

afterAll(async () => {
  await api?.close();
});

describe('exception rules', () => {
  it('are created by admins only (403 for analysts and viewers), and readable by members', async () => {
    for (const c of [analyst, viewer]) {
      const res = await c.post('/api/v1/finding-exceptions', sandboxRule).expect(403);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    expect(await rules()).toEqual([]);
    expect((await finding('sandbox/internet')).status).toBe('open');
  });

  it('refuses rules that cover everything, name an unknown check or another organization’s account (400)', async () => {
    const cases: [object, string][] = [
      [{ name: 'all', reason: 'because', owner: 'a@example.com' }, 'accountId'],
      [{ ...sandboxRule, checkId: 'aws.nope.not_a_check' }, 'checkId'],
      [{ ...sandboxRule, tagKey: undefined, tagValue: undefined, accountId: otherAccount }, 'accountId'],
      [{ ...sandboxRule, tagKey: undefined, tagValue: undefined, accountId: newId() }, 'accountId'],
      [{ ...sandboxRule, tagKey: undefined }, 'tagKey'],
      [{ ...sandboxRule, expiresAt: new Date(Date.now() - 60_000).toISOString() }, 'expiresAt'],
      [{ ...sandboxRule, owner: 'secops' }, 'owner'],
    ];
    for (const [body, path] of cases) {
      const res = await admin.post('/api/v1/finding-exceptions', body).expect(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(
        res.body.errors.map((e: { path: string }) => e.path),
        JSON.stringify(body),
      ).toContain(path);
    }
    expect(await rules()).toEqual([]);
  });

  it('suppress the open findings they match at once, and only those', async () => {
    const res = await admin.post('/api/v1/finding-exceptions', sandboxRule).expect(201);
    const created = res.body as TCreatedFindingException;
    expect(created.suppressed).toBe(1);
    expect(created.exception).toMatchObject({
      name: sandboxRule.name,
      checkId: INTERNET,
      accountId: null,
      tagKey: 'env',
      tagValue: 'sandbox',
      reason: sandboxRule.reason,
      owner: 'secops@example.com',
      expiresAt: null,
      createdBy: `user:${adminUser.email}`,
      suppressedFindings: 1,
    });

    const sandbox = await finding('sandbox/internet');
    expect(sandbox).toMatchObject({
      status: 'suppressed',
      exceptionId: created.exception.id,
      suppression: { reason: sandboxRule.reason, owner: 'secops@example.com', until: null },
    });
    expect(sandbox.history[0]).toMatchObject({
      kind: 'excepted',
      actor: `user:${adminUser.email}`,
      reason: sandboxRule.reason,
      detail: { exceptionId: created.exception.id },
    });
    // Another check on the same asset, another tag value, another organization: untouched.
    expect((await finding('sandbox/root')).status).toBe('open');
    expect((await finding('prod/internet')).status).toBe('open');
    const theirs = await api.admin.prisma.finding.findUniqueOrThrow({ where: { id: f['theirs/internet'] } });
    expect(theirs.status).toBe('open');
    // A person's suppression stays the person's.
    expect(await finding('untagged/internet')).toMatchObject({
      exceptionId: null,
      suppression: { reason: 'a person accepted it' },
    });

    expect(await summary(accountA, INTERNET)).toMatchObject({ failing: 1, suppressed: 2 });
    expect(await summary(accountA, ROOT)).toMatchObject({ failing: 1, suppressed: 0 });
    expect(
      await api.admin.prisma.accountPosture.findUniqueOrThrow({
        where: { tenantId_accountId: { tenantId: orgId, accountId: accountA } },
      }),
    ).toMatchObject({ high: 2, assetsFailing: 2 });

    expect(await audit('finding_exceptions.create')).toMatchObject({
      targetType: 'finding_exception',
      targetId: created.exception.id,
      metadata: {
        name: sandboxRule.name,
        tagKey: 'env',
        tagValue: 'sandbox',
        checkId: INTERNET,
        suppressed: 1,
      },
    });
    expect((await rules()).map((r) => [r.name, r.suppressedFindings])).toEqual([[sandboxRule.name, 1]]);
  });

  it('answer 409 to a name already in use, in this organization only', async () => {
    const res = await admin
      .post('/api/v1/finding-exceptions', { ...sandboxRule, tagValue: 'dev' })
      .expect(409);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.errors).toEqual([{ path: 'name', message: 'already in use' }]);
    await otherAdmin.post('/api/v1/finding-exceptions', sandboxRule).expect(201);
    expect(await rules()).toHaveLength(1);
  });

  it('match a whole account, every check, when only the account is named', async () => {
    const res = await admin
      .post('/api/v1/finding-exceptions', {
        name: 'Account B is being decommissioned',
        reason: 'Deleted at the end of the quarter',
        owner: 'platform@example.com',
        accountId: accountB,
        expiresAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      })
      .expect(201);
    expect((res.body as TCreatedFindingException).suppressed).toBe(2);
    expect((await finding('inB/internet')).status).toBe('suppressed');
    expect((await finding('inB/root')).suppression?.until).toBe(
      (res.body as TCreatedFindingException).exception.expiresAt,
    );
    expect(await summary(accountB, ROOT)).toMatchObject({ failing: 0, suppressed: 1 });
    expect((await rules()).map((r) => r.name)).toEqual([
      'Account B is being decommissioned',
      sandboxRule.name,
    ]);
  });

  it('reopen what they suppressed when deleted, and are gone', async () => {
    const rule = (await rules()).find((r) => r.name === sandboxRule.name)!;
    await analyst.delete(`/api/v1/finding-exceptions/${rule.id}`).expect(403);
    const res = await admin.delete(`/api/v1/finding-exceptions/${rule.id}`).expect(200);
    expect(res.body as TDeletedFindingException).toMatchObject({ reopened: 1, exception: { id: rule.id } });

    const sandbox = await finding('sandbox/internet');
    expect(sandbox).toMatchObject({ status: 'open', exceptionId: null, suppression: null });
    expect(sandbox.history.map((e) => e.kind).slice(0, 2)).toEqual(['exception_removed', 'excepted']);
    expect(sandbox.history[0]).toMatchObject({ actor: `user:${adminUser.email}` });
    // The person's suppression is not the rule's to lift.
    expect((await finding('untagged/internet')).status).toBe('suppressed');
    expect(await summary(accountA, INTERNET)).toMatchObject({ failing: 2, suppressed: 1 });
    expect((await audit('finding_exceptions.delete')).metadata).toMatchObject({
      name: sandboxRule.name,
      reopened: 1,
    });
    expect((await rules()).map((r) => r.name)).toEqual(['Account B is being decommissioned']);

    await admin.delete(`/api/v1/finding-exceptions/${rule.id}`).expect(404);
  });

  it('of another organization cannot be deleted from here (404)', async () => {
    const theirs = (await otherAdmin.get('/api/v1/finding-exceptions').expect(200)).body
      .items as TFindingException[];
    expect(theirs).toHaveLength(1);
    const res = await admin.delete(`/api/v1/finding-exceptions/${theirs[0]!.id}`).expect(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect((await otherAdmin.get('/api/v1/finding-exceptions').expect(200)).body.items).toHaveLength(1);
  });
});
