import { Inject, Injectable } from '@nestjs/common';
import {
  ZAttackPathEdge,
  ZAttackPathNode,
  type TAttackPath,
  type TAttackPathEdge,
  type TAttackPathListItem,
  type TAttackPathNode,
  type TAttackPathPage,
  type TAttackPathQuery,
} from '@aispm/contracts';
import type { AttackPath } from '@aispm/db';
import { attackPathRules, findCheck } from '@aispm/risk';
import { z } from 'zod';
import { decodeCursor, encodeCursor } from '../../common/cursor';
import { notFound } from '../../common/problem';
import { AttackPathsRepository, type PathAssetRow } from './attack-paths.repository';

const ZPathKey = z.tuple([z.number().int(), z.uuid()]);
const narratives = new Map(attackPathRules.map((r) => [r.id, r.narrative]));

/** The nodes and edges as the worker stored them; a row that does not read as such shows none. */
function nodesOf(p: AttackPath): TAttackPathNode[] {
  const parsed = ZAttackPathNode.array().safeParse(p.nodes);
  return parsed.success ? parsed.data : [];
}
function edgesOf(p: AttackPath): TAttackPathEdge[] {
  const parsed = ZAttackPathEdge.array().safeParse(p.edges);
  return parsed.success ? parsed.data : [];
}

export function toListItem(p: AttackPath): TAttackPathListItem {
  const nodes = nodesOf(p);
  return {
    id: p.id,
    accountId: p.accountId,
    pattern: p.pattern,
    title: p.title,
    severity: p.severity,
    riskScore: p.riskScore,
    status: p.status,
    entry: nodes[0] ?? null,
    nodeCount: nodes.length,
    findingCount: p.findingIds.length,
    firstSeen: p.firstSeen.toISOString(),
    lastSeen: p.lastSeen.toISOString(),
    resolvedAt: p.resolvedAt?.toISOString() ?? null,
  };
}

function toAssetDto(a: PathAssetRow): NonNullable<TAttackPath['nodes'][number]['asset']> {
  return { ...a, deletedAt: a.deletedAt?.toISOString() ?? null };
}

/**
 * Attack paths as the worker found them on the last evaluation of each account: open ones are still there,
 * resolved ones were not found again. The detail shows each node's asset as the inventory holds it now.
 */
@Injectable()
export class AttackPathsService {
  constructor(@Inject(AttackPathsRepository) private readonly repo: AttackPathsRepository) {}

  async page(tenantId: string, q: TAttackPathQuery): Promise<TAttackPathPage> {
    const after = q.cursor ? decodeCursor(q.cursor, ZPathKey) : undefined;
    const rows = await this.repo.page(tenantId, q, after && { riskScore: after[0], id: after[1] });
    const items = rows.slice(0, q.limit);
    const last = items.at(-1);
    return {
      items: items.map(toListItem),
      nextCursor: rows.length > q.limit && last ? encodeCursor([last.riskScore, last.id]) : null,
    };
  }

  async get(tenantId: string, id: string): Promise<TAttackPath> {
    const rows = await this.repo.find(tenantId, id, (p) => nodesOf(p).map((n) => n.assetId));
    if (!rows) throw notFound('attack path', id);
    const assets = new Map(rows.assets.map((a) => [a.id, a]));
    return {
      ...toListItem(rows.path),
      narrative: narratives.get(rows.path.pattern) ?? null,
      nodes: nodesOf(rows.path).map((n) => {
        const asset = assets.get(n.assetId);
        return { ...n, asset: asset ? toAssetDto(asset) : null };
      }),
      edges: edgesOf(rows.path),
      findings: rows.findings.map((f) => ({
        id: f.id,
        assetId: f.assetId,
        checkId: f.checkId,
        title: findCheck(f.checkId)?.title ?? f.checkId,
        severity: f.severity,
        status: f.status,
        riskScore: f.riskScore,
      })),
    };
  }
}
