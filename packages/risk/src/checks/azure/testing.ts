import type { CheckAsset } from '../../check';
import { testAsset } from '../../testing';
import type { Json } from './arm';

/**
 * Well-configured Azure resources as the connector stores them: the ARM listing body without `tags`, nothing
 * defaulted. Tests change or drop one member at a time.
 */
export const SUB = '/subscriptions/00000000-1111-2222-3333-444444444444';
export const RG = `${SUB}/resourceGroups/rg-ai`;
const ML = `${RG}/providers/Microsoft.MachineLearningServices`;
const ACCOUNT_ID = `${RG}/providers/Microsoft.CognitiveServices/accounts/oai-prod`;
const WORKSPACE_ID = `${ML}/workspaces/mlw-prod`;
const STORAGE_ID = `${RG}/providers/Microsoft.Storage/storageAccounts/stmlprod`;
const TENANT = '72f988bf-0000-0000-0000-000000000000';

export const ROLE_IDS = {
  Owner: '8e3af657-a8ff-443c-a75c-2fe8c4bcb635',
  Contributor: 'b24988ac-6180-42a0-ab88-20f7382dd24c',
  Reader: 'acdd72a7-3c48-4ca7-8e14-5e5d7c7eb5e2',
  'Cognitive Services OpenAI User': '5e0bd9bd-7b93-4f28-af87-19fc36ad61bd',
} as const;

export const openAiAccount: Json = {
  id: ACCOUNT_ID,
  name: 'oai-prod',
  type: 'Microsoft.CognitiveServices/accounts',
  location: 'eastus',
  kind: 'OpenAI',
  sku: { name: 'S0' },
  identity: { type: 'SystemAssigned', principalId: '11111111-0000-4000-8000-000000000001', tenantId: TENANT },
  properties: {
    endpoint: 'https://oai-prod.openai.azure.com/',
    customSubDomainName: 'oai-prod',
    provisioningState: 'Succeeded',
    networkAcls: { defaultAction: 'Deny', virtualNetworkRules: [], ipRules: [{ value: '203.0.113.0/24' }] },
    privateEndpointConnections: [],
    publicNetworkAccess: 'Disabled',
    disableLocalAuth: true,
    restrictOutboundNetworkAccess: true,
    allowedFqdnList: ['contoso.blob.core.windows.net'],
    encryption: {
      keySource: 'Microsoft.KeyVault',
      keyVaultProperties: {
        keyName: 'cog-cmk',
        keyVersion: '0123456789abcdef0123456789abcdef',
        keyVaultUri: 'https://kv-oai-prod.vault.azure.net/',
      },
    },
  },
};

export const openAiDeployment: Json = {
  id: `${ACCOUNT_ID}/deployments/gpt-4o`,
  name: 'gpt-4o',
  type: 'Microsoft.CognitiveServices/accounts/deployments',
  sku: { name: 'Standard', capacity: 10 },
  properties: {
    model: { format: 'OpenAI', name: 'gpt-4o', version: '2024-08-06' },
    provisioningState: 'Succeeded',
    raiPolicyName: 'strict-filter',
  },
};

/** A content filter entry of a RAI policy. */
export function contentFilter(
  name: string,
  source: 'Prompt' | 'Completion',
  /** null for filters without a severity (Jailbreak, Protected Material). */
  severityThreshold: string | null = 'Medium',
): Json {
  return {
    name,
    blocking: true,
    enabled: true,
    ...(severityThreshold !== null && { severityThreshold }),
    source,
  };
}

export const strictRaiPolicy: Json = {
  id: `${ACCOUNT_ID}/raiPolicies/strict-filter`,
  name: 'strict-filter',
  type: 'Microsoft.CognitiveServices/accounts/raiPolicies',
  properties: {
    type: 'UserManaged',
    mode: 'Blocking',
    basePolicyName: 'Microsoft.DefaultV2',
    contentFilters: [
      ...['Hate', 'Sexual', 'Violence', 'Selfharm'].flatMap((n) => [
        contentFilter(n, 'Prompt'),
        contentFilter(n, 'Completion', 'Low'),
      ]),
      contentFilter('Jailbreak', 'Prompt', null),
      contentFilter('Protected Material Text', 'Completion', null),
    ],
    customBlocklists: [],
  },
};

export const mlWorkspace: Json = {
  id: WORKSPACE_ID,
  name: 'mlw-prod',
  type: 'Microsoft.MachineLearningServices/workspaces',
  location: 'eastus',
  kind: 'Default',
  sku: { name: 'Basic', tier: 'Basic' },
  identity: { type: 'SystemAssigned', principalId: '22222222-0000-4000-8000-000000000002', tenantId: TENANT },
  properties: {
    friendlyName: 'mlw-prod',
    workspaceId: '33333333-0000-4000-8000-000000000003',
    storageAccount: STORAGE_ID,
    keyVault: `${RG}/providers/Microsoft.KeyVault/vaults/kvmlprod`,
    provisioningState: 'Succeeded',
    encryption: {
      status: 'Enabled',
      keyVaultProperties: {
        keyVaultArmId: `${RG}/providers/Microsoft.KeyVault/vaults/kvcmk`,
        keyIdentifier: 'https://kvcmk.vault.azure.net/keys/ws-cmk/0123456789abcdef',
      },
    },
    hbiWorkspace: true,
    allowPublicAccessWhenBehindVnet: false,
    publicNetworkAccess: 'Disabled',
    privateLinkCount: 1,
    v1LegacyMode: false,
  },
};

const SUBNET = { id: `${RG}/providers/Microsoft.Network/virtualNetworks/vnet-ml/subnets/snet-compute` };

export const computeInstance: Json = {
  id: `${WORKSPACE_ID}/computes/ci-alice`,
  name: 'ci-alice',
  type: 'Microsoft.MachineLearningServices/workspaces/computes',
  location: 'eastus',
  properties: {
    computeType: 'ComputeInstance',
    computeLocation: 'eastus',
    provisioningState: 'Succeeded',
    isAttachedCompute: false,
    disableLocalAuth: true,
    properties: {
      vmSize: 'STANDARD_DS3_V2',
      subnet: SUBNET,
      applicationSharingPolicy: 'Personal',
      sshSettings: { sshPublicAccess: 'Disabled', adminUserName: 'azureuser', sshPort: 4001 },
      connectivityEndpoints: { privateIpAddress: '10.0.1.4' },
      state: 'Running',
      computeInstanceAuthorizationType: 'personal',
      enableNodePublicIp: false,
    },
  },
};

export const amlCluster: Json = {
  id: `${WORKSPACE_ID}/computes/cpu-cluster`,
  name: 'cpu-cluster',
  type: 'Microsoft.MachineLearningServices/workspaces/computes',
  location: 'eastus',
  properties: {
    computeType: 'AmlCompute',
    computeLocation: 'eastus',
    provisioningState: 'Succeeded',
    isAttachedCompute: false,
    disableLocalAuth: true,
    properties: {
      osType: 'Linux',
      vmSize: 'STANDARD_D13_V2',
      subnet: SUBNET,
      remoteLoginPortPublicAccess: 'Disabled',
      enableNodePublicIp: false,
      scaleSettings: { maxNodeCount: 4, minNodeCount: 0, nodeIdleTimeBeforeScaleDown: 'PT120S' },
    },
  },
};

export const kubernetesCompute: Json = {
  id: `${WORKSPACE_ID}/computes/aks-inference`,
  name: 'aks-inference',
  type: 'Microsoft.MachineLearningServices/workspaces/computes',
  location: 'eastus',
  properties: {
    computeType: 'Kubernetes',
    computeLocation: 'eastus',
    provisioningState: 'Succeeded',
    resourceId: `${RG}/providers/Microsoft.ContainerService/managedClusters/aks-inference`,
    isAttachedCompute: true,
    disableLocalAuth: true,
    properties: { namespace: 'azureml', defaultInstanceType: 'defaultinstancetype' },
  },
};

export const onlineEndpoint: Json = {
  id: `${WORKSPACE_ID}/onlineEndpoints/ep-fraud`,
  name: 'ep-fraud',
  type: 'Microsoft.MachineLearningServices/workspaces/onlineEndpoints',
  location: 'eastus',
  kind: 'Managed',
  identity: { type: 'SystemAssigned', principalId: '44444444-0000-4000-8000-000000000004', tenantId: TENANT },
  properties: {
    authMode: 'AADToken',
    scoringUri: 'https://ep-fraud.eastus.inference.ml.azure.com/score',
    provisioningState: 'Succeeded',
    traffic: { blue: 100 },
    publicNetworkAccess: 'Disabled',
  },
};

export const onlineDeployment: Json = {
  id: `${WORKSPACE_ID}/onlineEndpoints/ep-fraud/deployments/blue`,
  name: 'blue',
  type: 'Microsoft.MachineLearningServices/workspaces/onlineEndpoints/deployments',
  location: 'eastus',
  kind: 'Managed',
  sku: { name: 'Default', capacity: 2 },
  properties: {
    endpointComputeType: 'Managed',
    model: `${WORKSPACE_ID}/models/fraud-xgb/versions/3`,
    instanceType: 'Standard_DS3_v2',
    egressPublicNetworkAccess: 'Disabled',
    provisioningState: 'Succeeded',
  },
};

export const mlRegistry: Json = {
  id: `${ML}/registries/mlr-shared`,
  name: 'mlr-shared',
  type: 'Microsoft.MachineLearningServices/registries',
  location: 'eastus',
  kind: 'Registry',
  properties: {
    discoveryUrl: 'https://eastus.api.azureml.ms/registrymanagement/v1.0/registries/mlr-shared/discovery',
    publicNetworkAccess: 'Disabled',
    regionDetails: [{ location: 'eastus', acrDetails: [], storageAccountDetails: [] }],
    registryPrivateEndpointConnections: [],
  },
};

export const mlDatastore: Json = {
  id: `${WORKSPACE_ID}/datastores/workspaceblobstore`,
  name: 'workspaceblobstore',
  type: 'Microsoft.MachineLearningServices/workspaces/datastores',
  properties: {
    credentials: { credentialsType: 'None' },
    datastoreType: 'AzureBlob',
    isDefault: true,
    accountName: 'stmlprod',
    containerName: 'azureml-blobstore',
    endpoint: 'core.windows.net',
    protocol: 'https',
    serviceDataAccessAuthIdentity: 'WorkspaceSystemAssignedIdentity',
  },
};

export const storageAccount: Json = {
  id: STORAGE_ID,
  name: 'stmlprod',
  type: 'Microsoft.Storage/storageAccounts',
  location: 'eastus',
  kind: 'StorageV2',
  sku: { name: 'Standard_LRS', tier: 'Standard' },
  properties: {
    minimumTlsVersion: 'TLS1_2',
    allowBlobPublicAccess: false,
    allowSharedKeyAccess: false,
    publicNetworkAccess: 'Disabled',
    networkAcls: { bypass: 'AzureServices', virtualNetworkRules: [], ipRules: [], defaultAction: 'Deny' },
    supportsHttpsTrafficOnly: true,
    provisioningState: 'Succeeded',
  },
};

/** A role assignment body: `role` is a built-in role's name from ROLE_IDS. */
export function roleAssignment(
  scope: string,
  role: keyof typeof ROLE_IDS,
  principalId: string,
  principalType = 'ServicePrincipal',
): Json {
  const name = `${ROLE_IDS[role].slice(0, 8)}-0000-4000-8000-${principalId.slice(-12)}`;
  return {
    id: `${scope}/providers/Microsoft.Authorization/roleAssignments/${name}`,
    type: 'Microsoft.Authorization/roleAssignments',
    name,
    properties: {
      roleDefinitionId: `${SUB}/providers/Microsoft.Authorization/roleDefinitions/${ROLE_IDS[role]}`,
      principalId,
      principalType,
      scope,
      createdOn: '2025-01-01T00:00:00.000Z',
    },
  };
}

/** The connector's asset type for each fixture's ARM type. */
const ASSET_TYPES: Record<string, string> = {
  'Microsoft.CognitiveServices/accounts': 'azure.cognitiveservices.account',
  'Microsoft.CognitiveServices/accounts/deployments': 'azure.cognitiveservices.deployment',
  'Microsoft.CognitiveServices/accounts/raiPolicies': 'azure.cognitiveservices.rai_policy',
  'Microsoft.MachineLearningServices/workspaces': 'azure.ml.workspace',
  'Microsoft.MachineLearningServices/workspaces/computes': 'azure.ml.compute',
  'Microsoft.MachineLearningServices/workspaces/onlineEndpoints': 'azure.ml.online_endpoint',
  'Microsoft.MachineLearningServices/workspaces/onlineEndpoints/deployments': 'azure.ml.online_deployment',
  'Microsoft.MachineLearningServices/registries': 'azure.ml.registry',
  'Microsoft.MachineLearningServices/workspaces/datastores': 'azure.ml.datastore',
  'Microsoft.Storage/storageAccounts': 'azure.storage.account',
  'Microsoft.Authorization/roleAssignments': 'azure.authorization.role_assignment',
};

/** An inventory asset holding `body` as its attributes, typed and named as the connector records it. */
export function armAsset(body: Json): CheckAsset {
  const id = String(body.id);
  const assetType = ASSET_TYPES[String(body.type)];
  if (!assetType) throw new Error(`no asset type for ${String(body.type)}`);
  return testAsset({
    provider: 'azure',
    assetType,
    nativeId: id,
    name: typeof body.name === 'string' ? body.name : id,
    region: typeof body.location === 'string' ? body.location : 'global',
    attributes: body,
  });
}

/** `body` with `properties` shallowly changed: members set to undefined are dropped, as ARM leaves them out. */
export function withProps(body: Json, changes: Json): Json {
  const properties: Json = { ...(body.properties as Json) };
  for (const [k, v] of Object.entries(changes)) {
    if (v === undefined) delete properties[k];
    else properties[k] = v;
  }
  return { ...body, properties };
}

/** A compute body with `properties.properties` (the compute-type-specific members) changed likewise. */
export function withComputeProps(body: Json, changes: Json): Json {
  const outer = body.properties as Json;
  return withProps(body, { properties: withProps({ properties: outer.properties }, changes).properties });
}

/** `body` without the named top-level members. */
export function without(body: Json, ...members: string[]): Json {
  const out: Json = { ...body };
  for (const m of members) delete out[m];
  return out;
}
