import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';
import { SIM_AWS_ACCESS_KEY_ID, SIM_AWS_SECRET_ACCESS_KEY } from '../credentials';

type SourceData = string | ArrayBuffer | ArrayBufferView;

/** node:crypto in the shape @smithy/signature-v4 expects. */
class NodeSha256 {
  private readonly hash: Hash | Hmac;
  constructor(secret?: SourceData) {
    this.hash = secret === undefined ? createHash('sha256') : createHmac('sha256', toBytes(secret));
  }
  update(data: SourceData): void {
    this.hash.update(toBytes(data));
  }
  digest(): Promise<Uint8Array> {
    return Promise.resolve(new Uint8Array(this.hash.digest()));
  }
}

function toBytes(data: SourceData): string | Uint8Array {
  if (typeof data === 'string') return data;
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return new Uint8Array(data);
}

export interface RestCall {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Path as sent: labels already percent-encoded by the caller. */
  path: string;
  query?: Record<string, string>;
  /** JSON body of POST requests. */
  body?: unknown;
  region?: string;
  accessKeyId?: string;
  secretAccessKey?: string;
}

export interface RestAnswer {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
}

/**
 * Sends one Bedrock REST-JSON request signed for `bedrock` with AWS's own SigV4 implementation, as the SDK would
 * (including the double encoding of the path), and returns status, headers and the parsed JSON body.
 */
export async function callBedrock(baseUrl: string, call: RestCall): Promise<RestAnswer> {
  const url = new URL(baseUrl);
  const method = call.method ?? 'GET';
  const body = call.body === undefined ? undefined : JSON.stringify(call.body);
  const signer = new SignatureV4({
    service: 'bedrock',
    region: call.region ?? 'us-east-1',
    sha256: NodeSha256,
    credentials: {
      accessKeyId: call.accessKeyId ?? SIM_AWS_ACCESS_KEY_ID,
      secretAccessKey: call.secretAccessKey ?? SIM_AWS_SECRET_ACCESS_KEY,
    },
  });
  const signed = await signer.sign({
    method,
    protocol: 'http:',
    hostname: url.hostname,
    port: Number(url.port),
    path: call.path,
    query: call.query ?? {},
    headers: {
      host: url.host,
      ...(body !== undefined && { 'content-type': 'application/json' }),
    },
    ...(body !== undefined && { body }),
  });
  const { host: _host, ...headers } = signed.headers;
  const qs = new URLSearchParams(call.query ?? {}).toString();
  const res = await fetch(`${url.origin}${call.path}${qs ? `?${qs}` : ''}`, {
    method,
    headers,
    ...(body !== undefined && { body }),
  });
  const text = await res.text();
  return {
    status: res.status,
    headers: res.headers,
    body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
  };
}
