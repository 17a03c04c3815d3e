import type { TAssetRecord } from '@aispm/contracts';
import { ConnectorError, type AzureTarget, type DiscoveryOptions, type ServiceDiscoverer } from '../types';
import { toArmAttributes, armTags, type RawResource } from './arm-attributes.mapper';
import { explainAzureError, isNotFound } from './azure-error.mapper';
import { azureClientsFor, type AzureClients } from './clients';
import { captureRawPage } from './raw-capture';

export type TAssetRelation = NonNullable<TAssetRecord['relations']>[number];

/** One paged ARM listing made through an SDK client. */
export interface ArmListing {
  /** REST operation id, e.g. `Compute_List`. */
  operation: string;
  /** RBAC action the listing needs, e.g. `Microsoft.MachineLearningServices/workspaces/computes/read`. */
  action: string;
  /** Fetches one page through the SDK: the first when `nextLink` is undefined, else the page it names. */
  page(
    clients: AzureClients,
    nextLink: string | undefined,
    signal: AbortSignal | undefined,
  ): Promise<unknown>;
}

/** What a discoverer body works with: the target's clients, and listing helpers that map errors and filter. */
export interface ArmRun {
  target: AzureTarget;
  /** Every resource of a subscription-wide listing kept by the location filter, page after page. */
  parents(listing: ArmListing): AsyncGenerator<RawResource>;
  /**
   * The pages of a listing under a parent. A parent deleted since it was listed (404) ends the listing
   * quietly: its children are gone with it.
   */
  children(listing: ArmListing, parent: RawResource): AsyncGenerator<RawResource[]>;
  /** The pages of a subscription-wide listing, as returned. */
  pages(listing: ArmListing): AsyncGenerator<RawResource[]>;
  /**
   * Runs `perParent` (its child listings) for several parents at once and yields what each produced, parent
   * after parent as they finish. One parent at a time would make a subscription of a thousand workspaces a
   * thousand round trips in a row. The first error ends the walk; the other parents' results are dropped.
   */
  eachParent<T>(
    parents: AsyncIterable<RawResource> | Iterable<RawResource>,
    perParent: (parent: RawResource) => AsyncIterable<T[]>,
  ): AsyncGenerator<T[]>;
  /** Whether the location filter keeps a resource (children without a location inherit their parent's). */
  keeps(resource: RawResource, parent?: RawResource): boolean;
  record(
    assetType: string,
    resource: RawResource,
    extra: { parent?: RawResource; relations?: TAssetRelation[] },
  ): TAssetRecord;
}

export interface ArmDiscovererSpec {
  service: string;
  assetTypes: string[];
  /** RBAC actions of every listing the discoverer makes (AZURE_READ_ACTIONS is their union). */
  actions: string[];
  discover(run: ArmRun): AsyncGenerator<TAssetRecord[]>;
}

/**
 * A discoverer that lists the whole subscription once (scope `global`); the location filter applies to records.
 * ARM decides page sizes (DiscoveryOptions.pageSize cannot be honoured): one yielded array per ARM page. Each
 * page is its own SDK call from the previous nextLink, so the account limiter may safely retry it. Listings
 * always return whole bodies, so nothing is ever reported as unchanged (DiscoveryOptions.known is not used).
 */
export function armDiscoverer(spec: ArmDiscovererSpec): ServiceDiscoverer<'azure'> & { actions: string[] } {
  return {
    provider: 'azure',
    service: spec.service,
    scope: 'global',
    assetTypes: spec.assetTypes,
    actions: spec.actions,
    discover: (target, opts) => run(spec, target, opts ?? {}),
  };
}

async function* run(
  spec: ArmDiscovererSpec,
  target: AzureTarget,
  opts: DiscoveryOptions,
): AsyncGenerator<TAssetRecord[]> {
  let clients: AzureClients;
  try {
    clients = azureClientsFor(target, { maxAttempts: opts.maxAttempts });
  } catch (err) {
    throw new ConnectorError({
      code: 'Unknown',
      service: spec.service,
      message: `Could not set up the Azure clients: ${(err as Error).message}`,
      retryable: false,
      cause: err,
    });
  }
  const helpers = armRun(spec.service, target, opts, clients);
  try {
    for await (const page of spec.discover(helpers)) {
      opts.signal?.throwIfAborted();
      if (page.length > 0) yield page;
    }
  } catch (err) {
    if (opts.signal?.aborted && !(err instanceof ConnectorError)) {
      throw new ConnectorError({
        code: 'Aborted',
        service: spec.service,
        message: 'Discovery was cancelled',
        cause: err,
      });
    }
    throw err;
  }
}

function armRun(service: string, target: AzureTarget, opts: DiscoveryOptions, clients: AzureClients): ArmRun {
  const wanted = new Set(target.locations.map(normaliseLocation));
  const locationOf = (r: RawResource | undefined) =>
    typeof r?.location === 'string' ? r.location : undefined;
  const limit = <T>(call: () => Promise<T>): Promise<T> => (opts.limiter ? opts.limiter.run(call) : call());

  async function* walk(listing: ArmListing, parentMayBeGone: boolean): AsyncGenerator<RawResource[]> {
    let nextLink: string | undefined;
    do {
      opts.signal?.throwIfAborted();
      const link = nextLink;
      let page;
      try {
        page = await limit(() => captureRawPage(() => listing.page(clients, link, opts.signal)));
      } catch (err) {
        if (parentMayBeGone && isNotFound(err)) return;
        if (opts.signal?.aborted) {
          throw new ConnectorError({
            code: 'Aborted',
            service,
            operation: listing.operation,
            message: 'Discovery was cancelled',
            cause: err,
          });
        }
        throw await explainAzureError(
          err,
          { service, operation: listing.operation, action: listing.action, target },
          clients.agent,
        );
      }
      const items = page.value.filter((v): v is RawResource => typeof v.id === 'string');
      if (items.length !== page.value.length) {
        throw new ConnectorError({
          code: 'Unknown',
          service,
          operation: listing.operation,
          message: `${listing.operation} returned resources without an id`,
          retryable: false,
        });
      }
      yield items;
      nextLink = typeof page.nextLink === 'string' && page.nextLink !== '' ? page.nextLink : undefined;
    } while (nextLink);
  }

  const keeps = (resource: RawResource, parent?: RawResource) => {
    if (wanted.size === 0) return true;
    const location = locationOf(resource) ?? locationOf(parent);
    // Resources without any location (role assignments) are not regional: always kept.
    return location === undefined || wanted.has(normaliseLocation(location));
  };

  return {
    target,
    keeps,
    pages: (listing) => walk(listing, false),
    eachParent: (parents, perParent) => concurrentlyPerParent(parents, perParent, PARENT_CONCURRENCY),
    children: (listing) => walk(listing, true),
    async *parents(listing) {
      for await (const page of walk(listing, false)) {
        for (const r of page) if (keeps(r)) yield r;
      }
    },
    record(assetType, resource, extra) {
      return {
        assetType,
        nativeId: resource.id,
        name: typeof resource.name === 'string' ? resource.name : resource.id.split('/').at(-1)!,
        region: locationOf(resource) ?? locationOf(extra.parent) ?? 'global',
        attributes: toArmAttributes(resource),
        tags: armTags(resource),
        relations: extra.relations ?? [],
      };
    },
  };
}

/** Parents whose child listings run at once in one discoverer (the account limiter caps the calls in flight). */
const PARENT_CONCURRENCY = 8;

type Settled<T> = { key: number; pages: T[][] } | { key: number; error: unknown };

async function* concurrentlyPerParent<T>(
  parents: AsyncIterable<RawResource> | Iterable<RawResource>,
  perParent: (parent: RawResource) => AsyncIterable<T[]>,
  concurrency: number,
): AsyncGenerator<T[]> {
  const collect = async (parent: RawResource): Promise<T[][]> => {
    const pages: T[][] = [];
    for await (const page of perParent(parent)) pages.push(page);
    return pages;
  };
  const source = (async function* () {
    yield* parents;
  })();
  const inFlight = new Map<number, Promise<Settled<T>>>();
  let next = 0;
  let exhausted = false;
  try {
    for (;;) {
      while (!exhausted && inFlight.size < concurrency) {
        const item = await source.next();
        if (item.done) {
          exhausted = true;
          break;
        }
        const key = next++;
        // Settled, never rejected: a parent failing while another is awaited must not be an unhandled rejection.
        inFlight.set(
          key,
          collect(item.value).then(
            (pages) => ({ key, pages }),
            (error: unknown) => ({ key, error }),
          ),
        );
      }
      if (inFlight.size === 0) return;
      const done = await Promise.race(inFlight.values());
      inFlight.delete(done.key);
      if ('error' in done) throw done.error;
      for (const page of done.pages) yield page;
    }
  } finally {
    await source.return(undefined);
  }
}

/** `West Europe` and `westeurope` are the same location. */
export function normaliseLocation(location: string): string {
  return location.replace(/\s+/g, '').toLowerCase();
}

/** The resource group and names along an ARM id: `/subscriptions/s/resourceGroups/rg/providers/ns/t/n/t2/n2`. */
export function armIdParts(id: string): { resourceGroup: string; names: string[] } {
  const parts = id.split('/');
  const rgAt = parts.findIndex((p) => p.toLowerCase() === 'resourcegroups');
  const providersAt = parts.findIndex((p) => p.toLowerCase() === 'providers');
  const tail = parts.slice(providersAt + 2);
  return {
    resourceGroup: rgAt >= 0 ? (parts[rgAt + 1] ?? '') : '',
    names: tail.filter((_, i) => i % 2 === 1),
  };
}

/** The SDK call options every listing passes. */
export function sdkOptions(signal: AbortSignal | undefined): { abortSignal?: AbortSignal } {
  return signal ? { abortSignal: signal } : {};
}

/** The first page of an SDK `byPage()` iterator, started at `nextLink` when given. */
export async function firstPage(
  byPage: (settings?: { continuationToken?: string }) => AsyncIterableIterator<unknown>,
  nextLink: string | undefined,
): Promise<unknown> {
  const pages = byPage(nextLink ? { continuationToken: nextLink } : undefined);
  try {
    return (await pages.next()).value;
  } finally {
    await pages.return?.();
  }
}

export function partOf(toAssetType: string, parent: RawResource): TAssetRelation {
  return { kind: 'part_of', toAssetType, toNativeId: parent.id };
}
