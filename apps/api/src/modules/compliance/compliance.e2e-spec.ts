import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  TAffectedAsset,
  TAffectedAssetPage,
  TAuditEvent,
  TFrameworkList,
  TFrameworkPosture,
  TFrameworkSummary,
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
} from '../../testing/test-app';

// Checks used below, and where the built-in mappings put them:
// aws.sagemaker.notebook.direct_internet_access -> owasp-llm LLM03, nist-ai-rmf MEASURE 2.7, ...
// aws.sagemaker.notebook.root_access            -> owasp-llm LLM03, nist-ai-rmf MEASURE 2.7, ...
// aws.bedrock.guardrail.prompt_attack_filter_weak -> owasp-llm LLM01
// aws.bedrock.invocation_logging.disabled       -> iso-42001 A.6.2.8, eu-ai-act Art. 12
const INTERNET = 'aws.sagemaker.notebook.direct_internet_access';
const ROOT = 'aws.sagemaker.notebook.root_access';
const PROMPT = 'aws.bedrock.guardrail.prompt_attack_filter_weak';
const LOGGING = 'aws.bedrock.invocation_logging.disabled';

let api: TestApi;
let orgId: string;
let otherOrgId: string;
let admin: TestClient;
let viewer: TestClient;
let otherAdmin: TestClient;
let accountA: string;
let accountB: string;
const notebooks: string[] = [];

function upload(c: TestClient, body: string, type: string) {
  return c.request('post', '/api/v1/compliance/frameworks').set('content-type', type).send(body);
}

function yamlFramework(key: string, extra = ''): string {
  return `key: ${key}
name: ACME AI policy
version: 1.10
controls:
  - id: AI-1
    title: Notebooks stay off the internet
    description: No notebook reaches the internet directly.
    checks:
      - checkId: ${INTERNET}
        relationship: equivalent-to
  - id: AI-2
    title: Guard prompts
    checks:
      - { checkId: ${PROMPT}, relationship: subset-of }
  - id: AI-3
    title: Review vendors
    checks: []
${extra}`;
}

async function summaryRow(accountId: string, checkId: string, counts: Partial<Record<string, number>>) {
  await api.admin.prisma.checkSummary.create({
    data: {
      tenantId: orgId,
      accountId,
      checkId,
      provider: 'aws',
      severity: 'high',
      failing: 0,
      passing: 0,
      unknown: 0,
      suppressed: 0,
      updatedAt: new Date(),
      ...counts,
    },
  });
}

beforeAll(async () => {
  api = await startTestApi();
  orgId = await createOrg(api.admin, 'Compliance');
  otherOrgId = await createOrg(api.admin, 'Compliance elsewhere');
  admin = client(api, await signIn(api, await createUser(api.admin, [{ tenantId: orgId, role: 'admin' }])));
  viewer = client(api, await signIn(api, await createUser(api.admin, [{ tenantId: orgId, role: 'viewer' }])));
  otherAdmin = client(
    api,
    await signIn(api, await createUser(api.admin, [{ tenantId: otherOrgId, role: 'admin' }])),
  );

  accountA = newId();
  accountB = newId();
  await api.admin.prisma.cloudAccount.createMany({
    data: [
      { id: accountA, tenantId: orgId, provider: 'aws', name: 'a', scopeIds: ['111111111111'], regions: [] },
      { id: accountB, tenantId: orgId, provider: 'aws', name: 'b', scopeIds: ['222222222222'], regions: [] },
    ],
  });
  // Three notebooks in account A with open findings; ids sorted so the paging order is known.
  for (let i = 0; i < 3; i++) notebooks.push(newId());
  notebooks.sort();
  for (const [i, id] of notebooks.entries()) {
    await api.admin.prisma.asset.create({
      data: {
        id,
        tenantId: orgId,
        accountId: accountA,
        provider: 'aws',
        assetType: 'aws.sagemaker.notebook_instance',
        nativeId: `arn:aws:sagemaker:us-east-1:111111111111:notebook-instance/nb-${i}`,
        name: `nb-${i}`,
        region: 'us-east-1',
        riskScore: 70 + i,
        firstSeen: new Date(),
        lastSeen: new Date(),
      },
    });
  }
  const finding = (assetId: string, checkId: string, status: 'open' | 'suppressed' | 'resolved') => ({
    id: newId(),
    tenantId: orgId,
    accountId: accountA,
    assetId,
    checkId,
    severity: 'high' as const,
    riskScore: 70,
    status,
    firstSeen: new Date(),
    lastSeen: new Date(),
  });
  await api.admin.prisma.finding.createMany({
    data: [
      finding(notebooks[0]!, INTERNET, 'open'),
      finding(notebooks[0]!, ROOT, 'open'),
      finding(notebooks[1]!, ROOT, 'open'),
      finding(notebooks[2]!, INTERNET, 'suppressed'),
    ],
  });
  // Account A: internet access fails on one notebook, suppressed on one, passes on one. Root access fails on two.
  await summaryRow(accountA, INTERNET, { failing: 1, suppressed: 1, passing: 1 });
  await summaryRow(accountA, ROOT, { failing: 2, passing: 1 });
  // Account B: passing everywhere; the prompt-attack check only suppressed; logging only unknown.
  await summaryRow(accountB, INTERNET, { passing: 4 });
  await summaryRow(accountB, PROMPT, { suppressed: 2 });
  await summaryRow(accountB, LOGGING, { unknown: 3 });
});

afterAll(async () => {
  await api?.close();
});

describe('compliance posture', () => {
  it('lists the six built-in frameworks with their controls counted by status', async () => {
    const res = await viewer.get('/api/v1/compliance/frameworks').expect(200);
    const list = res.body as TFrameworkList;
    expect(list.items.map((f) => f.key)).toEqual([
      'owasp-llm',
      'mitre-atlas',
      'nist-ai-rmf',
      'nist-ai-600-1',
      'iso-42001',
      'eu-ai-act',
    ]);
    const owasp = list.items[0]!;
    expect(owasp).toMatchObject({ builtIn: true, version: '2025', createdBy: null });
    // LLM03 fails (the notebooks); LLM01 passes (prompt attacks only suppressed); the rest has no verdict.
    expect(owasp.controls).toEqual({ total: 10, failing: 1, passing: 1, manual: 8 });
  });

  it('gives each control its status, mapped checks with their counts, and the catalog attribution', async () => {
    const res = await viewer.get('/api/v1/compliance/frameworks/owasp-llm').expect(200);
    const posture = res.body as TFrameworkPosture;
    expect(posture.attribution?.license).toMatch(/CC BY-SA 4.0/);
    expect(posture.accountId).toBeNull();
    const llm03 = posture.items.find((c) => c.id === 'LLM03')!;
    expect(llm03).toMatchObject({
      title: 'Supply Chain',
      status: 'failing',
      failing: 3,
      suppressed: 1,
      passing: 6,
    });
    expect(llm03.checks.find((c) => c.checkId === INTERNET)).toEqual({
      checkId: INTERNET,
      title: 'SageMaker notebook instance has direct internet access',
      severity: 'high',
      provider: 'aws',
      relationship: 'intersects-with',
      failing: 1,
      passing: 5,
      unknown: 0,
      suppressed: 1,
    });
    expect(posture.items.find((c) => c.id === 'LLM01')).toMatchObject({ status: 'passing', suppressed: 2 });
    // Mapped checks exist but none reached a verdict: evidence needed.
    expect(posture.items.find((c) => c.id === 'LLM09')?.status).toBe('manual');

    const iso = (await viewer.get('/api/v1/compliance/frameworks/iso-42001').expect(200))
      .body as TFrameworkPosture;
    // Only unknown answers from the logging check: no verdict, so manual, with the unknown count shown.
    expect(iso.items.find((c) => c.id === 'A.6.2.8')).toMatchObject({ status: 'manual', unknown: 3 });
    // A control no check maps to.
    expect(iso.items.find((c) => c.id === 'A.2.2')).toMatchObject({ status: 'manual', checks: [] });
  });

  it('narrows the figures to one account', async () => {
    const res = await viewer.get(`/api/v1/compliance/frameworks/owasp-llm?accountId=${accountB}`).expect(200);
    const posture = res.body as TFrameworkPosture;
    expect(posture.accountId).toBe(accountB);
    expect(posture.items.find((c) => c.id === 'LLM03')).toMatchObject({
      status: 'passing',
      failing: 0,
      passing: 4,
    });
    await viewer.get(`/api/v1/compliance/frameworks/owasp-llm?accountId=${newId()}`).expect(404);
  });

  it('pages through the assets failing a control, by keyset', async () => {
    const first = (
      await viewer.get('/api/v1/compliance/frameworks/owasp-llm/controls/LLM03/assets?limit=1').expect(200)
    ).body as TAffectedAssetPage;
    const seen: TAffectedAsset[] = [...first.items];
    let cursor = first.nextCursor;
    while (cursor) {
      const page = (
        await viewer
          .get(`/api/v1/compliance/frameworks/owasp-llm/controls/LLM03/assets?limit=1&cursor=${cursor}`)
          .expect(200)
      ).body as TAffectedAssetPage;
      seen.push(...page.items);
      cursor = page.nextCursor;
    }
    // The suppressed finding's notebook is not affected; each asset once, with the checks it fails.
    expect(seen.map((a) => a.id)).toEqual([notebooks[0], notebooks[1]]);
    expect(seen[0]).toMatchObject({ name: 'nb-0', accountId: accountA, riskScore: 70 });
    expect(seen[0]!.checks.map((c) => c.checkId)).toEqual([INTERNET, ROOT].sort());
    const other = await viewer
      .get(`/api/v1/compliance/frameworks/owasp-llm/controls/LLM03/assets?accountId=${accountB}`)
      .expect(200);
    expect(other.body.items).toEqual([]);
    await viewer.get('/api/v1/compliance/frameworks/owasp-llm/controls/LLM99/assets').expect(404);
    await viewer.get('/api/v1/compliance/frameworks/owasp-llm/controls/LLM03/assets?cursor=nope').expect(400);
  });
});

describe('custom frameworks', () => {
  it('accepts a YAML file and counts its controls from the same summaries', async () => {
    const res = await upload(admin, yamlFramework('acme-ai'), 'application/yaml').expect(201);
    const created = res.body as TFrameworkSummary;
    expect(created).toMatchObject({
      key: 'acme-ai',
      name: 'ACME AI policy',
      version: '1.10',
      builtIn: false,
      controls: { total: 3, failing: 1, passing: 1, manual: 1 },
    });
    expect(created.createdBy).toMatch(/@example\.test$/);

    const posture = (await viewer.get('/api/v1/compliance/frameworks/acme-ai').expect(200))
      .body as TFrameworkPosture;
    expect(posture.attribution).toBeNull();
    expect(posture.items.map((c) => [c.id, c.status])).toEqual([
      ['AI-1', 'failing'],
      ['AI-2', 'passing'],
      ['AI-3', 'manual'],
    ]);
    expect(posture.items[0]).toMatchObject({
      description: 'No notebook reaches the internet directly.',
      checks: [{ checkId: INTERNET, relationship: 'equivalent-to', failing: 1 }],
    });
    const assets = await viewer.get('/api/v1/compliance/frameworks/acme-ai/controls/AI-1/assets').expect(200);
    expect((assets.body as TAffectedAssetPage).items.map((a) => a.name)).toEqual(['nb-0']);

    const list = (await viewer.get('/api/v1/compliance/frameworks').expect(200)).body as TFrameworkList;
    expect(list.items.at(-1)?.key).toBe('acme-ai');
  });

  it('accepts the same kind of file as JSON, and x-yaml and text/yaml too', async () => {
    const json = {
      key: 'acme-json',
      name: 'ACME JSON',
      version: '2',
      controls: [{ id: 'J-1', title: 'Root', checks: [{ checkId: ROOT, relationship: 'intersects-with' }] }],
    };
    const res = await admin.post('/api/v1/compliance/frameworks', json).expect(201);
    expect(res.body).toMatchObject({ key: 'acme-json', controls: { total: 1, failing: 1 } });
    await upload(admin, yamlFramework('acme-x-yaml'), 'application/x-yaml').expect(201);
    await upload(admin, yamlFramework('acme-text-yaml'), 'text/yaml; charset=utf-8').expect(201);
  });

  it('answers a YAML syntax error with its line and column', async () => {
    const res = await upload(
      admin,
      'key: broken\nname: Broken\ncontrols:\n  - id: A\n    title: [oops\n',
      'application/yaml',
    );
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.errors).toEqual([
      {
        path: '',
        message: expect.stringMatching(/^YAML syntax error at line 6, column 1: /),
      },
    ]);
    expect(res.body.detail).toMatch(/line 6, column 1/);
  });

  it('lists every problem of a file with its path: unknown checks, duplicate control ids', async () => {
    const res = await upload(
      admin,
      `key: acme-bad
name: Bad
version: "1"
controls:
  - id: A
    title: One
    checks:
      - checkId: aws.x
        relationship: subset-of
  - id: A
    title: Again
    checks:
      - checkId: ${ROOT}
        relationship: related-to
`,
      'application/yaml',
    ).expect(400);
    // The shape's problem and the whole-file rules' problems in one answer.
    expect(res.body.errors).toEqual([
      { path: 'controls[1].checks[0].relationship', message: expect.stringContaining('intersects-with') },
      { path: 'controls[0].checks[0].checkId', message: 'unknown check "aws.x"' },
      { path: 'controls[1].id', message: 'duplicate control id "A" (first at controls[0])' },
    ]);
    const semantic = await upload(
      admin,
      `key: acme-bad\nname: Bad\nversion: "1"\ncontrols:\n  - id: A\n    title: One\n    checks:\n      - { checkId: aws.x, relationship: subset-of }\n  - id: A\n    title: Again\n    checks: []\n`,
      'application/yaml',
    ).expect(400);
    expect(semantic.body.errors).toEqual([
      { path: 'controls[0].checks[0].checkId', message: 'unknown check "aws.x"' },
      { path: 'controls[1].id', message: 'duplicate control id "A" (first at controls[0])' },
    ]);
    expect(semantic.body.detail).toContain('controls[0].checks[0].checkId: unknown check "aws.x"');
  });

  it('reads a JSON file up to the framework limit (past the API body limit), with line and column on errors', async () => {
    const controls = Array.from({ length: 1500 }, (_, i) => ({
      id: `C-${i}`,
      title: `Control ${i} ${'t'.repeat(150)}`,
      checks: [{ checkId: ROOT, relationship: 'intersects-with' }],
    }));
    const json = JSON.stringify(
      { key: 'acme-large-json', name: 'Big JSON', version: '1', controls },
      null,
      1,
    );
    expect(Buffer.byteLength(json)).toBeGreaterThan(256 * 1024);
    await upload(admin, json, 'application/json').expect(201);
    const broken = await upload(
      admin,
      '{\n  "key": "acme-broken",\n  "name": oops\n}',
      'application/json',
    ).expect(400);
    expect(broken.body.detail).toMatch(/line 3, column \d+/);
  });

  it('refuses a file over 1 MB, a built-in key, an existing key and other content types', async () => {
    const big = yamlFramework('acme-big', `# ${'x'.repeat(1_100_000)}\n`);
    const tooLarge = await upload(admin, big, 'application/yaml');
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.headers['content-type']).toMatch(/^application\/problem\+json/);

    const builtIn = await upload(admin, yamlFramework('owasp-llm'), 'application/yaml').expect(400);
    expect(builtIn.body.errors).toEqual([
      { path: 'key', message: '"owasp-llm" is a built-in framework; choose another key' },
    ]);
    const again = await upload(admin, yamlFramework('acme-ai'), 'application/yaml').expect(409);
    expect(again.body.detail).toMatch(/already has a framework with key "acme-ai"/);
    await upload(admin, yamlFramework('acme-plain'), 'text/plain').expect(415);
  });

  it('lets only administrators upload and delete', async () => {
    await upload(viewer, yamlFramework('acme-viewer'), 'application/yaml').expect(403);
    await viewer.delete('/api/v1/compliance/frameworks/acme-ai').expect(403);
  });

  it("keeps an organization's frameworks invisible to another organization", async () => {
    await otherAdmin.get('/api/v1/compliance/frameworks/acme-ai').expect(404);
    await otherAdmin.get('/api/v1/compliance/frameworks/acme-ai/controls/AI-1/assets').expect(404);
    await otherAdmin.delete('/api/v1/compliance/frameworks/acme-ai').expect(404);
    const list = (await otherAdmin.get('/api/v1/compliance/frameworks').expect(200)).body as TFrameworkList;
    expect(list.items.map((f) => f.key)).not.toContain('acme-ai');
    // Its figures are its own: the other organization has no summaries, so nothing fails there.
    expect(list.items.every((f) => f.controls.failing === 0 && f.controls.passing === 0)).toBe(true);
    // The same key is free in the other organization.
    await upload(otherAdmin, yamlFramework('acme-ai'), 'application/yaml').expect(201);
  });

  it('deletes custom frameworks only, and audits uploads and deletions', async () => {
    await admin.delete('/api/v1/compliance/frameworks/owasp-llm').expect(404);
    await admin.delete('/api/v1/compliance/frameworks/no-such').expect(404);
    const deleted = await admin.delete('/api/v1/compliance/frameworks/acme-ai').expect(200);
    expect(deleted.body).toMatchObject({ key: 'acme-ai', builtIn: false });
    await viewer.get('/api/v1/compliance/frameworks/acme-ai').expect(404);

    const events = (await api.admin.prisma.auditEvent.findMany({
      where: { tenantId: orgId, targetType: 'custom_framework' },
      orderBy: { createdAt: 'asc' },
    })) as unknown as TAuditEvent[];
    expect(events.map((e) => e.action)).toEqual([
      'compliance_framework.create',
      'compliance_framework.create',
      'compliance_framework.create',
      'compliance_framework.create',
      'compliance_framework.create',
      'compliance_framework.delete',
    ]);
    expect(events.at(-1)?.metadata).toMatchObject({ key: 'acme-ai', name: 'ACME AI policy' });
  });
});
