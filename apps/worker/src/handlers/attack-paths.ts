import {
  assetHeads,
  openFindingsOfChecks,
  relationsTouching,
  replaceAttackPaths,
  type Database,
} from '@aispm/db';
import {
  SCORE_WEIGHTS,
  attackPathCheckIds,
  attackPathEntryTypes,
  attackPathRelationKinds,
  attackPathRules,
  findAttackPaths,
  type PathGraphAsset,
} from '@aispm/risk';

const checkIds = attackPathCheckIds();
const kinds = new Set(attackPathRelationKinds());
const entryTypes = new Set(attackPathEntryTypes());
const maxHops = Math.max(...attackPathRules.map((r) => r.hops.length));

/**
 * Finds the account's attack paths after its evaluation and stores them. Only the part of the graph a path can
 * use is loaded: the open findings the rules name, and the relations of the rules' kinds reachable from the
 * assets a path can start at, hop by hop up to the longest rule.
 */
export async function detectAttackPaths(
  db: Database,
  scope: { tenantId: string; accountId: string; scanId: string; at: Date },
): Promise<{ open: number; resolved: number }> {
  return db.tenant(scope.tenantId, async (tx) => {
    const findings = await openFindingsOfChecks(tx, scope, checkIds);
    const failing = new Map<string, Map<string, string>>();
    for (const f of findings) {
      let m = failing.get(f.assetId);
      if (!m) failing.set(f.assetId, (m = new Map()));
      m.set(f.checkId, f.id);
    }
    const heads = new Map<string, PathGraphAsset>();
    for (const h of await assetHeads(tx, [...failing.keys()])) heads.set(h.id, h);
    const edges: { from: string; to: string; kind: string }[] = [];
    const edgeKeys = new Set<string>();
    const expanded = new Set<string>();
    let frontier = [...heads.values()].filter((a) => entryTypes.has(a.assetType)).map((a) => a.id);
    for (let hop = 0; hop < maxHops && frontier.length > 0; hop++) {
      for (const id of frontier) expanded.add(id);
      const next = new Set<string>();
      for (const r of await relationsTouching(tx, scope.tenantId, frontier)) {
        if (!kinds.has(r.kind)) continue;
        const key = `${r.fromAssetId}\u0000${r.kind}\u0000${r.toAssetId}`;
        if (!edgeKeys.has(key)) {
          edgeKeys.add(key);
          edges.push({ from: r.fromAssetId, to: r.toAssetId, kind: r.kind });
        }
        for (const id of [r.fromAssetId, r.toAssetId]) if (!expanded.has(id)) next.add(id);
      }
      frontier = [...next];
    }
    const missing = [...new Set(edges.flatMap((e) => [e.from, e.to]))].filter((id) => !heads.has(id));
    for (const h of await assetHeads(tx, missing)) heads.set(h.id, h);

    const found = findAttackPaths({ assets: heads, failing, edges });
    return replaceAttackPaths(
      tx,
      scope,
      found.map((p) => ({
        pattern: p.rule.id,
        title: p.rule.title,
        severity: p.rule.severity,
        signature: p.signature,
        nodes: p.nodes,
        edges: p.edges,
        findingIds: p.findingIds,
      })),
      { perPath: SCORE_WEIGHTS.attackPath, maxPaths: SCORE_WEIGHTS.attackPathMax },
    );
  });
}
