import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { AwsJsonError } from '../aws-json.protocol';
import { applyFaults, type AwsCall } from '../services';
import { sessionTokenMatches, isAllowed } from '../credentials';
import { decodePageToken, encodePageToken } from '../page-token.codec';

/** XML text and attribute escaping. */
export function esc(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\r/g, '&#13;');
}

/** `<name>children</name>`; false and undefined children are skipped. */
export function el(name: string, ...children: (string | false | undefined)[]): string {
  return `<${name}>${children.filter((c) => typeof c === 'string').join('')}</${name}>`;
}

/** `<name>value</name>`, or nothing when the value is absent: an omitted member is never sent empty. */
export function leaf(name: string, value: string | number | boolean | undefined): string {
  return value === undefined ? '' : `<${name}>${esc(String(value))}</${name}>`;
}

/** A list as the query protocols wrap it: `<name><member>...</member></name>` (awsQuery) or `item` (EC2). */
export function list<T>(
  name: string,
  items: readonly T[],
  render: (item: T) => string,
  wrapper = 'member',
): string {
  return `<${name}>${items.map((i) => `<${wrapper}>${render(i)}</${wrapper}>`).join('')}</${name}>`;
}

/** ISO 8601 with milliseconds, as S3 and EC2 send timestamps. */
export const isoMs = (ms: number) => new Date(ms).toISOString();
/** ISO 8601 without milliseconds, as IAM and STS send them. */
export const isoSeconds = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

export function sendXml(
  res: ServerResponse,
  status: number,
  body: string,
  headers: Record<string, string> = {},
): void {
  if (res.destroyed || res.headersSent) return;
  const payload = `<?xml version="1.0" encoding="UTF-8"?>\n${body}`;
  res.writeHead(status, {
    'Content-Type': 'text/xml',
    'Content-Length': Buffer.byteLength(payload),
    'x-amzn-RequestId': randomUUID(),
    ...headers,
  });
  res.end(payload);
}

/** The form fields of a query-protocol request (`Action=ListRoles&Version=2010-05-08&...`). */
export function formFields(call: AwsCall): URLSearchParams {
  const contentType = call.req.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
  if (call.req.method !== 'POST' || call.url.pathname !== '/') {
    throw new AwsJsonError(
      404,
      'InvalidAction',
      `Query APIs take POST /, not ${call.req.method} ${call.url.pathname}`,
    );
  }
  if (contentType !== 'application/x-www-form-urlencoded') {
    throw new AwsJsonError(
      400,
      'MalformedQueryString',
      `Expected a form-encoded body, got ${contentType ?? 'none'}`,
    );
  }
  return new URLSearchParams(call.body.toString('utf8'));
}

/** How one protocol names the common errors: throttling, server failure, bad credentials. */
export interface ErrorDialect {
  throttling: { status: number; code: string; message: string };
  internal: { status: number; code: string };
  unknownKey: { status: number; code: string; message: string };
  badSignature: { status: number; code: string };
  expired?: { status: number; code: string };
  accessDenied: { status: number; code: string };
}

/** Error type names the shared code raises, translated into the protocol's own (see ErrorDialect). */
export function translateError(err: AwsJsonError, dialect: ErrorDialect): AwsJsonError {
  switch (err.type) {
    case 'ThrottlingException':
      return new AwsJsonError(dialect.throttling.status, dialect.throttling.code, dialect.throttling.message);
    case 'InternalFailure':
      return new AwsJsonError(dialect.internal.status, dialect.internal.code, err.message);
    case 'UnrecognizedClientException':
      return new AwsJsonError(dialect.unknownKey.status, dialect.unknownKey.code, dialect.unknownKey.message);
    case 'InvalidSignatureException':
      return new AwsJsonError(dialect.badSignature.status, dialect.badSignature.code, err.message);
    case 'AccessDenied':
      return new AwsJsonError(dialect.accessDenied.status, dialect.accessDenied.code, err.message);
    default:
      return err;
  }
}

/**
 * Checks what the shared router cannot: the session token of temporary credentials, and the identity's
 * permission for the action (the message names it the way IAM does, so a client can tell what to grant).
 */
export function authorize(call: AwsCall, action: string | undefined, resource?: string): void {
  if (!sessionTokenMatches(call.identity, call.req.headersDistinct)) {
    throw new AwsJsonError(
      400,
      'UnrecognizedClientException',
      'The security token included in the request is invalid.',
    );
  }
  if (action !== undefined && !isAllowed(call.identity, action)) {
    const on = resource ? ` on resource: ${resource}` : '';
    throw new AwsJsonError(
      403,
      'AccessDenied',
      `User: ${call.identity.userArn} is not authorized to perform: ${action}${on} because no identity-based policy allows the ${action} action`,
    );
  }
}

/** Fault injection for one operation, with the injected errors in the protocol's own form. */
export async function faults(
  call: AwsCall,
  service: string,
  operation: string,
  page: number | undefined,
  dialect: ErrorDialect,
): Promise<void> {
  try {
    await applyFaults(call, service, operation, page);
  } catch (err) {
    throw err instanceof AwsJsonError ? translateError(err, dialect) : err;
  }
}

/** One page of a listing, with the opaque token of the next page (the page-token codec of every service). */
export interface Page<T> {
  items: T[];
  /** Absent on the last page. */
  next?: string;
  /** 1-based page number, for "fail on page N" faults. */
  page: number;
}

/**
 * The page of `items` a marker asks for. Throws the protocol's invalid-token error for a marker the simulator
 * did not issue.
 */
export function pageOf<T>(
  items: readonly T[],
  marker: string | null | undefined,
  maxItems: number,
  invalidMarker: () => AwsJsonError,
): Page<T> {
  let offset = 0;
  let page = 1;
  if (marker) {
    const token = decodePageToken(marker);
    if (!token) throw invalidMarker();
    ({ offset, page } = token);
  }
  const slice = items.slice(offset, offset + maxItems);
  const end = offset + slice.length;
  return {
    items: slice,
    page,
    ...(end < items.length && { next: encodePageToken({ offset: end, page: page + 1 }) }),
  };
}

/** An integer page size within [1, max], `fallback` when absent; the protocol's validation error otherwise. */
export function pageSize(
  raw: string | null | undefined,
  fallback: number,
  max: number,
  invalid: (message: string) => AwsJsonError,
): number {
  if (raw === null || raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > max) {
    throw invalid(`Value '${raw}' must be an integer between 1 and ${max}`);
  }
  return n;
}
