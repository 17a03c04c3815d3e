import type { TAssetRecord, TAwsCredentials } from '@aispm/contracts';
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

export interface DiscoveryOptions {
  /** Items per listing page asked of the cloud; each page is yielded as one array. */
  pageSize?: number;
  signal?: AbortSignal;
  /** SDK attempts per call, retries included (the SDK's default is 3). */
  maxAttempts?: number;
}

/** Lists one service of one provider in one region. */
export interface ServiceDiscoverer {
  provider: 'aws';
  /** Stable name used by scan tasks, e.g. `sagemaker.notebooks`. */
  service: string;
  /** Asset types this listing is complete for: after a full listing, unseen assets of these types are gone. */
  assetTypes: string[];
  /** Yields one array of records per listing page; throws ConnectorError when the listing cannot finish. */
  discover(target: AwsTarget, opts?: DiscoveryOptions): AsyncIterable<TAssetRecord[]>;
}

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
