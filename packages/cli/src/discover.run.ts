import {
  AdaptiveLimiter,
  allDiscoverers,
  ConnectorError,
  discoverTarget,
  regionsFor,
  type AnyDiscoverer,
} from '@aispm/connectors';
import { isUnchangedAsset, type TAssetRecord } from '@aispm/contracts';
import type { DiscoverOutput } from './discover.command';
import type { ProviderRun } from './providers/options';

export interface DiscoverResult {
  output: DiscoverOutput;
  /** Listings that failed, each named: the inventory is incomplete when this is not empty. */
  failures: string[];
  /** Each listed asset's tags by native id (not printed by discover; checks see them). */
  tags: ReadonlyMap<string, Record<string, string>>;
}

/** Listings that run at once; the account's adaptive limiter caps the calls in flight across them. */
const LISTING_CONCURRENCY = 8;

function toOutput(provider: string, r: TAssetRecord): DiscoverOutput['assets'][number] {
  return {
    provider,
    type: r.assetType,
    nativeId: r.nativeId,
    name: r.name,
    region: r.region,
    attributes: r.attributes,
    relations: (r.relations ?? []).map((e) => ({ kind: e.kind, nativeId: e.toNativeId })),
  };
}

/**
 * Lists every service in every region, several listings at once under one adaptive limiter (as the worker does
 * for an account); a failed listing is reported and the others carry on. The output keeps the order of the
 * listings, whatever order they finish in.
 */
export async function discover(
  run: ProviderRun,
  discoverers: readonly AnyDiscoverer[] = allDiscoverers,
): Promise<DiscoverResult> {
  const listings = discoverers
    .filter((x) => x.provider === run.provider)
    .flatMap((d) => regionsFor(d, run.regions).map((region) => ({ d, region })));
  const limiter = new AdaptiveLimiter();
  const results: { assets: DiscoverOutput['assets']; failure?: string }[] = [];
  const tags = new Map<string, Record<string, string>>();
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < listings.length; i = next++) {
      const { d, region } = listings[i]!;
      const assets: DiscoverOutput['assets'] = [];
      try {
        for await (const page of discoverTarget(d, run.target(region), { limiter })) {
          // Without `known`, discoverers read every resource in full: nothing comes back as unchanged.
          for (const r of page) {
            if (isUnchangedAsset(r)) continue;
            assets.push(toOutput(run.provider, r));
            tags.set(r.nativeId, r.tags);
          }
        }
        results[i] = { assets };
      } catch (err) {
        const why = err instanceof ConnectorError ? `${err.code}: ${err.message}` : (err as Error).message;
        results[i] = { assets: [], failure: `${d.service} in ${region}: ${why}` };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(LISTING_CONCURRENCY, listings.length) }, worker));
  return {
    output: { assets: results.flatMap((r) => r.assets) },
    failures: results.flatMap((r) => (r.failure ? [r.failure] : [])),
    tags,
  };
}
