import { AwsJsonError, validationError } from '../aws-json.protocol';
import { decodePageToken, encodePageToken } from '../page-token.codec';
import {
  FOUNDATION_MODELS,
  type BedrockRegionEstate,
  type GetGuardrailBody,
  type SimGuardrail,
} from './estate';
import type { BedrockAgentOperation, BedrockOperation } from './operations';

export type JsonObject = Record<string, unknown>;

/** One request, as the route handlers see it. */
export interface RouteInput {
  /** Decoded path labels, in order. */
  labels: string[];
  query: URLSearchParams;
  /** The JSON body of POST listings; `{}` for GETs. */
  body: JsonObject;
  /** Where a paged listing starts and how many items it returns (see pagingOf). */
  paging: Paging;
  /** Undefined for a region without a simulated estate: listings are empty, Gets are 404. */
  estate: BedrockRegionEstate | undefined;
  region: string;
  accountId: string;
}

/** A Bedrock REST route: method, path template (`:label` segments) and the operation it answers. */
export interface BedrockRoute {
  method: 'GET' | 'POST';
  path: readonly string[];
  faultService: 'bedrock' | 'bedrock-agent';
  operation: BedrockOperation | BedrockAgentOperation;
  /** Whether the operation is a paged listing (takes maxResults and nextToken). */
  paged: boolean;
  /** The resource an IAM denial names. */
  resource: (input: Pick<RouteInput, 'labels' | 'body' | 'region' | 'accountId'>) => string;
  handle: (input: RouteInput) => JsonObject;
}

const MAX_RESULTS = 1000;
/** Bedrock's page size when maxResults is not sent. */
const DEFAULT_MAX_RESULTS = 100;

const notFound = (message: string) => new AwsJsonError(404, 'ResourceNotFoundException', message);

const anyResource = ({ region, accountId }: Pick<RouteInput, 'region' | 'accountId'>) =>
  `arn:aws:bedrock:${region}:${accountId}:*`;
/** The ARN an identifier names: itself when it is an ARN, else `<type>/<identifier>`. */
const named =
  (type: string) =>
  ({ labels, region, accountId }: Pick<RouteInput, 'labels' | 'region' | 'accountId'>) => {
    const id = labels[0] ?? '*';
    return id.startsWith('arn:') ? id : `arn:aws:bedrock:${region}:${accountId}:${type}/${id}`;
  };

export interface Paging {
  maxResults: number;
  offset: number;
  /** 1-based page number, for "fail on page N" faults. */
  page: number;
}

/** The paging parameters of a request: from the query (control plane) or the JSON body (agents). */
export function pagingOf(route: BedrockRoute, input: Pick<RouteInput, 'query' | 'body'>): Paging {
  const rawMax = route.method === 'GET' ? input.query.get('maxResults') : input.body.maxResults;
  const rawToken = route.method === 'GET' ? input.query.get('nextToken') : input.body.nextToken;
  let maxResults = DEFAULT_MAX_RESULTS;
  if (rawMax !== null && rawMax !== undefined) {
    const n = Number(rawMax);
    if (!Number.isInteger(n) || n < 1 || n > MAX_RESULTS) {
      throw validationError(
        `1 validation error detected: Value '${String(rawMax)}' at 'maxResults' failed to satisfy constraint: ` +
          `Member must have value between 1 and ${MAX_RESULTS}`,
      );
    }
    maxResults = n;
  }
  if (rawToken === null || rawToken === undefined || rawToken === '')
    return { maxResults, offset: 0, page: 1 };
  const token = typeof rawToken === 'string' ? decodePageToken(rawToken) : null;
  if (!token) throw validationError('The pagination token is invalid.');
  return { maxResults, offset: token.offset, page: token.page };
}

/** One page of `items` and the token of the next page, under the member names of the operation. */
function page<T>(
  input: RouteInput,
  items: readonly T[],
  key: string,
  view: (item: T) => unknown,
): JsonObject {
  const { maxResults, offset, page: number } = input.paging;
  const slice = items.slice(offset, offset + maxResults);
  const next = offset + maxResults;
  return {
    [key]: slice.map(view),
    ...(next < items.length && { nextToken: encodePageToken({ offset: next, page: number + 1 }) }),
  };
}

function find<T extends { gone?: boolean }>(
  map: Map<string, T> | undefined,
  identifier: string,
  what: string,
): T {
  const found = map?.get(identifier);
  if (!found || found.gone) throw notFound(`${what} ${identifier} does not exist.`);
  return found;
}

/** ListTagsForResource of one plane: the ARN must name a resource type that plane owns. */
function tagsOf(input: RouteInput, arn: unknown, types: readonly string[]) {
  if (typeof arn !== 'string' || !arn.startsWith('arn:'))
    throw validationError('resourceARN must be an ARN.');
  const type = arn.split(':').slice(5).join(':').split('/')[0] ?? '';
  if (!types.includes(type)) throw validationError(`${arn} is not a taggable resource of this API.`);
  return find(input.estate?.index.taggable, arn, 'Resource').tags;
}

function guardrailVersion(guardrail: SimGuardrail, version: string | null): GetGuardrailBody {
  const wanted = version === null || version === '' ? 'DRAFT' : version;
  const body = guardrail.versions.find((v) => v.version === wanted);
  if (!body) throw notFound(`Version ${wanted} of guardrail ${guardrail.id} does not exist.`);
  return body;
}

function guardrailSummary(v: GetGuardrailBody): JsonObject {
  return {
    id: v.guardrailId,
    arn: v.guardrailArn,
    status: v.status,
    name: v.name,
    ...(v.description !== undefined && { description: v.description }),
    version: v.version,
    createdAt: v.createdAt,
    updatedAt: v.updatedAt,
  };
}

const control = (
  method: 'GET' | 'POST',
  path: string,
  operation: BedrockOperation,
  paged: boolean,
  resource: BedrockRoute['resource'],
  handle: BedrockRoute['handle'],
): BedrockRoute => ({
  method,
  path: path.split('/').filter(Boolean),
  faultService: 'bedrock',
  operation,
  paged,
  resource,
  handle,
});

const agents = (
  method: 'GET' | 'POST',
  path: string,
  operation: BedrockAgentOperation,
  paged: boolean,
  resource: BedrockRoute['resource'],
  handle: BedrockRoute['handle'],
): BedrockRoute => ({
  method,
  path: path.split('/').filter(Boolean),
  faultService: 'bedrock-agent',
  operation,
  paged,
  resource,
  handle,
});

/** Every route, control plane and agents. Paths as the SDK sends them (trailing slashes are ignored). */
export const BEDROCK_ROUTES: readonly BedrockRoute[] = [
  control('GET', '/custom-models', 'ListCustomModels', true, anyResource, (input) =>
    page(input, input.estate?.customModels ?? [], 'modelSummaries', (m) => m.summary),
  ),
  control('GET', '/custom-models/:id', 'GetCustomModel', false, named('custom-model'), (input) => ({
    ...find(input.estate?.index.customModels, input.labels[0]!, 'Custom model').get,
  })),
  control('GET', '/imported-models', 'ListImportedModels', true, anyResource, (input) =>
    page(input, input.estate?.importedModels ?? [], 'modelSummaries', (m) => m.summary),
  ),
  control('GET', '/imported-models/:id', 'GetImportedModel', false, named('imported-model'), (input) => ({
    ...find(input.estate?.index.importedModels, input.labels[0]!, 'Imported model').get,
  })),
  control(
    'GET',
    '/provisioned-model-throughputs',
    'ListProvisionedModelThroughputs',
    true,
    anyResource,
    (input) =>
      page(input, input.estate?.provisionedThroughputs ?? [], 'provisionedModelSummaries', ({ get: g }) => ({
        provisionedModelName: g.provisionedModelName,
        provisionedModelArn: g.provisionedModelArn,
        modelArn: g.modelArn,
        desiredModelArn: g.desiredModelArn,
        foundationModelArn: g.foundationModelArn,
        modelUnits: g.modelUnits,
        desiredModelUnits: g.desiredModelUnits,
        status: g.status,
        ...(g.commitmentDuration && { commitmentDuration: g.commitmentDuration }),
        ...(g.commitmentExpirationTime && { commitmentExpirationTime: g.commitmentExpirationTime }),
        creationTime: g.creationTime,
        lastModifiedTime: g.lastModifiedTime,
      })),
  ),
  control(
    'GET',
    '/provisioned-model-throughput/:id',
    'GetProvisionedModelThroughput',
    false,
    named('provisioned-model'),
    (input) => ({
      ...find(input.estate?.index.provisionedThroughputs, input.labels[0]!, 'Provisioned model').get,
    }),
  ),
  control('GET', '/guardrails', 'ListGuardrails', true, anyResource, (input) => {
    const identifier = input.query.get('guardrailIdentifier');
    if (identifier) {
      // One guardrail: every version of it, DRAFT first.
      const guardrail = find(input.estate?.index.guardrails, identifier, 'Guardrail');
      return page(input, guardrail.versions, 'guardrails', guardrailSummary);
    }
    return page(input, input.estate?.guardrails ?? [], 'guardrails', (g) => guardrailSummary(g.versions[0]!));
  }),
  control('GET', '/guardrails/:id', 'GetGuardrail', false, named('guardrail'), (input) => ({
    ...guardrailVersion(
      find(input.estate?.index.guardrails, input.labels[0]!, 'Guardrail'),
      input.query.get('guardrailVersion'),
    ),
  })),
  control(
    'GET',
    '/logging/modelinvocations',
    'GetModelInvocationLoggingConfiguration',
    false,
    anyResource,
    (input) => (input.estate?.loggingConfig ? { loggingConfig: input.estate.loggingConfig } : {}),
  ),
  control(
    'POST',
    '/listTagsForResource',
    'ListTagsForResource',
    false,
    ({ body, region, accountId }) =>
      typeof body.resourceARN === 'string' ? body.resourceARN : anyResource({ region, accountId }),
    (input) => ({
      tags: Object.entries(
        tagsOf(input, input.body.resourceARN, [
          'custom-model',
          'imported-model',
          'provisioned-model',
          'guardrail',
        ]),
      ).map(([key, value]) => ({ key, value })),
    }),
  ),
  control('GET', '/foundation-models', 'ListFoundationModels', false, anyResource, (input) => ({
    modelSummaries: input.estate
      ? FOUNDATION_MODELS.map((m) => ({
          modelArn: `arn:aws:bedrock:${input.region}::foundation-model/${m.modelId}`,
          modelId: m.modelId,
          modelName: m.name,
          providerName: m.provider,
          inputModalities: ['TEXT'],
          outputModalities: m.modelId.includes('embed') ? ['EMBEDDING'] : ['TEXT'],
          ...(!m.modelId.includes('embed') && { responseStreamingSupported: true }),
          customizationsSupported: [],
          inferenceTypesSupported: ['ON_DEMAND'],
          modelLifecycle: { status: 'ACTIVE' },
        }))
      : [],
  })),

  agents('POST', '/agents', 'ListAgents', true, anyResource, (input) =>
    page(input, input.estate?.agents ?? [], 'agentSummaries', (a) => a.summary),
  ),
  agents('GET', '/agents/:id', 'GetAgent', false, named('agent'), (input) => ({
    ...find(input.estate?.index.agents, input.labels[0]!, 'Agent').get,
  })),
  agents(
    'POST',
    '/agents/:id/agentversions/:version/knowledgebases',
    'ListAgentKnowledgeBases',
    true,
    named('agent'),
    (input) => {
      const agent = find(input.estate?.index.agents, input.labels[0]!, 'Agent');
      const version = input.labels[1]!;
      if (version !== 'DRAFT' && !/^[1-9][0-9]*$/.test(version)) {
        throw validationError(`Invalid agent version ${version}.`);
      }
      return page(input, agent.knowledgeBases, 'agentKnowledgeBaseSummaries', (k) => k);
    },
  ),
  agents(
    'GET',
    '/tags/:arn',
    'ListTagsForResource',
    false,
    ({ labels }) => labels[0] ?? '*',
    (input) => ({ tags: { ...tagsOf(input, input.labels[0], ['agent', 'knowledge-base', 'agent-alias']) } }),
  ),
  agents('POST', '/knowledgebases', 'ListKnowledgeBases', true, anyResource, (input) =>
    page(input, input.estate?.knowledgeBases ?? [], 'knowledgeBaseSummaries', (k) => k.summary),
  ),
  agents('GET', '/knowledgebases/:id', 'GetKnowledgeBase', false, named('knowledge-base'), (input) => ({
    ...find(input.estate?.index.knowledgeBases, input.labels[0]!, 'Knowledge base').get,
  })),
  agents(
    'POST',
    '/knowledgebases/:id/datasources',
    'ListDataSources',
    true,
    named('knowledge-base'),
    (input) => {
      const kb = find(input.estate?.index.knowledgeBases, input.labels[0]!, 'Knowledge base');
      return page(input, kb.dataSources, 'dataSourceSummaries', (d) => d.summary);
    },
  ),
  agents(
    'GET',
    '/knowledgebases/:id/datasources/:ds',
    'GetDataSource',
    false,
    named('knowledge-base'),
    (input) => {
      const kb = find(input.estate?.index.knowledgeBases, input.labels[0]!, 'Knowledge base');
      const ds = kb.dataSources.find((d) => d.id === input.labels[1]);
      if (!ds || ds.gone) throw notFound(`Data source ${input.labels[1]} does not exist.`);
      return { ...ds.get };
    },
  ),
];

/** The route a request takes, with its decoded labels; null when no route matches. */
export function matchRoute(
  method: string,
  rawPath: string,
): { route: BedrockRoute; labels: string[] } | { route: null; pathMatched: boolean } {
  const segments = rawPath.split('/').filter((s, i, all) => s !== '' || (i > 0 && i < all.length - 1));
  let decoded: string[];
  try {
    decoded = segments.map((s) => decodeURIComponent(s));
  } catch {
    return { route: null, pathMatched: false };
  }
  let pathMatched = false;
  for (const r of BEDROCK_ROUTES) {
    if (r.path.length !== decoded.length) continue;
    const labels: string[] = [];
    const ok = r.path.every((part, i) => {
      if (part.startsWith(':')) {
        labels.push(decoded[i]!);
        return decoded[i] !== '';
      }
      return part === decoded[i];
    });
    if (!ok) continue;
    pathMatched = true;
    if (r.method === method) return { route: r, labels };
  }
  return { route: null, pathMatched };
}
