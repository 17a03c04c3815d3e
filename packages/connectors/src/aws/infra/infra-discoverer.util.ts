import type { TAssetRecord } from '@aispm/contracts';
import { ConnectorError, type AwsTarget, type DiscoveryOptions, type ServiceDiscoverer } from '../../types';
import { maskAccessKeyId, toConnectorError, type AwsCallContext } from '../aws-error.mapper';

export type TAssetRelation = NonNullable<TAssetRecord['relations']>[number];
export type SendOptions = { abortSignal?: AbortSignal };

/** The API maximum of most listings: fewer round trips for large accounts. */
export const DEFAULT_PAGE_SIZE = 100;
/** Per-item calls in flight per page, under the account's adaptive limiter. */
export const ITEM_CONCURRENCY = 8;

/** What every infra listing needs while it runs: its options, error context and the account's limiter. */
export interface InfraRun {
  target: AwsTarget;
  opts: DiscoveryOptions;
  sendOptions: SendOptions;
  pageSize: number;
  /** Runs one cloud call under the account's adaptive concurrency limit (it retries throttles). */
  limit<T>(call: () => Promise<T>): Promise<T>;
  /** Maps an SDK error of `operation` to a ConnectorError that names the permission. */
  fail(err: unknown, operation: string): ConnectorError;
}

export interface InfraDiscovererSpec {
  service: string;
  assetType: string;
  scope: 'regional' | 'global';
  /** IAM action prefix (`iam`, `s3`, `kms`, `ec2`). */
  iamPrefix: string;
  /** The paged listing call: errors not already mapped are reported against it. */
  listOperation: string;
  run(ctx: InfraRun): AsyncIterable<TAssetRecord[]>;
}

/**
 * A discoverer of one infrastructure resource kind. The spec yields one array of records per listing page;
 * this wrapper maps whatever escapes into a ConnectorError (an aborted run into Aborted), so a listing either
 * completes or throws: never a silently short list.
 */
export function infraDiscoverer(spec: InfraDiscovererSpec): ServiceDiscoverer<'aws'> {
  return {
    provider: 'aws',
    service: spec.service,
    scope: spec.scope,
    assetTypes: [spec.assetType],
    discover: (target, opts) => discover(spec, target, opts ?? {}),
  };
}

async function* discover(
  spec: InfraDiscovererSpec,
  target: AwsTarget,
  opts: DiscoveryOptions,
): AsyncGenerator<TAssetRecord[]> {
  const limiter = opts.limiter;
  const ctx: InfraRun = {
    target,
    opts,
    sendOptions: opts.signal ? { abortSignal: opts.signal } : {},
    pageSize: opts.pageSize ?? DEFAULT_PAGE_SIZE,
    limit: (call) => (limiter ? limiter.run(call) : call()),
    fail: (err, operation) =>
      mapAwsError(err, { service: spec.service, iamPrefix: spec.iamPrefix, operation, target }),
  };
  try {
    for await (const page of spec.run(ctx)) {
      opts.signal?.throwIfAborted();
      yield page;
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
    throw ctx.fail(err, spec.listOperation);
  }
}

/**
 * toConnectorError, plus the error names of the query protocols it does not know: EC2 answers an unknown or
 * mis-signed key with `AuthFailure`, STS an expired session with `ExpiredToken`.
 */
export function mapAwsError(err: unknown, ctx: AwsCallContext): ConnectorError {
  if (err instanceof ConnectorError) return err;
  if (errorName(err) === 'AuthFailure') {
    const c = ctx.target.credentials;
    const who =
      c.kind === 'access_key' ? `the access key ${maskAccessKeyId(c.accessKeyId)}` : `the role ${c.roleArn}`;
    return new ConnectorError({
      code: 'InvalidCredentials',
      service: ctx.service,
      operation: ctx.operation,
      message: `AWS could not validate the credentials of ${who} for ${ctx.operation}`,
      retryable: false,
      cause: err,
    });
  }
  return toConnectorError(err, ctx);
}

export function errorName(err: unknown): string | undefined {
  const name = (err as { name?: unknown } | null)?.name;
  return typeof name === 'string' ? name : undefined;
}

/** Whether an SDK error is one of these error names (`NoSuchEntity`, `NotFoundException`, ...). */
export function isNamed(err: unknown, names: readonly string[]): boolean {
  const name = errorName(err);
  // The SDK appends `Exception` to some modeled query errors (IAM's NoSuchEntity arrives as NoSuchEntityException).
  return name !== undefined && names.some((n) => name === n || name === `${n}Exception`);
}

const ACCESS_DENIED = ['AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation'];
export const isAccessDenied = (err: unknown) => isNamed(err, ACCESS_DENIED);

/** A field an item's sub-call could not read: recorded, so a check can say "unknown" rather than "absent". */
export interface UnreadableField {
  field: string;
  operation: string;
  /** The AWS error name, e.g. AccessDenied. */
  error: string;
}

/** A JSON policy document as IAM returns it (URL-encoded) or as S3, KMS and EC2 return it (plain). */
export function parsePolicyDocument(text: string): unknown {
  // Plain JSON first when it looks like JSON: a literal `%20` inside a plain document must stay as it is.
  const attempts = [text];
  if (/%[0-9A-Fa-f]{2}/.test(text)) {
    try {
      const decoded = decodeURIComponent(text);
      if (text.trimStart().startsWith('{')) attempts.push(decoded);
      else attempts.unshift(decoded);
    } catch {
      // Not valid percent-encoding: only the text as it came.
    }
  }
  for (const candidate of attempts) {
    try {
      return JSON.parse(candidate) as unknown;
    } catch {
      // Try the next form.
    }
  }
  // Not JSON at all: kept as received (decoded when it was encoded), so nothing is lost.
  return attempts[0];
}

export function nonNull<T>(items: readonly (T | null)[]): T[] {
  return items.filter((i): i is T => i !== null);
}
