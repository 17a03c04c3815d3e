import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

export const AWS_JSON_CONTENT_TYPE = 'application/x-amz-json-1.1';

/**
 * An error as an awsJson1_1 service sends it: an HTTP status and a body `{"__type", "message"}`. The SDK turns
 * `__type` into the error's `name`, so the type strings here must be the ones AWS uses.
 */
export class AwsJsonError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
  ) {
    super(message);
    this.name = 'AwsJsonError';
  }
}

export const validationError = (message: string) => new AwsJsonError(400, 'ValidationException', message);
export const serializationError = (message: string) =>
  new AwsJsonError(400, 'SerializationException', message);

export function sendAwsJson(res: ServerResponse, status: number, body: unknown): void {
  if (res.destroyed || res.headersSent) return;
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': AWS_JSON_CONTENT_TYPE,
    'Content-Length': Buffer.byteLength(payload),
    'x-amzn-RequestId': randomUUID(),
  });
  res.end(payload);
}

export function sendAwsJsonError(res: ServerResponse, err: AwsJsonError): void {
  sendAwsJson(res, err.status, { __type: err.type, message: err.message });
}

/** The request body of an awsJson1_1 call as an object; the SDK sends `{}` for an operation without input. */
export function parseJsonObject(body: Buffer): Record<string, unknown> {
  if (body.length === 0) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    throw serializationError('Malformed JSON in the request body');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw serializationError('The request body must be a JSON object');
  }
  return parsed as Record<string, unknown>;
}

/**
 * Checks an awsJson1_1 request (`POST /`, `X-Amz-Target: <prefix>.<Operation>`, the JSON content type) and
 * returns its operation and input; throws the error the service would answer with otherwise.
 */
export function readAwsJsonCall<Op extends string>(
  call: { req: IncomingMessage; url: URL; body: Buffer; note: { target?: string } },
  service: { name: string; targetPrefix: string; isOperation: (op: string) => op is Op },
): { op: Op; input: Record<string, unknown> } {
  const { req } = call;
  if (req.method !== 'POST' || call.url.pathname !== '/') {
    throw new AwsJsonError(
      404,
      'UnknownOperationException',
      `${service.name} takes POST /, not ${req.method} ${call.url.pathname}`,
    );
  }
  const target = req.headersDistinct['x-amz-target']?.join(',');
  call.note.target = target;
  const prefix = `${service.targetPrefix}.`;
  const op = target?.startsWith(prefix) ? target.slice(prefix.length) : '';
  if (!service.isOperation(op)) {
    throw new AwsJsonError(
      400,
      'UnknownOperationException',
      `Unknown operation ${target ?? '(no X-Amz-Target)'}`,
    );
  }
  const contentType = req.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
  if (contentType !== AWS_JSON_CONTENT_TYPE) {
    throw serializationError(`Expected Content-Type ${AWS_JSON_CONTENT_TYPE}, got ${contentType ?? 'none'}`);
  }
  return { op, input: parseJsonObject(call.body) };
}
