import { describe, expect, it } from 'vitest';
import { InventoryGraph, isolatedContext } from './check-context';
import { findCheck, evaluateAsset } from './registry';
import {
  EXPOSURE_CHECKS,
  PRIVILEGE_CHECKS,
  criticalityOf,
  runningOf,
  scoreFinding,
  sensitivityFromTags,
  withAttackPaths,
  type RiskContext,
} from './scoring';
import { notebookAsset, testAsset, wellConfiguredNotebook } from './testing';

const none: RiskContext = {
  exposed: null,
  sensitivity: null,
  privileged: null,
  criticality: null,
  running: null,
};

describe('risk score formula', () => {
  it('adds each known factor to the severity base and explains the sum', () => {
    const { score, factors } = scoreFinding('medium', {
      exposed: true,
      sensitivity: 'confidential',
      privileged: true,
      criticality: 'high',
      running: true,
    });
    expect(factors).toMatchObject({ base: 40, exposure: 15, sensitivity: 10, privilege: 10, criticality: 8 });
    expect(score).toBe(83);
    expect(factors.contextScore).toBe(83);
  });

  it('lowers stopped and low-criticality assets, never below 1, never above 100', () => {
    expect(scoreFinding('info', { ...none, running: false, criticality: 'low' }).score).toBe(1);
    const top = scoreFinding('critical', {
      exposed: true,
      sensitivity: 'restricted',
      privileged: true,
      criticality: 'critical',
      running: true,
    });
    expect(top.score).toBe(100);
  });

  it('treats unknown context as adding nothing (never as safe)', () => {
    expect(scoreFinding('high', none).score).toBe(55);
    expect(scoreFinding('high', { ...none, exposed: false, privileged: false }).score).toBe(55);
  });

  it('keeps the severity order when the context is the same', () => {
    const order = (['critical', 'high', 'medium', 'low', 'info'] as const).map(
      (s) => scoreFinding(s, none).score,
    );
    expect([...order].sort((a, b) => b - a)).toEqual(order);
    expect(new Set(order).size).toBe(order.length);
  });

  it('raises a finding per attack path it lies on, up to two', () => {
    expect(withAttackPaths(50, 0)).toBe(50);
    expect(withAttackPaths(50, 1)).toBe(60);
    expect(withAttackPaths(50, 5)).toBe(70);
    expect(withAttackPaths(95, 2)).toBe(100);
    expect(scoreFinding('low', none, 1).factors).toMatchObject({ contextScore: 25, attackPathBonus: 10 });
  });

  it('names only checks that exist as exposure and privilege signals', () => {
    for (const id of [...EXPOSURE_CHECKS, ...PRIVILEGE_CHECKS]) expect(findCheck(id), id).toBeDefined();
  });
});

describe('risk context', () => {
  it('reads sensitivity from tags of the asset and the data it reads, the highest winning', () => {
    const a = testAsset({
      provider: 'aws',
      assetType: 'x',
      nativeId: 'a',
      tags: { Sensitivity: 'internal' },
    });
    const b = testAsset({
      provider: 'aws',
      assetType: 'y',
      nativeId: 'b',
      tags: { 'data-classification': 'PII' },
    });
    expect(sensitivityFromTags([a])).toBe('internal');
    expect(sensitivityFromTags([a, b])).toBe('restricted');
    expect(sensitivityFromTags([testAsset({ provider: 'aws', assetType: 'x', nativeId: 'c' })])).toBeNull();
    expect(
      sensitivityFromTags([
        testAsset({ provider: 'aws', assetType: 'x', nativeId: 'd', tags: { sensitivity: 'meh' } }),
      ]),
    ).toBeNull();
  });

  it('prefers what a user set over criticality tags over the environment tag', () => {
    const tagged = testAsset({
      provider: 'aws',
      assetType: 'x',
      nativeId: 'a',
      tags: { Environment: 'production', criticality: 'low' },
    });
    expect(criticalityOf(tagged)).toBe('low');
    expect(criticalityOf({ ...tagged, tags: { env: 'prod' } })).toBe('high');
    expect(criticalityOf({ ...tagged, tags: { env: 'sandbox' } })).toBe('low');
    expect(criticalityOf({ ...tagged, criticality: 'critical' })).toBe('critical');
    expect(criticalityOf({ ...tagged, tags: {} })).toBeNull();
  });

  it('reads activity from status fields, unknown when unrecognised', () => {
    expect(runningOf(notebookAsset({ NotebookInstanceStatus: 'InService' }))).toBe(true);
    expect(runningOf(notebookAsset({ NotebookInstanceStatus: 'Stopped' }))).toBe(false);
    expect(runningOf(notebookAsset({ TrainingJobStatus: 'Completed' }))).toBeNull();
    expect(runningOf(notebookAsset({}))).toBeNull();
  });
});

describe('scores from evaluation', () => {
  const exposedNotebook = notebookAsset({ ...wellConfiguredNotebook, DirectInternetAccess: 'Enabled' });

  it('ranks the same failure higher on an exposed running notebook than on a stopped private one', () => {
    const exposed = notebookAsset({
      ...wellConfiguredNotebook,
      DirectInternetAccess: 'Enabled',
      RootAccess: 'Enabled',
    });
    const stopped = notebookAsset({
      ...wellConfiguredNotebook,
      RootAccess: 'Enabled',
      NotebookInstanceStatus: 'Stopped',
    });
    const rootOn = (a: typeof exposed) =>
      evaluateAsset(a, isolatedContext(a)).find((e) => e.check.id === 'aws.sagemaker.notebook.root_access')!;
    expect(rootOn(exposed).riskFactors).toMatchObject({ exposure: 15, activity: 0 });
    expect(rootOn(stopped).riskFactors).toMatchObject({ exposure: 0, activity: -15 });
    expect(rootOn(exposed).riskScore!).toBeGreaterThan(rootOn(stopped).riskScore!);
  });

  it('counts privilege when the role the asset runs as has admin rights', () => {
    const role = testAsset({
      provider: 'aws',
      assetType: 'aws.iam.role',
      nativeId: 'arn:aws:iam::123456789012:role/notebook',
      attributes: { AttachedPolicyArns: ['arn:aws:iam::aws:policy/AdministratorAccess'] },
    });
    const graph = new InventoryGraph(
      [exposedNotebook, role],
      [{ fromNativeId: exposedNotebook.nativeId, kind: 'uses_role', toNativeId: role.nativeId }],
    );
    const withRole = evaluateAsset(exposedNotebook, graph.contextOf(exposedNotebook)).find(
      (e) => e.check.id === 'aws.sagemaker.notebook.direct_internet_access',
    )!;
    const alone = evaluateAsset(exposedNotebook, isolatedContext(exposedNotebook)).find(
      (e) => e.check.id === 'aws.sagemaker.notebook.direct_internet_access',
    )!;
    expect(withRole.riskFactors?.privilege).toBe(10);
    expect(alone.riskFactors?.privilege).toBe(0);
  });
});
