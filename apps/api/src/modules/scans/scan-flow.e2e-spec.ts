import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TAsset, TFinding, TPostureSummary, TScan } from '@aispm/contracts';
import {
  SIM_AWS_ACCESS_KEY_ID,
  SIM_AWS_SECRET_ACCESS_KEY,
  SIM_READONLY_ACCESS_KEY_ID,
  SIM_READONLY_SECRET_ACCESS_KEY,
  startSimulator,
  type RunningSimulator,
  type SimNotebook,
} from '@aispm/cloud-sim';
import { parseMasterKey } from '@aispm/config';
import { awsDiscoverers } from '@aispm/connectors';
import { checks } from '@aispm/risk';
import { parseOutboundPolicy } from '@aispm/security';
import { startWorker, type RunningWorker } from '@aispm/worker/testing';
import {
  TEST_MASTER_KEY,
  client,
  createOrg,
  createUser,
  signIn,
  startTestApi,
  type TestApi,
  type TestClient,
} from '../../testing/test-app';

// The whole slice, end to end: the API connects an account through the real AWS SDK against the simulator,
// the worker scans it, and the findings must be exactly the misconfigurations the simulator planted.
let sim: RunningSimulator;
let api: TestApi;
let worker: RunningWorker;
let orgId: string;
let otherOrgId: string;
/** An owner of `orgId` only, and an owner of `otherOrgId` only. */
let owner: TestClient;
let outsider: TestClient;

const CHECK_FOR: Record<string, string> = {
  'direct-internet-access': 'aws.sagemaker.notebook.direct_internet_access',
  'root-access': 'aws.sagemaker.notebook.root_access',
  'no-kms-key': 'aws.sagemaker.notebook.no_cmk',
};

/** The simulator's notebooks and core SageMaker ML resources (the kinds these tests look at closely). */
function everything(): { arn: string; region: string }[] {
  const e = sim.estate;
  return [...e.notebooks, ...e.trainingJobs, ...e.models, ...e.endpointConfigs, ...e.endpoints];
}
const CORE_TYPES = [
  'aws.sagemaker.notebook_instance',
  'aws.sagemaker.training_job',
  'aws.sagemaker.model',
  'aws.sagemaker.endpoint_config',
  'aws.sagemaker.endpoint',
].join(',');

/** Tasks of a scan of two regions: one per region for regional listings, one for account-wide ones. */
const expectedTasks = () => awsDiscoverers.reduce((n, d) => n + (d.scope === 'global' ? 1 : 2), 0);

/** Everything the inventory holds for the organization, all kinds. */
const inventoryCount = () => api.admin.prisma.asset.count({ where: { tenantId: orgId, deletedAt: null } });

function expectedFindings(notebooks: SimNotebook[]): string[] {
  return notebooks
    .flatMap((n) => n.misconfigurations.filter((m) => m in CHECK_FOR).map((m) => `${n.arn} ${CHECK_FOR[m]}`))
    .sort();
}

const get = (path: string, as: 'owner' | 'outsider' = 'owner') =>
  (as === 'owner' ? owner : outsider).get(path);

function accountBody(
  name: string,
  accessKeyId = SIM_AWS_ACCESS_KEY_ID,
  secretAccessKey = SIM_AWS_SECRET_ACCESS_KEY,
) {
  return {
    provider: 'aws',
    name,
    scopeIds: ['123456789012'],
    regions: ['us-east-1', 'eu-west-1'],
    endpoint: sim.url,
    credentials: { kind: 'access_key', accessKeyId, secretAccessKey },
  };
}

async function waitForScan(id: string): Promise<TScan> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const { body } = await get(`/api/v1/scans/${id}`).expect(200);
    if (body.status === 'completed' || body.status === 'failed') return body as TScan;
    if (Date.now() > deadline) throw new Error(`scan still ${body.status}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

async function allPages<T>(path: string, limit: number): Promise<T[][]> {
  const pages: T[][] = [];
  let cursor: string | null = null;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const { body } = await get(`${path}${sep}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`).expect(200);
    pages.push(body.items as T[]);
    cursor = body.nextCursor as string | null;
  } while (cursor);
  return pages;
}

beforeAll(async () => {
  sim = await startSimulator({ port: 0 });
  api = await startTestApi();
  worker = await startWorker(
    {
      REDIS_URL: api.env.REDIS_URL,
      MASTER_KEY: parseMasterKey(TEST_MASTER_KEY),
      DISCOVERY_CONCURRENCY: 2,
      RECONCILE_INTERVAL_MS: 60_000,
      OUTBOUND_ALLOW: parseOutboundPolicy('127.0.0.0/8,::1/128'),
    },
    api.db,
    pino({ level: 'silent' }),
  );
  orgId = await createOrg(api.admin, 'Scan flow');
  otherOrgId = await createOrg(api.admin, 'Someone else');
  owner = client(api, await signIn(api, await createUser(api.admin, [{ tenantId: orgId, role: 'owner' }])));
  outsider = client(
    api,
    await signIn(api, await createUser(api.admin, [{ tenantId: otherOrgId, role: 'owner' }])),
  );
});

afterAll(async () => {
  await worker?.close();
  await api?.close();
  await sim?.close();
});

describe('connecting an AWS account', () => {
  it('refuses credentials the cloud does not accept, naming the key and storing nothing', async () => {
    const res = await owner
      .post('/api/v1/accounts', accountBody('bad key', 'SIMUNKNOWNKEY0001', 'not-the-right-secret-000'))
      .expect(422);
    expect(res.body.title).toBe('Connection test failed');
    expect(res.body.detail).toContain('SIMU');
    expect(res.body.detail).not.toContain('not-the-right-secret-000');
    const { body } = await get('/api/v1/accounts').expect(200);
    expect(body.items).toEqual([]);
  });

  it('names the missing permission when the key lacks it', async () => {
    const res = await owner
      .post(
        '/api/v1/accounts',
        accountBody('read only', SIM_READONLY_ACCESS_KEY_ID, SIM_READONLY_SECRET_ACCESS_KEY),
      )
      .expect(422);
    expect(res.body.detail).toContain('sagemaker:ListNotebookInstances');
  });

  it('rejects invalid input field by field', async () => {
    const bad = { ...accountBody('x'), scopeIds: ['12345'], regions: ['mars-1'], endpoint: 'ftp://x' };
    const res = await owner.post('/api/v1/accounts', bad).expect(400);
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'endpoint',
      'regions.0',
      'scopeIds.0',
    ]);
  });
});

describe('a scan of the simulated account', () => {
  let accountId: string;
  let scan: TScan;

  beforeAll(async () => {
    const res = await owner.post('/api/v1/accounts', accountBody('Simulated AWS'));
    expect(res.status).toBe(201);
    accountId = res.body.id as string;
    const started = await owner.post(`/api/v1/accounts/${accountId}/scans`).expect(202);
    const again = await owner.post(`/api/v1/accounts/${accountId}/scans`).expect(202);
    expect(again.body.id).toBe(started.body.id);
    scan = await waitForScan(started.body.id as string);
  });

  it('stores the account with a fingerprint and never returns or logs the secret', async () => {
    const { body } = await get(`/api/v1/accounts/${accountId}`).expect(200);
    expect(body).toMatchObject({ name: 'Simulated AWS', status: 'connected', endpoint: sim.url });
    expect(body.credentialsFingerprint).toMatch(/^SIMD…0001 sha256:[0-9a-f]{8}$/);
    expect(JSON.stringify(body)).not.toContain(SIM_AWS_SECRET_ACCESS_KEY);
    const row = await api.admin.prisma.cloudAccount.findUniqueOrThrow({ where: { id: accountId } });
    expect(Buffer.from(row.credentialsCiphertext!).toString('latin1')).not.toContain(
      SIM_AWS_SECRET_ACCESS_KEY,
    );
    expect(api.logLines.join('\n')).not.toContain(SIM_AWS_SECRET_ACCESS_KEY);
    const audit = await api.admin.prisma.auditEvent.findMany({
      where: { tenantId: orgId },
      orderBy: { createdAt: 'asc' },
    });
    expect(audit.map((a) => a.action)).toEqual(['cloud_account.create', 'scan.start']);
    expect(JSON.stringify(audit)).not.toContain(SIM_AWS_SECRET_ACCESS_KEY);
  });

  it('completes, listing both regions', async () => {
    const total = await inventoryCount();
    expect(total).toBeGreaterThan(everything().length);
    expect(scan).toMatchObject({
      status: 'completed',
      partial: false,
      tasksTotal: expectedTasks(),
      tasksDone: expectedTasks(),
      tasksFailed: 0,
      assetsSeen: total,
      errors: [],
    });
    expect(scan.finishedAt).not.toBeNull();
  });

  it('inventories every notebook once, with its ARN exactly as returned, across keyset pages', async () => {
    const pages = await allPages<TAsset>('/api/v1/assets?assetType=aws.sagemaker.notebook_instance', 5);
    expect(pages.map((p) => p.length)).toEqual([5, 5, 2]);
    const assets = pages.flat();
    expect(assets.map((a) => a.nativeId).sort()).toEqual(sim.estate.notebooks.map((n) => n.arn).sort());
    const omitted = sim.estate.notebooks.find((n) => n.omittedFields.includes('RootAccess'))!;
    const stored = assets.find((a) => a.nativeId === omitted.arn)!;
    expect(stored.attributes).not.toHaveProperty('RootAccess');
    expect(stored.attributes.NotebookInstanceName).toBe(omitted.name);
    const { body: one } = await get(`/api/v1/assets/${stored.id}`).expect(200);
    expect(one.tags).toEqual(Object.fromEntries(omitted.tags.map((t) => [t.Key, t.Value])));
  });

  it('filters the inventory by region and text', async () => {
    const { body } = await get(`/api/v1/assets?region=eu-west-1&assetType=${CORE_TYPES}&limit=100`).expect(
      200,
    );
    const inEu = everything().filter((n) => n.region === 'eu-west-1');
    expect(body.items.map((a: TAsset) => a.nativeId).sort()).toEqual(inEu.map((n) => n.arn).sort());
    const target = sim.estate.notebooks[3]!;
    const { body: byName } = await get(`/api/v1/assets?q=${target.name.toUpperCase()}`).expect(200);
    expect(byName.items.map((a: TAsset) => a.name)).toContain(target.name);
  });

  it('finds exactly the planted notebook misconfigurations, and nothing where the cloud returned no field', async () => {
    const findings = (await allPages<TFinding>('/api/v1/findings', 50)).flat();
    const notebookChecks = new Set(Object.values(CHECK_FOR));
    expect(
      findings
        .filter((f) => notebookChecks.has(f.checkId))
        .map((f) => `${f.asset.nativeId} ${f.checkId}`)
        .sort(),
    ).toEqual(expectedFindings(sim.estate.notebooks));
    // Listed highest risk first (the default order).
    const scores = findings.map((f) => f.riskScore);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const dia = findings.find((f) => f.checkId === 'aws.sagemaker.notebook.direct_internet_access')!;
    expect(dia).toMatchObject({
      title: 'SageMaker notebook instance has direct internet access',
      status: 'open',
      evidence: { DirectInternetAccess: 'Enabled' },
    });
    // The other checks ran too, over the assets they concern, with their neighbours: a training job reading
    // the public training-data bucket is found through its relation to the bucket.
    const types = new Set(findings.map((f) => f.asset.assetType));
    for (const t of ['aws.sagemaker.training_job', 'aws.bedrock.agent', 'aws.iam.role'])
      expect(types).toContain(t);
    expect(findings.some((f) => f.checkId === 'aws.sagemaker.training_job.public_training_data')).toBe(true);
  });

  it('filters findings by severity and check', async () => {
    const { body } = await get('/api/v1/findings?severity=high&limit=100').expect(200);
    expect(body.items.length).toBeGreaterThan(0);
    expect(body.items.every((f: TFinding) => f.severity === 'high')).toBe(true);
    expect(body.items.map((f: TFinding) => f.checkId)).toContain(
      'aws.sagemaker.notebook.direct_internet_access',
    );
    const { body: root } = await get('/api/v1/findings?checkId=aws.sagemaker.notebook.root_access').expect(
      200,
    );
    const planted = sim.estate.notebooks.filter((n) => n.misconfigurations.includes('root-access'));
    expect(root.items).toHaveLength(planted.length);
  });

  it('sums the posture for the dashboard', async () => {
    const { body } = (await get('/api/v1/posture/summary').expect(200)) as { body: TPostureSummary };
    const findings = (await allPages<TFinding>('/api/v1/findings', 100)).flat();
    const withFindings = new Set(findings.map((f) => f.assetId)).size;
    const total = await inventoryCount();
    // The score is over the assets some check covers.
    const evaluated = await api.admin.prisma.asset.count({
      where: {
        tenantId: orgId,
        deletedAt: null,
        assetType: { in: [...new Set(checks.map((c) => c.assetType))] },
      },
    });
    expect(body).toMatchObject({
      accounts: 1,
      score: Math.round((100 * (evaluated - withFindings)) / evaluated),
      assets: { total, withOpenFindings: withFindings, byProvider: [{ provider: 'aws', count: total }] },
      findings: { open: findings.length },
      lastScan: { id: scan.id, status: 'completed' },
    });
    expect(body.findings.bySeverity.map((s) => s.severity)).toEqual([
      'critical',
      'high',
      'medium',
      'low',
      'info',
    ]);
  });

  it('shows another organization none of it', async () => {
    expect((await get('/api/v1/assets', 'outsider').expect(200)).body.items).toEqual([]);
    expect((await get('/api/v1/findings', 'outsider').expect(200)).body.items).toEqual([]);
    expect((await get('/api/v1/accounts', 'outsider').expect(200)).body.items).toEqual([]);
    await get(`/api/v1/accounts/${accountId}`, 'outsider').expect(404);
    await get(`/api/v1/scans/${scan.id}`, 'outsider').expect(404);
    await outsider.post(`/api/v1/accounts/${accountId}/scans`).expect(404);
    const { body } = await get('/api/v1/posture/summary', 'outsider').expect(200);
    expect(body).toMatchObject({ score: null, accounts: 0, findings: { open: 0 }, lastScan: null });
  });

  it('rescans idempotently: same assets, same findings, first seen kept', async () => {
    const total = await inventoryCount();
    const before = (await allPages<TFinding>('/api/v1/findings', 100)).flat();
    const started = await owner.post(`/api/v1/accounts/${accountId}/scans`).expect(202);
    expect(started.body.id).not.toBe(scan.id);
    await waitForScan(started.body.id as string);
    const after = (await allPages<TFinding>('/api/v1/findings', 100)).flat();
    expect(after.map((f) => [f.id, f.firstSeen]).sort()).toEqual(
      before.map((f) => [f.id, f.firstSeen]).sort(),
    );
    const { body } = await get(`/api/v1/assets?assetType=${CORE_TYPES}&limit=100`).expect(200);
    expect(body.items).toHaveLength(everything().length);
    expect(await inventoryCount()).toBe(total);
  });

  it('links each endpoint to its config and the config to the models it serves', async () => {
    const endpoint = sim.estate.endpoints[0]!;
    const { body: list } = await get(`/api/v1/assets?q=${encodeURIComponent(endpoint.arn)}`).expect(200);
    const asset = (list.items as TAsset[]).find((a) => a.nativeId === endpoint.arn)!;
    const { body: detail } = await get(`/api/v1/assets/${asset.id}`).expect(200);
    const config = (detail as TAsset).relations!.find((r) => r.kind === 'uses_config')!;
    expect(config).toMatchObject({ direction: 'out', asset: { assetType: 'aws.sagemaker.endpoint_config' } });
    const { body: configDetail } = await get(`/api/v1/assets/${config.asset.id}`).expect(200);
    const kinds = (configDetail as TAsset).relations!.map(
      (r) => `${r.direction} ${r.kind} ${r.asset.assetType}`,
    );
    expect(kinds).toContain('in uses_config aws.sagemaker.endpoint');
    expect(kinds).toContain('out serves_model aws.sagemaker.model');
  });

  it('refuses a second account with the same name', async () => {
    const res = await owner.post('/api/v1/accounts', accountBody('Simulated AWS')).expect(409);
    expect(res.body.errors).toEqual([{ path: 'name', message: 'already in use' }]);
  });
});
