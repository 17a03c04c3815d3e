import { BedrockClient } from '@aws-sdk/client-bedrock';
import { BedrockAgentClient } from '@aws-sdk/client-bedrock-agent';
import type { TAssetRecord, TDiscoveredAsset } from '@aispm/contracts';
import { mapWithConcurrency } from '../../concurrency.util';
import { ConnectorError, type AwsTarget, type DiscoveryOptions, type ServiceDiscoverer } from '../../types';
import { toConnectorError, type AwsCallContext } from '../aws-error.mapper';
import { awsClientFor, type AwsClientClass } from '../clients';

/** The API's usual maximum is 1000; 100 keeps each page's Get fan-out moderate. */
const DEFAULT_PAGE_SIZE = 100;
/** Get calls in flight per listing page (the adaptive limiter may allow fewer). */
const ITEM_CONCURRENCY = 8;

export type SendOptions = { abortSignal?: AbortSignal };

export function bedrockClientFor(target: AwsTarget, opts: DiscoveryOptions): BedrockClient {
  return awsClientFor(BedrockClient as AwsClientClass<BedrockClient>, target, {
    maxAttempts: opts.maxAttempts,
  });
}

export function bedrockAgentClientFor(target: AwsTarget, opts: DiscoveryOptions): BedrockAgentClient {
  return awsClientFor(BedrockAgentClient as AwsClientClass<BedrockAgentClient>, target, {
    maxAttempts: opts.maxAttempts,
  });
}

/** What the records of one listed item are built with. */
export interface ItemContext<C> {
  client: C;
  target: AwsTarget;
  sendOptions: SendOptions;
  /** The page size of nested listings (data sources, guardrail versions, agent knowledge bases). */
  pageSize: number;
  /**
   * Runs one call (or one nested listing) under the account's limiter. Null when the resource no longer exists
   * (ResourceNotFoundException); any other failure becomes a ConnectorError naming `operation`.
   */
  call<T>(operation: string, run: () => Promise<T>): Promise<T | null>;
  /** Like `call`, but answered once per discovery run for the same operation and key (relation lookups). */
  lookup<T>(operation: string, key: string, run: () => Promise<T>): Promise<T | null>;
}

/** One paged Bedrock listing whose items each become records through Get calls. */
export interface BedrockListingSpec<C, TPage, TSummary> {
  service: string;
  assetTypes: string[];
  listOperation: string;
  client(target: AwsTarget, opts: DiscoveryOptions): C;
  list(client: C, pageSize: number, sendOptions: SendOptions): AsyncIterable<TPage>;
  summaries(page: TPage): readonly TSummary[] | undefined;
  /** The records of one listed item; [] when it was deleted between the listing and its Get. */
  records(summary: TSummary, ctx: ItemContext<C>): Promise<TAssetRecord[]>;
  /**
   * For resources whose listing shows every change of what Get returns: the item's native id and its version
   * as listed. When `opts.known` holds the same token, the item is reported unchanged without any Get call.
   */
  changeToken?(summary: TSummary): { nativeId: string; token: string } | undefined;
}

/**
 * A regional discoverer over one Bedrock listing: the SDK paginator page by page, then the per-item Get calls
 * (through `opts.limiter`), yielding one array of records per listing page. An item deleted between the
 * listing and its Get is skipped; any other failure ends the listing with a ConnectorError (never a short list).
 */
export function bedrockListingDiscoverer<C, TPage, TSummary>(
  spec: BedrockListingSpec<C, TPage, TSummary>,
): ServiceDiscoverer<'aws'> {
  return {
    provider: 'aws',
    service: spec.service,
    scope: 'regional',
    assetTypes: spec.assetTypes,
    discover: (target, opts) => discover(spec, target, opts ?? {}),
  };
}

async function* discover<C, TPage, TSummary>(
  spec: BedrockListingSpec<C, TPage, TSummary>,
  target: AwsTarget,
  opts: DiscoveryOptions,
): AsyncGenerator<TDiscoveredAsset[]> {
  const client = spec.client(target, opts);
  const sendOptions: SendOptions = opts.signal ? { abortSignal: opts.signal } : {};
  const pageSize = opts.pageSize ?? DEFAULT_PAGE_SIZE;
  const ctx = itemContext(client, target, opts, spec.service, pageSize, sendOptions);
  try {
    for await (const page of spec.list(client, pageSize, sendOptions)) {
      opts.signal?.throwIfAborted();
      const records = await mapWithConcurrency(
        spec.summaries(page) ?? [],
        ITEM_CONCURRENCY,
        async (summary): Promise<TDiscoveredAsset[]> => {
          const version = spec.changeToken?.(summary);
          if (version && opts.known?.get(version.nativeId) === version.token) {
            return [{ assetType: spec.assetTypes[0]!, nativeId: version.nativeId, unchanged: true }];
          }
          const out = await spec.records(summary, ctx);
          return version
            ? out.map((r) => (r.nativeId === version.nativeId ? { ...r, changeToken: version.token } : r))
            : out;
        },
      );
      yield records.flat();
    }
  } catch (err) {
    throw mapFailure(err, opts, callContext(spec.service, spec.listOperation, target));
  }
}

export function itemContext<C>(
  client: C,
  target: AwsTarget,
  opts: DiscoveryOptions,
  service: string,
  pageSize: number,
  sendOptions: SendOptions,
): ItemContext<C> {
  const limit = <T>(run: () => Promise<T>): Promise<T> => (opts.limiter ? opts.limiter.run(run) : run());
  const call = async <T>(operation: string, run: () => Promise<T>): Promise<T | null> => {
    try {
      return await limit(run);
    } catch (err) {
      if (isGone(err)) return null;
      throw mapFailure(err, opts, callContext(service, operation, target));
    }
  };
  const cache = new Map<string, Promise<unknown>>();
  return {
    client,
    target,
    sendOptions,
    pageSize,
    call,
    lookup<T>(operation: string, key: string, run: () => Promise<T>): Promise<T | null> {
      const cacheKey = `${operation}\0${key}`;
      let pending = cache.get(cacheKey) as Promise<T | null> | undefined;
      if (!pending) {
        pending = call(operation, run);
        cache.set(cacheKey, pending);
      }
      return pending;
    },
  };
}

export function callContext(service: string, operation: string, target: AwsTarget): AwsCallContext {
  return { service, iamPrefix: 'bedrock', operation, target };
}

/** A failure as a ConnectorError: Aborted when the caller's signal fired, else mapped for `ctx`. */
export function mapFailure(err: unknown, opts: DiscoveryOptions, ctx: AwsCallContext): ConnectorError {
  if (opts.signal?.aborted && !(err instanceof ConnectorError)) {
    return new ConnectorError({
      code: 'Aborted',
      service: ctx.service,
      operation: ctx.operation,
      message: 'Discovery was cancelled',
      cause: err,
    });
  }
  return toConnectorError(err, ctx);
}

/** Bedrock answers a resource that no longer exists with 404 ResourceNotFoundException. */
export function isGone(err: unknown): boolean {
  return (err as { name?: unknown } | null)?.name === 'ResourceNotFoundException';
}

/** Every item of a nested paged listing (data sources of a knowledge base, versions of a guardrail...). */
export async function collectPages<TPage, TItem>(
  pages: AsyncIterable<TPage>,
  items: (page: TPage) => readonly TItem[] | undefined,
): Promise<TItem[]> {
  const out: TItem[] = [];
  for await (const page of pages) out.push(...(items(page) ?? []));
  return out;
}

/** The record's name: the returned name, else the native id. */
export function nameOr(name: string | undefined, nativeId: string): string {
  return name !== undefined && name !== '' ? name : nativeId;
}

/** Throws a ConnectorError for an item whose Get came back without the ARN its record needs. */
export function missingArn(service: string, operation: string, target: AwsTarget, what: string): never {
  throw toConnectorError(
    new Error(`${what} came back without an ARN`),
    callContext(service, operation, target),
  );
}
