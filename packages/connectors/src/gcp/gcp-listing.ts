import { setTimeout as sleep } from 'node:timers/promises';
import { ConnectorError, type DiscoveryOptions } from '../types';
import { captureRawBodies } from './clients';
import { httpStatusOf, isNotFound, toGcpConnectorError, type GcpCallContext } from './gcp-error.mapper';
import { withEnumNames } from './gcp-attributes.mapper';

type Json = Record<string, unknown>;

/** The client's answer for one page: `[resources, nextRequest, response]` with `autoPaginate: false`. */
export type ClientPage = readonly [readonly unknown[], ...unknown[]];

export interface PagedListing {
  ctx: GcpCallContext;
  /** The member of the response body holding the page's resources (`endpoints`, `instances`, ...). */
  itemsKey: string;
  /** One page through the official client, with `autoPaginate: false`. */
  fetchPage(pageToken: string | undefined): Promise<ClientPage>;
}

/** One listed resource: the body as sent (enum names restored), the way the client decoded it is not kept. */
export type ListedResource = Json;

/**
 * Pages through a Google listing with the official client, yielding each page's resources as the cloud sent
 * them (the raw body, see withEnumNames). A throttled or failing page is retried (through the account limiter
 * when given, else here), then fails the listing with a ConnectorError: a listing never ends short. A 404 on
 * the first page means the parent (location, project) does not exist: nothing is listed.
 */
export async function* listPages(
  listing: PagedListing,
  opts: DiscoveryOptions,
): AsyncGenerator<ListedResource[]> {
  let pageToken: string | undefined;
  let first = true;
  try {
    do {
      opts.signal?.throwIfAborted();
      let page: { result: ClientPage; bodies: string[] };
      try {
        page = await runCall(() => captureRawBodies(() => listing.fetchPage(pageToken)), opts);
      } catch (err) {
        if (first && isNotFound(err)) return;
        throw err;
      }
      const rawText = page.bodies.at(-1);
      const raw = rawText === undefined ? undefined : (JSON.parse(rawText) as Json);
      if (!raw) throw new Error(`${listing.ctx.operation} returned no body`);
      const rawItems = Array.isArray(raw[listing.itemsKey]) ? (raw[listing.itemsKey] as Json[]) : [];
      const decoded = page.result[0];
      yield rawItems.map((item, i) => withEnumNames(item, decoded[i]) as Json);
      pageToken = typeof raw.nextPageToken === 'string' && raw.nextPageToken ? raw.nextPageToken : undefined;
      first = false;
    } while (pageToken);
  } catch (err) {
    throw asConnectorError(err, listing.ctx, opts);
  }
}

/** Maps an error of a listing, or of a per-item call, to a ConnectorError (Aborted when the caller stopped). */
export function asConnectorError(err: unknown, ctx: GcpCallContext, opts: DiscoveryOptions): ConnectorError {
  if (err instanceof ConnectorError) return err;
  if (opts.signal?.aborted) {
    return new ConnectorError({
      code: 'Aborted',
      service: ctx.service,
      message: 'Discovery was cancelled',
      cause: err,
    });
  }
  return toGcpConnectorError(err, ctx);
}

const RETRY_BASE_MS = 200;

/**
 * Runs one cloud call: under the account limiter when given (it retries throttles and slows every listing of
 * the account), and with `maxAttempts` tries of its own on 429 and 5xx answers (default 3), jittered
 * exponential backoff between them, as the AWS SDK does.
 */
export async function runCall<T>(call: () => Promise<T>, opts: DiscoveryOptions): Promise<T> {
  const attempts = Math.max(1, opts.maxAttempts ?? 3);
  const retrying = async (): Promise<T> => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await call();
      } catch (err) {
        const status = httpStatusOf(err);
        const transient = status === 429 || (status !== undefined && status >= 500);
        if (!transient || attempt >= attempts || opts.signal?.aborted) throw err;
      }
      await sleep(Math.random() * RETRY_BASE_MS * 2 ** attempt, undefined, { signal: opts.signal });
    }
  };
  return opts.limiter ? opts.limiter.run(retrying) : retrying();
}
