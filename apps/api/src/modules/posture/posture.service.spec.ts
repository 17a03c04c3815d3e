import { describe, expect, it } from 'vitest';
import {
  builtInFrameworks,
  cloudsOf,
  postureScore,
  sumPostures,
  topFailingChecks,
  trendStart,
} from './posture.service';
import type { AccountPostureRow, CheckTotalsRow } from './posture.repository';

function posture(overrides: Partial<AccountPostureRow>): AccountPostureRow {
  return {
    provider: 'aws',
    assetsTotal: 0,
    assetsByType: {},
    assetsEvaluated: 0,
    assetsFailing: 0,
    shadowAssets: 0,
    critical: 0,
    high: 0,
    medium: 0,
    low: 0,
    info: 0,
    attackPaths: 0,
    evaluatedAt: null,
    ...overrides,
  };
}

function check(checkId: string, failing: number, passing = 0): CheckTotalsRow {
  return { checkId, severity: 'high', failing, passing, unknown: 0, suppressed: 0 };
}

describe('postureScore', () => {
  it('is null before any evaluation, so an estate never evaluated is not reported as perfect', () => {
    expect(postureScore({ evaluated: 10, failing: 0, everEvaluated: false })).toBeNull();
  });

  it('is the rounded share of evaluated assets without an open finding, as the worker snapshots it', () => {
    expect(postureScore({ evaluated: 12, failing: 9, everEvaluated: true })).toBe(25);
    expect(postureScore({ evaluated: 3, failing: 1, everEvaluated: true })).toBe(67);
    expect(postureScore({ evaluated: 8, failing: 1, everEvaluated: true })).toBe(88);
    // The worker writes 100 when an evaluation ran over nothing to evaluate; the summary agrees with the trend.
    expect(postureScore({ evaluated: 0, failing: 0, everEvaluated: true })).toBe(100);
  });
});

describe('sumPostures', () => {
  it('adds up the accounts: per provider, per type (largest first), severities, paths, latest evaluation', () => {
    const sum = sumPostures([
      posture({
        provider: 'aws',
        assetsTotal: 5,
        assetsByType: { 'aws.iam.role': 2, 'aws.sagemaker.notebook_instance': 3 },
        assetsEvaluated: 4,
        assetsFailing: 2,
        shadowAssets: 1,
        critical: 1,
        high: 2,
        attackPaths: 1,
        evaluatedAt: new Date('2025-01-02T00:00:00Z'),
      }),
      posture({
        provider: 'gcp',
        assetsTotal: 7,
        assetsByType: { 'gcp.vertex.endpoint': 7 },
        assetsEvaluated: 7,
        assetsFailing: 1,
        low: 4,
        evaluatedAt: new Date('2025-01-03T00:00:00Z'),
      }),
      posture({ provider: 'aws', assetsTotal: 1, assetsByType: { 'aws.iam.role': 1 } }),
    ]);
    expect(sum).toMatchObject({ total: 13, evaluated: 11, failing: 3, shadow: 1, attackPaths: 1 });
    expect(sum.severity).toEqual({ critical: 1, high: 2, medium: 0, low: 4, info: 0 });
    expect(sum.byProvider).toEqual([
      { provider: 'gcp', count: 7 },
      { provider: 'aws', count: 6 },
    ]);
    expect(sum.byType).toEqual([
      { assetType: 'gcp.vertex.endpoint', count: 7 },
      { assetType: 'aws.iam.role', count: 3 },
      { assetType: 'aws.sagemaker.notebook_instance', count: 3 },
    ]);
    expect(sum.evaluatedAt?.toISOString()).toBe('2025-01-03T00:00:00.000Z');
  });

  it('has no evaluation time when no account was evaluated yet', () => {
    expect(sumPostures([posture({ assetsTotal: 3 })]).evaluatedAt).toBeNull();
    expect(sumPostures([]).evaluatedAt).toBeNull();
  });
});

describe('cloudsOf', () => {
  it('gives each provider its own figures and score, largest inventory first', () => {
    const at = new Date('2025-01-02T00:00:00Z');
    const clouds = cloudsOf([
      posture({
        provider: 'aws',
        assetsTotal: 5,
        assetsEvaluated: 4,
        assetsFailing: 1,
        high: 2,
        evaluatedAt: at,
      }),
      posture({
        provider: 'azure',
        assetsTotal: 9,
        assetsEvaluated: 3,
        assetsFailing: 3,
        low: 5,
        evaluatedAt: at,
      }),
      posture({
        provider: 'aws',
        assetsTotal: 6,
        assetsEvaluated: 4,
        assetsFailing: 1,
        info: 1,
        evaluatedAt: at,
      }),
    ]);
    expect(clouds).toEqual([
      {
        provider: 'aws',
        accounts: 2,
        assets: 11,
        evaluated: 8,
        withOpenFindings: 2,
        openFindings: 3,
        score: 75,
      },
      {
        provider: 'azure',
        accounts: 1,
        assets: 9,
        evaluated: 3,
        withOpenFindings: 3,
        openFindings: 5,
        score: 0,
      },
    ]);
  });
});

describe('topFailingChecks', () => {
  it('keeps the five checks with the most open findings, with their catalogue title and severity', () => {
    const top = topFailingChecks([
      check('aws.sagemaker.notebook.root_access', 3),
      check('aws.sagemaker.notebook.direct_internet_access', 9),
      check('zzz.unknown.check', 4),
      check('a.passing.check', 0, 12),
      check('b.one', 1),
      check('c.one', 1),
      check('d.one', 1),
    ]);
    expect(top.map((c) => [c.checkId, c.count])).toEqual([
      ['aws.sagemaker.notebook.direct_internet_access', 9],
      ['zzz.unknown.check', 4],
      ['aws.sagemaker.notebook.root_access', 3],
      ['b.one', 1],
      ['c.one', 1],
    ]);
    expect(top[0]).toMatchObject({ title: 'SageMaker notebook instance has direct internet access' });
    // A check aispm no longer has keeps its id as title and the severity the summary row recorded.
    expect(top[1]).toMatchObject({ title: 'zzz.unknown.check', severity: 'high' });
  });
});

describe('builtInFrameworks', () => {
  it('fails a control when a mapped check has open findings, and passes it once a mapped check passed', () => {
    const before = builtInFrameworks([]);
    expect(before.map((f) => f.key)).toEqual([
      'owasp-llm',
      'mitre-atlas',
      'nist-ai-rmf',
      'nist-ai-600-1',
      'iso-42001',
      'eu-ai-act',
    ]);
    const owaspBefore = before[0]!.controls;
    expect(owaspBefore).toMatchObject({ total: 10, failing: 0, passing: 0, manual: 10 });

    // The notebook internet-access check maps to OWASP LLM03; the guardrail prompt-attack check to LLM01.
    const owasp = builtInFrameworks([
      check('aws.sagemaker.notebook.direct_internet_access', 2),
      check('aws.bedrock.guardrail.prompt_attack_filter_weak', 0, 5),
    ])[0]!.controls;
    expect(owasp).toEqual({ total: 10, failing: 1, passing: 1, manual: 8 });
  });
});

describe('trendStart', () => {
  it('is the UTC midnight of the first day of the window, today included', () => {
    const now = new Date('2025-03-10T23:30:00Z');
    expect(trendStart(now, 1).toISOString()).toBe('2025-03-10T00:00:00.000Z');
    expect(trendStart(now, 30).toISOString()).toBe('2025-02-09T00:00:00.000Z');
  });
});
