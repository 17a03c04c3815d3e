import type { TAwsCredentials, TAzureCredentials, TDiscoveredAsset, TGcpCredentials } from '@aispm/contracts';
import type { OutboundPolicy } from '@aispm/security';

/** One AWS account in one region, as a discoverer reaches it. */
export interface AwsTarget {
  provider: 'aws';
  accountId: string;
  region: string;
  /** Custom API endpoint (private endpoint, proxy or the local simulator); the public AWS endpoint when absent. */
  endpoint?: string | undefined;
  credentials: TAwsCredentials;
  /**
   * When set, every connection's DNS answer is checked against this policy as the socket opens, so a host
   * that passed the check earlier cannot rebind to a private address (SSRF defence for custom endpoints).
   */
  outbound?: OutboundPolicy | undefined;
}

/** One Azure subscription, as a discoverer reaches it. Azure Resource Manager lists a subscription whole. */
export interface AzureTarget {
  provider: 'azure';
  subscriptionId: string;
  /** Always `global`: ARM listings span every location; `locations` filters what is kept. */
  region: string;
  /** Azure locations to keep (e.g. westeurope); every location when empty. */
  locations: readonly string[];
  /** Resource Manager endpoint; https://management.azure.com when absent. */
  endpoint?: string | undefined;
  /** PEM CA bundle to trust for the endpoint and the authority host (private CA, simulator). */
  caCertificate?: string | undefined;
  credentials: TAzureCredentials;
  outbound?: OutboundPolicy | undefined;
}

/** One Google Cloud project in one location (or `global` for project-wide listings). */
export interface GcpTarget {
  provider: 'gcp';
  projectId: string;
  region: string;
  /** Base URL serving the Google APIs (Vertex AI, Notebooks, Storage, Service Usage); Google's own when absent. */
  endpoint?: string | undefined;
  caCertificate?: string | undefined;
  credentials: TGcpCredentials;
  outbound?: OutboundPolicy | undefined;
}

export type DiscoveryTarget = AwsTarget | AzureTarget | GcpTarget;
export type TargetOf<P extends DiscoveryTarget['provider']> = Extract<DiscoveryTarget, { provider: P }>;

export interface DiscoveryOptions {
  /** Items per listing page asked of the cloud; each page is yielded as one array. */
  pageSize?: number;
  signal?: AbortSignal;
  /** SDK attempts per call, retries included (the SDK's default is 3). */
  maxAttempts?: number;
  /**
   * Shared by every listing of one account in this process: caps the cloud calls in flight and shrinks when the
   * cloud throttles (see AdaptiveLimiter). Discoverers run their per-item calls through it when given.
   */
  limiter?: CallLimiter | undefined;
  /**
   * What the inventory holds for this listing, by native id: the change token of each resource last read in
   * full. A discoverer whose listing shows change tokens yields `{ nativeId, assetType, unchanged: true }` for a
   * resource whose token is the same, instead of calling Describe again. Absent: read everything.
   */
  known?: ReadonlyMap<string, string> | undefined;
}

/** Runs a cloud call under the account's concurrency limit. */
export interface CallLimiter {
  run<T>(call: () => Promise<T>): Promise<T>;
}

/** Lists one service of one provider, in one region or (scope `global`) once per account. */
export interface ServiceDiscoverer<P extends DiscoveryTarget['provider'] = DiscoveryTarget['provider']> {
  provider: P;
  /** Stable name used by scan tasks, e.g. `sagemaker.notebooks`. */
  service: string;
  /**
   * `regional` (the default): one task per region of the account, and deletions are limited to that region.
   * `global`: one task per account with region `global` (IAM, S3, ARM subscription-wide listings).
   */
  scope?: 'regional' | 'global';
  /** Asset types this listing is complete for: after a full listing, unseen assets of these types are gone. */
  assetTypes: string[];
  /** Yields one array of records per listing page; throws ConnectorError when the listing cannot finish. */
  discover(target: TargetOf<P>, opts?: DiscoveryOptions): AsyncIterable<TDiscoveredAsset[]>;
}

export type AnyDiscoverer = ServiceDiscoverer<'aws'> | ServiceDiscoverer<'azure'> | ServiceDiscoverer<'gcp'>;

/** The region name of a task of a `global` discoverer. */
export const GLOBAL_REGION = 'global';

export type ConnectorErrorCode =
  /** The credentials are valid but lack a permission; the message names it. */
  | 'AccessDenied'
  /** The cloud does not accept the credentials (unknown key, wrong secret, expired token). */
  | 'InvalidCredentials'
  /** The cloud asked us to slow down, and the SDK's own retries did not get through. */
  | 'Throttled'
  /** The cloud or the network failed (5xx, timeout, connection refused). */
  | 'Unavailable'
  /** The caller's AbortSignal fired. */
  | 'Aborted'
  | 'Unknown';

/** A failed cloud call in words a user can act on. Messages never contain a secret. */
export class ConnectorError extends Error {
  override readonly name = 'ConnectorError';
  readonly code: ConnectorErrorCode;
  readonly service: string;
  /** Whether trying the same call later may succeed. */
  readonly retryable: boolean;
  /** The cloud API operation that failed, e.g. `ListNotebookInstances`. */
  readonly operation: string | undefined;

  constructor(init: {
    code: ConnectorErrorCode;
    service: string;
    message: string;
    retryable?: boolean;
    operation?: string;
    cause?: unknown;
  }) {
    super(init.message, { cause: init.cause });
    this.code = init.code;
    this.service = init.service;
    this.operation = init.operation;
    this.retryable = init.retryable ?? (init.code === 'Throttled' || init.code === 'Unavailable');
  }
}
