import {
  liveAssetsById,
  liveAssetsOfType,
  relationsTouching,
  type EvaluationAsset as Asset,
  type TenantTx,
} from '@aispm/db';
import {
  evaluateAsset,
  InventoryGraph,
  peerKey,
  ReadLog,
  type CheckAsset,
  type Evaluation,
} from '@aispm/risk';

/** Loading rounds per batch: neighbours' relations and account peers are asked for at most this deep. */
const MAX_ROUNDS = 4;

/** Peer lists of an account (`inAccount` answers), loaded once per evaluation and shared by its batches. */
export type PeerCache = Map<string, readonly CheckAsset[]>;

export function toCheckAsset(row: Asset): CheckAsset {
  return {
    id: row.id,
    accountId: row.accountId,
    provider: row.provider,
    assetType: row.assetType,
    nativeId: row.nativeId,
    name: row.name,
    region: row.region,
    attributes: (row.attributes ?? {}) as Record<string, unknown>,
    tags: (row.tags ?? {}) as Record<string, string>,
    criticality: row.criticality,
  };
}

function declaredRelations(row: Asset): { kind: string; toNativeId: string }[] {
  if (!Array.isArray(row.declaredRelations)) return [];
  return row.declaredRelations.flatMap((r) => {
    const e = r as { kind?: unknown; toNativeId?: unknown };
    return typeof e.kind === 'string' && typeof e.toNativeId === 'string'
      ? [{ kind: e.kind, toNativeId: e.toNativeId }]
      : [];
  });
}

/**
 * Evaluates every check on a batch of assets with the inventory graph around them: the batch's relations and
 * neighbours are loaded up front; what checks then ask for beyond that (a neighbour's own relations, the peers
 * of an account) is recorded by the graph, loaded, and the batch evaluated again, so no verdict rests on a
 * part of the graph that was not read. Each result carries what its verdicts read (for incremental evaluation).
 */
export async function evaluateBatch(
  tx: TenantTx,
  tenantId: string,
  rows: readonly Asset[],
  peers: PeerCache,
): Promise<{ asset: CheckAsset; evaluations: Evaluation[]; reads: ReadLog }[]> {
  const graph = new InventoryGraph([], [], { partial: { peers } });
  const nativeIdOf = new Map<string, string>();
  const add = (row: Asset): CheckAsset => {
    const asset = toCheckAsset(row);
    if (nativeIdOf.has(row.id)) return asset;
    nativeIdOf.set(row.id, row.nativeId);
    graph.addAsset(asset);
    for (const r of declaredRelations(row)) {
      graph.addRelation({ fromNativeId: row.nativeId, kind: r.kind, toNativeId: r.toNativeId });
    }
    return asset;
  };
  const loadEdges = async (ids: string[]) => {
    const relations = await relationsTouching(tx, tenantId, ids);
    const unseen = [
      ...new Set(relations.flatMap((r) => [r.fromAssetId, r.toAssetId]).filter((id) => !nativeIdOf.has(id))),
    ];
    for (const row of await liveAssetsById(tx, unseen)) add(row);
    for (const r of relations) {
      const from = nativeIdOf.get(r.fromAssetId);
      const to = nativeIdOf.get(r.toAssetId);
      // An end deleted since the relation was recorded is no neighbour.
      if (from && to) graph.addRelation({ fromNativeId: from, kind: r.kind, toNativeId: to });
    }
    graph.markEdgesLoaded(ids.flatMap((id) => nativeIdOf.get(id) ?? []));
  };

  const assets = rows.map(add);
  await loadEdges(rows.map((r) => r.id));
  for (let round = 1; ; round++) {
    const results = assets.map((asset) => {
      const reads = new ReadLog();
      return { asset, evaluations: evaluateAsset(asset, graph.contextOf(asset, reads)), reads };
    });
    const misses = graph.takeMisses();
    if ((misses.peers.length === 0 && misses.edgesOf.length === 0) || round >= MAX_ROUNDS) return results;
    for (const p of misses.peers) {
      const rowsOfType = await liveAssetsOfType(tx, p.accountId, p.assetType);
      peers.set(peerKey(p.accountId, p.assetType), rowsOfType.map(add));
    }
    await loadEdges(misses.edgesOf.map((a) => a.id));
  }
}
