import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';

type SourceData = string | ArrayBuffer | ArrayBufferView;

function toBytes(data: SourceData): string | Uint8Array {
  if (typeof data === 'string') return data;
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return new Uint8Array(data);
}
import { SIM_AWS_ACCESS_KEY_ID, SIM_AWS_SECRET_ACCESS_KEY } from '../aws/credentials';

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

export interface SignedCall {
  /** `SageMaker.<Op>`; left out when undefined. */
  target?: string;
  /** Sent as is; a string lets tests send malformed JSON. */
  body?: string;
  region?: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  contentType?: string;
  /** Changes the body after signing, to prove the signature covers it. */
  tamperBody?: string;
}

/**
 * Signs one awsJson1_1 request with AWS's own SigV4 implementation (@smithy/signature-v4), so tests check
 * the simulator against the algorithm the SDK uses rather than against itself. Returns lower-case headers,
 * Host included.
 */
export async function signRequest(
  host: string,
  call: SignedCall,
): Promise<{ headers: Record<string, string>; body: string }> {
  const body = call.body ?? '{}';
  const signer = new SignatureV4({
    service: 'sagemaker',
    region: call.region ?? 'us-east-1',
    sha256: NodeSha256,
    credentials: {
      accessKeyId: call.accessKeyId ?? SIM_AWS_ACCESS_KEY_ID,
      secretAccessKey: call.secretAccessKey ?? SIM_AWS_SECRET_ACCESS_KEY,
    },
  });
  const signed = await signer.sign({
    method: 'POST',
    protocol: 'http:',
    hostname: host.split(':')[0]!,
    path: '/',
    query: {},
    headers: {
      host,
      'content-type': call.contentType ?? 'application/x-amz-json-1.1',
      ...(call.target !== undefined && { 'x-amz-target': call.target }),
    },
    body,
  });
  return { headers: signed.headers, body };
}

/** Sends one signed request to the simulator at `baseUrl`. */
export async function signedFetch(baseUrl: string, call: SignedCall): Promise<Response> {
  const url = new URL(baseUrl);
  const { headers, body } = await signRequest(url.host, call);
  // fetch sets Host itself, to the same value.
  const { host: _host, ...sendHeaders } = headers;
  return fetch(`${url.origin}/`, { method: 'POST', headers: sendHeaders, body: call.tamperBody ?? body });
}

/** Sends a signed SageMaker call and returns status, content type and parsed JSON body. */
export async function callSageMaker(
  baseUrl: string,
  op: string,
  input: Record<string, unknown> = {},
  call: Omit<SignedCall, 'target' | 'body'> = {},
): Promise<{ status: number; contentType: string | null; body: Record<string, unknown> }> {
  const res = await signedFetch(baseUrl, { ...call, target: `SageMaker.${op}`, body: JSON.stringify(input) });
  return {
    status: res.status,
    contentType: res.headers.get('content-type'),
    body: (await res.json()) as Record<string, unknown>,
  };
}
