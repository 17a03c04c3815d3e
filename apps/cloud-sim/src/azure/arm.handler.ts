import type { FaultInjector } from '../fault-injector';
import { setTimeout as sleep } from 'node:timers/promises';
import { ArmError } from './arm-errors';
import type { SimServicePrincipal } from './credentials';
import { childrenOf, type AzureChildCollection, type AzureEstate, type SimAzureResource } from './estate';
import { ARM_OPERATIONS, type ArmListingOperation } from './operations';

/** What one ARM listing request resolved to. */
interface ArmRoute {
  op: ArmListingOperation;
  subscriptionId: string;
  /** The scope an AuthorizationFailed names: the subscription, or the parent resource. */
  scope: string;
  items(estate: AzureEstate): readonly SimAzureResource[];
}

const SUB = '^/subscriptions/([^/]+)';
const RG = '/resourceGroups/[^/]+';
const WS = `${SUB}${RG}/providers/Microsoft\\.MachineLearningServices/workspaces/[^/]+`;
const ACCOUNT = `${SUB}${RG}/providers/Microsoft\\.CognitiveServices/accounts/[^/]+`;

type RouteMaker = (m: RegExpExecArray, path: string) => ArmRoute;

const subscriptionList =
  (op: ArmListingOperation, list: (e: AzureEstate) => readonly SimAzureResource[]): RouteMaker =>
  (m) => ({ op, subscriptionId: m[1]!, scope: `/subscriptions/${m[1]}`, items: list });

/** A listing under a parent resource: the path without its last segment names the parent. */
const childList =
  (op: ArmListingOperation, collection: AzureChildCollection): RouteMaker =>
  (m, path) => {
    const parentPath = path.slice(0, path.lastIndexOf('/'));
    return {
      op,
      subscriptionId: m[1]!,
      scope: parentPath,
      items: (estate) => {
        const parent = findResource(estate, parentPath);
        if (!parent || estate.deletingParents.has(parent.body.id.toLowerCase())) {
          throw notFound(parentPath);
        }
        return childrenOf(estate, parent.body.id, collection);
      },
    };
  };

const ROUTES: readonly [RegExp, RouteMaker][] = [
  [
    new RegExp(`${SUB}/providers/Microsoft\\.MachineLearningServices/workspaces$`, 'i'),
    subscriptionList(ARM_OPERATIONS.workspaces, (e) => e.workspaces),
  ],
  [new RegExp(`${WS}/computes$`, 'i'), childList(ARM_OPERATIONS.computes, 'computes')],
  [new RegExp(`${WS}/onlineEndpoints$`, 'i'), childList(ARM_OPERATIONS.onlineEndpoints, 'onlineEndpoints')],
  [
    new RegExp(`${WS}/onlineEndpoints/[^/]+/deployments$`, 'i'),
    childList(ARM_OPERATIONS.onlineDeployments, 'deployments'),
  ],
  [new RegExp(`${WS}/batchEndpoints$`, 'i'), childList(ARM_OPERATIONS.batchEndpoints, 'batchEndpoints')],
  [
    new RegExp(`${WS}/batchEndpoints/[^/]+/deployments$`, 'i'),
    childList(ARM_OPERATIONS.batchDeployments, 'deployments'),
  ],
  [new RegExp(`${WS}/datastores$`, 'i'), childList(ARM_OPERATIONS.datastores, 'datastores')],
  [
    new RegExp(`${SUB}/providers/Microsoft\\.MachineLearningServices/registries$`, 'i'),
    subscriptionList(ARM_OPERATIONS.registries, (e) => e.registries),
  ],
  [
    new RegExp(`${SUB}/providers/Microsoft\\.CognitiveServices/accounts$`, 'i'),
    subscriptionList(ARM_OPERATIONS.cognitiveAccounts, (e) => e.cognitiveAccounts),
  ],
  [new RegExp(`${ACCOUNT}/deployments$`, 'i'), childList(ARM_OPERATIONS.cognitiveDeployments, 'deployments')],
  [new RegExp(`${ACCOUNT}/raiPolicies$`, 'i'), childList(ARM_OPERATIONS.raiPolicies, 'raiPolicies')],
  [
    new RegExp(`${SUB}/providers/Microsoft\\.Storage/storageAccounts$`, 'i'),
    subscriptionList(ARM_OPERATIONS.storageAccounts, (e) => e.storageAccounts),
  ],
  [
    new RegExp(`${SUB}/providers/Microsoft\\.Authorization/roleAssignments$`, 'i'),
    subscriptionList(ARM_OPERATIONS.roleAssignments, (e) => e.roleAssignments),
  ],
];

export interface ArmCall {
  method: string;
  url: URL;
  /** `https://host:port` of this listener, for absolute nextLinks. */
  baseUrl: string;
  principal: SimServicePrincipal;
  estate: AzureEstate;
  faults: FaultInjector;
  /** Records the operation and the faults that fired, for the request log. */
  note: (operation: string, faults: string[]) => void;
}

export interface ArmAnswer {
  status: number;
  body: unknown;
}

/** Answers one authenticated ARM call: a paged listing, `{value, nextLink}`. */
export async function handleArm(call: ArmCall): Promise<ArmAnswer> {
  const path = call.url.pathname.replace(/\/+$/, '');
  const match = ROUTES.map(([re, make]) => [re.exec(path), make] as const).find(([m]) => m);
  if (!match) {
    throw new ArmError(
      404,
      'InvalidResourceType',
      `The resource type could not be found in the namespace for path '${path}' (the simulator lists Machine Learning, Cognitive Services, storage accounts and role assignments).`,
    );
  }
  const route = match[1](match[0]!, path);
  const { op } = route;
  if (call.method !== 'GET') {
    throw new ArmError(
      405,
      'MethodNotAllowed',
      `The simulator only lists; ${call.method} ${path} is not supported.`,
    );
  }
  checkApiVersion(call.url, op);
  if (route.subscriptionId.toLowerCase() !== call.estate.subscriptionId) {
    throw new ArmError(
      404,
      'SubscriptionNotFound',
      `The subscription '${route.subscriptionId}' could not be found.`,
    );
  }
  if (!call.principal.canRead) {
    throw new ArmError(
      403,
      'AuthorizationFailed',
      `The client '${call.principal.clientId}' with object id '${call.principal.objectId}' does not have authorization to perform action '${op.action}' over scope '${route.scope}' or the scope is invalid. If access was recently granted, please refresh your credentials.`,
    );
  }
  const position = decodeSkipToken(call.url.searchParams.get('$skiptoken'));
  const decision = call.faults.decide(op.faultService, op.operation, position.page);
  call.note(`${op.faultService} ${op.operation}`, decision.fired);
  if (decision.latencyMs > 0) await sleep(decision.latencyMs);
  if (decision.error) {
    if (decision.error.type === 'ThrottlingException') {
      throw new ArmError(
        429,
        'TooManyRequests',
        `The request for ${op.operation} was throttled: too many requests. Retry after 1 second.`,
        { 'Retry-After': '1' },
      );
    }
    throw new ArmError(
      500,
      'InternalServerError',
      `Encountered internal server error while processing ${op.operation}. Diagnostic information: the simulator's injected fault.`,
    );
  }
  const items = route.items(call.estate);
  const size = call.estate.pageSize;
  const page = items.slice(position.offset, position.offset + size);
  const body: Record<string, unknown> = { value: page.map((r) => r.body) };
  const next = position.offset + size;
  if (next < items.length) {
    const link = new URL(`${call.baseUrl}${path}`);
    link.searchParams.set('api-version', call.url.searchParams.get('api-version')!);
    link.searchParams.set('$skiptoken', encodeSkipToken({ offset: next, page: position.page + 1 }));
    body.nextLink = link.toString();
  }
  return { status: 200, body };
}

function checkApiVersion(url: URL, op: ArmListingOperation): void {
  const version = url.searchParams.get('api-version');
  if (!version) {
    throw new ArmError(
      400,
      'MissingApiVersionParameter',
      'The api-version query parameter (?api-version=) is required for all requests.',
    );
  }
  if (!op.apiVersions.includes(version)) {
    throw new ArmError(
      400,
      'InvalidApiVersionParameter',
      `The api-version '${version}' is invalid. The supported versions are '${op.apiVersions.join(',')}'.`,
    );
  }
}

interface SkipPosition {
  offset: number;
  /** 1-based page number, so "fail on page N" does not depend on the page size. */
  page: number;
}

function encodeSkipToken(p: SkipPosition): string {
  return Buffer.from(JSON.stringify({ o: p.offset, p: p.page })).toString('base64url');
}

function decodeSkipToken(value: string | null): SkipPosition {
  if (value === null) return { offset: 0, page: 1 };
  try {
    const { o, p } = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as {
      o?: unknown;
      p?: unknown;
    };
    if (Number.isSafeInteger(o) && Number.isSafeInteger(p) && (o as number) > 0 && (p as number) > 1) {
      return { offset: o as number, page: p as number };
    }
  } catch {
    // Falls through to the error below.
  }
  throw new ArmError(400, 'InvalidSkipToken', `The $skiptoken '${value}' is not valid.`);
}

const indexes = new WeakMap<AzureEstate, Map<string, SimAzureResource>>();

/** A resource of the estate by id (ARM ids are case-insensitive). */
export function findResource(estate: AzureEstate, id: string): SimAzureResource | undefined {
  let index = indexes.get(estate);
  if (!index) {
    index = new Map();
    for (const r of [...estate.workspaces, ...estate.cognitiveAccounts])
      index.set(r.body.id.toLowerCase(), r);
    for (const list of estate.children.values()) {
      for (const r of list)
        if (/\/(onlineEndpoints|batchEndpoints)\/[^/]+$/i.test(r.body.id))
          index.set(r.body.id.toLowerCase(), r);
    }
    indexes.set(estate, index);
  }
  return index.get(id.toLowerCase());
}

function notFound(parentPath: string): ArmError {
  const parts = parentPath.split('/');
  const rg = parts[4] ?? '';
  const providerAt = parts.findIndex((p) => p.toLowerCase() === 'providers');
  const typeAndName = parts.slice(providerAt + 1).join('/');
  return new ArmError(
    404,
    'ResourceNotFound',
    `The Resource '${typeAndName}' under resource group '${rg}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`,
  );
}
