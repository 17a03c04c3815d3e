import type { ServiceDiscoverer } from '../types';
import { stringProp, type RawResource } from './arm-attributes.mapper';
import { armDiscoverer, partOf, type TAssetRelation } from './arm-listing';
import { LIST, LIST_UNDER } from './listings';

export const AZURE_ML_ASSET_TYPES = {
  workspace: 'azure.ml.workspace',
  compute: 'azure.ml.compute',
  onlineEndpoint: 'azure.ml.online_endpoint',
  onlineDeployment: 'azure.ml.online_deployment',
  batchEndpoint: 'azure.ml.batch_endpoint',
  batchDeployment: 'azure.ml.batch_deployment',
  registry: 'azure.ml.registry',
  datastore: 'azure.ml.datastore',
} as const;
const T = AZURE_ML_ASSET_TYPES;
/** Models are not inventoried yet: the edge keeps the model's id as the deployment gave it. */
const MODEL_ASSET_TYPE = 'azure.ml.model';
const STORAGE_ACCOUNT = 'azure.storage.account';

/** Machine Learning workspaces of the subscription. Relation: `uses_storage` its default storage account. */
export const azureMlWorkspacesDiscoverer = armDiscoverer({
  service: 'azure.ml.workspaces',
  assetTypes: [T.workspace],
  actions: [LIST.workspaces.action],
  async *discover(run) {
    for await (const page of run.pages(LIST.workspaces)) {
      yield page
        .filter((ws) => run.keeps(ws))
        .map((ws) => run.record(T.workspace, ws, { relations: workspaceRelations(ws) }));
    }
  },
});

function workspaceRelations(ws: RawResource): TAssetRelation[] {
  const storage = stringProp(ws, 'properties', 'storageAccount');
  return storage ? [{ kind: 'uses_storage', toAssetType: STORAGE_ACCOUNT, toNativeId: storage }] : [];
}

/** Compute instances, clusters and attached computes of every workspace. Relation: `part_of` the workspace. */
export const azureMlComputesDiscoverer = armDiscoverer({
  service: 'azure.ml.computes',
  assetTypes: [T.compute],
  actions: [LIST.workspaces.action, LIST_UNDER.computes({ id: '' }).action],
  async *discover(run) {
    yield* run.eachParent(run.parents(LIST.workspaces), async function* (ws) {
      for await (const page of run.children(LIST_UNDER.computes(ws), ws)) {
        yield page
          .filter((r) => run.keeps(r, ws))
          .map((r) => run.record(T.compute, r, { parent: ws, relations: [partOf(T.workspace, ws)] }));
      }
    });
  },
});

/**
 * Online endpoints of every workspace and their deployments. Relations: endpoint `part_of` workspace;
 * deployment `part_of` endpoint and workspace, `uses_model` the model it serves when given.
 */
export const azureMlOnlineEndpointsDiscoverer = armDiscoverer({
  service: 'azure.ml.online_endpoints',
  assetTypes: [T.onlineEndpoint, T.onlineDeployment],
  actions: [
    LIST.workspaces.action,
    LIST_UNDER.onlineEndpoints({ id: '' }).action,
    LIST_UNDER.onlineDeployments({ id: '' }).action,
  ],
  async *discover(run) {
    yield* run.eachParent(run.parents(LIST.workspaces), async function* (ws) {
      const endpoints: RawResource[] = [];
      for await (const page of run.children(LIST_UNDER.onlineEndpoints(ws), ws)) {
        const kept = page.filter((r) => run.keeps(r, ws));
        endpoints.push(...kept);
        yield kept.map((r) =>
          run.record(T.onlineEndpoint, r, { parent: ws, relations: [partOf(T.workspace, ws)] }),
        );
      }
      yield* run.eachParent(endpoints, async function* (ep) {
        for await (const page of run.children(LIST_UNDER.onlineDeployments(ep), ep)) {
          yield page
            .filter((r) => run.keeps(r, ep))
            .map((r) =>
              run.record(T.onlineDeployment, r, {
                parent: ep,
                relations: [
                  partOf(T.onlineEndpoint, ep),
                  partOf(T.workspace, ws),
                  ...modelRelation(stringProp(r, 'properties', 'model')),
                ],
              }),
            );
        }
      });
    });
  },
});

/**
 * Batch endpoints of every workspace and their deployments. Relations as for online endpoints; a batch
 * deployment names its model as `properties.model.assetId`.
 */
export const azureMlBatchEndpointsDiscoverer = armDiscoverer({
  service: 'azure.ml.batch_endpoints',
  assetTypes: [T.batchEndpoint, T.batchDeployment],
  actions: [
    LIST.workspaces.action,
    LIST_UNDER.batchEndpoints({ id: '' }).action,
    LIST_UNDER.batchDeployments({ id: '' }).action,
  ],
  async *discover(run) {
    yield* run.eachParent(run.parents(LIST.workspaces), async function* (ws) {
      const endpoints: RawResource[] = [];
      for await (const page of run.children(LIST_UNDER.batchEndpoints(ws), ws)) {
        const kept = page.filter((r) => run.keeps(r, ws));
        endpoints.push(...kept);
        yield kept.map((r) =>
          run.record(T.batchEndpoint, r, { parent: ws, relations: [partOf(T.workspace, ws)] }),
        );
      }
      yield* run.eachParent(endpoints, async function* (ep) {
        for await (const page of run.children(LIST_UNDER.batchDeployments(ep), ep)) {
          yield page
            .filter((r) => run.keeps(r, ep))
            .map((r) =>
              run.record(T.batchDeployment, r, {
                parent: ep,
                relations: [
                  partOf(T.batchEndpoint, ep),
                  partOf(T.workspace, ws),
                  ...modelRelation(stringProp(r, 'properties', 'model', 'assetId')),
                ],
              }),
            );
        }
      });
    });
  },
});

/** The `uses_model` edge of a deployment, when it names a model. */
function modelRelation(model: string | undefined): TAssetRelation[] {
  return model ? [{ kind: 'uses_model', toAssetType: MODEL_ASSET_TYPE, toNativeId: model }] : [];
}

/**
 * Datastores of every workspace (the credential type only: ARM never lists a datastore's secrets, and any
 * that came back would be dropped). Relation: `part_of` the workspace.
 */
export const azureMlDatastoresDiscoverer = armDiscoverer({
  service: 'azure.ml.datastores',
  assetTypes: [T.datastore],
  actions: [LIST.workspaces.action, LIST_UNDER.datastores({ id: '' }).action],
  async *discover(run) {
    yield* run.eachParent(run.parents(LIST.workspaces), async function* (ws) {
      for await (const page of run.children(LIST_UNDER.datastores(ws), ws)) {
        yield page
          .filter((r) => run.keeps(r, ws))
          .map((r) => run.record(T.datastore, r, { parent: ws, relations: [partOf(T.workspace, ws)] }));
      }
    });
  },
});

/** Machine Learning registries of the subscription. */
export const azureMlRegistriesDiscoverer = armDiscoverer({
  service: 'azure.ml.registries',
  assetTypes: [T.registry],
  actions: [LIST.registries.action],
  async *discover(run) {
    for await (const page of run.pages(LIST.registries)) {
      yield page.filter((r) => run.keeps(r)).map((r) => run.record(T.registry, r, {}));
    }
  },
});

export const azureMlDiscoverers: ServiceDiscoverer<'azure'>[] = [
  azureMlWorkspacesDiscoverer,
  azureMlComputesDiscoverer,
  azureMlOnlineEndpointsDiscoverer,
  azureMlBatchEndpointsDiscoverer,
  azureMlDatastoresDiscoverer,
  azureMlRegistriesDiscoverer,
];
