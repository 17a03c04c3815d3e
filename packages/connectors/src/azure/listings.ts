import { createPipelineRequest, RestError } from '@azure/core-rest-pipeline';
import { armIdParts, firstPage, sdkOptions, type ArmListing } from './arm-listing';
import type { RawResource } from './arm-attributes.mapper';
import type { AzureClients } from './clients';

const ML = 'Microsoft.MachineLearningServices';
const COGNITIVE = 'Microsoft.CognitiveServices';

/**
 * The registries API arrived after the api-version of @azure/arm-machinelearning 2.x (2022-10-01), which has
 * no operation for it: it is called through the same SDK client's pipeline (credential, retries, TLS) at the
 * first stable version that has it.
 */
export const ML_REGISTRIES_API_VERSION = '2023-04-01';

/** Subscription-wide listings. */
export const LIST = {
  workspaces: {
    operation: 'Workspaces_ListBySubscription',
    action: `${ML}/workspaces/read`,
    page: (c, link, signal) =>
      firstPage((s) => c.ml.workspaces.listBySubscription(sdkOptions(signal)).byPage(s), link),
  },
  registries: {
    operation: 'Registries_ListBySubscription',
    action: `${ML}/registries/read`,
    page: (c, link, signal) =>
      sendThroughPipeline(
        c,
        link ??
          `${c.endpoint}/subscriptions/${c.ml.subscriptionId}/providers/${ML}/registries?api-version=${ML_REGISTRIES_API_VERSION}`,
        signal,
      ),
  },
  cognitiveAccounts: {
    operation: 'Accounts_List',
    action: `${COGNITIVE}/accounts/read`,
    page: (c, link, signal) =>
      firstPage((s) => c.cognitive.accounts.list(sdkOptions(signal)).byPage(s), link),
  },
  storageAccounts: {
    operation: 'StorageAccounts_List',
    action: 'Microsoft.Storage/storageAccounts/read',
    page: (c, link, signal) =>
      firstPage((s) => c.storage.storageAccounts.list(sdkOptions(signal)).byPage(s), link),
  },
  roleAssignments: {
    operation: 'RoleAssignments_ListForSubscription',
    action: 'Microsoft.Authorization/roleAssignments/read',
    page: (c, link, signal) =>
      firstPage(
        (s) => c.authorization.roleAssignments.listForSubscription(sdkOptions(signal)).byPage(s),
        link,
      ),
  },
} satisfies Record<string, ArmListing>;

/** Listings under a parent resource, built from the parent as listed. */
export const LIST_UNDER = {
  computes: (ws: RawResource): ArmListing => {
    const { resourceGroup: rg, names } = armIdParts(ws.id);
    return {
      operation: 'Compute_List',
      action: `${ML}/workspaces/computes/read`,
      page: (c, link, signal) =>
        firstPage((s) => c.ml.computeOperations.list(rg, names[0]!, sdkOptions(signal)).byPage(s), link),
    };
  },
  onlineEndpoints: (ws: RawResource): ArmListing => {
    const { resourceGroup: rg, names } = armIdParts(ws.id);
    return {
      operation: 'OnlineEndpoints_List',
      action: `${ML}/workspaces/onlineEndpoints/read`,
      page: (c, link, signal) =>
        firstPage((s) => c.ml.onlineEndpoints.list(rg, names[0]!, sdkOptions(signal)).byPage(s), link),
    };
  },
  onlineDeployments: (endpoint: RawResource): ArmListing => {
    const { resourceGroup: rg, names } = armIdParts(endpoint.id);
    return {
      operation: 'OnlineDeployments_List',
      action: `${ML}/workspaces/onlineEndpoints/deployments/read`,
      page: (c, link, signal) =>
        firstPage(
          (s) => c.ml.onlineDeployments.list(rg, names[0]!, names[1]!, sdkOptions(signal)).byPage(s),
          link,
        ),
    };
  },
  batchEndpoints: (ws: RawResource): ArmListing => {
    const { resourceGroup: rg, names } = armIdParts(ws.id);
    return {
      operation: 'BatchEndpoints_List',
      action: `${ML}/workspaces/batchEndpoints/read`,
      page: (c, link, signal) =>
        firstPage((s) => c.ml.batchEndpoints.list(rg, names[0]!, sdkOptions(signal)).byPage(s), link),
    };
  },
  batchDeployments: (endpoint: RawResource): ArmListing => {
    const { resourceGroup: rg, names } = armIdParts(endpoint.id);
    return {
      operation: 'BatchDeployments_List',
      action: `${ML}/workspaces/batchEndpoints/deployments/read`,
      page: (c, link, signal) =>
        firstPage(
          (s) => c.ml.batchDeployments.list(rg, names[0]!, names[1]!, sdkOptions(signal)).byPage(s),
          link,
        ),
    };
  },
  datastores: (ws: RawResource): ArmListing => {
    const { resourceGroup: rg, names } = armIdParts(ws.id);
    return {
      operation: 'Datastores_List',
      action: `${ML}/workspaces/datastores/read`,
      page: (c, link, signal) =>
        firstPage((s) => c.ml.datastores.list(rg, names[0]!, sdkOptions(signal)).byPage(s), link),
    };
  },
  cognitiveDeployments: (account: RawResource): ArmListing => {
    const { resourceGroup: rg, names } = armIdParts(account.id);
    return {
      operation: 'Deployments_List',
      action: `${COGNITIVE}/accounts/deployments/read`,
      page: (c, link, signal) =>
        firstPage((s) => c.cognitive.deployments.list(rg, names[0]!, sdkOptions(signal)).byPage(s), link),
    };
  },
  raiPolicies: (account: RawResource): ArmListing => {
    const { resourceGroup: rg, names } = armIdParts(account.id);
    return {
      operation: 'RaiPolicies_List',
      action: `${COGNITIVE}/accounts/raiPolicies/read`,
      page: (c, link, signal) =>
        firstPage((s) => c.cognitive.raiPolicies.list(rg, names[0]!, sdkOptions(signal)).byPage(s), link),
    };
  },
};

/** A GET through the ML client's pipeline; an error status throws the RestError the SDK would. */
async function sendThroughPipeline(
  c: AzureClients,
  url: string,
  signal: AbortSignal | undefined,
): Promise<unknown> {
  const response = await c.ml.sendRequest(
    createPipelineRequest({ url, method: 'GET', ...(signal && { abortSignal: signal }) }),
  );
  let body: unknown;
  try {
    body = response.bodyAsText ? JSON.parse(response.bodyAsText) : undefined;
  } catch {
    body = undefined;
  }
  if (response.status !== 200) {
    const error = (body as { error?: { code?: string; message?: string } } | undefined)?.error;
    throw new RestError(error?.message ?? `status ${response.status}`, {
      statusCode: response.status,
      ...(error?.code && { code: error.code }),
      request: response.request,
      response,
    });
  }
  return body;
}
