import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TPostureSummary, TPostureTrend } from '@aispm/contracts';
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

// The posture summary and trend read the summary tables the worker maintains (account_postures,
// check_summaries, posture_snapshots). The assets and findings seeded below contradict those tables on
// purpose: the figures must be the tables', never a live count.

const INTERNET = 'aws.sagemaker.notebook.direct_internet_access';
const ROOT = 'aws.sagemaker.notebook.root_access';
const PROMPT = 'aws.bedrock.guardrail.prompt_attack_filter_weak';
const VERTEX = 'gcp.vertex.endpoint.public';
const DAY = 86_400_000;

let api: TestApi;
let orgId: string;
let freshOrgId: string;
let viewer: TestClient;
let freshViewer: TestClient;
let outsider: TestClient;
let aws: string;
let gcp: string;

function postureRow(accountId: string, provider: 'aws' | 'gcp', data: Record<string, unknown>) {
  return {
    tenantId: orgId,
    accountId,
    provider,
    evaluatedAt: new Date(),
    updatedAt: new Date(),
    ...data,
  };
}

function checkRow(accountId: string, checkId: string, counts: Record<string, number>) {
  return {
    tenantId: orgId,
    accountId,
    checkId,
    provider: checkId.startsWith('gcp') ? ('gcp' as const) : ('aws' as const),
    severity: 'high' as const,
    updatedAt: new Date(),
    ...counts,
  };
}

function snapshot(tenantId: string, takenAt: Date, score: number, critical = 0) {
  return {
    id: newId(),
    tenantId,
    takenAt,
    score,
    assetsEvaluated: 10,
    assetsFailing: 10 - Math.round(score / 10),
    critical,
    high: 1,
    medium: 2,
    low: 3,
    info: 4,
  };
}

beforeAll(async () => {
  api = await startTestApi();
  orgId = await createOrg(api.admin, 'Posture');
  freshOrgId = await createOrg(api.admin, 'Posture, never evaluated');
  const otherOrgId = await createOrg(api.admin, 'Posture elsewhere');
  viewer = client(api, await signIn(api, await createUser(api.admin, [{ tenantId: orgId, role: 'viewer' }])));
  freshViewer = client(
    api,
    await signIn(api, await createUser(api.admin, [{ tenantId: freshOrgId, role: 'viewer' }])),
  );
  outsider = client(
    api,
    await signIn(api, await createUser(api.admin, [{ tenantId: otherOrgId, role: 'owner' }])),
  );

  aws = newId();
  gcp = newId();
  const fresh = newId();
  await api.admin.prisma.cloudAccount.createMany({
    data: [
      { id: aws, tenantId: orgId, provider: 'aws', name: 'aws', scopeIds: [], regions: [] },
      { id: gcp, tenantId: orgId, provider: 'gcp', name: 'gcp', scopeIds: [], regions: [] },
      { id: fresh, tenantId: freshOrgId, provider: 'aws', name: 'new', scopeIds: [], regions: [] },
    ],
  });

  // What the summary must show: the two accounts' rows added up.
  await api.admin.prisma.accountPosture.createMany({
    data: [
      postureRow(aws, 'aws', {
        assetsTotal: 40,
        assetsByType: { 'aws.sagemaker.notebook_instance': 25, 'aws.iam.role': 15 },
        assetsEvaluated: 30,
        assetsFailing: 9,
        shadowAssets: 4,
        critical: 2,
        high: 11,
        medium: 5,
        low: 1,
        info: 0,
        attackPaths: 3,
        evaluatedAt: new Date('2025-06-01T10:00:00Z'),
      }),
      postureRow(gcp, 'gcp', {
        assetsTotal: 20,
        assetsByType: { 'gcp.vertex.endpoint': 20 },
        assetsEvaluated: 10,
        assetsFailing: 3,
        shadowAssets: 1,
        critical: 1,
        high: 0,
        medium: 2,
        low: 0,
        info: 7,
        attackPaths: 1,
        evaluatedAt: new Date('2025-06-02T10:00:00Z'),
      }),
    ],
  });
  await api.admin.prisma.checkSummary.createMany({
    data: [
      checkRow(aws, INTERNET, { failing: 6, passing: 19 }),
      checkRow(aws, ROOT, { failing: 2, passing: 23, suppressed: 1 }),
      checkRow(aws, PROMPT, { passing: 3 }),
      checkRow(gcp, VERTEX, { failing: 3, passing: 17 }),
      checkRow(gcp, 'gcp.vertex.workbench.public_ip', { failing: 1 }),
      checkRow(gcp, 'gcp.vertex.workbench.default_service_account', { failing: 1 }),
      checkRow(gcp, 'gcp.vertex.endpoint.no_cmek', { failing: 1 }),
    ],
  });

  // Contradicting live rows: one asset with 50 open critical findings of a check the summary tables do not
  // know. A live count would report 50 critical findings and this check on top.
  const assetId = newId();
  await api.admin.prisma.asset.create({
    data: {
      id: assetId,
      tenantId: orgId,
      accountId: aws,
      provider: 'aws',
      assetType: 'aws.bedrock.agent',
      nativeId: 'arn:live-only',
      name: 'live-only',
      region: 'us-east-1',
      firstSeen: new Date(),
      lastSeen: new Date(),
    },
  });
  await api.admin.prisma.finding.createMany({
    data: Array.from({ length: 50 }, (_, i) => ({
      id: newId(),
      tenantId: orgId,
      accountId: aws,
      assetId,
      checkId: `aws.bedrock.live_only_${i}`,
      severity: 'critical' as const,
      riskScore: 99,
      firstSeen: new Date(),
      lastSeen: new Date(),
    })),
  });

  // The trend: two snapshots today (the later one counts), one yesterday, one 40 days ago; another
  // organization's snapshot today.
  const now = Date.now();
  const today = Date.UTC(
    new Date(now).getUTCFullYear(),
    new Date(now).getUTCMonth(),
    new Date(now).getUTCDate(),
  );
  await api.admin.prisma.postureSnapshot.createMany({
    data: [
      snapshot(orgId, new Date(today - 40 * DAY + 3_600_000), 20),
      snapshot(orgId, new Date(today - DAY + 3_600_000), 50, 4),
      snapshot(orgId, new Date(today + 60_000), 60, 3),
      snapshot(orgId, new Date(today + 120_000), 70, 2),
      snapshot(otherOrgId, new Date(today + 90_000), 5),
    ],
  });
});

afterAll(async () => {
  await api?.close();
});

describe('posture summary', () => {
  it('sums the accounts’ posture rows, not the live findings or assets', async () => {
    const res = await viewer.get('/api/v1/posture/summary').expect(200);
    const body = res.body as TPostureSummary;
    expect(body).toMatchObject({
      // round(100 * (40 - 12) / 40)
      score: 70,
      evaluatedAt: '2025-06-02T10:00:00.000Z',
      accounts: 2,
      assets: {
        total: 60,
        evaluated: 40,
        withOpenFindings: 12,
        shadow: 5,
        byProvider: [
          { provider: 'aws', count: 40 },
          { provider: 'gcp', count: 20 },
        ],
        byType: [
          { assetType: 'aws.sagemaker.notebook_instance', count: 25 },
          { assetType: 'gcp.vertex.endpoint', count: 20 },
          { assetType: 'aws.iam.role', count: 15 },
        ],
      },
      findings: {
        open: 29,
        bySeverity: [
          { severity: 'critical', count: 3 },
          { severity: 'high', count: 11 },
          { severity: 'medium', count: 7 },
          { severity: 'low', count: 1 },
          { severity: 'info', count: 7 },
        ],
      },
      attackPaths: { open: 4 },
      lastScan: null,
    });
    expect(body.clouds).toEqual([
      {
        provider: 'aws',
        accounts: 1,
        assets: 40,
        evaluated: 30,
        withOpenFindings: 9,
        openFindings: 19,
        score: 70,
      },
      {
        provider: 'gcp',
        accounts: 1,
        assets: 20,
        evaluated: 10,
        withOpenFindings: 3,
        openFindings: 10,
        score: 70,
      },
    ]);
    // The live rows were not counted: no Bedrock agent type, no 50 critical findings.
    expect(body.assets.byType.map((t) => t.assetType)).not.toContain('aws.bedrock.agent');
  });

  it('lists the five checks with the most failing assets from the check summaries', async () => {
    const body = (await viewer.get('/api/v1/posture/summary').expect(200)).body as TPostureSummary;
    expect(body.findings.topChecks.map((c) => [c.checkId, c.count])).toEqual([
      [INTERNET, 6],
      [VERTEX, 3],
      [ROOT, 2],
      ['gcp.vertex.endpoint.no_cmek', 1],
      ['gcp.vertex.workbench.default_service_account', 1],
    ]);
    expect(body.findings.topChecks[0]).toMatchObject({
      title: 'SageMaker notebook instance has direct internet access',
      severity: 'high',
    });
    expect(body.findings.topChecks.map((c) => c.checkId)).not.toContain('aws.bedrock.live_only_0');
  });

  it('counts each built-in framework’s failing controls from the same check summaries', async () => {
    const body = (await viewer.get('/api/v1/posture/summary').expect(200)).body as TPostureSummary;
    expect(body.frameworks.map((f) => f.key)).toEqual([
      'owasp-llm',
      'mitre-atlas',
      'nist-ai-rmf',
      'nist-ai-600-1',
      'iso-42001',
      'eu-ai-act',
    ]);
    // The Compliance page computes the same figures from the same rows.
    const compliance = await viewer.get('/api/v1/compliance/frameworks').expect(200);
    for (const f of body.frameworks) {
      const same = (compliance.body.items as { key: string; controls: unknown }[]).find(
        (c) => c.key === f.key,
      );
      expect(f.controls, f.key).toEqual(same?.controls);
    }
    const owasp = body.frameworks[0]!;
    expect(owasp.controls.total).toBe(10);
    expect(owasp.controls.failing).toBeGreaterThan(0);
    // LLM01 (prompt injection) passes: its guardrail check only passed.
    expect(owasp.controls.passing).toBeGreaterThan(0);
  });

  it('has no score and zero figures before any evaluation', async () => {
    const body = (await freshViewer.get('/api/v1/posture/summary').expect(200)).body as TPostureSummary;
    expect(body).toMatchObject({
      score: null,
      evaluatedAt: null,
      accounts: 1,
      assets: { total: 0, evaluated: 0, withOpenFindings: 0, shadow: 0, byProvider: [], byType: [] },
      clouds: [],
      findings: { open: 0, topChecks: [] },
      attackPaths: { open: 0 },
    });
    expect(body.frameworks.every((f) => f.controls.failing === 0 && f.controls.passing === 0)).toBe(true);
  });

  it('shows another organization none of it', async () => {
    const body = (await outsider.get('/api/v1/posture/summary').expect(200)).body as TPostureSummary;
    expect(body).toMatchObject({ score: null, accounts: 0, assets: { total: 0 }, findings: { open: 0 } });
  });
});

describe('posture trend', () => {
  it('gives one point per day, the day’s last snapshot, oldest first, within the window', async () => {
    const body = (await viewer.get('/api/v1/posture/trend?days=30').expect(200)).body as TPostureTrend;
    expect(body.days).toBe(30);
    expect(body.points.map((p) => [p.score, p.critical])).toEqual([
      [50, 4],
      [70, 2],
    ]);
    const [yesterday, today] = body.points;
    expect(today).toMatchObject({
      high: 1,
      medium: 2,
      low: 3,
      info: 4,
      assetsEvaluated: 10,
      assetsFailing: 3,
    });
    expect(
      new Date(`${today!.day}T00:00:00Z`).getTime() - new Date(`${yesterday!.day}T00:00:00Z`).getTime(),
    ).toBe(DAY);
    expect(today!.takenAt.slice(0, 10)).toBe(today!.day);
  });

  it('defaults to 30 days, reaches back as far as asked, and keeps to today with days=1', async () => {
    const byDefault = (await viewer.get('/api/v1/posture/trend').expect(200)).body as TPostureTrend;
    expect(byDefault.days).toBe(30);
    expect(byDefault.points).toHaveLength(2);
    const long = (await viewer.get('/api/v1/posture/trend?days=365').expect(200)).body as TPostureTrend;
    expect(long.points.map((p) => p.score)).toEqual([20, 50, 70]);
    const one = (await viewer.get('/api/v1/posture/trend?days=1').expect(200)).body as TPostureTrend;
    expect(one.points.map((p) => p.score)).toEqual([70]);
  });

  it('refuses days outside 1..365 as problem+json 400', async () => {
    for (const days of ['0', '366', '-3', '2.5', 'week']) {
      const res = await viewer.get(`/api/v1/posture/trend?days=${days}`).expect(400);
      expect(res.headers['content-type'], days).toMatch(/^application\/problem\+json/);
      expect(
        res.body.errors.map((e: { path: string }) => e.path),
        days,
      ).toEqual(['days']);
    }
  });

  it('shows each organization only its own snapshots', async () => {
    const body = (await outsider.get('/api/v1/posture/trend?days=365').expect(200)).body as TPostureTrend;
    expect(body.points.map((p) => p.score)).toEqual([5]);
    const fresh = (await freshViewer.get('/api/v1/posture/trend').expect(200)).body as TPostureTrend;
    expect(fresh.points).toEqual([]);
  });
});
