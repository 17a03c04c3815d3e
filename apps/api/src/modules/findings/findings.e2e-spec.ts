import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  SEVERITIES,
  type TAuditEvent,
  type TCreatedApiToken,
  type TFinding,
  type TFindingDetail,
  type TFindingPage,
  type TSeverity,
} from '@aispm/contracts';
import { newId, type Prisma } from '@aispm/db';
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
const CHECKS = [
  INTERNET,
  'aws.sagemaker.notebook.root_access',
  'aws.sagemaker.notebook.no_cmk',
  'aws.sagemaker.notebook.no_vpc',
  'aws.sagemaker.notebook.imdsv1_allowed',
];
// Scores with ties, and severities that do not follow them, so the two orders differ.
const SCORES = [
  95, 80, 80, 80, 62, 62, 55, 55, 55, 55, 40, 40, 33, 30, 30, 28, 25, 25, 20, 12, 12, 12, 9, 5, 5,
];
const SEVERITY_CYCLE: TSeverity[] = ['low', 'critical', 'high', 'medium', 'high', 'info', 'critical'];

interface Seeded {
  id: string;
  assetId: string;
  checkId: string;
  severity: TSeverity;
  riskScore: number;
  status: 'open' | 'resolved' | 'suppressed';
}

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
const seeded: Seeded[] = [];
let otherFindingId: string;
let pathOn: string;

const rank = (s: TSeverity) => SEVERITIES.indexOf(s);
const byRisk = (a: Seeded, b: Seeded) => b.riskScore - a.riskScore || (a.id < b.id ? -1 : 1);
const bySeverity = (a: Seeded, b: Seeded) => rank(a.severity) - rank(b.severity) || byRisk(a, b);

async function allPages(c: TestClient, query: string, limit: number): Promise<TFinding[][]> {
  const pages: TFinding[][] = [];
  let cursor: string | null = null;
  do {
    const url = `/api/v1/findings?limit=${limit}${query}${cursor ? `&cursor=${cursor}` : ''}`;
    const page = (await c.get(url).expect(200)).body as TFindingPage;
    pages.push(page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return pages;
}

async function detail(id: string): Promise<TFindingDetail> {
  return (await viewer.get(`/api/v1/findings/${id}`).expect(200)).body as TFindingDetail;
}

function summary(checkId: string) {
  return api.admin.prisma.checkSummary.findUniqueOrThrow({
    where: { tenantId_accountId_checkId: { tenantId: orgId, accountId: accountA, checkId } },
  });
}

function posture() {
  return api.admin.prisma.accountPosture.findUniqueOrThrow({
    where: { tenantId_accountId: { tenantId: orgId, accountId: accountA } },
  });
}

async function lastAudit(action: string): Promise<TAuditEvent> {
  const res = await admin.get('/api/v1/audit-events?limit=20').expect(200);
  const event = (res.body.items as TAuditEvent[]).find((e) => e.action === action);
  if (!event) throw new Error(`no ${action} audit event`);
  return event;
}

const days = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString();

beforeAll(async () => {
  api = await startTestApi();
  orgId = await createOrg(api.admin, 'Findings lifecycle');
  otherOrgId = await createOrg(api.admin, 'Findings elsewhere');
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
  const otherAccount = newId();
  await api.admin.prisma.cloudAccount.createMany({
    data: [
      { id: accountA, tenantId: orgId, provider: 'aws', name: 'a', scopeIds: ['111111111111'], regions: [] },
      { id: accountB, tenantId: orgId, provider: 'aws', name: 'b', scopeIds: ['222222222222'], regions: [] },
      { id: otherAccount, tenantId: otherOrgId, provider: 'aws', name: 'o', scopeIds: [], regions: [] },
    ],
  });
  const asset = (tenantId: string, accountId: string, i: number, extra: object = {}) => ({
    id: newId(),
    tenantId,
    accountId,
    provider: 'aws' as const,
    assetType: 'aws.sagemaker.notebook_instance',
    nativeId: `arn:aws:sagemaker:us-east-1:111111111111:notebook-instance/nb-${tenantId.slice(0, 4)}-${i}`,
    name: `nb-${i}`,
    region: 'us-east-1',
    firstSeen: new Date(),
    lastSeen: new Date(),
    ...extra,
  });
  const assets = [0, 1, 2, 3, 4].map((i) =>
    asset(orgId, accountA, i, i === 0 ? { criticality: 'high', owner: 'ml-team@example.com' } : {}),
  );
  const other = asset(otherOrgId, otherAccount, 9);
  await api.admin.prisma.asset.createMany({ data: [...assets, other] });

  // 25 findings in account A: five notebooks x five checks. Two resolved, the rest open.
  for (const [i, score] of SCORES.entries()) {
    seeded.push({
      id: newId(),
      assetId: assets[Math.floor(i / 5)]!.id,
      checkId: CHECKS[i % 5]!,
      severity: SEVERITY_CYCLE[i % SEVERITY_CYCLE.length]!,
      riskScore: score,
      status: i === 7 || i === 21 ? 'resolved' : 'open',
    });
  }
  const row = (f: Seeded, tenantId = orgId, accountId = accountA) => ({
    id: f.id,
    tenantId,
    accountId,
    assetId: f.assetId,
    checkId: f.checkId,
    severity: f.severity,
    riskScore: f.riskScore,
    status: f.status,
    evidence: { DirectInternetAccess: 'Enabled' },
    riskFactors: {
      base: 55,
      exposure: 15,
      sensitivity: 10,
      privilege: 0,
      criticality: 8,
      activity: 0,
      contextScore: 88,
      attackPaths: 1,
      attackPathBonus: 10,
    },
    firstSeen: new Date(),
    lastSeen: new Date(),
    resolvedAt: f.status === 'resolved' ? new Date() : null,
  });
  otherFindingId = newId();
  await api.admin.prisma.finding.createMany({
    data: [
      ...seeded.map((f) => row(f)),
      row(
        {
          id: otherFindingId,
          assetId: other.id,
          checkId: INTERNET,
          severity: 'high',
          riskScore: 99,
          status: 'open',
        },
        otherOrgId,
        otherAccount,
      ),
    ],
  });

  // The summary rows the worker would have written for account A, so a recount shows in them.
  const open = seeded.filter((f) => f.status === 'open');
  await api.admin.prisma.checkSummary.createMany({
    data: CHECKS.map((checkId) => ({
      tenantId: orgId,
      accountId: accountA,
      checkId,
      provider: 'aws' as const,
      severity: 'high' as const,
      failing: open.filter((f) => f.checkId === checkId).length,
      passing: 3,
      unknown: 0,
      suppressed: 0,
      updatedAt: new Date(),
    })),
  });
  const count = (s: TSeverity) => open.filter((f) => f.severity === s).length;
  await api.admin.prisma.accountPosture.create({
    data: {
      tenantId: orgId,
      accountId: accountA,
      provider: 'aws',
      assetsTotal: 5,
      assetsEvaluated: 5,
      assetsFailing: new Set(open.map((f) => f.assetId)).size,
      critical: count('critical'),
      high: count('high'),
      medium: count('medium'),
      low: count('low'),
      info: count('info'),
      updatedAt: new Date(),
    },
  });

  // Attack paths: an open one through the top finding, a resolved one through it, an open one elsewhere.
  const top = [...seeded].sort(byRisk)[0]!;
  pathOn = newId();
  const path = (id: string, title: string, status: 'open' | 'resolved', findingIds: string[]) => ({
    id,
    tenantId: orgId,
    accountId: accountA,
    pattern: 'exposed-notebook',
    title,
    severity: 'critical' as const,
    riskScore: 95,
    signature: `sig-${id}`,
    nodes: [],
    edges: [],
    findingIds,
    status,
    firstSeen: new Date(),
    lastSeen: new Date(),
  });
  await api.admin.prisma.attackPath.createMany({
    data: [
      path(pathOn, 'Internet to notebook to admin role', 'open', [top.id, seeded[3]!.id]),
      path(newId(), 'A path that closed', 'resolved', [top.id]),
      path(newId(), 'Another path', 'open', [seeded[3]!.id]),
    ],
  });
});

afterAll(async () => {
  await api?.close();
});

describe('the findings list', () => {
  it('is sorted by risk score by default and pages through every finding once', async () => {
    const pages = await allPages(viewer, '', 4);
    expect(pages.length).toBe(Math.ceil(seeded.length / 4));
    const ids = pages.flat().map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([...seeded].sort(byRisk).map((f) => f.id));
    // Pages of three split the runs of equal scores differently: still nothing skipped or repeated.
    const explicit = (await allPages(viewer, '&sort=risk', 3)).flat().map((f) => f.id);
    expect(explicit).toEqual(ids);
    const scores = pages.flat().map((f) => f.riskScore);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('sorts by severity, then risk, on request, with the same paging guarantees', async () => {
    const ids = (await allPages(viewer, '&sort=severity', 4)).flat().map((f) => f.id);
    expect(ids).toEqual([...seeded].sort(bySeverity).map((f) => f.id));
    // The two orders differ on this data: a high finding with a high score comes before a critical one.
    expect(ids).not.toEqual([...seeded].sort(byRisk).map((f) => f.id));
  });

  it('keeps the filters working with either order', async () => {
    const open = (await allPages(viewer, '&status=open', 5)).flat();
    expect(open.map((f) => f.id)).toEqual(
      seeded
        .filter((f) => f.status === 'open')
        .sort(byRisk)
        .map((f) => f.id),
    );
    const high = (await allPages(viewer, '&sort=severity&severity=high&checkId=' + INTERNET, 2)).flat();
    expect(high.map((f) => f.id)).toEqual(
      seeded
        .filter((f) => f.severity === 'high' && f.checkId === INTERNET)
        .sort(bySeverity)
        .map((f) => f.id),
    );
    const first = seeded[0]!;
    const onAsset = (await allPages(viewer, `&assetId=${first.assetId}`, 10)).flat();
    expect(onAsset).toHaveLength(5);
    expect((await allPages(viewer, `&accountId=${accountB}`, 10)).flat()).toEqual([]);
  });

  it('refuses a cursor issued for the other order', async () => {
    const page = (await viewer.get('/api/v1/findings?limit=2').expect(200)).body as TFindingPage;
    const res = await viewer
      .get(`/api/v1/findings?limit=2&sort=severity&cursor=${page.nextCursor}`)
      .expect(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.errors).toEqual([{ path: 'cursor', message: 'invalid cursor' }]);
    await viewer.get('/api/v1/findings?sort=newest').expect(400);
  });

  it('shows another organization none of them', async () => {
    const theirs = (await allPages(otherAdmin, '', 50)).flat();
    expect(theirs.map((f) => f.id)).toEqual([otherFindingId]);
  });
});

describe('a finding', () => {
  it('comes with its asset, check, controls, evidence, risk factors and open attack paths', async () => {
    const top = [...seeded].sort(byRisk)[0]!;
    const f = await detail(top.id);
    expect(f).toMatchObject({
      id: top.id,
      checkId: INTERNET,
      title: 'SageMaker notebook instance has direct internet access',
      riskScore: 95,
      status: 'open',
      suppression: null,
      exceptionId: null,
      evidence: { DirectInternetAccess: 'Enabled' },
      asset: {
        id: top.assetId,
        name: 'nb-0',
        assetType: 'aws.sagemaker.notebook_instance',
        region: 'us-east-1',
        provider: 'aws',
        criticality: 'high',
        owner: 'ml-team@example.com',
      },
      riskFactors: {
        base: 55,
        exposure: 15,
        sensitivity: 10,
        criticality: 8,
        contextScore: 88,
        attackPathBonus: 10,
      },
      history: [],
      historyTruncated: false,
    });
    expect(f.check?.rationale).toMatch(/\S/);
    expect(f.check?.reads).toEqual(['DescribeNotebookInstance.DirectInternetAccess']);
    expect(Object.keys(f.check!.remediation).sort()).toEqual(['cli', 'console', 'terraform']);
    expect(f.check?.remediation.cli).toMatch(/aws sagemaker/);
    expect(f.check?.controls).toContainEqual({
      ref: 'owasp-llm@2025:LLM03',
      title: 'Supply Chain',
      relationship: 'intersects-with',
    });
    expect(f.check!.controls.every((c) => c.title)).toBe(true);
    // Only the open path through it: not the resolved one, not the open one through another finding.
    expect(f.attackPaths).toEqual([
      { id: pathOn, title: 'Internet to notebook to admin role', severity: 'critical', riskScore: 95 },
    ]);
  });

  it('lists its history newest first, the opening last among events of one instant, at most 200', async () => {
    const f = seeded[1]!;
    const scanId = newId();
    const t = (minutes: number) => new Date(Date.UTC(2025, 0, 1, 12, minutes));
    const event = (kind: Prisma.FindingEventCreateManyInput['kind'], at: Date, extra: object = {}) => ({
      id: newId(),
      tenantId: orgId,
      findingId: f.id,
      kind,
      at,
      ...extra,
    });
    await api.admin.prisma.findingEvent.createMany({
      data: [
        event('excepted', t(0), { reason: 'sandbox', detail: { exceptionId: newId() } }),
        event('opened', t(0), { scanId }),
        event('exception_removed', t(5), { actor: 'user:lead@example.com' }),
        event('severity_changed', t(9), { scanId, detail: { from: 'medium', to: 'critical' } }),
      ],
    });
    const d = await detail(f.id);
    expect(d.history.map((e) => e.kind)).toEqual([
      'severity_changed',
      'exception_removed',
      'excepted',
      'opened',
    ]);
    expect(d.history[0]).toMatchObject({
      at: t(9).toISOString(),
      actor: 'system',
      scanId,
      detail: { from: 'medium', to: 'critical' },
    });
    expect(d.history[1]).toMatchObject({ actor: 'user:lead@example.com', scanId: null });
    expect(d.history[2]).toMatchObject({ reason: 'sandbox' });

    const busy = seeded[2]!;
    await api.admin.prisma.findingEvent.createMany({
      data: Array.from({ length: 205 }, (_, i) => ({
        id: newId(),
        tenantId: orgId,
        findingId: busy.id,
        kind: i % 2 ? ('suppressed' as const) : ('unsuppressed' as const),
        at: new Date(Date.UTC(2025, 1, 1) + i * 60_000),
      })),
    });
    const b = await detail(busy.id);
    expect(b.history).toHaveLength(200);
    expect(b.historyTruncated).toBe(true);
    expect(b.history[0]!.at).toBe(new Date(Date.UTC(2025, 1, 1) + 204 * 60_000).toISOString());
  });

  it('is not found in another organization, nor when it does not exist (problem+json)', async () => {
    const theirs = await viewer.get(`/api/v1/findings/${otherFindingId}`).expect(404);
    expect(theirs.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(theirs.body).toMatchObject({ status: 404, title: 'Not found' });
    await viewer.get(`/api/v1/findings/${newId()}`).expect(404);
    await viewer.get('/api/v1/findings/not-a-uuid').expect(400);
    // The owner organization does see it.
    await otherAdmin.get(`/api/v1/findings/${otherFindingId}`).expect(200);
  });
});

describe('suppressing findings', () => {
  const openOf = (checkId: string) => seeded.filter((f) => f.status === 'open' && f.checkId === checkId);

  it('refuses members whose role cannot change findings (403)', async () => {
    const body = { findingIds: [seeded[0]!.id], reason: 'accepted risk', owner: 'a@example.com' };
    const refused = await viewer.post('/api/v1/findings/suppress', body).expect(403);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    await viewer.post('/api/v1/findings/unsuppress', { findingIds: [seeded[0]!.id] }).expect(403);
    expect((await detail(seeded[0]!.id)).status).toBe('open');
  });

  it('lets analysts triage: suppress and lift a suppression (findings:write)', async () => {
    const target = seeded.filter((f) => f.status === 'open').at(-1)!;
    const body = { findingIds: [target.id], reason: 'triaged: test data', owner: 'analyst@example.com' };
    expect((await analyst.post('/api/v1/findings/suppress', body).expect(200)).body).toEqual({ changed: 1 });
    expect((await detail(target.id)).status).toBe('suppressed');
    await analyst.post('/api/v1/findings/unsuppress', { findingIds: [target.id] }).expect(200);
    expect((await detail(target.id)).status).toBe('open');
  });

  it('answers invalid requests with 400 problem+json naming the field, and changes nothing', async () => {
    const valid = { findingIds: [seeded[0]!.id], reason: 'accepted risk', owner: 'owner@example.com' };
    const cases: [object, string][] = [
      [{ ...valid, until: days(-1) }, 'until'],
      [{ ...valid, until: days(400) }, 'until'],
      [{ ...valid, findingIds: [] }, 'findingIds'],
      [{ ...valid, owner: 'not an email' }, 'owner'],
      [{ ...valid, reason: 'no' }, 'reason'],
      [{ ...valid, findingIds: ['nope'] }, 'findingIds.0'],
    ];
    for (const [body, path] of cases) {
      const res = await admin.post('/api/v1/findings/suppress', body).expect(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual([path]);
    }
    const tooMany = Array.from({ length: 1001 }, () => newId());
    await admin.post('/api/v1/findings/suppress', { ...valid, findingIds: tooMany }).expect(400);
    await admin.post('/api/v1/findings/unsuppress', { findingIds: [] }).expect(400);
    expect((await detail(seeded[0]!.id)).status).toBe('open');
  });

  it('suppresses with reason, owner and expiry, records it, and re-counts the summary rows', async () => {
    const targets = openOf(INTERNET).slice(0, 2);
    const resolved = seeded.find((f) => f.status === 'resolved')!;
    const beforeCheck = await summary(INTERNET);
    const beforePosture = await posture();
    const until = days(30);
    const res = await admin
      .post('/api/v1/findings/suppress', {
        findingIds: [...targets.map((f) => f.id), resolved.id, otherFindingId, targets[0]!.id],
        reason: 'Vendor image needs internet until the mirror exists',
        owner: 'ml-platform@example.com',
        until,
      })
      .expect(200);
    // The resolved finding and the other organization's are left alone; the repeated id counts once.
    expect(res.body).toEqual({ changed: 2 });

    const d = await detail(targets[0]!.id);
    expect(d.status).toBe('suppressed');
    expect(d.suppression).toMatchObject({
      reason: 'Vendor image needs internet until the mirror exists',
      owner: 'ml-platform@example.com',
      until,
    });
    expect(d.history[0]).toMatchObject({
      kind: 'suppressed',
      actor: `user:${adminUser.email}`,
      reason: 'Vendor image needs internet until the mirror exists',
      detail: { owner: 'ml-platform@example.com' },
    });
    expect((await detail(resolved.id)).status).toBe('resolved');
    const theirs = await api.admin.prisma.finding.findUniqueOrThrow({ where: { id: otherFindingId } });
    expect(theirs.status).toBe('open');

    // Listed as suppressed, with the reason.
    const listed = (await allPages(viewer, '&status=suppressed', 50)).flat();
    expect(listed.map((f) => f.id).sort()).toEqual(targets.map((f) => f.id).sort());
    expect(listed[0]!.suppression?.reason).toBe('Vendor image needs internet until the mirror exists');

    const afterCheck = await summary(INTERNET);
    expect(afterCheck.failing).toBe(beforeCheck.failing - 2);
    expect(afterCheck.suppressed).toBe(beforeCheck.suppressed + 2);
    expect(afterCheck.passing).toBe(beforeCheck.passing);
    const afterPosture = await posture();
    for (const s of SEVERITIES) {
      const gone = targets.filter((f) => f.severity === s).length;
      expect(afterPosture[s], s).toBe(beforePosture[s] - gone);
    }

    const audit = await lastAudit('findings.suppress');
    expect(audit).toMatchObject({
      actorType: 'user',
      targetType: 'finding',
      targetId: null,
      metadata: {
        count: 2,
        reason: 'Vendor image needs internet until the mirror exists',
        owner: 'ml-platform@example.com',
        until,
      },
    });
    expect((audit.metadata.findingIds as string[]).sort()).toEqual(targets.map((f) => f.id).sort());
  });

  it('lifts suppressions: open again, recorded, and counted as failing again', async () => {
    const targets = openOf(INTERNET).slice(0, 2);
    const before = await summary(INTERNET);
    const res = await admin
      .post('/api/v1/findings/unsuppress', {
        findingIds: [
          ...targets.map((f) => f.id),
          seeded.find((f) => f.status === 'open' && f.checkId !== INTERNET)!.id,
        ],
        reason: 'The mirror is live',
      })
      .expect(200);
    // Only suppressed findings change.
    expect(res.body).toEqual({ changed: 2 });
    const d = await detail(targets[1]!.id);
    expect(d).toMatchObject({ status: 'open', suppression: null });
    expect(d.history.map((e) => e.kind).slice(0, 2)).toEqual(['unsuppressed', 'suppressed']);
    expect(d.history[0]).toMatchObject({ actor: `user:${adminUser.email}`, reason: 'The mirror is live' });
    const after = await summary(INTERNET);
    expect(after.failing).toBe(before.failing + 2);
    expect(after.suppressed).toBe(before.suppressed - 2);
    expect((await lastAudit('findings.unsuppress')).metadata).toMatchObject({
      count: 2,
      reason: 'The mirror is live',
    });
  });

  it('names an API token as the actor when one is used', async () => {
    const created = (
      await admin
        .post('/api/v1/tokens', { name: 'triage bot', scopes: ['write:findings'], expiresInDays: 1 })
        .expect(201)
    ).body as TCreatedApiToken;
    const bot = client(api, { bearer: created.token });
    const target = seeded.find((f) => f.status === 'open')!;
    await bot
      .post('/api/v1/findings/suppress', {
        findingIds: [target.id],
        reason: 'triaged as accepted',
        owner: 'secops@example.com',
      })
      .expect(200);
    const d = await detail(target.id);
    expect(d.history[0]).toMatchObject({ kind: 'suppressed', actor: `token:${created.id}` });
    expect(d.suppression).toMatchObject({ until: null, owner: 'secops@example.com' });
    expect((await lastAudit('findings.suppress')).actorType).toBe('token');
  });
});
