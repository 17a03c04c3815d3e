import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { AwsJsonError } from '../aws-json.protocol';
import { decodePageToken } from '../page-token.codec';
import type { AwsCall, AwsService } from '../services';
import {
  authorize,
  el,
  esc,
  faults,
  formFields,
  sendXml,
  translateError,
  type ErrorDialect,
} from './xml.protocol';

/** One operation of a query-protocol service: the XML inside `<{Op}Result>` (awsQuery) or the response (EC2). */
export type QueryOperation = (params: URLSearchParams, call: AwsCall) => string | Promise<string>;

export interface QueryServiceSpec {
  signingName: string;
  /** The fault service name (`iam`, `sts`, `ec2`). */
  faultService: string;
  /** IAM action prefix of its operations. */
  actionPrefix: string;
  xmlns: string;
  version: string;
  /** awsQuery wraps results in `<{Op}Result>` and errors in `<ErrorResponse>`; EC2 does neither. */
  flavour: 'awsQuery' | 'ec2';
  dialect: ErrorDialect;
  operations: Record<string, QueryOperation>;
  listingOperations: readonly string[];
  /** Global services (IAM) accept only this signing region. */
  signingRegion?: string;
  /** Operations that need no identity-based permission (sts:GetCallerIdentity) or decide access themselves. */
  noPermissionNeeded?: readonly string[];
  /** The resource a denial names, when the operation acts on one. */
  resourceOf?: (op: string, params: URLSearchParams, call: AwsCall) => string | undefined;
}

/** A query-protocol service (IAM, STS: awsQuery; EC2: ec2Query): form-encoded `POST /` answered with XML. */
export function queryService(spec: QueryServiceSpec): AwsService {
  return {
    signingName: spec.signingName,
    sendError: (res, err) => sendQueryError(res, translateError(err, spec.dialect), spec),
    async handle(call) {
      const params = formFields(call);
      const op = params.get('Action') ?? '';
      call.note.target = `${spec.signingName}.${op || '(no Action)'}`;
      const handler = Object.hasOwn(spec.operations, op) ? spec.operations[op] : undefined;
      if (!handler) {
        throw new AwsJsonError(
          400,
          'InvalidAction',
          `Could not find operation ${op} for version ${spec.version}`,
        );
      }
      if (params.get('Version') !== spec.version) {
        throw new AwsJsonError(
          400,
          'InvalidParameterValue',
          `Unsupported API version ${params.get('Version') ?? '(none)'}; expected ${spec.version}`,
        );
      }
      if (spec.signingRegion && call.region !== spec.signingRegion) {
        throw new AwsJsonError(
          403,
          'SignatureDoesNotMatch',
          `Credential should be scoped to a valid region, not '${call.region}'. `,
        );
      }
      if (spec.noPermissionNeeded?.includes(op)) authorize(call, undefined);
      else authorize(call, `${spec.actionPrefix}:${op}`, spec.resourceOf?.(op, params, call));
      const page = spec.listingOperations.includes(op) ? pageNumber(params) : undefined;
      await faults(call, spec.faultService, op, page, spec.dialect);
      const result = await handler(params, call);
      const requestId = randomUUID();
      const body =
        spec.flavour === 'awsQuery'
          ? `<${op}Response xmlns="${spec.xmlns}">${el(`${op}Result`, result)}${el('ResponseMetadata', el('RequestId', requestId))}</${op}Response>`
          : `<${op}Response xmlns="${spec.xmlns}"><requestId>${requestId}</requestId>${result}</${op}Response>`;
      sendXml(call.res, 200, body);
    },
  };
}

function pageNumber(params: URLSearchParams): number {
  const marker = params.get('Marker') ?? params.get('NextToken');
  return marker ? (decodePageToken(marker)?.page ?? 1) : 1;
}

function sendQueryError(res: ServerResponse, err: AwsJsonError, spec: QueryServiceSpec): void {
  const requestId = randomUUID();
  const body =
    spec.flavour === 'awsQuery'
      ? `<ErrorResponse xmlns="${spec.xmlns}"><Error><Type>${err.status >= 500 ? 'Receiver' : 'Sender'}</Type><Code>${esc(err.type)}</Code><Message>${esc(err.message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`
      : `<Response><Errors><Error><Code>${esc(err.type)}</Code><Message>${esc(err.message)}</Message></Error></Errors><RequestID>${requestId}</RequestID></Response>`;
  sendXml(res, err.status, body);
}

/** The awsQuery dialect of IAM and STS. */
export const AWS_QUERY_DIALECT: ErrorDialect = {
  throttling: { status: 400, code: 'Throttling', message: 'Rate exceeded' },
  internal: { status: 500, code: 'ServiceFailure' },
  unknownKey: {
    status: 403,
    code: 'InvalidClientTokenId',
    message: 'The security token included in the request is invalid.',
  },
  badSignature: { status: 403, code: 'SignatureDoesNotMatch' },
  accessDenied: { status: 403, code: 'AccessDenied' },
};

/** Paging members of an awsQuery listing: `IsTruncated`, and `Marker` when there is a next page. */
export function truncation(next: string | undefined): string {
  return `<IsTruncated>${next !== undefined}</IsTruncated>${next !== undefined ? `<Marker>${esc(next)}</Marker>` : ''}`;
}
