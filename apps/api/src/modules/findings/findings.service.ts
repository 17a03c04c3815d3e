import { Inject, Injectable } from '@nestjs/common';
import {
  ZSeverity,
  type TCheckSummary,
  type TFinding,
  type TFindingPage,
  type TFindingQuery,
} from '@aispm/contracts';
import { checks, findCheck } from '@aispm/risk';
import { z } from 'zod';
import { decodeCursor, encodeCursor } from '../../common/cursor';
import { FindingsRepository, type FindingKey, type FindingRow } from './findings.repository';

const ZFindingKey = z.tuple([ZSeverity, z.number().int(), z.uuid()]);

function toFindingDto(r: FindingRow): TFinding {
  return {
    id: r.id,
    accountId: r.account_id,
    assetId: r.asset_id,
    checkId: r.check_id,
    title: findCheck(r.check_id)?.title ?? r.check_id,
    severity: r.severity,
    riskScore: r.risk_score,
    status: r.status,
    evidence: r.evidence,
    firstSeen: r.first_seen.toISOString(),
    lastSeen: r.last_seen.toISOString(),
    resolvedAt: r.resolved_at?.toISOString() ?? null,
    asset: {
      name: r.asset_name,
      nativeId: r.native_id,
      assetType: r.asset_type,
      region: r.region,
      provider: r.provider,
    },
  };
}

@Injectable()
export class FindingsService {
  constructor(@Inject(FindingsRepository) private readonly repo: FindingsRepository) {}

  async page(tenantId: string, q: TFindingQuery): Promise<TFindingPage> {
    let after: FindingKey | undefined;
    if (q.cursor) {
      const [severity, riskScore, id] = decodeCursor(q.cursor, ZFindingKey);
      after = { severity, riskScore, id };
    }
    const rows = await this.repo.page(tenantId, q, after);
    const items = rows.slice(0, q.limit).map(toFindingDto);
    const last = items.at(-1);
    return {
      items,
      nextCursor:
        rows.length > q.limit && last ? encodeCursor([last.severity, last.riskScore, last.id]) : null,
    };
  }

  listChecks(): TCheckSummary[] {
    return checks.map((c) => ({
      id: c.id,
      title: c.title,
      severity: c.severity,
      assetType: c.assetType,
      provider: c.provider,
      rationale: c.rationale,
      remediation: `${c.remediation.console}\n\nCLI:\n${c.remediation.cli}\n\nTerraform:\n${c.remediation.terraform}`,
      controls: c.controls.map((m) => m.ref),
    }));
  }
}
