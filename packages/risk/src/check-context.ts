import type { CheckAsset, CheckContext } from './check';

/** One recorded relation between two inventory assets, by native id (targets may be undiscovered). */
export interface GraphRelation {
  fromNativeId: string;
  kind: string;
  toNativeId: string;
}

/**
 * An in-memory inventory graph that answers CheckContext questions. The evaluator loads the changed assets and
 * their neighbours into one; tests build small ones by hand.
 */
export class InventoryGraph {
  private readonly byNativeId = new Map<string, CheckAsset>();
  private readonly out = new Map<string, Map<string, string[]>>();
  private readonly in = new Map<string, Map<string, string[]>>();
  private readonly byAccountType = new Map<string, CheckAsset[]>();

  constructor(assets: Iterable<CheckAsset> = [], relations: Iterable<GraphRelation> = []) {
    for (const a of assets) this.addAsset(a);
    for (const r of relations) this.addRelation(r);
  }

  addAsset(asset: CheckAsset): void {
    if (this.byNativeId.has(asset.nativeId)) return;
    this.byNativeId.set(asset.nativeId, asset);
    const key = `${asset.accountId}\u0000${asset.assetType}`;
    const list = this.byAccountType.get(key);
    if (list) list.push(asset);
    else this.byAccountType.set(key, [asset]);
  }

  addRelation(r: GraphRelation): void {
    push(this.out, r.fromNativeId, r.kind, r.toNativeId);
    push(this.in, r.toNativeId, r.kind, r.fromNativeId);
  }

  get(nativeId: string): CheckAsset | undefined {
    return this.byNativeId.get(nativeId);
  }

  contextOf(asset: CheckAsset): CheckContext {
    const resolve = (ids: readonly string[]): CheckAsset[] => {
      const found: CheckAsset[] = [];
      for (const id of ids) {
        const a = this.byNativeId.get(id);
        if (a) found.push(a);
      }
      return found;
    };
    return {
      outgoing: (kind) => resolve(this.out.get(asset.nativeId)?.get(kind) ?? []),
      incoming: (kind) => resolve(this.in.get(asset.nativeId)?.get(kind) ?? []),
      outgoingIds: (kind) => this.out.get(asset.nativeId)?.get(kind) ?? [],
      around: (other) => this.contextOf(other),
      inAccount: (assetType, region) => {
        const list = this.byAccountType.get(`${asset.accountId}\u0000${assetType}`) ?? [];
        return region === undefined ? list : list.filter((a) => a.region === region);
      },
    };
  }
}

function push(index: Map<string, Map<string, string[]>>, from: string, kind: string, to: string): void {
  let kinds = index.get(from);
  if (!kinds) index.set(from, (kinds = new Map()));
  const list = kinds.get(kind);
  if (!list) kinds.set(kind, [to]);
  else if (!list.includes(to)) list.push(to);
}

/** The context of an asset with no recorded neighbours. */
export function isolatedContext(asset: CheckAsset): CheckContext {
  return new InventoryGraph([asset]).contextOf(asset);
}
