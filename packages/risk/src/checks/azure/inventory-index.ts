import type { CheckAsset } from '../../check';

type KeyOf = (asset: CheckAsset) => readonly string[];

interface Built {
  size: number;
  byKey: Map<string, CheckAsset[]>;
}

const built = new WeakMap<readonly CheckAsset[], Map<KeyOf, Built>>();

/**
 * The assets of `list` (an `inAccount` answer) whose keys include `key`. The index is built once per list and
 * key function and rebuilt when the list grew, so a check run on every asset of a large account does not scan
 * all role assignments or datastores again for each one.
 */
export function lookup(list: readonly CheckAsset[], keyOf: KeyOf, key: string): readonly CheckAsset[] {
  let perKey = built.get(list);
  if (!perKey) built.set(list, (perKey = new Map()));
  let index = perKey.get(keyOf);
  if (!index || index.size !== list.length) {
    const byKey = new Map<string, CheckAsset[]>();
    for (const asset of list) {
      for (const k of keyOf(asset)) {
        const bucket = byKey.get(k);
        if (bucket) bucket.push(asset);
        else byKey.set(k, [asset]);
      }
    }
    perKey.set(keyOf, (index = { size: list.length, byKey }));
  }
  return index.byKey.get(key) ?? [];
}
