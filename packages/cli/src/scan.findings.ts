import type { TProvider, TSeverity } from '@aispm/contracts';
import { evaluateAsset, InventoryGraph, type CheckAsset, type GraphRelation } from '@aispm/risk';
import type { DiscoverOutput } from './discover.command';

export type ListedAsset = DiscoverOutput['assets'][number];

/** One applicable check's verdict on one asset, as `aispm scan` prints it. */
export interface ScanFinding {
  checkId: string;
  assetNativeId: string;
  severity: TSeverity;
  status: 'fail' | 'pass' | 'unknown';
  /** The fields the check read; for `unknown`, `{ missing: [...] }`, the fields the cloud did not return. */
  evidence: Record<string, unknown>;
  /** Version-pinned control references, e.g. `owasp-llm@2025:LLM03`. */
  controls: string[];
}

/** `aispm scan --format json`: discover's output, unchanged, and the findings on it. */
export interface ScanOutput extends DiscoverOutput {
  findings: ScanFinding[];
}

/**
 * Runs every check on every listed asset with the whole listing as the inventory graph: relations are by native
 * id, as discovery recorded them, so a check reading a neighbour (the role a notebook runs as, the bucket a job
 * reads) sees it when it was listed. `scope` is the account every asset belongs to (checks group peers by it).
 * Not-applicable verdicts are no findings and are left out. Order: assets as listed, then checks as registered.
 */
export function evaluateInventory(
  assets: readonly ListedAsset[],
  scope: string,
  tags: ReadonlyMap<string, Record<string, string>> = new Map(),
): ScanFinding[] {
  const checkAssets = assets.map((a): CheckAsset => ({
    id: a.nativeId,
    accountId: scope,
    // Listings of one run are all of the run's provider.
    provider: a.provider as TProvider,
    assetType: a.type,
    nativeId: a.nativeId,
    name: a.name,
    region: a.region,
    attributes: a.attributes,
    tags: tags.get(a.nativeId) ?? {},
  }));
  const relations = assets.flatMap((a) =>
    a.relations.map((r): GraphRelation => ({
      fromNativeId: a.nativeId,
      kind: r.kind,
      toNativeId: r.nativeId,
    })),
  );
  const graph = new InventoryGraph(checkAssets, relations);
  const findings: ScanFinding[] = [];
  for (const asset of checkAssets) {
    for (const { check, result } of evaluateAsset(asset, graph.contextOf(asset))) {
      if (result.status === 'not_applicable') continue;
      findings.push({
        checkId: check.id,
        assetNativeId: asset.nativeId,
        severity: check.severity,
        status: result.status,
        evidence: result.status === 'unknown' ? { missing: result.missing } : result.evidence,
        controls: check.controls.map((c) => c.ref),
      });
    }
  }
  return findings;
}
