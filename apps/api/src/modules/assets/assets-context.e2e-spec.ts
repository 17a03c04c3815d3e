import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TAsset, TAuditEvent } from '@aispm/contracts';
import { parseMasterKey } from '@aispm/config';
import { newId } from '@aispm/db';
import { createRedisConnection, evaluateScanJob, JobQueues } from '@aispm/jobs';
import { SCORE_WEIGHTS } from '@aispm/risk';
import { parseOutboundPolicy } from '@aispm/security';
import { startWorker, type RunningWorker } from '@aispm/worker/testing';
import type { Redis } from 'ioredis';
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

// PATCH /api/v1/assets/{id}: the business context users set (criticality, owner), audited, and picked up by the
// next (incremental) evaluation of the account, which scores the asset's findings with it.

const INTERNET = 'aws.sagemaker.notebook.direct_internet_access';

let api: TestApi;
let worker: RunningWorker;
let redis: Redis;
let queues: JobQueues;
let orgId: string;
let accountId: string;
let admin: TestClient;
let analyst: TestClient;
let viewer: TestClient;
let outsider: TestClient;
const assets: Record<string, string> = {};

async function addNotebook(name: string, tenantId = orgId, account = accountId): Promise<string> {
  const id = newId();
  const arn = `arn:aws:sagemaker:us-east-1:123456789012:notebook-instance/${name}`;
  await api.admin.prisma.asset.create({
    data: {
      id,
      tenantId,
      accountId: account,
      provider: 'aws',
      assetType: 'aws.sagemaker.notebook_instance',
      nativeId: arn,
      name,
      region: 'us-east-1',
      // Open to the internet: the internet-access check fails.
      attributes: {
        NotebookInstanceArn: arn,
        NotebookInstanceName: name,
        NotebookInstanceStatus: 'InService',
        DirectInternetAccess: 'Enabled',
        RootAccess: 'Disabled',
        KmsKeyId: 'arn:aws:kms:us-east-1:123456789012:key/abc',
      },
      firstSeen: new Date(),
      lastSeen: new Date(),
      changedAt: new Date(Date.now() - 60_000),
    },
  });
  return id;
}

/** Runs the worker's evaluation of the account, as a finished discovery would hand it over. */
async function evaluate(): Promise<void> {
  const scanId = newId();
  await api.admin.prisma.scan.create({
    data: { id: scanId, tenantId: orgId, accountId, status: 'evaluating', startedAt: new Date() },
  });
  await queues.enqueue(evaluateScanJob, { tenantId: orgId, scanId });
  const deadline = Date.now() + 30_000;
  for (;;) {
    const scan = await api.admin.prisma.scan.findUniqueOrThrow({ where: { id: scanId } });
    if (scan.status === 'completed') return;
    if (scan.status === 'failed' || Date.now() > deadline) throw new Error(`evaluation ended ${scan.status}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const internetFinding = (assetId: string) =>
  api.admin.prisma.finding.findFirstOrThrow({ where: { tenantId: orgId, assetId, checkId: INTERNET } });

const patch = (c: TestClient, id: string, body: unknown) =>
  c.request('patch', `/api/v1/assets/${id}`).send(body as object);

beforeAll(async () => {
  api = await startTestApi();
  redis = createRedisConnection(api.env.REDIS_URL);
  queues = new JobQueues(redis);
  worker = await startWorker(
    {
      REDIS_URL: api.env.REDIS_URL,
      MASTER_KEY: parseMasterKey(TEST_MASTER_KEY),
      DISCOVERY_CONCURRENCY: 1,
      RECONCILE_INTERVAL_MS: 60_000,
      OUTBOUND_ALLOW: parseOutboundPolicy('127.0.0.0/8,::1/128'),
    },
    api.db,
    pino({ level: 'silent' }),
    { discoverers: [] },
  );
  orgId = await createOrg(api.admin, 'Asset context');
  const otherOrgId = await createOrg(api.admin, 'Asset context elsewhere');
  const as = async (role: 'admin' | 'analyst' | 'viewer', tenantId = orgId) =>
    client(api, await signIn(api, await createUser(api.admin, [{ tenantId, role }])));
  admin = await as('admin');
  analyst = await as('analyst');
  viewer = await as('viewer');
  outsider = await as('admin', otherOrgId);

  accountId = newId();
  const otherAccount = newId();
  await api.admin.prisma.cloudAccount.createMany({
    data: [
      { id: accountId, tenantId: orgId, provider: 'aws', name: 'a', scopeIds: ['123456789012'], regions: [] },
      { id: otherAccount, tenantId: otherOrgId, provider: 'aws', name: 'b', scopeIds: [], regions: [] },
    ],
  });
  assets.billing = await addNotebook('billing-notebook');
  assets.scratch = await addNotebook('scratch-notebook');
  assets.foreign = await addNotebook('foreign-notebook', otherOrgId, otherAccount);
});

afterAll(async () => {
  await worker?.close();
  await queues?.close();
  redis?.disconnect();
  await api?.close();
});

describe('asset business context', () => {
  it('starts unset: no criticality, no owner, risk score 0', async () => {
    const { body } = (await viewer.get(`/api/v1/assets/${assets.billing}`).expect(200)) as { body: TAsset };
    expect(body).toMatchObject({ criticality: null, owner: null, riskScore: 0 });
  });

  it('lets an admin set criticality and owner, audits the change and marks the asset changed', async () => {
    const before = await api.admin.prisma.asset.findUniqueOrThrow({ where: { id: assets.billing } });
    const res = await patch(admin, assets.billing!, { criticality: 'critical', owner: 'ml-platform' }).expect(
      200,
    );
    expect(res.body as TAsset).toMatchObject({
      id: assets.billing,
      name: 'billing-notebook',
      criticality: 'critical',
      owner: 'ml-platform',
    });
    const after = await api.admin.prisma.asset.findUniqueOrThrow({ where: { id: assets.billing } });
    expect(after.changedAt.getTime()).toBeGreaterThan(before.changedAt.getTime());
    // What the inventory now shows.
    const { body } = await viewer.get(`/api/v1/assets/${assets.billing}`).expect(200);
    expect(body).toMatchObject({ criticality: 'critical', owner: 'ml-platform' });

    const audit = await admin.get('/api/v1/audit-events?limit=10').expect(200);
    const event = (audit.body.items as TAuditEvent[]).find((e) => e.action === 'asset.update');
    expect(event).toMatchObject({
      targetType: 'asset',
      targetId: assets.billing,
      metadata: {
        criticality: { from: null, to: 'critical' },
        owner: { from: null, to: 'ml-platform' },
      },
    });
  });

  it('changes one field at a time, clears with null, and writes nothing when nothing changes', async () => {
    await patch(admin, assets.billing!, { owner: 'alice@example.com' }).expect(200);
    let row = await api.admin.prisma.asset.findUniqueOrThrow({ where: { id: assets.billing } });
    expect(row).toMatchObject({ criticality: 'critical', owner: 'alice@example.com' });

    const audits = () =>
      api.admin.prisma.auditEvent.count({ where: { tenantId: orgId, action: 'asset.update' } });
    const count = await audits();
    const changedAt = row.changedAt;
    await patch(admin, assets.billing!, { owner: 'alice@example.com' }).expect(200);
    expect(await audits()).toBe(count);
    row = await api.admin.prisma.asset.findUniqueOrThrow({ where: { id: assets.billing } });
    expect(row.changedAt).toEqual(changedAt);

    const cleared = await patch(admin, assets.billing!, { owner: null }).expect(200);
    expect(cleared.body).toMatchObject({ criticality: 'critical', owner: null });
    expect(await audits()).toBe(count + 1);
  });

  it('refuses bad values as problem+json 400 naming the field', async () => {
    const cases: [unknown, string][] = [
      [{}, ''],
      [{ criticality: 'urgent' }, 'criticality'],
      [{ owner: '' }, 'owner'],
      [{ owner: '   ' }, 'owner'],
      [{ owner: 'not an <email>' }, 'owner'],
      [{ owner: 'x'.repeat(201) }, 'owner'],
      [{ owner: 42 }, 'owner'],
    ];
    for (const [body, path] of cases) {
      const res = await patch(admin, assets.billing!, body).expect(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(
        res.body.errors.map((e: { path: string }) => e.path),
        JSON.stringify(body),
      ).toContain(path);
    }
    await patch(admin, 'not-a-uuid', { owner: 'team' }).expect(400);
    const row = await api.admin.prisma.asset.findUniqueOrThrow({ where: { id: assets.billing } });
    expect(row).toMatchObject({ criticality: 'critical', owner: null });
  });

  it('is for roles that may change accounts (accounts:write): analysts and viewers get 403', async () => {
    await patch(analyst, assets.scratch!, { criticality: 'low' }).expect(403);
    await patch(viewer, assets.scratch!, { criticality: 'low' }).expect(403);
    const row = await api.admin.prisma.asset.findUniqueOrThrow({ where: { id: assets.scratch } });
    expect(row.criticality).toBeNull();
  });

  it('answers 404 for another organization’s asset and leaves it alone', async () => {
    const res = await patch(admin, assets.foreign!, { criticality: 'low' }).expect(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    await patch(outsider, assets.billing!, { criticality: 'low' }).expect(404);
    const foreign = await api.admin.prisma.asset.findUniqueOrThrow({ where: { id: assets.foreign } });
    expect(foreign.criticality).toBeNull();
  });

  it('is picked up by the next incremental evaluation, which scores the findings with it', async () => {
    // Start from no criticality on either notebook; the first evaluation covers everything.
    await patch(admin, assets.billing!, { criticality: null }).expect(200);
    await evaluate();
    const first = await internetFinding(assets.billing!);
    const scratchFirst = await internetFinding(assets.scratch!);
    expect(first.riskFactors).toMatchObject({ criticality: 0 });
    expect(first.riskScore).toBe(scratchFirst.riskScore);

    // Nothing else changed: only the asset marked changed by the PATCH is evaluated again.
    await patch(admin, assets.billing!, { criticality: 'critical' }).expect(200);
    await evaluate();
    const second = await internetFinding(assets.billing!);
    expect(second.riskFactors).toMatchObject({ criticality: SCORE_WEIGHTS.criticality.critical });
    expect(second.riskScore).toBe(first.riskScore + SCORE_WEIGHTS.criticality.critical);
    expect((await internetFinding(assets.scratch!)).riskScore).toBe(scratchFirst.riskScore);
    const { body } = await viewer.get(`/api/v1/assets/${assets.billing}`).expect(200);
    expect(body.riskScore).toBe(second.riskScore);

    await patch(admin, assets.billing!, { criticality: 'low' }).expect(200);
    await evaluate();
    const third = await internetFinding(assets.billing!);
    expect(third.riskScore).toBe(first.riskScore + SCORE_WEIGHTS.criticality.low);
  });
});
