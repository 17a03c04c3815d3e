import { Inject, Injectable } from '@nestjs/common';
import {
  FINDING_HISTORY_LIMIT,
  ZRiskFactors,
  ZSeverity,
  type TCheckSummary,
  type TFinding,
  type TFindingDetail,
  type TFindingPage,
  type TFindingQuery,
  type TFindingsChanged,
  type TSuppressFindings,
  type TUnsuppressFindings,
} from '@aispm/contracts';
import { findControl } from '@aispm/compliance';
import { checks, findCheck } from '@aispm/risk';
import { z } from 'zod';
import { auditEvent } from '../../common/audit';
import { decodeCursor, encodeCursor } from '../../common/cursor';
import { notFound } from '../../common/problem';
import type { RequestMeta } from '../../common/tenant';
import { findingActor } from './finding-actor';
import {
  FindingsRepository,
  type FindingDetailRow,
  type FindingKey,
  type FindingRow,
} from './findings.repository';

/** Cursors name their order, so a cursor of one sort is refused by the other instead of skipping rows. */
const ZFindingCursor = z.union([
  z.tuple([z.literal('risk'), z.number().int(), z.uuid()]),
  z.tuple([z.literal('severity'), ZSeverity, z.number().int(), z.uuid()]),
]);

function cursorOf(f: TFinding, sort: TFindingQuery['sort']): string {
  return encodeCursor(
    sort === 'risk' ? ['risk', f.riskScore, f.id] : ['severity', f.severity, f.riskScore, f.id],
  );
}

function keyOf(cursor: string, sort: TFindingQuery['sort']): FindingKey {
  const key = decodeCursor(
    cursor,
    ZFindingCursor.refine((k) => k[0] === sort),
  );
  return key[0] === 'risk'
    ? { sort: 'risk', riskScore: key[1], id: key[2] }
    : { sort: 'severity', severity: key[1], riskScore: key[2], id: key[3] };
}

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
    suppression:
      r.status === 'suppressed'
        ? {
            reason: r.suppressed_reason ?? '',
            owner: r.suppressed_by ?? '',
            until: r.suppressed_until?.toISOString() ?? null,
            since: r.suppressed_at?.toISOString() ?? null,
          }
        : null,
    exceptionId: r.exception_id,
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

function checkOf(checkId: string): TFindingDetail['check'] {
  const c = findCheck(checkId);
  if (!c) return null;
  return {
    id: c.id,
    title: c.title,
    severity: c.severity,
    rationale: c.rationale,
    reads: c.reads,
    remediation: c.remediation,
    controls: c.controls.map((m) => ({
      ref: m.ref,
      title: findControl(m.ref)?.title ?? null,
      relationship: m.relationship,
    })),
  };
}

/** Factors as the worker stored them; findings scored before factors were kept have none. */
function riskFactorsOf(r: FindingDetailRow): TFindingDetail['riskFactors'] {
  const parsed = ZRiskFactors.safeParse({ attackPaths: 0, attackPathBonus: 0, ...r.risk_factors });
  return parsed.success ? parsed.data : null;
}

@Injectable()
export class FindingsService {
  constructor(@Inject(FindingsRepository) private readonly repo: FindingsRepository) {}

  async page(tenantId: string, q: TFindingQuery): Promise<TFindingPage> {
    const after = q.cursor ? keyOf(q.cursor, q.sort) : undefined;
    const rows = await this.repo.page(tenantId, q, after);
    const items = rows.slice(0, q.limit).map(toFindingDto);
    const last = items.at(-1);
    return { items, nextCursor: rows.length > q.limit && last ? cursorOf(last, q.sort) : null };
  }

  async detail(tenantId: string, id: string): Promise<TFindingDetail> {
    const found = await this.repo.detail(tenantId, id, FINDING_HISTORY_LIMIT + 1);
    if (!found) throw notFound('finding', id);
    const { finding: r, history, attackPaths } = found;
    return {
      ...toFindingDto(r),
      asset: {
        id: r.asset_id,
        name: r.asset_name,
        nativeId: r.native_id,
        assetType: r.asset_type,
        region: r.region,
        provider: r.provider,
        criticality: r.criticality,
        owner: r.owner,
      },
      check: checkOf(r.check_id),
      riskFactors: riskFactorsOf(r),
      lastScanId: r.last_scan_id,
      resolvedScanId: r.resolved_scan_id,
      history: history.slice(0, FINDING_HISTORY_LIMIT).map((e) => ({
        id: e.id,
        kind: e.kind,
        at: e.at.toISOString(),
        actor: e.actor,
        reason: e.reason,
        scanId: e.scan_id,
        detail: e.detail,
      })),
      historyTruncated: history.length > FINDING_HISTORY_LIMIT,
      attackPaths: attackPaths.map((p) => ({
        id: p.id,
        title: p.title,
        severity: p.severity,
        riskScore: p.risk_score,
      })),
    };
  }

  async suppress(tenantId: string, input: TSuppressFindings, meta: RequestMeta): Promise<TFindingsChanged> {
    const until = input.until ? new Date(input.until) : null;
    const changed = await this.repo.suppress(
      tenantId,
      {
        findingIds: [...new Set(input.findingIds)],
        reason: input.reason,
        owner: input.owner,
        until,
        actor: findingActor(meta),
        at: new Date(),
      },
      (ids) =>
        bulkAudit(tenantId, meta, 'findings.suppress', ids, {
          count: ids.length,
          reason: input.reason,
          owner: input.owner,
          until: until?.toISOString() ?? null,
        }),
    );
    return { changed };
  }

  async unsuppress(
    tenantId: string,
    input: TUnsuppressFindings,
    meta: RequestMeta,
  ): Promise<TFindingsChanged> {
    const changed = await this.repo.unsuppress(
      tenantId,
      {
        findingIds: [...new Set(input.findingIds)],
        reason: input.reason ?? null,
        actor: findingActor(meta),
        at: new Date(),
      },
      (ids) =>
        bulkAudit(tenantId, meta, 'findings.unsuppress', ids, {
          count: ids.length,
          reason: input.reason ?? null,
        }),
    );
    return { changed };
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

/** One audit row per request: the target is the finding when there is one, and the ids are in the metadata. */
function bulkAudit(
  tenantId: string,
  meta: RequestMeta,
  action: string,
  ids: string[],
  metadata: Record<string, unknown>,
) {
  const row = auditEvent(
    tenantId,
    meta,
    action,
    { type: 'finding', id: ids[0] ?? '' },
    {
      ...metadata,
      findingIds: ids,
    },
  );
  return { ...row, targetId: ids.length === 1 ? ids[0]! : null };
}
