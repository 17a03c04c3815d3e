import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TAttackPath, TAttackPathListItem, TAttackPathPage } from '@aispm/contracts';
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

const INTERNET = 'aws.sagemaker.notebook.direct_internet_access';
const ADMIN_POLICY = 'aws.sagemaker.execution_role.admin_policy_attached';

let api: TestApi;
let orgId: string;
let otherOrgId: string;
let viewer: TestClient;
let outsider: TestClient;
let accountA: string;
let accountB: string;
let notebookId: string;
let roleId: string;
let internetFinding: string;
let adminFinding: string;
/** Path ids by label. */
const paths: Record<string, string> = {};

async function addAsset(tenantId: string, accountId: string, assetType: string, name: string) {
  const id = newId();
  await api.admin.prisma.asset.create({
    data: {
      id,
      tenantId,
      accountId,
      provider: 'aws',
      assetType,
      nativeId: `arn:${name}`,
      name,
      region: 'us-east-1',
      firstSeen: new Date(),
      lastSeen: new Date(),
    },
  });
  return id;
}

async function addPath(
  label: string,
  data: {
    tenantId?: string;
    accountId?: string;
    riskScore: number;
    status?: 'open' | 'resolved';
    id?: string;
    nodes?: object[];
    findingIds?: string[];
  },
) {
  const id = data.id ?? newId();
  const at = new Date('2025-05-01T12:00:00Z');
  await api.admin.prisma.attackPath.create({
    data: {
      id,
      tenantId: data.tenantId ?? orgId,
      accountId: data.accountId ?? accountA,
      pattern: 'exposed-notebook-admin-role',
      title: 'Internet-facing notebook runs as a role with admin rights',
      severity: 'critical',
      riskScore: data.riskScore,
      signature: `sig-${id}`,
      nodes: data.nodes ?? [
        {
          assetId: notebookId,
          assetType: 'aws.sagemaker.notebook_instance',
          nativeId: 'arn:exposed',
          name: `entry-${label}`,
          role: 'Notebook with direct internet access',
        },
        {
          assetId: roleId,
          assetType: 'aws.iam.role',
          nativeId: 'arn:notebooks',
          name: 'notebooks',
          role: 'Over-privileged execution role',
        },
      ],
      edges: [{ from: notebookId, to: roleId, kind: 'uses_role' }],
      findingIds: data.findingIds ?? [],
      status: data.status ?? 'open',
      firstSeen: at,
      lastSeen: at,
      resolvedAt: data.status === 'resolved' ? at : null,
    },
  });
  paths[label] = id;
  return id;
}

async function pageThrough(query: string, limit: number): Promise<TAttackPathListItem[][]> {
  const pages: TAttackPathListItem[][] = [];
  let cursor: string | null = null;
  do {
    const res = await viewer
      .get(`/api/v1/attack-paths?${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`)
      .expect(200);
    const body = res.body as TAttackPathPage;
    pages.push(body.items);
    cursor = body.nextCursor;
  } while (cursor);
  return pages;
}

beforeAll(async () => {
  api = await startTestApi();
  orgId = await createOrg(api.admin, 'Attack paths');
  otherOrgId = await createOrg(api.admin, 'Attack paths elsewhere');
  viewer = client(api, await signIn(api, await createUser(api.admin, [{ tenantId: orgId, role: 'viewer' }])));
  outsider = client(
    api,
    await signIn(api, await createUser(api.admin, [{ tenantId: otherOrgId, role: 'owner' }])),
  );
  accountA = newId();
  accountB = newId();
  const otherAccount = newId();
  await api.admin.prisma.cloudAccount.createMany({
    data: [
      { id: accountA, tenantId: orgId, provider: 'aws', name: 'a', scopeIds: [], regions: [] },
      { id: accountB, tenantId: orgId, provider: 'aws', name: 'b', scopeIds: [], regions: [] },
      { id: otherAccount, tenantId: otherOrgId, provider: 'aws', name: 'c', scopeIds: [], regions: [] },
    ],
  });
  notebookId = await addAsset(orgId, accountA, 'aws.sagemaker.notebook_instance', 'exposed');
  roleId = await addAsset(orgId, accountA, 'aws.iam.role', 'notebooks');
  // The inventory has moved on since the path was found: the role was renamed and given an owner.
  await api.admin.prisma.asset.update({
    where: { id: roleId },
    data: { name: 'notebooks-renamed', owner: 'ml-platform', criticality: 'high', riskScore: 80 },
  });
  internetFinding = newId();
  adminFinding = newId();
  const finding = (id: string, assetId: string, checkId: string, riskScore: number) => ({
    id,
    tenantId: orgId,
    accountId: accountA,
    assetId,
    checkId,
    severity: 'high' as const,
    riskScore,
    firstSeen: new Date(),
    lastSeen: new Date(),
  });
  await api.admin.prisma.finding.createMany({
    data: [
      finding(internetFinding, notebookId, INTERNET, 90),
      finding(adminFinding, roleId, ADMIN_POLICY, 80),
    ],
  });

  // Open paths with risk 90, 70, 70, 70 (ties ordered by id), 40 in account A, 60 in account B; one resolved.
  const tied = [newId(), newId(), newId()].sort();
  await addPath('top', { riskScore: 90, findingIds: [internetFinding, adminFinding] });
  await addPath('tie-c', { riskScore: 70, id: tied[2] });
  await addPath('tie-a', { riskScore: 70, id: tied[0] });
  await addPath('tie-b', { riskScore: 70, id: tied[1] });
  await addPath('low', { riskScore: 40 });
  await addPath('other-account', { riskScore: 60, accountId: accountB });
  await addPath('resolved', { riskScore: 95, status: 'resolved' });
  await addPath('foreign', { riskScore: 99, tenantId: otherOrgId, accountId: otherAccount, nodes: [] });
});

afterAll(async () => {
  await api?.close();
});

describe('attack paths list', () => {
  it('lists open paths by risk score, highest first, ties by id, with where each starts', async () => {
    const res = await viewer.get('/api/v1/attack-paths').expect(200);
    const body = res.body as TAttackPathPage;
    expect(body.items.map((p) => p.id)).toEqual(
      ['top', 'tie-a', 'tie-b', 'tie-c', 'other-account', 'low'].map((l) => paths[l]),
    );
    expect(body.nextCursor).toBeNull();
    expect(body.items[0]).toMatchObject({
      title: 'Internet-facing notebook runs as a role with admin rights',
      severity: 'critical',
      riskScore: 90,
      status: 'open',
      pattern: 'exposed-notebook-admin-role',
      entry: { assetId: notebookId, name: 'entry-top', role: 'Notebook with direct internet access' },
      nodeCount: 2,
      findingCount: 2,
      lastSeen: '2025-05-01T12:00:00.000Z',
      resolvedAt: null,
    });
  });

  it('pages through the same order without skipping or repeating a path', async () => {
    const pages = await pageThrough('status=open', 2);
    expect(pages.map((p) => p.length)).toEqual([2, 2, 2]);
    expect(pages.flat().map((p) => p.id)).toEqual(
      ['top', 'tie-a', 'tie-b', 'tie-c', 'other-account', 'low'].map((l) => paths[l]),
    );
  });

  it('filters by status and by account', async () => {
    const resolved = (await viewer.get('/api/v1/attack-paths?status=resolved').expect(200))
      .body as TAttackPathPage;
    expect(resolved.items.map((p) => [p.id, p.status])).toEqual([[paths.resolved, 'resolved']]);
    expect(resolved.items[0]!.resolvedAt).toBe('2025-05-01T12:00:00.000Z');
    const b = (await viewer.get(`/api/v1/attack-paths?accountId=${accountB}`).expect(200))
      .body as TAttackPathPage;
    expect(b.items.map((p) => p.id)).toEqual([paths['other-account']]);
  });

  it('never shows another organization’s paths', async () => {
    const mine = (await viewer.get('/api/v1/attack-paths?limit=500').expect(200)).body as TAttackPathPage;
    expect(mine.items.map((p) => p.id)).not.toContain(paths.foreign);
    const theirs = (await outsider.get('/api/v1/attack-paths').expect(200)).body as TAttackPathPage;
    expect(theirs.items.map((p) => p.id)).toEqual([paths.foreign]);
    // A path whose stored nodes are empty still lists, without an entry.
    expect(theirs.items[0]).toMatchObject({ entry: null, nodeCount: 0 });
  });

  it('refuses bad queries as problem+json 400', async () => {
    for (const q of ['status=closed', 'limit=0', 'limit=501', 'accountId=nope', 'cursor=not-a-cursor']) {
      const res = await viewer.get(`/api/v1/attack-paths?${q}`).expect(400);
      expect(res.headers['content-type'], q).toMatch(/^application\/problem\+json/);
      expect(res.body.errors.length, q).toBeGreaterThan(0);
    }
  });
});

describe('one attack path', () => {
  it('shows the chain with its assets as they are now, the rule’s narrative and the findings', async () => {
    const res = await viewer.get(`/api/v1/attack-paths/${paths.top}`).expect(200);
    const path = res.body as TAttackPath;
    expect(path.narrative).toMatch(/^Anyone who gets code running in the notebook/);
    expect(path.edges).toEqual([{ from: notebookId, to: roleId, kind: 'uses_role' }]);
    expect(path.nodes.map((n) => [n.name, n.role, n.asset?.name])).toEqual([
      ['entry-top', 'Notebook with direct internet access', 'exposed'],
      ['notebooks', 'Over-privileged execution role', 'notebooks-renamed'],
    ]);
    expect(path.nodes[1]!.asset).toMatchObject({
      id: roleId,
      assetType: 'aws.iam.role',
      provider: 'aws',
      criticality: 'high',
      owner: 'ml-platform',
      riskScore: 80,
      deletedAt: null,
    });
    expect(path.findings).toEqual([
      {
        id: internetFinding,
        assetId: notebookId,
        checkId: INTERNET,
        title: 'SageMaker notebook instance has direct internet access',
        severity: 'high',
        status: 'open',
        riskScore: 90,
      },
      expect.objectContaining({ id: adminFinding, checkId: ADMIN_POLICY, riskScore: 80 }),
    ]);
  });

  it('shows a node whose asset is gone from the inventory without asset data', async () => {
    const gone = newId();
    const id = await addPath('gone', {
      riskScore: 10,
      nodes: [
        {
          assetId: gone,
          assetType: 'aws.sagemaker.notebook_instance',
          nativeId: 'arn:gone',
          name: 'gone',
          role: 'x',
        },
      ],
    });
    const path = (await viewer.get(`/api/v1/attack-paths/${id}`).expect(200)).body as TAttackPath;
    expect(path.nodes).toEqual([expect.objectContaining({ assetId: gone, name: 'gone', asset: null })]);
    expect(path.findings).toEqual([]);
  });

  it('answers 404 problem+json for another organization’s path or an unknown id, 400 for a bad id', async () => {
    for (const id of [paths.foreign, newId()]) {
      const res = await viewer.get(`/api/v1/attack-paths/${id}`).expect(404);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    await outsider.get(`/api/v1/attack-paths/${paths.top}`).expect(404);
    await viewer.get('/api/v1/attack-paths/not-a-uuid').expect(400);
  });
});
