import { Inject, Injectable } from '@nestjs/common';
import {
  SEVERITIES,
  type TPostureSummary,
  type TPostureTrend,
  type TProvider,
  type TSeverity,
} from '@aispm/contracts';
import { builtInMappings, frameworkPosture, frameworks } from '@aispm/compliance';
import { checks, findCheck } from '@aispm/risk';
import { toScanDto } from '../scans/scans.mapper';
import {
  PostureRepository,
  type AccountPostureRow,
  type CheckTotalsRow,
  type SnapshotRow,
} from './posture.repository';

const TOP_CHECKS = 5;
const DAY_MS = 86_400_000;

/** Built-in frameworks with their check-to-control mappings, read once from the checks' `controls`. */
const BUILT_IN = frameworks.map((f) => ({
  framework: f,
  controls: f.controls.map((c) => ({ id: c.id, title: c.title })),
  mappings: builtInMappings(f, checks),
}));

/**
 * The worker's formula for posture_snapshots.score (packages/db posture.writer), so the dashboard's score and
 * the trend's last point agree: the rounded share of evaluated assets with no open finding, 100 when an
 * evaluation ran but had nothing to evaluate, and null before any evaluation.
 */
export function postureScore(f: { evaluated: number; failing: number; everEvaluated: boolean }) {
  if (!f.everEvaluated) return null;
  if (f.evaluated === 0) return 100;
  return Math.round((100 * Math.max(0, f.evaluated - f.failing)) / f.evaluated);
}

/** The organization's figures: the accounts' rows added up. */
export function sumPostures(rows: readonly AccountPostureRow[]) {
  const byProvider = new Map<TProvider, number>();
  const byType = new Map<string, number>();
  const severity: Record<TSeverity, number> = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
  let total = 0;
  let evaluated = 0;
  let failing = 0;
  let shadow = 0;
  let attackPaths = 0;
  let evaluatedAt: Date | null = null;
  for (const r of rows) {
    total += r.assetsTotal;
    evaluated += r.assetsEvaluated;
    failing += r.assetsFailing;
    shadow += r.shadowAssets;
    attackPaths += r.attackPaths;
    byProvider.set(r.provider, (byProvider.get(r.provider) ?? 0) + r.assetsTotal);
    for (const [type, n] of Object.entries(r.assetsByType)) byType.set(type, (byType.get(type) ?? 0) + n);
    for (const s of SEVERITIES) severity[s] += r[s];
    if (r.evaluatedAt && (!evaluatedAt || r.evaluatedAt > evaluatedAt)) evaluatedAt = r.evaluatedAt;
  }
  const sorted = <K extends string>(m: Map<K, number>) =>
    [...m].filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return {
    total,
    evaluated,
    failing,
    shadow,
    attackPaths,
    evaluatedAt,
    severity,
    byProvider: sorted(byProvider).map(([provider, count]) => ({ provider, count })),
    byType: sorted(byType).map(([assetType, count]) => ({ assetType, count })),
  };
}

const openOf = (severity: Record<TSeverity, number>) => SEVERITIES.reduce((n, s) => n + severity[s], 0);

/** Per cloud: each provider's accounts added up, with the score over them; largest inventory first. */
export function cloudsOf(rows: readonly AccountPostureRow[]): TPostureSummary['clouds'] {
  const byProvider = new Map<TProvider, AccountPostureRow[]>();
  for (const r of rows) byProvider.set(r.provider, [...(byProvider.get(r.provider) ?? []), r]);
  return [...byProvider]
    .map(([provider, group]) => {
      const sum = sumPostures(group);
      return {
        provider,
        accounts: group.length,
        assets: sum.total,
        evaluated: sum.evaluated,
        withOpenFindings: sum.failing,
        openFindings: openOf(sum.severity),
        score: postureScore({
          evaluated: sum.evaluated,
          failing: sum.failing,
          everEvaluated: sum.evaluatedAt !== null,
        }),
      };
    })
    .sort((a, b) => b.assets - a.assets || a.provider.localeCompare(b.provider));
}

/** The checks with the most open findings, most first (ties by check id). */
export function topFailingChecks(rows: readonly CheckTotalsRow[], limit = TOP_CHECKS) {
  return rows
    .filter((r) => r.failing > 0)
    .sort((a, b) => b.failing - a.failing || a.checkId.localeCompare(b.checkId))
    .slice(0, limit)
    .map((r) => {
      const check = findCheck(r.checkId);
      return {
        checkId: r.checkId,
        title: check?.title ?? r.checkId,
        severity: check?.severity ?? r.severity,
        count: r.failing,
      };
    });
}

/** Each built-in framework's controls counted as on the Compliance page (a control fails when a mapped check does). */
export function builtInFrameworks(rows: readonly CheckTotalsRow[]): TPostureSummary['frameworks'] {
  return BUILT_IN.map(({ framework, controls, mappings }) => ({
    key: framework.key,
    name: framework.name,
    version: framework.version,
    controls: frameworkPosture({ controls }, mappings, rows).totals,
  }));
}

/** The first UTC midnight of a `days`-day window ending today. */
export function trendStart(now: Date, days: number): Date {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return new Date(today - (days - 1) * DAY_MS);
}

function toPoint(r: SnapshotRow): TPostureTrend['points'][number] {
  return {
    day: r.day,
    takenAt: r.takenAt.toISOString(),
    score: r.score,
    assetsEvaluated: r.assetsEvaluated,
    assetsFailing: r.assetsFailing,
    critical: r.critical,
    high: r.high,
    medium: r.medium,
    low: r.low,
    info: r.info,
  };
}

/**
 * The dashboard, from the summary tables the worker rebuilds per scan: a fixed number of small reads whatever
 * the size of the estate, never a count over assets or findings.
 */
@Injectable()
export class PostureService {
  constructor(@Inject(PostureRepository) private readonly repo: PostureRepository) {}

  async summary(tenantId: string): Promise<TPostureSummary> {
    const src = await this.repo.sources(tenantId);
    const sum = sumPostures(src.postures);
    return {
      score: postureScore({
        evaluated: sum.evaluated,
        failing: sum.failing,
        everEvaluated: sum.evaluatedAt !== null,
      }),
      evaluatedAt: sum.evaluatedAt?.toISOString() ?? null,
      accounts: src.accounts,
      assets: {
        total: sum.total,
        byProvider: sum.byProvider,
        byType: sum.byType,
        evaluated: sum.evaluated,
        withOpenFindings: sum.failing,
        shadow: sum.shadow,
      },
      findings: {
        open: openOf(sum.severity),
        bySeverity: SEVERITIES.map((severity) => ({ severity, count: sum.severity[severity] })),
        topChecks: topFailingChecks(src.checks),
      },
      clouds: cloudsOf(src.postures),
      frameworks: builtInFrameworks(src.checks),
      attackPaths: { open: sum.attackPaths },
      lastScan: src.lastScan ? toScanDto(src.lastScan) : null,
    };
  }

  async trend(tenantId: string, days: number, now = new Date()): Promise<TPostureTrend> {
    const rows = await this.repo.dailySnapshots(tenantId, trendStart(now, days));
    return { days, points: rows.map(toPoint) };
  }
}
