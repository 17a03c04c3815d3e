import { paginateListTags, type SageMakerClient } from '@aws-sdk/client-sagemaker';
import type { TAssetRecord, TDiscoveredAsset } from '@aispm/contracts';
import { mapWithConcurrency } from '../concurrency.util';
import { ConnectorError, type AwsTarget, type DiscoveryOptions, type ServiceDiscoverer } from '../types';
import { tagsToRecord, toAssetAttributes } from './aws-attributes.mapper';
import { toConnectorError, type AwsCallContext } from './aws-error.mapper';
import { sageMakerClientFor } from './clients';

export type TAssetRelation = NonNullable<TAssetRecord['relations']>[number];

/** The API's maximum; fewer round trips for large accounts. */
const DEFAULT_PAGE_SIZE = 100;
/** Describe + ListTags calls in flight per page: fast, yet well under SageMaker's per-account rate limits. */
const DESCRIBE_CONCURRENCY = 8;
/** Parents whose child listings run at once (model groups' versions, say). */
const PARENT_CONCURRENCY = 8;

export type SendOptions = { abortSignal?: AbortSignal };

/**
 * Describe calls a resource's relations need (e.g. an endpoint's config, to learn its ARN). Each answer is
 * fetched once per discovery run; null when the resource no longer exists, so the edge is left out.
 */
export interface RelationLookups {
  lookup<T>(operation: string, name: string, call: () => Promise<T>): Promise<T | null>;
}

/** One SageMaker resource kind with a paged List, a Describe by name and, optionally, tags. */
export interface SageMakerResourceSpec<TPage, TSummary, TDescribed extends object> {
  service: string;
  assetType: string;
  listOperation: string;
  describeOperation: string;
  /**
   * A listing that needs a parent listed first (a model group's versions): the parent List, yielding the
   * parent names of each page. `list` then runs once per parent, with its name.
   */
  parents?: {
    listOperation: string;
    list(
      client: SageMakerClient,
      pageSize: number,
      sendOptions: SendOptions,
    ): AsyncIterable<readonly string[]>;
  };
  list(
    client: SageMakerClient,
    pageSize: number,
    sendOptions: SendOptions,
    parent?: string,
  ): AsyncIterable<TPage>;
  summaries(page: TPage): readonly TSummary[] | undefined;
  nameOf(summary: TSummary): string | undefined;
  /** Describes the listed resource (by name, or by whatever else the summary gives). */
  describe(
    client: SageMakerClient,
    name: string,
    sendOptions: SendOptions,
    summary: TSummary,
  ): Promise<TDescribed>;
  /** The ARN exactly as the API returned it; never rebuilt from a name. */
  arnOf(described: TDescribed, summary: TSummary): string | undefined;
  displayName(described: TDescribed): string | undefined;
  /** The record's attributes; the Describe output as returned (see toAssetAttributes) when absent. */
  attributes?(described: TDescribed): Record<string, unknown>;
  /**
   * The listed ARN and a version token built from the summary alone (LastModifiedTime and status, or the
   * creation time of an immutable resource). When the inventory holds the same token for the ARN, Describe and
   * ListTags are skipped and the resource is reported unchanged. Kinds without such fields leave this out.
   */
  changeOf?(summary: TSummary): ListedVersion | undefined;
  relations?(
    described: TDescribed,
    lookups: RelationLookups,
    client: SageMakerClient,
    sendOptions: SendOptions,
  ): Promise<TAssetRelation[]>;
}

export interface ListedVersion {
  arn: string;
  token: string;
}

/** The version of a listed resource from summary fields; undefined without an ARN or any field to go by. */
export function listedVersion(arn: string | undefined, ...parts: unknown[]): ListedVersion | undefined {
  if (!arn || parts.every((p) => p === undefined || p === null)) return undefined;
  const token = parts
    .map((p) => (p instanceof Date ? p.toISOString() : p === undefined || p === null ? '' : String(p)))
    .join('|');
  return { arn, token };
}

/**
 * A discoverer for one SageMaker resource kind in one region: the List page by page (the SDK paginator),
 * then Describe and ListTags for each listed resource, yielding one array of records per listing page.
 * A resource deleted between the listing and its Describe is skipped.
 */
export function sageMakerResourceDiscoverer<TPage, TSummary, TDescribed extends object>(
  spec: SageMakerResourceSpec<TPage, TSummary, TDescribed>,
): ServiceDiscoverer<'aws'> {
  return {
    provider: 'aws',
    service: spec.service,
    assetTypes: [spec.assetType],
    discover: (target, opts) => discover(spec, target, opts ?? {}),
  };
}

async function* discover<TPage, TSummary, TDescribed extends object>(
  spec: SageMakerResourceSpec<TPage, TSummary, TDescribed>,
  target: AwsTarget,
  opts: DiscoveryOptions,
): AsyncGenerator<TDiscoveredAsset[]> {
  const client = sageMakerClientFor(target, { maxAttempts: opts.maxAttempts });
  const sendOptions: SendOptions = opts.signal ? { abortSignal: opts.signal } : {};
  const ctx = (operation: string): AwsCallContext => ({
    service: spec.service,
    iamPrefix: 'sagemaker',
    operation,
    target,
  });
  const lookups = relationLookups(ctx);
  const limiter = opts.limiter;
  const limit = <T>(call: () => Promise<T>): Promise<T> => (limiter ? limiter.run(call) : call());

  const pageSize = opts.pageSize ?? DEFAULT_PAGE_SIZE;
  /** Summaries a page at a time; under parents, the children of several parents listed at once. */
  async function* summaryPages(): AsyncGenerator<readonly TSummary[]> {
    if (!spec.parents) {
      for await (const page of spec.list(client, pageSize, sendOptions)) yield spec.summaries(page) ?? [];
      return;
    }
    const childrenOf = async (parent: string): Promise<TSummary[]> => {
      const out: TSummary[] = [];
      for await (const page of spec.list(client, pageSize, sendOptions, parent)) {
        out.push(...(spec.summaries(page) ?? []));
      }
      return out;
    };
    const parentPages = spec.parents.list(client, pageSize, sendOptions)[Symbol.asyncIterator]();
    for (;;) {
      let next: IteratorResult<readonly string[]>;
      try {
        next = await parentPages.next();
      } catch (err) {
        throw toConnectorError(err, ctx(spec.parents.listOperation));
      }
      if (next.done) return;
      // One parent after another would leave the account idle between small listings (a model group holds a
      // handful of versions): list a batch of parents' children at once and describe them together.
      for (let i = 0; i < next.value.length; i += PARENT_CONCURRENCY) {
        const batch = next.value.slice(i, i + PARENT_CONCURRENCY);
        const children = await Promise.all(batch.map((parent) => limit(() => childrenOf(parent))));
        yield children.flat();
      }
    }
  }

  try {
    for await (const summaries of summaryPages()) {
      opts.signal?.throwIfAborted();
      const records = await mapWithConcurrency(
        summaries,
        DESCRIBE_CONCURRENCY,
        async (summary): Promise<TDiscoveredAsset | null> => {
          const version = spec.changeOf?.(summary);
          if (version && opts.known?.get(version.arn) === version.token) {
            return { assetType: spec.assetType, nativeId: version.arn, unchanged: true };
          }
          const record = await describeOne(spec, {
            client,
            summary,
            target,
            sendOptions,
            ctx,
            lookups,
            limit,
          });
          return record && version ? { ...record, changeToken: version.token } : record;
        },
      );
      yield records.filter((r): r is TDiscoveredAsset => r !== null);
    }
  } catch (err) {
    if (opts.signal?.aborted && !(err instanceof ConnectorError)) {
      // The signal's reason can be any value; the caller asked to stop, whatever it says.
      throw new ConnectorError({
        code: 'Aborted',
        service: spec.service,
        message: 'Discovery was cancelled',
        cause: err,
      });
    }
    // Errors of Describe, ListTags and lookups arrive already mapped; anything else came from the listing.
    throw toConnectorError(err, ctx(spec.listOperation));
  }
}

interface DescribeContext<TSummary> {
  client: SageMakerClient;
  summary: TSummary;
  target: AwsTarget;
  sendOptions: SendOptions;
  ctx: (operation: string) => AwsCallContext;
  lookups: RelationLookups;
  /** Runs one call under the account's adaptive concurrency limit. */
  limit: <T>(call: () => Promise<T>) => Promise<T>;
}

/** The resource's record, or null when it was deleted between the listing and the describe. */
async function describeOne<TPage, TSummary, TDescribed extends object>(
  spec: SageMakerResourceSpec<TPage, TSummary, TDescribed>,
  { client, summary, target, sendOptions, ctx, lookups, limit }: DescribeContext<TSummary>,
): Promise<TAssetRecord | null> {
  const listedName = spec.nameOf(summary) ?? '';
  let described: TDescribed;
  try {
    described = await limit(() => spec.describe(client, listedName, sendOptions, summary));
  } catch (err) {
    if (isGone(err)) return null;
    throw toConnectorError(err, ctx(spec.describeOperation));
  }
  const arn = spec.arnOf(described, summary);
  if (!arn) {
    throw toConnectorError(
      new Error(`${spec.assetType} ${listedName} came back without an ARN`),
      ctx(spec.describeOperation),
    );
  }

  const tags: Record<string, string> = {};
  try {
    await limit(async () => {
      for await (const page of paginateListTags({ client }, { ResourceArn: arn }, sendOptions)) {
        Object.assign(tags, tagsToRecord(page.Tags));
      }
    });
  } catch (err) {
    if (isGone(err)) return null;
    throw toConnectorError(err, ctx('ListTags'));
  }

  const relations = spec.relations ? await spec.relations(described, lookups, client, sendOptions) : [];
  return {
    assetType: spec.assetType,
    nativeId: arn,
    name: spec.displayName(described) ?? listedName,
    region: target.region,
    attributes: spec.attributes ? spec.attributes(described) : toAssetAttributes(described),
    tags,
    relations,
  };
}

function relationLookups(ctx: (operation: string) => AwsCallContext): RelationLookups {
  const cache = new Map<string, Promise<unknown>>();
  return {
    lookup<T>(operation: string, name: string, call: () => Promise<T>): Promise<T | null> {
      const key = `${operation}\0${name}`;
      let pending = cache.get(key) as Promise<T | null> | undefined;
      if (!pending) {
        pending = call().catch((err: unknown) => {
          if (isGone(err)) return null;
          throw toConnectorError(err, ctx(operation));
        });
        cache.set(key, pending);
      }
      return pending;
    },
  };
}

/** An IAM role edge, when the role ARN was returned (IAM roles are discovered by another discoverer). */
export function roleRelation(roleArn: string | undefined): TAssetRelation[] {
  return roleArn ? [{ kind: 'uses_role', toAssetType: 'aws.iam.role', toNativeId: roleArn }] : [];
}

/**
 * An `encrypted_by` edge to a KMS key, when the key is given as a key ARN (the KMS family lists keys by
 * KeyArn). A bare key id or an alias names no listed key, so it gets no edge; the attribute still shows it.
 */
export function kmsRelation(keyId: string | undefined): TAssetRelation[] {
  return keyId && /^arn:aws[a-z-]*:kms:[^:]+:\d{12}:key\/.+/.test(keyId)
    ? [{ kind: 'encrypted_by', toAssetType: 'aws.kms.key', toNativeId: keyId }]
    : [];
}

/** A `reads_data` / `writes_output` edge to the bucket of an `s3://bucket/...` URI (`arn:aws:s3:::bucket`). */
export function s3Relation(kind: 'reads_data' | 'writes_output', uri: string | undefined): TAssetRelation[] {
  const bucket = /^s3:\/\/([^/]+)/.exec(uri ?? '')?.[1];
  return bucket ? [{ kind, toAssetType: 'aws.s3.bucket', toNativeId: `arn:aws:s3:::${bucket}` }] : [];
}

/** The relations without repeats (two channels in one bucket make one edge). */
export function uniqueRelations(relations: readonly TAssetRelation[]): TAssetRelation[] {
  const seen = new Set<string>();
  return relations.filter((r) => {
    const key = `${r.kind}\0${r.toAssetType}\0${r.toNativeId}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * SageMaker reports a resource that no longer exists as a ValidationException, not a 404: "RecordNotFound"
 * (notebooks), 'Could not find model "arn:..."' (models, endpoint configs, endpoints), "Requested resource
 * not found." (training jobs), "... does not exist." (model registry, lifecycle configs). Studio domains and
 * profiles, feature groups, pipelines and monitoring schedules answer with a ResourceNotFound error instead.
 */
export function isGone(err: unknown): boolean {
  const e = err as { name?: unknown; message?: unknown };
  if (e?.name === 'ResourceNotFound') return true;
  return (
    e?.name === 'ValidationException' &&
    typeof e.message === 'string' &&
    /RecordNotFound|does not exist|not found|could not find/i.test(e.message)
  );
}
