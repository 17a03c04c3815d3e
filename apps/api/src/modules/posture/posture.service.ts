import { Inject, Injectable } from '@nestjs/common';
import { SEVERITIES, type TPostureSummary } from '@aispm/contracts';
import { checks, findCheck } from '@aispm/risk';
import { toScanDto } from '../scans/scans.mapper';
import { PostureRepository, type PostureFigures } from './posture.repository';

const evaluatedTypes = [...new Set(checks.map((c) => c.assetType))];

/** Share of evaluated assets with no open finding; null until a scan has completed and evaluated something. */
export function postureScore(
  f: Pick<PostureFigures, 'evaluatedAssets' | 'assetsWithOpenFindings' | 'completedScans'>,
) {
  if (f.completedScans === 0 || f.evaluatedAssets === 0) return null;
  const clean = Math.max(0, f.evaluatedAssets - f.assetsWithOpenFindings);
  return Math.round((100 * clean) / f.evaluatedAssets);
}

@Injectable()
export class PostureService {
  constructor(@Inject(PostureRepository) private readonly repo: PostureRepository) {}

  async summary(tenantId: string): Promise<TPostureSummary> {
    const f = await this.repo.figures(tenantId, evaluatedTypes);
    const counts = new Map(f.bySeverity.map((s) => [s.severity, s.count]));
    return {
      score: postureScore(f),
      accounts: f.accounts,
      assets: {
        total: f.assetsTotal,
        byProvider: f.byProvider,
        byType: f.byType,
        withOpenFindings: f.assetsWithOpenFindings,
      },
      findings: {
        open: f.bySeverity.reduce((s, r) => s + r.count, 0),
        bySeverity: SEVERITIES.map((severity) => ({ severity, count: counts.get(severity) ?? 0 })),
        topChecks: f.topChecks.map((c) => ({ ...c, title: findCheck(c.checkId)?.title ?? c.checkId })),
      },
      lastScan: f.lastScan ? toScanDto(f.lastScan) : null,
    };
  }
}
