import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { SIM_ACCOUNT_ID } from '../../estate';
import { AwsJsonError, serializationError } from '../aws-json.protocol';
import { applyFaults, type AwsService } from '../services';
import { BEDROCK_REGIONS, type BedrockRegion } from './estate';
import { matchRoute, pagingOf, type JsonObject, type Paging } from './routes';

/** Statuses REST-JSON Bedrock answers with, whatever status the error was raised with. */
const ERROR_STATUS: Record<string, number> = {
  AccessDeniedException: 403,
  UnrecognizedClientException: 403,
  InvalidSignatureException: 403,
  ThrottlingException: 429,
  ResourceNotFoundException: 404,
};

/**
 * Amazon Bedrock: the control plane (`@aws-sdk/client-bedrock`) and Agents (`@aws-sdk/client-bedrock-agent`)
 * both sign as `bedrock` and speak REST-JSON, so one service routes both by method and path (agents under
 * `/agents/` and `/knowledgebases/`). Timestamps are RFC 3339 strings; errors carry their type in the
 * `x-amzn-errortype` header and a JSON body `{message}`.
 */
export const bedrockService: AwsService = {
  signingName: 'bedrock',
  sendError: sendRestJsonError,
  async handle(call) {
    const { req, res, url, region, identity } = call;
    const method = req.method ?? 'GET';
    const match = matchRoute(method, url.pathname);
    if (!match.route) {
      throw match.pathMatched
        ? new AwsJsonError(405, 'UnknownOperationException', `${method} is not allowed on ${url.pathname}`)
        : new AwsJsonError(
            404,
            'UnknownOperationException',
            `No Bedrock operation at ${method} ${url.pathname}`,
          );
    }
    const { route, labels } = match;
    call.note.target = `${route.faultService}.${route.operation}`;
    const body = method === 'POST' ? parseBody(call.body) : {};

    if (!identity.sagemakerAllowed) {
      // The read-only test identity has no AI-service permission at all (see aws/credentials.ts).
      const action = `bedrock:${route.operation}`;
      const resource = route.resource({ labels, body, region, accountId: SIM_ACCOUNT_ID });
      throw new AwsJsonError(
        403,
        'AccessDeniedException',
        `User: ${identity.userArn} is not authorized to perform: ${action} on resource: ${resource} ` +
          `because no identity-based policy allows the ${action} action`,
      );
    }
    const paging: Paging = route.paged
      ? pagingOf(route, { query: url.searchParams, body })
      : { maxResults: 0, offset: 0, page: 1 };
    await applyFaults(call, route.faultService, route.operation, route.paged ? paging.page : undefined);
    const estate = isSimulatedRegion(region) ? call.estate.bedrock.regions[region] : undefined;
    sendRestJson(
      res,
      200,
      route.handle({
        labels,
        query: url.searchParams,
        body,
        paging,
        estate,
        region,
        accountId: SIM_ACCOUNT_ID,
      }),
    );
  },
};

function isSimulatedRegion(region: string): region is BedrockRegion {
  return (BEDROCK_REGIONS as readonly string[]).includes(region);
}

function parseBody(body: Buffer): JsonObject {
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
  return parsed as JsonObject;
}

export function sendRestJson(res: ServerResponse, status: number, body: unknown): void {
  if (res.destroyed || res.headersSent) return;
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(payload),
    'x-amzn-RequestId': randomUUID(),
  });
  res.end(payload);
}

/** A REST-JSON error: the type in `x-amzn-errortype` (the SDK reads it from there), the message in the body. */
export function sendRestJsonError(res: ServerResponse, err: AwsJsonError): void {
  if (res.destroyed || res.headersSent) return;
  const payload = JSON.stringify({ message: err.message });
  res.writeHead(ERROR_STATUS[err.type] ?? err.status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(payload),
    'x-amzn-RequestId': randomUUID(),
    'x-amzn-ErrorType': err.type,
  });
  res.end(payload);
}
