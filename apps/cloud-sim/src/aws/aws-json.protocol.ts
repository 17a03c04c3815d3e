import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';

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
