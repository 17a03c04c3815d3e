import type * as Aiplatform from '@google-cloud/aiplatform';
import type { TAssetRecord } from '@aispm/contracts';
import type { DiscoveryOptions, GcpTarget, ServiceDiscoverer } from '../types';
import {
  clientEndpoint,
  gcpClientFor,
  sharedProtoGax,
  type ServiceAccountJwt,
  type GcpConnection,
} from './clients';
import {
  arrayAt,
  bucketRelations,
  get,
  kmsRelations,
  labelsToTags,
  lastSegment,
  serviceAccountRelation,
  uniqueRelations,
  type TAssetRelation,
} from './gcp-attributes.mapper';
import { listPages, type ClientPage } from './gcp-listing';

type V1 = typeof Aiplatform.v1;
/** Constructor options every generated Google client takes (google-gax ClientOptions). */
export type GaxClientOptions = NonNullable<ConstructorParameters<V1['EndpointServiceClient']>[0]>;
type Json = Record<string, unknown>;

let v1Module: Promise<V1> | undefined;
/**
 * @google-cloud/aiplatform is large: only a process that lists Vertex AI pays for it, and only for the v1
 * clients. The package's index also loads v1beta1 and the generated protobufjs classes of every message
 * (measured: 41 MB of heap the REST clients never use).
 */
function loadV1(): Promise<V1> {
  v1Module ??= import('@google-cloud/aiplatform/build/src/v1/index.js') as Promise<V1>;
  return v1Module;
}

/**
 * Options of a Google client in REST mode (`fallback`), pointed at the target's endpoint (or `googleHost`), with
 * the target's service-account credential. The auth client comes from google-auth-library 10.9 while the clients
 * bundle 10.5 typings: the same runtime class, so the cast only bridges two copies of one type.
 */
export function gaxOptions(
  ctx: { auth: ServiceAccountJwt; connection: GcpConnection },
  googleHost: string,
): GaxClientOptions {
  return {
    fallback: true,
    ...clientEndpoint(ctx.connection, googleHost),
    authClient: ctx.auth as unknown as GaxClientOptions['authClient'],
  };
}

interface ListRequest {
  parent: string;
  pageSize: number;
  pageToken?: string;
}

interface VertexSpec<C extends { close(): unknown }> {
  /** REST collection id, the member of the list response holding the page. */
  collection: string;
  assetType: string;
  /** API method name, for messages and the request log. */
  operation: string;
  build(v1: V1, options: GaxClientOptions): C;
  list(client: C, request: ListRequest): Promise<ClientPage>;
  /** Edges particular to the kind; bucket and KMS key edges are found for every kind. */
  relations?(resource: Json): TAssetRelation[];
}

const DEFAULT_PAGE_SIZE = 100;
const NO_AUTO_PAGINATE = { autoPaginate: false } as const;

/**
 * A regional discoverer of one Vertex AI collection: one task per location (`target.region`), paging through
 * `projects/{project}/locations/{location}/{collection}` with the official v1 client over REST. Each resource
 * keeps its `name` as the native id, exactly as returned (Vertex names use the project number).
 */
function vertexDiscoverer<C extends { close(): unknown }>(spec: VertexSpec<C>): ServiceDiscoverer<'gcp'> {
  const service = `vertex.${spec.collection.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}`;
  return {
    provider: 'gcp',
    service,
    scope: 'regional',
    assetTypes: [spec.assetType],
    discover: (target, opts) => discover(spec, service, target, opts ?? {}),
  };
}

async function* discover<C extends { close(): unknown }>(
  spec: VertexSpec<C>,
  service: string,
  target: GcpTarget,
  opts: DiscoveryOptions,
): AsyncGenerator<TAssetRecord[]> {
  const location = target.region;
  const v1 = await loadV1();
  // Google serves Vertex AI per location (us-central1-aiplatform.googleapis.com); a custom endpoint serves all.
  const googleHost = `${location}-aiplatform.googleapis.com`;
  const client = gcpClientFor(target, `${spec.operation}|${target.endpoint ? '' : googleHost}`, (ctx) =>
    spec.build(v1, gaxOptions(ctx, googleHost)),
  );
  const parent = `projects/${target.projectId}/locations/${location}`;
  const ctx = {
    service,
    operation: spec.operation,
    permission: `aiplatform.${spec.collection}.list`,
    target,
    where: location,
  };
  const pageSize = opts.pageSize ?? DEFAULT_PAGE_SIZE;
  const pages = listPages(
    {
      ctx,
      itemsKey: spec.collection,
      fetchPage: (pageToken) => spec.list(client, { parent, pageSize, ...(pageToken && { pageToken }) }),
    },
    opts,
  );
  for await (const page of pages) yield page.map((r) => toRecord(spec, r, location));
}

function toRecord<C extends { close(): unknown }>(
  spec: VertexSpec<C>,
  r: Json,
  location: string,
): TAssetRecord {
  const name = String(r.name);
  return {
    assetType: spec.assetType,
    nativeId: name,
    name: typeof r.displayName === 'string' && r.displayName ? r.displayName : lastSegment(name),
    region: location,
    attributes: r,
    tags: labelsToTags(r.labels),
    relations: uniqueRelations([...(spec.relations?.(r) ?? []), ...bucketRelations(r), ...kmsRelations(r)]),
  };
}

export const vertexEndpointsDiscoverer = vertexDiscoverer({
  collection: 'endpoints',
  assetType: 'gcp.vertex.endpoint',
  operation: 'ListEndpoints',
  build: (v1, o) => new v1.EndpointServiceClient(o, sharedProtoGax),
  list: (c, req) => c.listEndpoints(req, NO_AUTO_PAGINATE),
  relations: (r) =>
    arrayAt(r, 'deployedModels').flatMap((d) => [
      ...(typeof get(d, 'model') === 'string'
        ? [{ kind: 'serves_model', toAssetType: 'gcp.vertex.model', toNativeId: String(get(d, 'model')) }]
        : []),
      ...serviceAccountRelation(get(d, 'serviceAccount')),
    ]),
});

export const vertexModelsDiscoverer = vertexDiscoverer({
  collection: 'models',
  assetType: 'gcp.vertex.model',
  operation: 'ListModels',
  build: (v1, o) => new v1.ModelServiceClient(o, sharedProtoGax),
  list: (c, req) => c.listModels(req, NO_AUTO_PAGINATE),
  relations: (r) => [
    ...(typeof r.pipelineJob === 'string' && r.pipelineJob
      ? [{ kind: 'trained_by', toAssetType: 'gcp.vertex.pipeline_job', toNativeId: r.pipelineJob }]
      : []),
    ...(typeof r.trainingPipeline === 'string' && r.trainingPipeline
      ? [{ kind: 'trained_by', toAssetType: 'gcp.vertex.training_pipeline', toNativeId: r.trainingPipeline }]
      : []),
  ],
});

export const vertexDatasetsDiscoverer = vertexDiscoverer({
  collection: 'datasets',
  assetType: 'gcp.vertex.dataset',
  operation: 'ListDatasets',
  build: (v1, o) => new v1.DatasetServiceClient(o, sharedProtoGax),
  list: (c, req) => c.listDatasets(req, NO_AUTO_PAGINATE),
});

export const vertexFeaturestoresDiscoverer = vertexDiscoverer({
  collection: 'featurestores',
  assetType: 'gcp.vertex.featurestore',
  operation: 'ListFeaturestores',
  build: (v1, o) => new v1.FeaturestoreServiceClient(o, sharedProtoGax),
  list: (c, req) => c.listFeaturestores(req, NO_AUTO_PAGINATE),
});

export const vertexIndexEndpointsDiscoverer = vertexDiscoverer({
  collection: 'indexEndpoints',
  assetType: 'gcp.vertex.index_endpoint',
  operation: 'ListIndexEndpoints',
  build: (v1, o) => new v1.IndexEndpointServiceClient(o, sharedProtoGax),
  list: (c, req) => c.listIndexEndpoints(req, NO_AUTO_PAGINATE),
});

export const vertexTensorboardsDiscoverer = vertexDiscoverer({
  collection: 'tensorboards',
  assetType: 'gcp.vertex.tensorboard',
  operation: 'ListTensorboards',
  build: (v1, o) => new v1.TensorboardServiceClient(o, sharedProtoGax),
  list: (c, req) => c.listTensorboards(req, NO_AUTO_PAGINATE),
});

export const vertexNotebookRuntimesDiscoverer = vertexDiscoverer({
  collection: 'notebookRuntimes',
  assetType: 'gcp.vertex.notebook_runtime',
  operation: 'ListNotebookRuntimes',
  build: (v1, o) => new v1.NotebookServiceClient(o, sharedProtoGax),
  list: (c, req) => c.listNotebookRuntimes(req, NO_AUTO_PAGINATE),
  relations: (r) => serviceAccountRelation(r.serviceAccount),
});

export const vertexCustomJobsDiscoverer = vertexDiscoverer({
  collection: 'customJobs',
  assetType: 'gcp.vertex.custom_job',
  operation: 'ListCustomJobs',
  build: (v1, o) => new v1.JobServiceClient(o, sharedProtoGax),
  list: (c, req) => c.listCustomJobs(req, NO_AUTO_PAGINATE),
  relations: (r) => serviceAccountRelation(get(r, 'jobSpec', 'serviceAccount')),
});

export const vertexPipelineJobsDiscoverer = vertexDiscoverer({
  collection: 'pipelineJobs',
  assetType: 'gcp.vertex.pipeline_job',
  operation: 'ListPipelineJobs',
  build: (v1, o) => new v1.PipelineServiceClient(o, sharedProtoGax),
  list: (c, req) => c.listPipelineJobs(req, NO_AUTO_PAGINATE),
  relations: (r) => serviceAccountRelation(r.serviceAccount),
});

/** Every Vertex AI listing, one task per location. */
export const vertexDiscoverers: ServiceDiscoverer<'gcp'>[] = [
  vertexEndpointsDiscoverer,
  vertexModelsDiscoverer,
  vertexDatasetsDiscoverer,
  vertexFeaturestoresDiscoverer,
  vertexIndexEndpointsDiscoverer,
  vertexTensorboardsDiscoverer,
  vertexNotebookRuntimesDiscoverer,
  vertexCustomJobsDiscoverer,
  vertexPipelineJobsDiscoverer,
];
