import { type Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ConnectorError } from '@aispm/connectors';
import { newId, type Database } from '@aispm/db';
import { QUEUES, accountScheduleId, scheduledScanJob, type JobQueues } from '@aispm/jobs';
import {
  startScan,
  startScanHarness,
  waitForScan as waitForScanIn,
  type ScanHarness,
} from './testing/harness';
import { createTenantWithAccount, notebookRecord, type ScriptedDiscoverer } from './testing/fixtures';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/1';

let h: ScanHarness;
let admin: Database;
let queues: JobQueues;
let redis: Redis;
let discoverer: ScriptedDiscoverer;
let tenantId: string;
let accountId: string;

const waitForScan = (scanId: string, timeoutMs?: number) => waitForScanIn(admin, scanId, timeoutMs);
const runScan = (opts: { enqueue?: boolean } = {}) => startScan(h, { tenantId, accountId }, opts);

const findings = (status?: 'open' | 'resolved') =>
  admin.prisma.finding.findMany({
    where: { tenantId, ...(status ? { status } : {}) },
    include: { asset: true },
    orderBy: [{ checkId: 'asc' }],
  });

beforeAll(async () => {
  h = await startScanHarness(REDIS_URL);
  ({ admin, queues, redis, discoverer } = h);
});

afterAll(async () => {
  await h?.close();
});

beforeEach(async () => {
  ({ tenantId, accountId } = await createTenantWithAccount(admin, ['us-east-1', 'eu-west-1']));
  discoverer.script.clear();
});

describe('scan pipeline', () => {
  it('lists every region page by page, evaluates, and completes with counts and findings', async () => {
    discoverer.script.set('us-east-1', [
      [notebookRecord('open-nb', 'us-east-1', { DirectInternetAccess: 'Enabled', RootAccess: 'Enabled' })],
      [notebookRecord('good-nb', 'us-east-1')],
    ]);
    discoverer.script.set('eu-west-1', [[notebookRecord('nokey-nb', 'eu-west-1', { KmsKeyId: undefined })]]);

    const scan = await waitForScan(await runScan());
    expect(scan).toMatchObject({
      status: 'completed',
      partial: false,
      tasksTotal: 2,
      tasksDone: 2,
      tasksFailed: 0,
    });
    expect(scan.assetsSeen).toBe(3);
    expect(scan.findingsOpen).toBe(3);
    const tasks = await admin.prisma.scanTask.findMany({
      where: { scanId: scan.id },
      orderBy: { region: 'asc' },
    });
    expect(tasks.map((t) => [t.region, t.status, t.pages, t.assets])).toEqual([
      ['eu-west-1', 'succeeded', 1, 1],
      ['us-east-1', 'succeeded', 2, 2],
    ]);
    expect((await findings('open')).map((f) => [f.asset.name, f.checkId])).toEqual([
      ['open-nb', 'aws.sagemaker.notebook.direct_internet_access'],
      ['nokey-nb', 'aws.sagemaker.notebook.no_cmk'],
      ['open-nb', 'aws.sagemaker.notebook.root_access'],
    ]);
    const account = await admin.prisma.cloudAccount.findUniqueOrThrow({ where: { id: accountId } });
    expect(account.lastScanId).toBe(scan.id);
  });

  it('re-ingests idempotently, resolves fixed findings, reopens regressions and keeps first_seen', async () => {
    discoverer.script.set('us-east-1', [[notebookRecord('nb', 'us-east-1', { RootAccess: 'Enabled' })]]);
    await waitForScan(await runScan());
    const [first] = await findings('open');
    const assetBefore = await admin.prisma.asset.findFirstOrThrow({ where: { tenantId } });

    await waitForScan(await runScan());
    const [again] = await findings('open');
    expect(again!.id).toBe(first!.id);
    expect(again!.firstSeen).toEqual(first!.firstSeen);
    expect(await admin.prisma.asset.count({ where: { tenantId } })).toBe(1);
    const assetAfter = await admin.prisma.asset.findFirstOrThrow({ where: { tenantId } });
    expect(assetAfter.firstSeen).toEqual(assetBefore.firstSeen);
    expect(assetAfter.lastSeen.getTime()).toBeGreaterThan(assetBefore.lastSeen.getTime());

    discoverer.script.set('us-east-1', [[notebookRecord('nb', 'us-east-1', { RootAccess: 'Disabled' })]]);
    await waitForScan(await runScan());
    const [fixed] = await findings();
    expect(fixed).toMatchObject({ id: first!.id, status: 'resolved' });
    expect(fixed!.resolvedAt).not.toBeNull();

    discoverer.script.set('us-east-1', [[notebookRecord('nb', 'us-east-1', { RootAccess: 'Enabled' })]]);
    await waitForScan(await runScan());
    const [reopened] = await findings();
    expect(reopened).toMatchObject({ id: first!.id, status: 'open', resolvedAt: null });
  });

  it('gives no verdict when a field is missing: an unknown leaves an open finding as it is', async () => {
    discoverer.script.set('us-east-1', [[notebookRecord('nb', 'us-east-1', { RootAccess: 'Enabled' })]]);
    await waitForScan(await runScan());
    discoverer.script.set('us-east-1', [[notebookRecord('nb', 'us-east-1', { RootAccess: undefined })]]);
    await waitForScan(await runScan());
    expect((await findings()).map((f) => [f.checkId, f.status])).toEqual([
      ['aws.sagemaker.notebook.root_access', 'open'],
    ]);
  });

  it('marks an asset deleted only after a complete listing no longer returns it', async () => {
    discoverer.script.set('us-east-1', [
      [
        notebookRecord('stays', 'us-east-1'),
        notebookRecord('goes', 'us-east-1', { DirectInternetAccess: 'Enabled' }),
      ],
    ]);
    await waitForScan(await runScan());
    discoverer.script.set('us-east-1', [[notebookRecord('stays', 'us-east-1')]]);
    await waitForScan(await runScan());
    const assets = await admin.prisma.asset.findMany({ where: { tenantId }, orderBy: { name: 'asc' } });
    expect(assets.map((a) => [a.name, a.deletedAt === null])).toEqual([
      ['goes', false],
      ['stays', true],
    ]);
    expect((await findings()).map((f) => [f.asset.name, f.status])).toEqual([['goes', 'resolved']]);
  });

  it('keeps the inventory when a listing fails part-way, and reports the scan as partial', async () => {
    discoverer.script.set('us-east-1', [
      [notebookRecord('a', 'us-east-1')],
      [notebookRecord('b', 'us-east-1')],
    ]);
    await waitForScan(await runScan());
    discoverer.script.set('us-east-1', [
      [notebookRecord('a', 'us-east-1')],
      new ConnectorError({
        code: 'AccessDenied',
        service: 'sagemaker.notebooks',
        retryable: false,
        message: 'the credentials lack sagemaker:ListNotebookInstances',
      }),
    ]);
    const scan = await waitForScan(await runScan());
    expect(scan).toMatchObject({ status: 'completed', partial: true, tasksDone: 1, tasksFailed: 1 });
    expect(scan.errors).toEqual([
      {
        service: 'sagemaker.notebooks',
        region: 'us-east-1',
        code: 'AccessDenied',
        message: 'the credentials lack sagemaker:ListNotebookInstances',
      },
    ]);
    expect(await admin.prisma.asset.count({ where: { tenantId, deletedAt: null } })).toBe(2);
  });

  it('fails the scan, and says why, when every listing fails', async () => {
    const denied = new ConnectorError({
      code: 'InvalidCredentials',
      service: 'sagemaker.notebooks',
      retryable: false,
      message: 'the access key TEST… is not recognised',
    });
    discoverer.script.set('us-east-1', [denied]);
    discoverer.script.set('eu-west-1', [denied]);
    const scan = await waitForScan(await runScan());
    expect(scan).toMatchObject({ status: 'failed', tasksFailed: 2 });
    const account = await admin.prisma.cloudAccount.findUniqueOrThrow({ where: { id: accountId } });
    expect(account).toMatchObject({
      status: 'error',
      statusMessage: 'the access key TEST… is not recognised',
    });
  });
});

describe('relations between assets', () => {
  it('resolves declared edges once both ends are inventoried, ignores dangling ones and drops retracted ones', async () => {
    const b = notebookRecord('b', 'us-east-1');
    const a = {
      ...notebookRecord('a', 'us-east-1'),
      relations: [
        { kind: 'peer_of', toAssetType: b.assetType, toNativeId: b.nativeId },
        {
          kind: 'uses_role',
          toAssetType: 'aws.iam.role',
          toNativeId: 'arn:aws:iam::123456789012:role/not-listed',
        },
      ],
    };
    discoverer.script.set('us-east-1', [[a], [b]]);
    await waitForScan(await runScan());
    const edges = await admin.prisma.assetRelation.findMany({
      where: { tenantId },
      include: { from: true, to: true },
    });
    expect(edges.map((e) => [e.from.name, e.kind, e.to.name])).toEqual([['a', 'peer_of', 'b']]);

    discoverer.script.set('us-east-1', [[notebookRecord('a', 'us-east-1'), b]]);
    await waitForScan(await runScan());
    expect(await admin.prisma.assetRelation.count({ where: { tenantId } })).toBe(0);
  });
});

describe('scheduled rescans', () => {
  const schedule = () => queues.queue(QUEUES.scans).getJobScheduler(accountScheduleId(accountId));

  it('keeps one job scheduler per account in step with Postgres, also after Redis lost it', async () => {
    await admin.prisma.cloudAccount.update({ where: { id: accountId }, data: { scanIntervalHours: 6 } });
    await h.worker.reconcile();
    expect((await schedule())?.every).toBe(6 * 3_600_000);
    await admin.prisma.cloudAccount.update({ where: { id: accountId }, data: { scanIntervalHours: 12 } });
    await h.worker.reconcile();
    expect((await schedule())?.every).toBe(12 * 3_600_000);
    await redis.flushdb();
    await h.worker.reconcile();
    expect((await schedule())?.every).toBe(12 * 3_600_000);
    await admin.prisma.cloudAccount.update({ where: { id: accountId }, data: { scanIntervalHours: null } });
    await h.worker.reconcile();
    expect(await schedule()).toBeUndefined();
  });

  it('starts a scheduled scan when the scheduler fires, never a second one while the first runs', async () => {
    await admin.prisma.cloudAccount.update({ where: { id: accountId }, data: { scanIntervalHours: 24 } });
    discoverer.script.set('us-east-1', [[notebookRecord('nb', 'us-east-1')]]);
    await queues.enqueue(scheduledScanJob, { tenantId, accountId });
    const scan = await vi.waitFor(
      async () => {
        const s = await admin.prisma.scan.findFirst({ where: { tenantId, trigger: 'scheduled' } });
        if (!s) throw new Error('no scheduled scan yet');
        return s;
      },
      { timeout: 10_000 },
    );
    const done = await waitForScan(scan.id);
    expect(done).toMatchObject({ status: 'completed', trigger: 'scheduled', assetsSeen: 1 });
    const active = newId();
    await admin.prisma.scan.create({ data: { id: active, tenantId, accountId, status: 'running' } });
    const fired = await queues.queue(QUEUES.scans).add(scheduledScanJob.name, { tenantId, accountId });
    await vi.waitFor(async () => expect(await fired.getState()).toBe('completed'), { timeout: 10_000 });
    expect(await admin.prisma.scan.count({ where: { tenantId, trigger: 'scheduled' } })).toBe(1);
    await admin.prisma.scan.update({ where: { id: active }, data: { status: 'failed' } });
  });
});

describe('outbound policy', () => {
  it('refuses to scan an endpoint the policy does not allow, before any request is made', async () => {
    await admin.prisma.cloudAccount.update({
      where: { id: accountId },
      data: { endpointOverride: 'http://10.0.0.7:4510' },
    });
    discoverer.script.set('us-east-1', [[notebookRecord('nb', 'us-east-1')]]);
    const before = discoverer.calls;
    const scan = await waitForScan(await runScan());
    expect(scan.status).toBe('failed');
    expect(discoverer.calls).toBe(before);
    const errors = scan.errors as { message: string }[];
    expect(errors[0]?.message).toMatch(/10\.0\.0\.7.*private.*OUTBOUND_ALLOW/);
  });
});

describe('recovery when Redis loses its queue', () => {
  it('finishes a scan whose jobs were lost, from the state in Postgres', async () => {
    discoverer.script.set('us-east-1', [[notebookRecord('nb', 'us-east-1')]]);
    const scanId = await runScan({ enqueue: false });
    await redis.flushdb();
    expect(await h.worker.reconcile()).toBeGreaterThan(0);
    expect(await waitForScan(scanId)).toMatchObject({ status: 'completed', assetsSeen: 1 });
  });

  it('re-enqueues the open tasks of a running scan and the evaluation of an evaluating one', async () => {
    discoverer.script.set('us-east-1', [[notebookRecord('nb', 'us-east-1')]]);
    const scanId = newId();
    await admin.prisma.scan.create({
      data: { id: scanId, tenantId, accountId, status: 'running', tasksTotal: 2, startedAt: new Date() },
    });
    await admin.prisma.scanTask.createMany({
      data: [
        {
          id: newId(),
          tenantId,
          scanId,
          service: 'sagemaker.notebooks',
          region: 'us-east-1',
          status: 'running',
        },
        {
          id: newId(),
          tenantId,
          scanId,
          service: 'sagemaker.notebooks',
          region: 'eu-west-1',
          status: 'queued',
        },
      ],
    });
    await h.worker.reconcile();
    expect(await waitForScan(scanId)).toMatchObject({ status: 'completed', tasksDone: 2 });
  });
});
