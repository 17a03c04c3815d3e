import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TAssetRecord } from '@aispm/contracts';
import { newId, recountFindings, suppressFindings, type Database } from '@aispm/db';
import { createTenantWithAccount, notebookRecord } from './testing/fixtures';
import { startScan, startScanHarness, waitForScan, type ScanHarness } from './testing/harness';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/1';
const ROLE_ARN = 'arn:aws:iam::123456789012:role/notebooks';

let h: ScanHarness;
let admin: Database;
let tenantId: string;
let accountId: string;

const scan = async () => waitForScan(admin, await startScan(h, { tenantId, accountId }));

/** A notebook that runs as the shared role. */
function notebook(name: string, overrides: Record<string, unknown> = {}, tags: Record<string, string> = {}) {
  const r = notebookRecord(name, 'us-east-1', { RoleArn: ROLE_ARN, ...overrides });
  return {
    ...r,
    tags,
    relations: [{ kind: 'uses_role', toAssetType: 'aws.iam.role', toNativeId: ROLE_ARN }],
  } satisfies TAssetRecord;
}

function role(policies: string[]): TAssetRecord {
  return {
    assetType: 'aws.iam.role',
    nativeId: ROLE_ARN,
    name: 'notebooks',
    region: 'global',
    attributes: { Arn: ROLE_ARN, RoleName: 'notebooks', AttachedPolicyArns: policies },
    tags: {},
  };
}

const ADMIN = 'arn:aws:iam::aws:policy/AdministratorAccess';
const READ_ONLY = 'arn:aws:iam::aws:policy/AmazonSageMakerReadOnly';

const finding = (name: string, checkId: string) =>
  admin.prisma.finding.findFirstOrThrow({ where: { tenantId, checkId, asset: { name } } });
const events = async (findingId: string) =>
  (
    await admin.prisma.findingEvent.findMany({
      where: { findingId },
      orderBy: [{ at: 'asc' }, { kind: 'asc' }],
    })
  ).map((e) => e.kind);
const evaluatedAt = async () =>
  new Map(
    (
      await admin.prisma.assetVerdicts.findMany({
        where: { tenantId },
        include: { asset: { select: { name: true } } },
      })
    ).map((v) => [v.asset.name, v.evaluatedAt.getTime()]),
  );

beforeAll(async () => {
  h = await startScanHarness(REDIS_URL);
  admin = h.admin;
});

afterAll(async () => {
  await h?.close();
});

beforeEach(async () => {
  ({ tenantId, accountId } = await createTenantWithAccount(admin, ['us-east-1']));
  h.discoverer.script.clear();
});

describe('risk engine over scans', () => {
  it('finds the attack path, raises its findings, and resolves it when one link is fixed', async () => {
    h.discoverer.script.set('us-east-1', [
      [notebook('exposed', { DirectInternetAccess: 'Enabled' }), notebook('private'), role([ADMIN])],
    ]);
    await scan();
    const paths = await admin.prisma.attackPath.findMany({ where: { tenantId } });
    expect(
      paths.map((p) => [p.pattern, p.status, (p.nodes as { name: string }[]).map((n) => n.name)]),
    ).toEqual([['exposed-notebook-admin-role', 'open', ['exposed', 'notebooks']]]);
    const exposed = await finding('exposed', 'aws.sagemaker.notebook.direct_internet_access');
    const adminRole = await finding('notebooks', 'aws.sagemaker.execution_role.admin_policy_attached');
    expect(paths[0]!.findingIds.sort()).toEqual([exposed.id, adminRole.id].sort());
    const factors = exposed.riskFactors as Record<string, number>;
    // critical? no: the notebook check is high; exposed + runs as an admin role + one attack path.
    expect(factors).toMatchObject({ exposure: 15, privilege: 10, attackPaths: 1, attackPathBonus: 10 });
    expect(exposed.riskScore).toBe(factors.contextScore! + 10);
    expect(paths[0]!.riskScore).toBe(Math.max(exposed.riskScore, adminRole.riskScore));
    const asset = await admin.prisma.asset.findFirstOrThrow({ where: { tenantId, name: 'exposed' } });
    expect(asset.riskScore).toBe(exposed.riskScore);

    h.discoverer.script.set('us-east-1', [
      [notebook('exposed', { DirectInternetAccess: 'Enabled' }), notebook('private'), role([READ_ONLY])],
    ]);
    const second = await scan();
    const [path] = await admin.prisma.attackPath.findMany({ where: { tenantId } });
    expect(path).toMatchObject({ status: 'resolved', lastScanId: second.id });
    const after = await finding('exposed', 'aws.sagemaker.notebook.direct_internet_access');
    expect(after.riskFactors).toMatchObject({ privilege: 0, attackPaths: 0, attackPathBonus: 0 });
    expect(after.riskScore).toBe(exposed.riskScore - 20);
    expect((await finding('notebooks', 'aws.sagemaker.execution_role.admin_policy_attached')).status).toBe(
      'resolved',
    );
  });

  it('evaluates again only what changed and what read it', async () => {
    const page = (nbOverrides: Record<string, unknown>, policies: string[]) => [
      [notebook('a', nbOverrides), notebook('b'), notebookRecord('standalone', 'us-east-1'), role(policies)],
    ];
    h.discoverer.script.set('us-east-1', page({}, [READ_ONLY]));
    await scan();
    const first = await evaluatedAt();
    expect([...first.keys()].sort()).toEqual(['a', 'b', 'notebooks', 'standalone']);

    await scan();
    expect(await evaluatedAt()).toEqual(first);

    // One notebook changes: it is evaluated again, and so is the role whose verdicts read its users.
    h.discoverer.script.set('us-east-1', page({ RootAccess: 'Enabled' }, [READ_ONLY]));
    await scan();
    const third = await evaluatedAt();
    const moved = [...third].filter(([name, t]) => t !== first.get(name)).map(([name]) => name);
    expect(moved.sort()).toEqual(['a', 'notebooks']);
    expect((await finding('a', 'aws.sagemaker.notebook.root_access')).status).toBe('open');

    // The role changes: notebook a read it (the privilege of its failing finding's score); b has no failure,
    // so nothing of b's read the role, and the standalone notebook never did.
    h.discoverer.script.set('us-east-1', page({ RootAccess: 'Enabled' }, [ADMIN]));
    await scan();
    const fourth = await evaluatedAt();
    const movedAgain = [...fourth].filter(([name, t]) => t !== third.get(name)).map(([name]) => name);
    expect(movedAgain.sort()).toEqual(['a', 'notebooks']);
    expect((await finding('a', 'aws.sagemaker.notebook.root_access')).riskFactors).toMatchObject({
      privilege: 10,
    });
  });

  it('records the history of a finding: opened, resolved by a scan, reopened', async () => {
    h.discoverer.script.set('us-east-1', [[notebookRecord('nb', 'us-east-1', { RootAccess: 'Enabled' })]]);
    await scan();
    const f = await finding('nb', 'aws.sagemaker.notebook.root_access');
    h.discoverer.script.set('us-east-1', [[notebookRecord('nb', 'us-east-1')]]);
    const fixing = await scan();
    expect(await finding('nb', 'aws.sagemaker.notebook.root_access')).toMatchObject({
      status: 'resolved',
      resolvedScanId: fixing.id,
    });
    h.discoverer.script.set('us-east-1', [[notebookRecord('nb', 'us-east-1', { RootAccess: 'Enabled' })]]);
    await scan();
    expect(await finding('nb', 'aws.sagemaker.notebook.root_access')).toMatchObject({
      status: 'open',
      resolvedScanId: null,
    });
    expect(await events(f.id)).toEqual(['opened', 'resolved', 'reopened']);
    const resolved = await admin.prisma.findingEvent.findFirstOrThrow({
      where: { findingId: f.id, kind: 'resolved' },
    });
    expect(resolved.scanId).toBe(fixing.id);
  });

  it('keeps a suppression while it lasts, and reopens the finding when it expires', async () => {
    h.discoverer.script.set('us-east-1', [[notebookRecord('nb', 'us-east-1', { RootAccess: 'Enabled' })]]);
    await scan();
    const f = await finding('nb', 'aws.sagemaker.notebook.root_access');
    const until = new Date(Date.now() + 1500);
    await h.db.tenant(tenantId, (tx) =>
      suppressFindings(tx, {
        tenantId,
        findingIds: [f.id],
        reason: 'vendor image needs root until Q3',
        owner: 'ml-platform@example.com',
        until,
        actor: 'user:lead@example.com',
        at: new Date(),
      }),
    );
    await scan();
    expect(await finding('nb', 'aws.sagemaker.notebook.root_access')).toMatchObject({
      status: 'suppressed',
      suppressedReason: 'vendor image needs root until Q3',
      suppressedBy: 'ml-platform@example.com',
    });
    await new Promise((r) => setTimeout(r, until.getTime() - Date.now() + 50));
    await scan();
    expect(await finding('nb', 'aws.sagemaker.notebook.root_access')).toMatchObject({
      status: 'open',
      suppressedReason: null,
    });
    expect(await events(f.id)).toEqual(['opened', 'suppressed', 'suppression_expired']);
  });

  it('ends a lapsed suppression on time without a rescan, and recounts the summaries', async () => {
    h.discoverer.script.set('us-east-1', [[notebookRecord('nb', 'us-east-1', { RootAccess: 'Enabled' })]]);
    await scan();
    const f = await finding('nb', 'aws.sagemaker.notebook.root_access');
    const summary = () =>
      admin.prisma.checkSummary.findUniqueOrThrow({
        where: {
          tenantId_accountId_checkId: { tenantId, accountId, checkId: 'aws.sagemaker.notebook.root_access' },
        },
      });
    await h.db.tenant(tenantId, async (tx) => {
      await suppressFindings(tx, {
        tenantId,
        findingIds: [f.id],
        reason: 'accepted for the pilot',
        owner: 'ml-platform@example.com',
        until: new Date(Date.now() + 300),
        actor: 'user:lead@example.com',
        at: new Date(),
      });
      await recountFindings(tx, tenantId, [accountId], new Date());
    });
    expect(await summary()).toMatchObject({ failing: 0, suppressed: 1 });
    await h.worker.reconcile();
    expect((await finding('nb', 'aws.sagemaker.notebook.root_access')).status).toBe('suppressed');
    await new Promise((r) => setTimeout(r, 400));
    await h.worker.reconcile();
    expect((await finding('nb', 'aws.sagemaker.notebook.root_access')).status).toBe('open');
    expect(await summary()).toMatchObject({ failing: 1, suppressed: 0 });
    expect(await events(f.id)).toEqual(['opened', 'suppressed', 'suppression_expired']);
  });

  it('suppresses by exception rule the failures on tagged assets, and only those', async () => {
    await admin.prisma.findingException.create({
      data: {
        id: newId(),
        tenantId,
        name: 'sandboxes may reach the internet',
        checkId: 'aws.sagemaker.notebook.direct_internet_access',
        tagKey: 'env',
        tagValue: 'sandbox',
        reason: 'sandbox accounts hold no data',
        owner: 'secops@example.com',
        createdBy: 'user:lead@example.com',
      },
    });
    h.discoverer.script.set('us-east-1', [
      [
        {
          ...notebookRecord('sandbox', 'us-east-1', { DirectInternetAccess: 'Enabled' }),
          tags: { env: 'sandbox' },
        },
        {
          ...notebookRecord('prod', 'us-east-1', { DirectInternetAccess: 'Enabled' }),
          tags: { env: 'prod' },
        },
      ],
    ]);
    await scan();
    const sandbox = await finding('sandbox', 'aws.sagemaker.notebook.direct_internet_access');
    expect(sandbox).toMatchObject({
      status: 'suppressed',
      suppressedReason: 'sandbox accounts hold no data',
    });
    expect(sandbox.exceptionId).not.toBeNull();
    expect(await events(sandbox.id)).toEqual(['opened', 'excepted']);
    const prod = await finding('prod', 'aws.sagemaker.notebook.direct_internet_access');
    expect(prod.status).toBe('open');
    // Production raises the score: the environment tag counts as high business criticality.
    expect(prod.riskFactors).toMatchObject({ criticality: 8 });
  });

  it('maintains per-check and per-account summaries and appends the trend', async () => {
    h.discoverer.script.set('us-east-1', [
      [
        notebookRecord('open', 'us-east-1', { DirectInternetAccess: 'Enabled' }),
        notebookRecord('good', 'us-east-1'),
        notebookRecord('unknown', 'us-east-1', { DirectInternetAccess: undefined }),
      ],
    ]);
    await scan();
    const summary = await admin.prisma.checkSummary.findUniqueOrThrow({
      where: {
        tenantId_accountId_checkId: {
          tenantId,
          accountId,
          checkId: 'aws.sagemaker.notebook.direct_internet_access',
        },
      },
    });
    expect(summary).toMatchObject({ failing: 1, passing: 1, unknown: 1, suppressed: 0, severity: 'high' });
    const posture = await admin.prisma.accountPosture.findUniqueOrThrow({
      where: { tenantId_accountId: { tenantId, accountId } },
    });
    expect(posture).toMatchObject({ assetsTotal: 3, assetsEvaluated: 3, assetsFailing: 1, high: 1 });
    expect(posture.assetsByType).toEqual({ 'aws.sagemaker.notebook_instance': 3 });

    h.discoverer.script.set('us-east-1', [[notebookRecord('good', 'us-east-1')]]);
    await scan();
    const snapshots = await admin.prisma.postureSnapshot.findMany({
      where: { tenantId },
      orderBy: { takenAt: 'asc' },
    });
    expect(snapshots.map((s) => [s.score, s.assetsEvaluated, s.assetsFailing, s.high])).toEqual([
      [67, 3, 1, 1],
      [100, 1, 0, 0],
    ]);
  });
});
