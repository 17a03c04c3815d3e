import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Estate } from '../estate';
import type { FaultInjector } from '../fault-injector';
import { sendAwsJsonError, type AwsJsonError } from './aws-json.protocol';
import type { SimIdentity } from './credentials';

/** What the request log records about one request. */
export interface RequestNote {
  target?: string;
  region?: string;
  accessKeyId?: string;
  errorType?: string;
  faults: string[];
}

/** One authenticated AWS request, after its SigV4 signature was verified. */
export interface AwsCall {
  req: IncomingMessage;
  res: ServerResponse;
  /** The request URL, parsed (path and query). */
  url: URL;
  body: Buffer;
  /** The region of the request's SigV4 credential scope. */
  region: string;
  identity: SimIdentity;
  estate: Estate;
  faults: FaultInjector;
  note: RequestNote;
}

/**
 * One simulated AWS service, found by the signing name of the request's SigV4 credential scope (every AWS
 * client is pointed at the same simulator URL; the scope says which service it meant).
 */
export interface AwsService {
  signingName: string;
  /** Answers the call, or throws an AwsJsonError (whatever its protocol, status and error type carry over). */
  handle(call: AwsCall): Promise<void>;
  /** Writes an error in the service's own protocol (JSON `__type`, REST `x-amzn-errortype`, query XML, ...). */
  sendError(res: ServerResponse, err: AwsJsonError): void;
}

/** Applies the configured faults of `service.operation` to a call: waits, then throws the fault's error. */
export async function applyFaults(
  call: Pick<AwsCall, 'faults' | 'note'>,
  service: string,
  operation: string,
  page: number | undefined,
): Promise<void> {
  const decision = call.faults.decide(service, operation, page);
  call.note.faults.push(...decision.fired);
  if (decision.latencyMs > 0) await sleep(decision.latencyMs);
  if (decision.error) throw decision.error;
}

/** The error writer of JSON protocol services, and of requests no service claimed. */
export const sendJsonProtocolError = sendAwsJsonError;
