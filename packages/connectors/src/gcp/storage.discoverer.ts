import type * as StorageModule from '@google-cloud/storage';
import type { Bucket, Storage, StorageOptions } from '@google-cloud/storage';
import type { TAssetRecord } from '@aispm/contracts';
import { checkOutboundUrl } from '@aispm/security';
import { mapWithConcurrency } from '../concurrency.util';
import {
  ConnectorError,
  GLOBAL_REGION,
  type DiscoveryOptions,
  type GcpTarget,
  type ServiceDiscoverer,
} from '../types';
import { gcpClientFor, type ServiceAccountJwt } from './clients';
import { isNotFound, type GcpCallContext } from './gcp-error.mapper';
import { bucketNativeId, kmsRelations, labelsToTags, uniqueRelations } from './gcp-attributes.mapper';
import { asConnectorError, runCall } from './gcp-listing';

export const BUCKET_ASSET_TYPE = 'gcp.storage.bucket';
const DEFAULT_PAGE_SIZE = 200;
/** IAM policy reads in flight per page. */
const IAM_CONCURRENCY = 8;

type Module = typeof StorageModule;
let module: Promise<Module> | undefined;
function load(): Promise<Module> {
  module ??= import('@google-cloud/storage');
  return module;
}

/**
 * The project's Cloud Storage buckets (JSON API), once per project: `b?project=` page by page, then each
 * bucket's IAM policy (`b/{bucket}/iam`, policy version 3). Attributes are the bucket resource exactly as
 * returned (the client keeps it raw) plus `iamPolicy` (the policy as returned); a bucket deleted between the
 * listing and its policy read is skipped.
 *
 * Native id: `projects/_/buckets/<name>` (Cloud Asset Inventory's form without the service host), so that a
 * `gs://<name>/...` URI anywhere resolves to it. Region: the bucket's location, lower-cased (`us-central1`,
 * `us`, `eu`). Relation: `encrypted_by` its default KMS key.
 *
 * The Storage client sends requests through its own HTTP stack, which takes no agent: with an outbound policy the
 * endpoint's addresses are checked once before listing (not on every connection), and a private CA for an HTTPS
 * endpoint is not applied to these calls (use NODE_EXTRA_CA_CERTS).
 */
export const storageBucketsDiscoverer: ServiceDiscoverer<'gcp'> = {
  provider: 'gcp',
  service: 'storage.buckets',
  scope: 'global',
  assetTypes: [BUCKET_ASSET_TYPE],
  discover: (target, opts) => discover(target, opts ?? {}),
};

/**
 * The Storage client bundles google-auth-library 9, which reads request headers as a plain object; the
 * credential of version 10 returns `Headers`. This adapter hands it the same bearer token as a plain object.
 */
function storageAuthClient(auth: ServiceAccountJwt): NonNullable<StorageOptions['authClient']> {
  const adapter = {
    getRequestHeaders: async (url?: string) =>
      Object.fromEntries((await auth.getRequestHeaders(url)).entries()),
    getAccessToken: () => auth.getAccessToken(),
    universeDomain: 'googleapis.com',
  };
  return adapter as unknown as NonNullable<StorageOptions['authClient']>;
}

async function* discover(target: GcpTarget, opts: DiscoveryOptions): AsyncGenerator<TAssetRecord[]> {
  const ctx = (operation: string, permission: string): GcpCallContext => ({
    service: 'storage.buckets',
    operation,
    permission,
    target,
  });
  const listCtx = ctx('ListBuckets', 'storage.buckets.list');
  if (target.endpoint && target.outbound) {
    const check = await checkOutboundUrl(target.endpoint, target.outbound);
    if (!check.ok) {
      throw new ConnectorError({
        code: 'Unavailable',
        service: 'storage.buckets',
        operation: 'ListBuckets',
        message: `The endpoint ${target.endpoint} is not allowed: ${check.reason}`,
        retryable: false,
      });
    }
  }
  const { Storage: StorageClient } = await load();
  const storage: Storage = gcpClientFor(target, 'storage.v1', ({ auth }) => {
    const client = new StorageClient({
      projectId: target.projectId,
      authClient: storageAuthClient(auth),
      ...(target.endpoint && {
        apiEndpoint: target.endpoint.replace(/\/+$/, ''),
        useAuthWithCustomEndpoint: true,
      }),
      // Retries (and their backoff) are ours, shared with the account limiter.
      retryOptions: { autoRetry: false },
    });
    return Object.assign(client, { close: () => undefined });
  });
  const pageSize = opts.pageSize ?? DEFAULT_PAGE_SIZE;
  let pageToken: string | undefined;
  do {
    opts.signal?.throwIfAborted();
    let buckets: Bucket[];
    let next: { pageToken?: string } | null | undefined;
    try {
      [buckets, next] = await runCall(
        () =>
          storage.getBuckets({ autoPaginate: false, maxResults: pageSize, ...(pageToken && { pageToken }) }),
        opts,
      );
    } catch (err) {
      throw asConnectorError(err, listCtx, opts);
    }
    const records = await mapWithConcurrency(buckets, IAM_CONCURRENCY, (bucket) =>
      bucketRecord(bucket, opts, ctx('GetBucketIamPolicy', 'storage.buckets.getIamPolicy')),
    );
    yield records.filter((r): r is TAssetRecord => r !== null);
    pageToken = next?.pageToken || undefined;
  } while (pageToken);
}

/** The bucket's record, or null when it was deleted before its policy could be read. */
async function bucketRecord(
  bucket: Bucket,
  opts: DiscoveryOptions,
  ctx: GcpCallContext,
): Promise<TAssetRecord | null> {
  let policy: unknown;
  try {
    [policy] = await runCall(() => bucket.iam.getPolicy({ requestedPolicyVersion: 3 }), opts);
  } catch (err) {
    if (isNotFound(err)) return null;
    throw asConnectorError(err, { ...ctx, where: `bucket ${bucket.name}` }, opts);
  }
  const metadata = bucket.metadata as Record<string, unknown>;
  const name = typeof metadata.name === 'string' ? metadata.name : bucket.name;
  return {
    assetType: BUCKET_ASSET_TYPE,
    nativeId: bucketNativeId(name),
    name,
    region: typeof metadata.location === 'string' ? metadata.location.toLowerCase() : GLOBAL_REGION,
    attributes: { ...metadata, iamPolicy: policy },
    tags: labelsToTags(metadata.labels),
    relations: uniqueRelations(kmsRelations(metadata)),
  };
}
