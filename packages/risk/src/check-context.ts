import type { CheckAsset, CheckContext } from './check';

/** One recorded relation between two inventory assets, by native id (targets may be undiscovered). */
export interface GraphRelation {
  fromNativeId: string;
  kind: string;
  toNativeId: string;
}

/** What a partially loaded graph was asked for and did not hold; the evaluator loads it and evaluates again. */
export interface GraphMisses {
  /** `{accountId, assetType}` pairs `inAccount` was asked for. */
  peers: { accountId: string; assetType: string }[];
  /** Assets whose own relations `around` needed (two-hop checks). */
  edgesOf: CheckAsset[];
}

export interface InventoryGraphOptions {
  /**
   * Partial mode, for the evaluator: only the relations of assets marked with `markEdgesLoaded` and the peer
   * types put in `peers` are known. Anything else a check asks for is recorded as a miss (see `takeMisses`)
   * instead of being answered from a graph that does not hold it. Without this, the graph is complete: what
   * it holds is all there is (tests build such graphs by hand).
   */
  partial?: { peers: Map<string, readonly CheckAsset[]> };
}

const peerKey = (accountId: string, assetType: string) => `${accountId}\u0000${assetType}`;

/**
 * What an evaluation read besides the asset itself: the other assets handed to its checks (one or two hops
 * away) and the asset types it asked for account-wide. A change to any of them makes its verdicts stale.
 */
export class ReadLog {
  readonly assetIds = new Set<string>();
  readonly peerTypes = new Set<string>();
}

/**
 * An in-memory inventory graph that answers CheckContext questions. The evaluator loads a batch of assets,
 * their neighbours and the peers checks ask for into one; tests build small complete ones by hand.
 */
export class InventoryGraph {
  private readonly byNativeId = new Map<string, CheckAsset>();
  private readonly out = new Map<string, Map<string, IdList>>();
  private readonly in = new Map<string, Map<string, IdList>>();
  private readonly byAccountType = new Map<string, CheckAsset[]>();
  private readonly partial: InventoryGraphOptions['partial'];
  private readonly edgesLoaded = new Set<string>();
  private readonly missedPeers = new Map<string, { accountId: string; assetType: string }>();
  private readonly missedEdges = new Map<string, CheckAsset>();

  constructor(
    assets: Iterable<CheckAsset> = [],
    relations: Iterable<GraphRelation> = [],
    options: InventoryGraphOptions = {},
  ) {
    this.partial = options.partial;
    for (const a of assets) this.addAsset(a);
    for (const r of relations) this.addRelation(r);
  }

  addAsset(asset: CheckAsset): void {
    if (this.byNativeId.has(asset.nativeId)) return;
    this.byNativeId.set(asset.nativeId, asset);
    const key = peerKey(asset.accountId, asset.assetType);
    const list = this.byAccountType.get(key);
    if (list) list.push(asset);
    else this.byAccountType.set(key, [asset]);
  }

  addRelation(r: GraphRelation): void {
    push(this.out, r.fromNativeId, r.kind, r.toNativeId);
    push(this.in, r.toNativeId, r.kind, r.fromNativeId);
  }

  /** In partial mode: every relation from or to these assets is now in the graph. */
  markEdgesLoaded(nativeIds: Iterable<string>): void {
    for (const id of nativeIds) {
      this.edgesLoaded.add(id);
      this.missedEdges.delete(id);
    }
  }

  get(nativeId: string): CheckAsset | undefined {
    return this.byNativeId.get(nativeId);
  }

  /** What checks asked for that a partial graph did not hold, since the last call; empty for complete graphs. */
  takeMisses(): GraphMisses {
    const misses = { peers: [...this.missedPeers.values()], edgesOf: [...this.missedEdges.values()] };
    this.missedPeers.clear();
    this.missedEdges.clear();
    return misses;
  }

  /** `reads`, when given, records every neighbour and peer type the checks are handed (see ReadLog). */
  contextOf(asset: CheckAsset, reads?: ReadLog): CheckContext {
    const resolve = (ids: readonly string[]): CheckAsset[] => {
      const found: CheckAsset[] = [];
      for (const id of ids) {
        const a = this.byNativeId.get(id);
        if (a) {
          found.push(a);
          reads?.assetIds.add(a.id);
        }
      }
      return found;
    };
    return {
      outgoing: (kind) => resolve(this.out.get(asset.nativeId)?.get(kind)?.ids ?? []),
      incoming: (kind) => resolve(this.in.get(asset.nativeId)?.get(kind)?.ids ?? []),
      outgoingIds: (kind) => this.out.get(asset.nativeId)?.get(kind)?.ids ?? [],
      around: (other) => {
        if (this.partial && !this.edgesLoaded.has(other.nativeId))
          this.missedEdges.set(other.nativeId, other);
        return this.contextOf(other, reads);
      },
      inAccount: (assetType, region) => {
        reads?.peerTypes.add(assetType);
        const key = peerKey(asset.accountId, assetType);
        let list: readonly CheckAsset[];
        if (this.partial) {
          const loaded = this.partial.peers.get(key);
          if (!loaded) this.missedPeers.set(key, { accountId: asset.accountId, assetType });
          list = loaded ?? [];
        } else {
          list = this.byAccountType.get(key) ?? [];
        }
        return region === undefined ? list : list.filter((a) => a.region === region);
      },
    };
  }
}

/** Ids in insertion order without repeats; a hub (a key used by thousands) stays linear to build. */
class IdList {
  readonly ids: string[] = [];
  private readonly seen = new Set<string>();
  add(id: string): void {
    if (this.seen.has(id)) return;
    this.seen.add(id);
    this.ids.push(id);
  }
}

function push(index: Map<string, Map<string, IdList>>, from: string, kind: string, to: string): void {
  let kinds = index.get(from);
  if (!kinds) index.set(from, (kinds = new Map()));
  let list = kinds.get(kind);
  if (!list) kinds.set(kind, (list = new IdList()));
  list.add(to);
}

/** The context of an asset with no recorded neighbours. */
export function isolatedContext(asset: CheckAsset): CheckContext {
  return new InventoryGraph([asset]).contextOf(asset);
}

/** The key of a peer list in InventoryGraphOptions.partial.peers. */
export { peerKey };
