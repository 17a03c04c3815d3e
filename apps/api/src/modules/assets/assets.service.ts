import { Inject, Injectable } from '@nestjs/common';
import { z } from 'zod';
import type { TAsset, TAssetPage, TAssetQuery, TShadowReason, TUpdateAsset } from '@aispm/contracts';
import { auditEvent } from '../../common/audit';
import { decodeCursor, encodeCursor } from '../../common/cursor';
import { notFound } from '../../common/problem';
import type { RequestMeta } from '../../common/tenant';
import { AssetsRepository, type AssetDetailRow, type AssetRow } from './assets.repository';

const ZAssetKey = z.tuple([z.uuid()]);

function toAssetDto(a: AssetRow): TAsset {
  return {
    id: a.id,
    accountId: a.accountId,
    provider: a.provider,
    assetType: a.assetType,
    nativeId: a.nativeId,
    name: a.name,
    region: a.region,
    attributes: (a.attributes ?? {}) as Record<string, unknown>,
    tags: (a.tags ?? {}) as Record<string, string>,
    firstSeen: a.firstSeen.toISOString(),
    lastSeen: a.lastSeen.toISOString(),
    deletedAt: a.deletedAt?.toISOString() ?? null,
    openFindings: a._count.findings,
    shadow: shadowOf(a.shadowReasons),
    criticality: a.criticality,
    owner: a.owner,
    riskScore: a.riskScore,
  };
}

function toAssetDetailDto(row: AssetDetailRow): TAsset {
  return {
    ...toAssetDto(row),
    relations: [
      ...row.outgoing.map((r) => ({ kind: r.kind, direction: 'out' as const, asset: r.to })),
      ...row.incoming.map((r) => ({ kind: r.kind, direction: 'in' as const, asset: r.from })),
    ],
  };
}

/** The stored shadow-AI reasons (written by the shadow-AI evaluation) as the API shows them. */
function shadowOf(reasons: unknown): TAsset['shadow'] {
  return Array.isArray(reasons) && reasons.length > 0 ? { reasons: reasons as TShadowReason[] } : null;
}

@Injectable()
export class AssetsService {
  constructor(@Inject(AssetsRepository) private readonly repo: AssetsRepository) {}

  async page(tenantId: string, q: TAssetQuery): Promise<TAssetPage> {
    const afterId = q.cursor ? decodeCursor(q.cursor, ZAssetKey)[0] : undefined;
    const rows = await this.repo.page(tenantId, q, afterId);
    const items = rows.slice(0, q.limit).map(toAssetDto);
    const last = items.at(-1);
    return { items, nextCursor: rows.length > q.limit && last ? encodeCursor([last.id]) : null };
  }

  async get(tenantId: string, id: string): Promise<TAsset> {
    const row = await this.repo.find(tenantId, id);
    if (!row) throw notFound('asset', id);
    return toAssetDetailDto(row);
  }

  /**
   * Business context (criticality, owner). An actual change is audited as `asset.update` with the values before
   * and after, and marks the asset changed so the next evaluation of its account scores its findings again;
   * setting what is already there changes nothing.
   */
  async update(tenantId: string, id: string, input: TUpdateAsset, meta: RequestMeta): Promise<TAsset> {
    const row = await this.repo.updateContext(tenantId, id, input, (before, after) => {
      const changed = (['criticality', 'owner'] as const).filter((k) => before[k] !== after[k]);
      if (changed.length === 0) return null;
      return auditEvent(
        tenantId,
        meta,
        'asset.update',
        { type: 'asset', id },
        Object.fromEntries(changed.map((k) => [k, { from: before[k], to: after[k] }])),
      );
    });
    if (!row) throw notFound('asset', id);
    return toAssetDetailDto(row);
  }
}
