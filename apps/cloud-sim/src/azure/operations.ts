import type { FaultTargets } from '../fault-catalog';

/**
 * One simulated ARM listing: its operation id (as in the REST specifications), fault service, the RBAC action
 * it needs, and the api-versions it answers.
 */
export interface ArmListingOperation {
  faultService: AzureFaultService;
  operation: string;
  action: string;
  apiVersions: readonly string[];
}

export type AzureFaultService =
  'azure.ml' | 'azure.cognitiveservices' | 'azure.storage' | 'azure.authorization';

// The api-versions the SDK packages send (see node_modules/@azure/arm-*/), plus a few other stable ones.
const ML_VERSIONS = ['2022-10-01', '2023-04-01', '2024-04-01', '2024-10-01'] as const;
const COGNITIVE_VERSIONS = ['2025-09-01', '2024-10-01', '2023-05-01'] as const;
const STORAGE_VERSIONS = ['2025-08-01', '2025-06-01', '2023-05-01'] as const;
const AUTHORIZATION_VERSIONS = ['2022-04-01'] as const;

const ml = (operation: string, action: string): ArmListingOperation => ({
  faultService: 'azure.ml',
  operation,
  action: `Microsoft.MachineLearningServices/${action}`,
  apiVersions: ML_VERSIONS,
});
const cognitive = (operation: string, action: string): ArmListingOperation => ({
  faultService: 'azure.cognitiveservices',
  operation,
  action: `Microsoft.CognitiveServices/${action}`,
  apiVersions: COGNITIVE_VERSIONS,
});

export const ARM_OPERATIONS = {
  workspaces: ml('Workspaces_ListBySubscription', 'workspaces/read'),
  computes: ml('Compute_List', 'workspaces/computes/read'),
  onlineEndpoints: ml('OnlineEndpoints_List', 'workspaces/onlineEndpoints/read'),
  onlineDeployments: ml('OnlineDeployments_List', 'workspaces/onlineEndpoints/deployments/read'),
  batchEndpoints: ml('BatchEndpoints_List', 'workspaces/batchEndpoints/read'),
  batchDeployments: ml('BatchDeployments_List', 'workspaces/batchEndpoints/deployments/read'),
  datastores: ml('Datastores_List', 'workspaces/datastores/read'),
  registries: ml('Registries_ListBySubscription', 'registries/read'),
  cognitiveAccounts: cognitive('Accounts_List', 'accounts/read'),
  cognitiveDeployments: cognitive('Deployments_List', 'accounts/deployments/read'),
  raiPolicies: cognitive('RaiPolicies_List', 'accounts/raiPolicies/read'),
  storageAccounts: {
    faultService: 'azure.storage',
    operation: 'StorageAccounts_List',
    action: 'Microsoft.Storage/storageAccounts/read',
    apiVersions: STORAGE_VERSIONS,
  },
  roleAssignments: {
    faultService: 'azure.authorization',
    operation: 'RoleAssignments_ListForSubscription',
    action: 'Microsoft.Authorization/roleAssignments/read',
    apiVersions: AUTHORIZATION_VERSIONS,
  },
} as const satisfies Record<string, ArmListingOperation>;

function targetsOf(service: AzureFaultService): FaultTargets {
  const operations = Object.values(ARM_OPERATIONS)
    .filter((o) => o.faultService === service)
    .map((o) => o.operation);
  // Every simulated Azure operation is a paged listing.
  return { operations, listingOperations: operations };
}

/** Azure operations a fault can target, by fault service name (e.g. `azure.ml.Compute_List:throttle:0.3`). */
export const AZURE_FAULT_TARGETS: Record<string, FaultTargets> = {
  'azure.ml': targetsOf('azure.ml'),
  'azure.cognitiveservices': targetsOf('azure.cognitiveservices'),
  'azure.storage': targetsOf('azure.storage'),
  'azure.authorization': targetsOf('azure.authorization'),
};
