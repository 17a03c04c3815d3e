import { deriveSeed, seededRandom, type SeededRandom } from '../seeded-random.util';
import { SIM_AZURE_PRINCIPALS, SIM_AZURE_SUBSCRIPTION_ID, SIM_AZURE_TENANT_ID } from './credentials';

/** An ARM resource body exactly as the simulator sends it; absent members are left out, never `undefined`. */
export type ArmBody = Record<string, unknown> & { id: string; name: string; type: string };

/** A planted security problem, as the resource body shows it. */
export type AzureMisconfiguration =
  /** properties.publicNetworkAccess is "Enabled". */
  | 'public-network-access'
  /** Cognitive Services: properties.disableLocalAuth is false (API keys work). */
  | 'local-auth-enabled'
  /** No managed identity: `identity` absent or type "None". */
  | 'no-managed-identity'
  /** No customer-managed key: encryption absent or keySource the platform's. */
  | 'no-cmk'
  /** ML workspace: hbiWorkspace false (no high business impact isolation). */
  | 'not-hbi'
  /** Compute with a public IP (enableNodePublicIp true, or no subnet). */
  | 'compute-public-ip'
  /** Compute instance SSH open to the internet, or cluster remote login port public. */
  | 'ssh-public'
  /** Online endpoint answering key authentication. */
  | 'endpoint-key-auth'
  /** Online deployment allowed to reach the internet. */
  | 'egress-public'
  /** RAI policy with a content filter disabled or at a high (permissive) severity threshold. */
  | 'weak-content-filter'
  /** Cognitive deployment without a custom RAI policy (the default filters, or none named). */
  | 'default-content-filter'
  /** Storage: allowBlobPublicAccess true. */
  | 'blob-public-access'
  /** Storage: minimumTlsVersion below TLS1_2. */
  | 'old-tls'
  /** Storage: allowSharedKeyAccess true. */
  | 'shared-key-access'
  /** Network ACL default action Allow. */
  | 'network-acl-allow'
  /** Datastore reached with an account key held by the workspace. */
  | 'datastore-account-key'
  /** Role assignment of Owner or Contributor at subscription or resource group scope. */
  | 'privileged-role'
  /** Cognitive Services: restrictOutboundNetworkAccess false (the service may call any host). */
  | 'outbound-unrestricted'
  /** Compute instance: applicationSharingPolicy "Shared" (every workspace user reaches its applications). */
  | 'shared-applications'
  /** RAI policy in Asynchronous_filter mode (completions stream before the filters judge them). */
  | 'async-content-filter';

/** One resource of the estate: the body ARM answers, and what a correct consumer must conclude from it. */
export interface SimAzureResource {
  body: ArmBody;
  /** Lower-cased location, when the resource has one (children without one inherit their parent's). */
  location: string | undefined;
  misconfigurations: AzureMisconfiguration[];
  /** Security fields real ARM sometimes leaves out and this body does too: consumers must say "unknown". */
  omittedFields: string[];
}

/** Collections listed under a parent resource. */
export type AzureChildCollection =
  'computes' | 'onlineEndpoints' | 'batchEndpoints' | 'datastores' | 'deployments' | 'raiPolicies';

/**
 * The simulated subscription's AI estate. Listings are precomputed arrays (subscription-wide and per parent), so
 * a page is answered in O(page) time whatever the size.
 */
export interface AzureEstate {
  tenantId: string;
  subscriptionId: string;
  /** Items per ARM listing page: ARM, not the client, decides it. Tests may lower it. */
  pageSize: number;
  locations: readonly string[];
  workspaces: SimAzureResource[];
  registries: SimAzureResource[];
  cognitiveAccounts: SimAzureResource[];
  storageAccounts: SimAzureResource[];
  roleAssignments: SimAzureResource[];
  /** Child listings by `childKey(parentId, collection)`. */
  children: Map<string, SimAzureResource[]>;
  /**
   * Lower-cased ids of parents that are being deleted: still listed (provisioningState "Deleting"), but
   * listing their children answers 404, as when a resource disappears between two calls.
   */
  deletingParents: Set<string>;
}

export const SIM_AZURE_LOCATIONS = ['eastus', 'westeurope', 'swedencentral'] as const;

/** Items per page of the default estate: small, so every listing of the tests spans several pages. */
export const DEFAULT_AZURE_PAGE_SIZE = 2;
/** Items per page of sized estates, close to what ARM uses. */
export const SIZED_AZURE_PAGE_SIZE = 100;

export function childKey(parentId: string, collection: AzureChildCollection): string {
  return `${parentId.toLowerCase()}|${collection}`;
}

/** The children of a parent in one collection, in estate order (empty when it has none). */
export function childrenOf(
  estate: AzureEstate,
  parentId: string,
  collection: AzureChildCollection,
): SimAzureResource[] {
  return estate.children.get(childKey(parentId, collection)) ?? [];
}

const SUB = `/subscriptions/${SIM_AZURE_SUBSCRIPTION_ID}`;
const ESTATE_NOW_MS = Date.UTC(2025, 5, 1, 12, 0, 0);
const DAY_MS = 86_400_000;

/** Built-in role definition GUIDs, as in every Azure tenant. */
export const AZURE_BUILTIN_ROLES = {
  Owner: '8e3af657-a8ff-443c-a75c-2fe8c4bcb635',
  Contributor: 'b24988ac-6180-42a0-ab88-20f7382dd24c',
  Reader: 'acdd72a7-3c48-4ca7-8e14-5e5d7c7eb5e2',
  'Storage Blob Data Contributor': 'ba92f5b4-2d11-453d-a403-e96b0029c9fe',
  'Cognitive Services OpenAI User': '5e0bd9bd-7b93-4f28-af87-19fc36ad61bd',
  'AzureML Data Scientist': 'f6c7c914-8db3-469d-8ca1-694a8f32e121',
} as const;
type RoleName = keyof typeof AZURE_BUILTIN_ROLES;

function rgId(rg: string): string {
  return `${SUB}/resourceGroups/${rg}`;
}

function uuid(rnd: SeededRandom): string {
  return `${rnd.hex(8)}-${rnd.hex(4)}-4${rnd.hex(3)}-${rnd.pick(['8', '9', 'a', 'b'])}${rnd.hex(3)}-${rnd.hex(12)}`;
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function systemData(rnd: SeededRandom, by: string): Record<string, unknown> {
  const created = ESTATE_NOW_MS - rnd.int(20 * DAY_MS, 600 * DAY_MS);
  const modified = created + rnd.int(0, ESTATE_NOW_MS - created);
  return {
    createdBy: by,
    createdByType: by.includes('@') ? 'User' : 'Application',
    createdAt: iso(created),
    lastModifiedBy: by,
    lastModifiedByType: by.includes('@') ? 'User' : 'Application',
    lastModifiedAt: iso(modified),
  };
}

const OWNERS = ['alice.martin@example.com', 'bob.nguyen@example.com', 'chen.li@example.com'] as const;
const TEAMS = ['ml-platform', 'data-science', 'genai', 'risk-analytics'] as const;

function tags(rnd: SeededRandom): Record<string, string> | undefined {
  if (rnd.chance(0.2)) return undefined;
  const t: Record<string, string> = { team: rnd.pick(TEAMS), owner: rnd.pick(OWNERS) };
  if (rnd.chance(0.5)) t.env = rnd.pick(['prod', 'dev', 'sandbox']);
  return t;
}

function managedIdentity(rnd: SeededRandom, on: boolean): Record<string, unknown> | undefined {
  return on ? { type: 'SystemAssigned', principalId: uuid(rnd), tenantId: SIM_AZURE_TENANT_ID } : undefined;
}

function resource(
  body: ArmBody,
  misconfigurations: AzureMisconfiguration[],
  omittedFields: string[] = [],
): SimAzureResource {
  const location = typeof body.location === 'string' ? body.location.toLowerCase() : undefined;
  return { body, location, misconfigurations, omittedFields };
}

/** Drops the members named in `omit` and those whose value is undefined: ARM leaves absent fields out. */
function clean(obj: Record<string, unknown>, omit: readonly string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) if (v !== undefined && !omit.includes(k)) out[k] = v;
  return out;
}

// ---- Storage accounts -------------------------------------------------------------------------------------

export interface StorageProfile {
  publicBlob?: boolean;
  publicNetwork?: boolean;
  tls?: 'TLS1_0' | 'TLS1_1' | 'TLS1_2';
  sharedKey?: boolean;
  cmk?: boolean;
  aclAllow?: boolean;
  /** properties members to leave out. */
  omit?: string[];
}

function storageAccount(
  rnd: SeededRandom,
  spec: { name: string; rg: string; location: string; profile: StorageProfile },
): SimAzureResource {
  const { name, rg, location, profile: p } = spec;
  const id = `${rgId(rg)}/providers/Microsoft.Storage/storageAccounts/${name}`;
  const bad: AzureMisconfiguration[] = [];
  const omit = p.omit ?? [];
  if (p.publicBlob && !omit.includes('allowBlobPublicAccess')) bad.push('blob-public-access');
  if (p.publicNetwork && !omit.includes('publicNetworkAccess')) bad.push('public-network-access');
  if (p.tls !== 'TLS1_2' && !omit.includes('minimumTlsVersion')) bad.push('old-tls');
  if (p.sharedKey && !omit.includes('allowSharedKeyAccess')) bad.push('shared-key-access');
  if (!p.cmk) bad.push('no-cmk');
  if (p.aclAllow) bad.push('network-acl-allow');
  const created = iso(ESTATE_NOW_MS - rnd.int(30 * DAY_MS, 900 * DAY_MS));
  const keyVault = `https://kv-${name.slice(0, 12)}.vault.azure.net`;
  const properties = clean(
    {
      keyCreationTime: { key1: created, key2: created },
      privateEndpointConnections: [],
      minimumTlsVersion: p.tls,
      allowBlobPublicAccess: p.publicBlob ?? false,
      allowSharedKeyAccess: p.sharedKey ?? false,
      publicNetworkAccess: p.publicNetwork ? 'Enabled' : 'Disabled',
      isHnsEnabled: rnd.chance(0.3),
      networkAcls: {
        bypass: 'AzureServices',
        virtualNetworkRules: [],
        ipRules: p.aclAllow ? [] : [{ value: `203.0.113.${rnd.int(1, 254)}`, action: 'Allow' }],
        defaultAction: p.aclAllow ? 'Allow' : 'Deny',
      },
      supportsHttpsTrafficOnly: true,
      encryption: {
        requireInfrastructureEncryption: false,
        services: {
          file: { keyType: 'Account', enabled: true, lastEnabledTime: created },
          blob: { keyType: 'Account', enabled: true, lastEnabledTime: created },
        },
        keySource: p.cmk ? 'Microsoft.Keyvault' : 'Microsoft.Storage',
        ...(p.cmk && {
          keyvaultproperties: {
            keyvaulturi: keyVault,
            keyname: 'storage-cmk',
            keyversion: rnd.hex(32),
          },
        }),
      },
      accessTier: 'Hot',
      provisioningState: 'Succeeded',
      creationTime: created,
      primaryEndpoints: {
        dfs: `https://${name}.dfs.core.windows.net/`,
        web: `https://${name}.z13.web.core.windows.net/`,
        blob: `https://${name}.blob.core.windows.net/`,
        queue: `https://${name}.queue.core.windows.net/`,
        table: `https://${name}.table.core.windows.net/`,
        file: `https://${name}.file.core.windows.net/`,
      },
      primaryLocation: location,
      statusOfPrimary: 'available',
    },
    omit,
  );
  const body = clean({
    sku: { name: rnd.pick(['Standard_LRS', 'Standard_ZRS', 'Standard_GRS']), tier: 'Standard' },
    kind: 'StorageV2',
    id,
    name,
    type: 'Microsoft.Storage/storageAccounts',
    location,
    tags: tags(rnd),
    properties,
  }) as ArmBody;
  return resource(body, bad, omit);
}

// ---- Machine Learning ------------------------------------------------------------------------------------

export interface WorkspaceProfile {
  publicNetwork?: boolean;
  hbi?: boolean;
  identity?: boolean;
  cmk?: boolean;
  kind?: 'Default' | 'Hub' | 'Project';
  deleting?: boolean;
  omit?: string[];
}

function workspace(
  rnd: SeededRandom,
  spec: { name: string; rg: string; location: string; storageId: string; profile: WorkspaceProfile },
): SimAzureResource {
  const { name, rg, location, storageId, profile: p } = spec;
  const id = `${rgId(rg)}/providers/Microsoft.MachineLearningServices/workspaces/${name}`;
  const omit = p.omit ?? [];
  const bad: AzureMisconfiguration[] = [];
  if (p.publicNetwork && !omit.includes('publicNetworkAccess')) bad.push('public-network-access');
  if (!p.identity) bad.push('no-managed-identity');
  if (!p.cmk) bad.push('no-cmk');
  if (p.hbi === false && !omit.includes('hbiWorkspace')) bad.push('not-hbi');
  const short = name.replace(/[^a-z0-9]/g, '').slice(0, 16);
  const properties = clean(
    {
      friendlyName: name,
      description: `${name} workspace`,
      workspaceId: uuid(rnd),
      storageAccount: storageId,
      keyVault: `${rgId(rg)}/providers/Microsoft.KeyVault/vaults/kv${short}`,
      applicationInsights: `${rgId(rg)}/providers/Microsoft.insights/components/ai${short}`,
      containerRegistry: rnd.chance(0.7)
        ? `${rgId(rg)}/providers/Microsoft.ContainerRegistry/registries/cr${short}`
        : undefined,
      discoveryUrl: `https://${location}.api.azureml.ms/discovery`,
      provisioningState: p.deleting ? 'Deleting' : 'Succeeded',
      encryption: p.cmk
        ? {
            status: 'Enabled',
            keyVaultProperties: {
              keyVaultArmId: `${rgId(rg)}/providers/Microsoft.KeyVault/vaults/kvcmk${short}`,
              keyIdentifier: `https://kvcmk${short}.vault.azure.net/keys/ws-cmk/${rnd.hex(32)}`,
            },
          }
        : undefined,
      hbiWorkspace: p.hbi,
      serviceProvisionedResourceGroup: p.cmk ? `azureml-rg-${name}_${uuid(rnd)}` : undefined,
      privateLinkCount: p.publicNetwork ? 0 : 1,
      allowPublicAccessWhenBehindVnet: p.publicNetwork ?? false,
      publicNetworkAccess: p.publicNetwork ? 'Enabled' : 'Disabled',
      privateEndpointConnections: [],
      tenantId: SIM_AZURE_TENANT_ID,
      storageHnsEnabled: false,
      mlFlowTrackingUri: `azureml://${location}.api.azureml.ms/mlflow/v1.0${id}`,
      v1LegacyMode: false,
    },
    omit,
  );
  const body = clean({
    id,
    name,
    type: 'Microsoft.MachineLearningServices/workspaces',
    location,
    tags: tags(rnd),
    identity: managedIdentity(rnd, p.identity ?? false),
    sku: { name: 'Basic', tier: 'Basic' },
    kind: p.kind ?? 'Default',
    systemData: systemData(rnd, rnd.pick(OWNERS)),
    properties,
  }) as ArmBody;
  return resource(body, bad, omit);
}

export interface ComputeProfile {
  type: 'ComputeInstance' | 'AmlCompute' | 'Kubernetes';
  publicIp?: boolean;
  sshPublic?: boolean;
  subnet?: boolean;
  localAuth?: boolean;
  /** Compute instance: applicationSharingPolicy "Shared" instead of "Personal". */
  shared?: boolean;
  /** members of properties.properties to leave out. */
  omit?: string[];
}

function compute(
  rnd: SeededRandom,
  spec: { name: string; ws: SimAzureResource; profile: ComputeProfile },
): SimAzureResource {
  const { name, ws, profile: p } = spec;
  const wsId = ws.body.id;
  const location = ws.location!;
  const omit = p.omit ?? [];
  const bad: AzureMisconfiguration[] = [];
  // Nodes outside a virtual network cannot do without a public IP: the service reports enableNodePublicIp true.
  const publicIp = p.type !== 'Kubernetes' && (p.publicIp === true || !p.subnet);
  if (publicIp && !omit.includes('enableNodePublicIp')) bad.push('compute-public-ip');
  if (p.shared && p.type === 'ComputeInstance') bad.push('shared-applications');
  if (p.sshPublic && !omit.includes('sshSettings') && !omit.includes('remoteLoginPortPublicAccess'))
    bad.push('ssh-public');
  if (p.localAuth) bad.push('local-auth-enabled');
  const rg = wsId.split('/')[4]!;
  const subnet = p.subnet
    ? {
        id: `${rgId(rg)}/providers/Microsoft.Network/virtualNetworks/vnet-ml/subnets/snet-compute`,
      }
    : undefined;
  let inner: Record<string, unknown>;
  if (p.type === 'ComputeInstance') {
    const owner = rnd.pick(OWNERS);
    inner = clean(
      {
        vmSize: rnd.pick(['STANDARD_DS3_V2', 'Standard_E4ds_v4', 'Standard_NC6s_v3']),
        subnet,
        applicationSharingPolicy: p.shared ? 'Shared' : 'Personal',
        sshSettings: {
          sshPublicAccess: p.sshPublic ? 'Enabled' : 'Disabled',
          adminUserName: 'azureuser',
          sshPort: p.sshPublic ? 50000 + rnd.int(0, 999) : 4001,
        },
        connectivityEndpoints: {
          ...(publicIp && {
            publicIpAddress: `20.${rnd.int(1, 250)}.${rnd.int(1, 250)}.${rnd.int(1, 250)}`,
          }),
          privateIpAddress: `10.0.${rnd.int(0, 9)}.${rnd.int(4, 250)}`,
        },
        state: rnd.pick(['Running', 'Stopped', 'Running']),
        computeInstanceAuthorizationType: 'personal',
        personalComputeInstanceSettings: {
          assignedUser: { objectId: uuid(rnd), tenantId: SIM_AZURE_TENANT_ID },
        },
        createdBy: { userName: owner, userOrgId: SIM_AZURE_TENANT_ID, userId: uuid(rnd) },
        enableNodePublicIp: publicIp,
      },
      omit,
    );
  } else if (p.type === 'AmlCompute') {
    inner = clean(
      {
        osType: 'Linux',
        vmSize: rnd.pick(['STANDARD_D13_V2', 'Standard_NC24ads_A100_v4', 'Standard_DS11_v2']),
        vmPriority: rnd.pick(['Dedicated', 'LowPriority']),
        isolatedNetwork: false,
        scaleSettings: {
          maxNodeCount: rnd.int(2, 16),
          minNodeCount: 0,
          nodeIdleTimeBeforeScaleDown: 'PT120S',
        },
        // The admin password is never returned; only the user name is.
        userAccountCredentials: { adminUserName: 'azureuser' },
        subnet,
        remoteLoginPortPublicAccess: p.sshPublic ? 'Enabled' : 'Disabled',
        allocationState: 'Steady',
        allocationStateTransitionTime: iso(ESTATE_NOW_MS - rnd.int(DAY_MS, 30 * DAY_MS)),
        currentNodeCount: 0,
        targetNodeCount: 0,
        enableNodePublicIp: publicIp,
      },
      omit,
    );
  } else {
    inner = { namespace: 'azureml', defaultInstanceType: 'defaultinstancetype' };
  }
  const properties = clean({
    computeType: p.type,
    computeLocation: location,
    description: undefined,
    provisioningState: 'Succeeded',
    createdOn: iso(ESTATE_NOW_MS - rnd.int(5 * DAY_MS, 300 * DAY_MS)),
    modifiedOn: iso(ESTATE_NOW_MS - rnd.int(0, 5 * DAY_MS)),
    resourceId:
      p.type === 'Kubernetes'
        ? `${rgId(rg)}/providers/Microsoft.ContainerService/managedClusters/aks-${name}`
        : undefined,
    isAttachedCompute: p.type === 'Kubernetes',
    disableLocalAuth: !p.localAuth,
    properties: inner,
  });
  const body = clean({
    id: `${wsId}/computes/${name}`,
    name,
    type: 'Microsoft.MachineLearningServices/workspaces/computes',
    location,
    identity: p.type === 'AmlCompute' && rnd.chance(0.5) ? managedIdentity(rnd, true) : undefined,
    tags: tags(rnd),
    systemData: systemData(rnd, rnd.pick(OWNERS)),
    properties,
  }) as ArmBody;
  return resource(body, bad, omit);
}

export interface OnlineEndpointProfile {
  keyAuth?: boolean;
  publicNetwork?: boolean;
  identity?: boolean;
  omit?: string[];
}

function onlineEndpoint(
  rnd: SeededRandom,
  spec: { name: string; ws: SimAzureResource; profile: OnlineEndpointProfile; deployments: string[] },
): SimAzureResource {
  const { name, ws, profile: p } = spec;
  const omit = p.omit ?? [];
  const bad: AzureMisconfiguration[] = [];
  if (p.keyAuth) bad.push('endpoint-key-auth');
  if (p.publicNetwork && !omit.includes('publicNetworkAccess')) bad.push('public-network-access');
  if (!p.identity) bad.push('no-managed-identity');
  const location = ws.location!;
  const traffic: Record<string, number> = {};
  spec.deployments.forEach((d, i) => (traffic[d] = i === 0 ? 100 : 0));
  const properties = clean(
    {
      description: `${name} scoring endpoint`,
      authMode: p.keyAuth ? 'Key' : 'AMLToken',
      scoringUri: `https://${name}.${location}.inference.ml.azure.com/score`,
      swaggerUri: `https://${name}.${location}.inference.ml.azure.com/swagger.json`,
      provisioningState: 'Succeeded',
      traffic,
      publicNetworkAccess: p.publicNetwork ? 'Enabled' : 'Disabled',
    },
    omit,
  );
  const body = clean({
    id: `${ws.body.id}/onlineEndpoints/${name}`,
    name,
    type: 'Microsoft.MachineLearningServices/workspaces/onlineEndpoints',
    location,
    kind: 'Managed',
    identity: p.identity ? managedIdentity(rnd, true) : { type: 'None' },
    tags: tags(rnd),
    systemData: systemData(rnd, rnd.pick(OWNERS)),
    properties,
  }) as ArmBody;
  return resource(body, bad, omit);
}

function modelId(wsId: string, rnd: SeededRandom): string {
  return `${wsId}/models/${rnd.pick(['fraud-xgb', 'churn-lgbm', 'llama-2-7b-chat', 'bert-ner'])}/versions/${rnd.int(1, 9)}`;
}

function onlineDeployment(
  rnd: SeededRandom,
  spec: {
    name: string;
    endpoint: SimAzureResource;
    ws: SimAzureResource;
    egressPublic: boolean;
    withModel: boolean;
  },
): SimAzureResource {
  const { name, endpoint, ws } = spec;
  const properties = clean({
    endpointComputeType: 'Managed',
    model: spec.withModel ? modelId(ws.body.id, rnd) : undefined,
    instanceType: rnd.pick(['Standard_DS3_v2', 'Standard_F4s_v2', 'Standard_NC6s_v3']),
    appInsightsEnabled: rnd.chance(0.5),
    egressPublicNetworkAccess: spec.egressPublic ? 'Enabled' : 'Disabled',
    provisioningState: 'Succeeded',
    scaleSettings: { scaleType: 'Default' },
    requestSettings: { maxConcurrentRequestsPerInstance: 1, requestTimeout: 'PT5S' },
  });
  const body = clean({
    id: `${endpoint.body.id}/deployments/${name}`,
    name,
    type: 'Microsoft.MachineLearningServices/workspaces/onlineEndpoints/deployments',
    location: endpoint.location,
    kind: 'Managed',
    sku: { name: 'Default', capacity: rnd.int(1, 4) },
    tags: tags(rnd),
    systemData: systemData(rnd, rnd.pick(OWNERS)),
    properties,
  }) as ArmBody;
  return resource(body, spec.egressPublic ? ['egress-public'] : []);
}

function batchEndpoint(rnd: SeededRandom, spec: { name: string; ws: SimAzureResource; deployment: string }) {
  const location = spec.ws.location!;
  const body = clean({
    id: `${spec.ws.body.id}/batchEndpoints/${spec.name}`,
    name: spec.name,
    type: 'Microsoft.MachineLearningServices/workspaces/batchEndpoints',
    location,
    identity: { type: 'None' },
    tags: tags(rnd),
    systemData: systemData(rnd, rnd.pick(OWNERS)),
    properties: {
      authMode: 'AADToken',
      scoringUri: `https://${spec.name}.${location}.inference.ml.azure.com/jobs`,
      provisioningState: 'Succeeded',
      defaults: { deploymentName: spec.deployment },
    },
  }) as ArmBody;
  return resource(body, ['no-managed-identity']);
}

function batchDeployment(
  rnd: SeededRandom,
  spec: { name: string; endpoint: SimAzureResource; ws: SimAzureResource; computeName: string | undefined },
) {
  const body = clean({
    id: `${spec.endpoint.body.id}/deployments/${spec.name}`,
    name: spec.name,
    type: 'Microsoft.MachineLearningServices/workspaces/batchEndpoints/deployments',
    location: spec.endpoint.location,
    tags: tags(rnd),
    systemData: systemData(rnd, rnd.pick(OWNERS)),
    properties: clean({
      model: { referenceType: 'Id', assetId: modelId(spec.ws.body.id, rnd) },
      compute: spec.computeName ? `${spec.ws.body.id}/computes/${spec.computeName}` : undefined,
      maxConcurrencyPerInstance: 1,
      miniBatchSize: 10,
      outputAction: 'AppendRow',
      outputFileName: 'predictions.csv',
      errorThreshold: -1,
      retrySettings: { maxRetries: 3, timeout: 'PT30S' },
      loggingLevel: 'Info',
      provisioningState: 'Succeeded',
    }),
  }) as ArmBody;
  return resource(body, []);
}

function datastore(
  rnd: SeededRandom,
  spec: {
    name: string;
    ws: SimAzureResource;
    kind: 'AzureBlob' | 'AzureFile' | 'AzureDataLakeGen2';
    credentials: 'AccountKey' | 'None' | 'ServicePrincipal' | 'Sas';
    accountName: string;
    isDefault: boolean;
  },
) {
  // ARM never returns a datastore's secrets: only the credential type (and a service principal's ids).
  const credentials: Record<string, unknown> = { credentialsType: spec.credentials };
  if (spec.credentials === 'ServicePrincipal') {
    Object.assign(credentials, {
      authorityUrl: 'https://login.microsoftonline.com',
      resourceUrl: 'https://storage.azure.com/',
      tenantId: SIM_AZURE_TENANT_ID,
      clientId: uuid(rnd),
    });
  }
  const common = { credentials, datastoreType: spec.kind, isDefault: spec.isDefault, tags: {} };
  const target =
    spec.kind === 'AzureDataLakeGen2'
      ? { accountName: spec.accountName, filesystem: 'raw', endpoint: 'core.windows.net', protocol: 'https' }
      : spec.kind === 'AzureFile'
        ? {
            accountName: spec.accountName,
            fileShareName: `code-${rnd.hex(8)}`,
            endpoint: 'core.windows.net',
            protocol: 'https',
            serviceDataAccessAuthIdentity: 'None',
          }
        : {
            accountName: spec.accountName,
            containerName: `azureml-blobstore-${uuid(rnd)}`,
            endpoint: 'core.windows.net',
            protocol: 'https',
            serviceDataAccessAuthIdentity: 'WorkspaceSystemAssignedIdentity',
          };
  const body = {
    id: `${spec.ws.body.id}/datastores/${spec.name}`,
    name: spec.name,
    type: 'Microsoft.MachineLearningServices/workspaces/datastores',
    systemData: systemData(rnd, rnd.pick(OWNERS)),
    properties: { ...common, ...target },
  } as ArmBody;
  const bad: AzureMisconfiguration[] =
    spec.credentials === 'AccountKey' || spec.credentials === 'Sas' ? ['datastore-account-key'] : [];
  return resource(body, bad);
}

function registry(
  rnd: SeededRandom,
  spec: { name: string; rg: string; location: string; publicNetwork: boolean },
) {
  const body = clean({
    id: `${rgId(spec.rg)}/providers/Microsoft.MachineLearningServices/registries/${spec.name}`,
    name: spec.name,
    type: 'Microsoft.MachineLearningServices/registries',
    location: spec.location,
    tags: tags(rnd),
    identity: { type: 'SystemAssigned', principalId: uuid(rnd), tenantId: SIM_AZURE_TENANT_ID },
    kind: 'Registry',
    sku: { name: 'P3', tier: 'Basic' },
    systemData: systemData(rnd, rnd.pick(OWNERS)),
    properties: {
      discoveryUrl: `https://${spec.location}.api.azureml.ms/registrymanagement/v1.0/registries/${spec.name}/discovery`,
      intellectualPropertyPublisher: 'contoso',
      managedResourceGroup: { resourceId: `${SUB}/resourceGroups/azureml-rg-${spec.name}_${uuid(rnd)}` },
      mlFlowRegistryUri: `azureml://${spec.location}.api.azureml.ms/mlflow/v1.0${SUB}/resourceGroups/${spec.rg}/providers/Microsoft.MachineLearningServices/registries/${spec.name}`,
      publicNetworkAccess: spec.publicNetwork ? 'Enabled' : 'Disabled',
      regionDetails: [{ location: spec.location, acrDetails: [], storageAccountDetails: [] }],
      registryPrivateEndpointConnections: [],
    },
  }) as ArmBody;
  return resource(body, spec.publicNetwork ? ['public-network-access'] : []);
}

// ---- Cognitive Services ----------------------------------------------------------------------------------

export interface CognitiveProfile {
  kind: 'OpenAI' | 'AIServices' | 'TextAnalytics' | 'FormRecognizer' | 'ComputerVision';
  publicNetwork?: boolean;
  localAuth?: boolean;
  identity?: boolean;
  cmk?: boolean;
  aclAllow?: boolean;
  /** restrictOutboundNetworkAccess true, with an allowedFqdnList. */
  restrictOutbound?: boolean;
  storageId?: string;
  deleting?: boolean;
  omit?: string[];
}

function cognitiveAccount(
  rnd: SeededRandom,
  spec: { name: string; rg: string; location: string; profile: CognitiveProfile },
): SimAzureResource {
  const { name, rg, location, profile: p } = spec;
  const omit = p.omit ?? [];
  const bad: AzureMisconfiguration[] = [];
  if (p.publicNetwork && !omit.includes('publicNetworkAccess')) bad.push('public-network-access');
  if (p.localAuth && !omit.includes('disableLocalAuth')) bad.push('local-auth-enabled');
  if (!p.identity) bad.push('no-managed-identity');
  if (!p.cmk) bad.push('no-cmk');
  if (p.aclAllow) bad.push('network-acl-allow');
  if (!p.restrictOutbound && !omit.includes('restrictOutboundNetworkAccess'))
    bad.push('outbound-unrestricted');
  const host = p.kind === 'OpenAI' ? 'openai.azure.com' : 'cognitiveservices.azure.com';
  const endpoint = `https://${name}.${host}/`;
  const properties = clean(
    {
      endpoint,
      internalId: rnd.hex(32),
      dateCreated: iso(ESTATE_NOW_MS - rnd.int(10 * DAY_MS, 500 * DAY_MS)),
      callRateLimit: { rules: [] },
      isMigrated: false,
      customSubDomainName: name,
      networkAcls: p.aclAllow
        ? { defaultAction: 'Allow', virtualNetworkRules: [], ipRules: [] }
        : { defaultAction: 'Deny', virtualNetworkRules: [], ipRules: [{ value: '203.0.113.0/24' }] },
      privateEndpointConnections: [],
      publicNetworkAccess: p.publicNetwork ? 'Enabled' : 'Disabled',
      disableLocalAuth: !p.localAuth,
      restrictOutboundNetworkAccess: p.restrictOutbound ?? false,
      allowedFqdnList: p.restrictOutbound
        ? [`${name.replace(/[^a-z0-9]/g, '').slice(0, 20)}data.blob.core.windows.net`]
        : undefined,
      encryption: p.cmk
        ? {
            keySource: 'Microsoft.KeyVault',
            keyVaultProperties: {
              keyName: 'cog-cmk',
              keyVersion: rnd.hex(32),
              keyVaultUri: `https://kv-${name.slice(0, 14)}.vault.azure.net/`,
            },
          }
        : undefined,
      userOwnedStorage: p.storageId ? [{ resourceId: p.storageId }] : undefined,
      provisioningState: p.deleting ? 'Deleting' : 'Succeeded',
      endpoints: {
        [p.kind === 'OpenAI' ? 'OpenAI Language Model Instance API' : 'Cognitive Services API']: endpoint,
      },
    },
    omit,
  );
  const body = clean({
    id: `${rgId(rg)}/providers/Microsoft.CognitiveServices/accounts/${name}`,
    name,
    type: 'Microsoft.CognitiveServices/accounts',
    etag: `"${uuid(rnd)}"`,
    location,
    sku: { name: 'S0' },
    kind: p.kind,
    tags: tags(rnd),
    identity: p.identity ? managedIdentity(rnd, true) : undefined,
    systemData: systemData(rnd, rnd.pick(OWNERS)),
    properties,
  }) as ArmBody;
  return resource(body, bad, omit);
}

const OPENAI_MODELS = [
  { name: 'gpt-4o', version: '2024-08-06' },
  { name: 'gpt-4o-mini', version: '2024-07-18' },
  { name: 'text-embedding-3-large', version: '1' },
  { name: 'gpt-35-turbo', version: '0125' },
  { name: 'o1', version: '2024-12-17' },
] as const;

function cognitiveDeployment(
  rnd: SeededRandom,
  spec: {
    name: string;
    account: SimAzureResource;
    model: { format: string; name: string; version: string };
    raiPolicy: string | undefined;
  },
) {
  const custom = spec.raiPolicy !== undefined && !spec.raiPolicy.startsWith('Microsoft.');
  const body = clean({
    id: `${spec.account.body.id}/deployments/${spec.name}`,
    type: 'Microsoft.CognitiveServices/accounts/deployments',
    name: spec.name,
    sku: { name: rnd.pick(['Standard', 'GlobalStandard']), capacity: rnd.int(1, 120) },
    systemData: systemData(rnd, rnd.pick(OWNERS)),
    etag: `"${uuid(rnd)}"`,
    properties: clean({
      model: spec.model,
      versionUpgradeOption: 'OnceNewDefaultVersionAvailable',
      currentCapacity: 10,
      capabilities: { chatCompletion: 'true' },
      provisioningState: 'Succeeded',
      raiPolicyName: spec.raiPolicy,
      rateLimits: [
        { key: 'request', renewalPeriod: 10, count: 10 },
        { key: 'token', renewalPeriod: 60, count: 10000 },
      ],
    }),
  }) as ArmBody;
  return resource(body, custom ? [] : ['default-content-filter']);
}

const FILTER_NAMES = ['Hate', 'Sexual', 'Violence', 'Selfharm'] as const;

function raiPolicy(spec: {
  name: string;
  account: SimAzureResource;
  weak: boolean;
  system: boolean;
  /** Asynchronous_filter mode instead of Blocking (custom policies only). */
  async?: boolean;
}): SimAzureResource {
  const filters: Record<string, unknown>[] = [];
  for (const source of ['Prompt', 'Completion'] as const) {
    for (const [i, name] of FILTER_NAMES.entries()) {
      const off = spec.weak && source === 'Completion' && i === 0;
      filters.push({
        name,
        blocking: !off,
        enabled: !off,
        severityThreshold: spec.weak && i === 1 ? 'High' : 'Medium',
        source,
      });
    }
  }
  filters.push({ name: 'Jailbreak', blocking: !spec.weak, enabled: !spec.weak, source: 'Prompt' });
  filters.push({ name: 'Protected Material Text', blocking: true, enabled: true, source: 'Completion' });
  const body = {
    id: `${spec.account.body.id}/raiPolicies/${spec.name}`,
    name: spec.name,
    type: 'Microsoft.CognitiveServices/accounts/raiPolicies',
    properties: {
      type: spec.system ? 'SystemManaged' : 'UserManaged',
      mode: !spec.system && spec.async ? 'Asynchronous_filter' : 'Blocking',
      basePolicyName: 'Microsoft.DefaultV2',
      contentFilters: filters,
      customBlocklists: [],
    },
  } as ArmBody;
  if (spec.name === 'Microsoft.Default') delete (body.properties as Record<string, unknown>).basePolicyName;
  const bad: AzureMisconfiguration[] = spec.weak ? ['weak-content-filter'] : [];
  if (!spec.system && spec.async) bad.push('async-content-filter');
  return resource(body, bad);
}

function roleAssignment(
  rnd: SeededRandom,
  spec: {
    scope: string;
    role: RoleName;
    principalId: string;
    principalType: 'ServicePrincipal' | 'User' | 'Group';
    description?: string;
  },
) {
  const name = uuid(rnd);
  const created = iso(ESTATE_NOW_MS - rnd.int(DAY_MS, 700 * DAY_MS));
  const privileged =
    (spec.role === 'Owner' || spec.role === 'Contributor') && !spec.scope.includes('/providers/');
  const body = {
    id: `${spec.scope}/providers/Microsoft.Authorization/roleAssignments/${name}`,
    type: 'Microsoft.Authorization/roleAssignments',
    name,
    properties: clean({
      roleDefinitionId: `${SUB}/providers/Microsoft.Authorization/roleDefinitions/${AZURE_BUILTIN_ROLES[spec.role]}`,
      principalId: spec.principalId,
      principalType: spec.principalType,
      scope: spec.scope,
      condition: null,
      conditionVersion: null,
      createdOn: created,
      updatedOn: created,
      createdBy: uuid(rnd),
      updatedBy: uuid(rnd),
      delegatedManagedIdentityResourceId: null,
      description: spec.description ?? null,
    }),
  } as ArmBody;
  return resource(body, privileged ? ['privileged-role'] : []);
}

// ---- The estate -----------------------------------------------------------------------------------------

class EstateBuilder {
  readonly estate: AzureEstate;

  constructor(pageSize: number) {
    this.estate = {
      tenantId: SIM_AZURE_TENANT_ID,
      subscriptionId: SIM_AZURE_SUBSCRIPTION_ID,
      pageSize,
      locations: SIM_AZURE_LOCATIONS,
      workspaces: [],
      registries: [],
      cognitiveAccounts: [],
      storageAccounts: [],
      roleAssignments: [],
      children: new Map(),
      deletingParents: new Set(),
    };
  }

  child(parent: SimAzureResource, collection: AzureChildCollection, r: SimAzureResource): SimAzureResource {
    const key = childKey(parent.body.id, collection);
    let list = this.estate.children.get(key);
    if (!list) this.estate.children.set(key, (list = []));
    list.push(r);
    return r;
  }

  deleting(r: SimAzureResource): void {
    this.estate.deletingParents.add(r.body.id.toLowerCase());
  }
}

function principalIdOf(r: SimAzureResource): string | undefined {
  const identity = r.body.identity as { principalId?: string } | undefined;
  return identity?.principalId;
}

/**
 * The small default estate (tests count on it), in three locations over four resource groups:
 * - 5 storage accounts: stmlprodeastus well configured (CMK, no public access, TLS1_2, no shared key);
 *   stmldevwesteu with public blob access, public network, TLS1_0, shared keys, ACL Allow;
 *   stmlexperiments TLS1_1 and public blobs; stfeaturestore omitting allowBlobPublicAccess, minimumTlsVersion,
 *   publicNetworkAccess and allowSharedKeyAccess; stopenaidata public network with shared keys.
 * - 5 ML workspaces: mlw-prod-eastus well configured (private, HBI, CMK, identity); mlw-dev-westeurope public,
 *   hbiWorkspace absent; mlw-research-swc public, not HBI, no identity; mlw-genai-hub (Hub) omitting
 *   publicNetworkAccess; mlw-legacy-decom "Deleting" (its child listings answer 404).
 * - 7 computes (instances with SSH open / public IPs, one sharing its applications, a cluster with a public
 *   remote login port, an attached Kubernetes compute, one instance omitting sshSettings and
 *   enableNodePublicIp), 3 online endpoints
 *   (one key-auth and public, one omitting publicNetworkAccess) with 6 deployments, 2 batch endpoints with 2
 *   deployments, 8 datastores (account-key, service principal, identity-based), 2 registries (one public).
 * - 5 Cognitive Services accounts: oai-prod-eastus well configured (outbound restricted to an FQDN list);
 *   oai-dev-swc public with local auth, unrestricted outbound and no identity; ais-foundry-westeu (AIServices)
 *   omitting publicNetworkAccess, disableLocalAuth and restrictOutboundNetworkAccess; lang-support-eastus
 *   (TextAnalytics) public with keys; oai-legacy-westeu "Deleting". 7 deployments (one naming no RAI policy),
 *   8 RAI policies (the two system ones per OpenAI account, one strict custom policy, one weak one in
 *   Asynchronous_filter mode, and a weak blocking one on the AIServices account).
 * - 8 role assignments: Owner at subscription scope to a deployment service principal, Contributor at
 *   subscription scope to a workspace's managed identity, Owner on a resource group, and resource-scoped ones.
 * Listings answer two items per page.
 */
function buildDefaultEstate(rnd: SeededRandom): AzureEstate {
  const b = new EstateBuilder(DEFAULT_AZURE_PAGE_SIZE);
  const e = b.estate;
  const st = (name: string, rg: string, location: string, profile: StorageProfile) => {
    const r = storageAccount(rnd, { name, rg, location, profile });
    e.storageAccounts.push(r);
    return r;
  };
  const stProd = st('stmlprodeastus', 'rg-ml-prod', 'eastus', { tls: 'TLS1_2', cmk: true });
  const stDev = st('stmldevwesteu', 'rg-ml-dev', 'westeurope', {
    publicBlob: true,
    publicNetwork: true,
    tls: 'TLS1_0',
    sharedKey: true,
    aclAllow: true,
  });
  const stExp = st('stmlexperiments', 'rg-ml-dev', 'swedencentral', { publicBlob: true, tls: 'TLS1_1' });
  const stFeat = st('stfeaturestore', 'rg-data', 'eastus', {
    tls: 'TLS1_2',
    omit: ['allowBlobPublicAccess', 'minimumTlsVersion', 'publicNetworkAccess', 'allowSharedKeyAccess'],
  });
  const stOai = st('stopenaidata', 'rg-openai', 'swedencentral', {
    publicNetwork: true,
    tls: 'TLS1_2',
    sharedKey: true,
  });

  const ws = (
    name: string,
    rg: string,
    location: string,
    storage: SimAzureResource,
    profile: WorkspaceProfile,
  ) => {
    const r = workspace(rnd, { name, rg, location, storageId: storage.body.id, profile });
    e.workspaces.push(r);
    if (profile.deleting) b.deleting(r);
    return r;
  };
  const wsProd = ws('mlw-prod-eastus', 'rg-ml-prod', 'eastus', stProd, {
    hbi: true,
    identity: true,
    cmk: true,
  });
  const wsDev = ws('mlw-dev-westeurope', 'rg-ml-dev', 'westeurope', stDev, {
    publicNetwork: true,
    identity: true,
    omit: ['hbiWorkspace'],
  });
  const wsResearch = ws('mlw-research-swc', 'rg-ml-dev', 'swedencentral', stExp, {
    publicNetwork: true,
    hbi: false,
  });
  const wsHub = ws('mlw-genai-hub', 'rg-ml-prod', 'eastus', stFeat, {
    kind: 'Hub',
    hbi: false,
    identity: true,
    omit: ['publicNetworkAccess', 'allowPublicAccessWhenBehindVnet'],
  });
  ws('mlw-legacy-decom', 'rg-ml-dev', 'westeurope', stDev, {
    publicNetwork: true,
    hbi: false,
    deleting: true,
  });

  const cp = (w: SimAzureResource, name: string, profile: ComputeProfile) =>
    b.child(w, 'computes', compute(rnd, { name, ws: w, profile }));
  cp(wsProd, 'ci-alice-prod', { type: 'ComputeInstance', subnet: true });
  cp(wsProd, 'cpu-cluster', { type: 'AmlCompute', subnet: true });
  cp(wsDev, 'ci-bob-dev', {
    type: 'ComputeInstance',
    publicIp: true,
    sshPublic: true,
    localAuth: true,
    shared: true,
  });
  cp(wsDev, 'gpu-cluster', { type: 'AmlCompute', publicIp: true, sshPublic: true });
  cp(wsDev, 'ci-carol-dev', {
    type: 'ComputeInstance',
    subnet: true,
    omit: ['sshSettings', 'enableNodePublicIp'],
  });
  cp(wsResearch, 'ci-dana-research', { type: 'ComputeInstance', publicIp: true });
  cp(wsHub, 'aks-inference', { type: 'Kubernetes', subnet: true });

  const oe = (
    w: SimAzureResource,
    name: string,
    profile: OnlineEndpointProfile,
    deps: [string, boolean, boolean][],
  ) => {
    const ep = b.child(
      w,
      'onlineEndpoints',
      onlineEndpoint(rnd, { name, ws: w, profile, deployments: deps.map((d) => d[0]) }),
    );
    for (const [dep, egressPublic, withModel] of deps) {
      b.child(
        ep,
        'deployments',
        onlineDeployment(rnd, { name: dep, endpoint: ep, ws: w, egressPublic, withModel }),
      );
    }
  };
  oe(wsProd, 'ep-fraud-scoring', { identity: true }, [
    ['blue', false, true],
    ['green', false, true],
  ]);
  oe(wsDev, 'ep-chatbot', { keyAuth: true, publicNetwork: true }, [['default', true, true]]);
  oe(wsDev, 'ep-summarizer', { identity: true, omit: ['publicNetworkAccess'] }, [
    ['v1', true, false],
    ['v2', false, true],
    ['v3', false, true],
  ]);

  const be = (w: SimAzureResource, name: string, dep: string, computeName: string | undefined) => {
    const ep = b.child(w, 'batchEndpoints', batchEndpoint(rnd, { name, ws: w, deployment: dep }));
    b.child(ep, 'deployments', batchDeployment(rnd, { name: dep, endpoint: ep, ws: w, computeName }));
  };
  be(wsProd, 'be-nightly-scoring', 'main', 'cpu-cluster');
  be(wsResearch, 'be-embeddings', 'mpnet', undefined);

  const ds = (
    w: SimAzureResource,
    name: string,
    kind: 'AzureBlob' | 'AzureFile' | 'AzureDataLakeGen2',
    credentials: 'AccountKey' | 'None' | 'ServicePrincipal' | 'Sas',
    account: SimAzureResource,
    isDefault = false,
  ) =>
    b.child(
      w,
      'datastores',
      datastore(rnd, { name, ws: w, kind, credentials, accountName: account.body.name, isDefault }),
    );
  ds(wsProd, 'workspaceblobstore', 'AzureBlob', 'None', stProd, true);
  ds(wsProd, 'workspaceworkingdirectory', 'AzureFile', 'AccountKey', stProd);
  ds(wsDev, 'workspaceblobstore', 'AzureBlob', 'AccountKey', stDev, true);
  ds(wsDev, 'workspacefilestore', 'AzureFile', 'AccountKey', stDev);
  ds(wsDev, 'training-data-sp', 'AzureBlob', 'ServicePrincipal', stOai);
  ds(wsResearch, 'workspaceblobstore', 'AzureBlob', 'AccountKey', stExp, true);
  ds(wsResearch, 'adls-raw', 'AzureDataLakeGen2', 'None', stFeat);
  ds(wsHub, 'workspaceblobstore', 'AzureBlob', 'Sas', stFeat, true);

  e.registries.push(
    registry(rnd, { name: 'mlr-shared-eastus', rg: 'rg-ml-prod', location: 'eastus', publicNetwork: true }),
  );
  e.registries.push(
    registry(rnd, {
      name: 'mlr-prod-westeu',
      rg: 'rg-ml-prod',
      location: 'westeurope',
      publicNetwork: false,
    }),
  );

  const ca = (name: string, rg: string, location: string, profile: CognitiveProfile) => {
    const r = cognitiveAccount(rnd, { name, rg, location, profile });
    e.cognitiveAccounts.push(r);
    if (profile.deleting) b.deleting(r);
    return r;
  };
  const oaiProd = ca('oai-prod-eastus', 'rg-openai', 'eastus', {
    kind: 'OpenAI',
    identity: true,
    cmk: true,
    restrictOutbound: true,
  });
  const oaiDev = ca('oai-dev-swc', 'rg-openai', 'swedencentral', {
    kind: 'OpenAI',
    publicNetwork: true,
    localAuth: true,
    aclAllow: true,
    storageId: stOai.body.id,
  });
  const foundry = ca('ais-foundry-westeu', 'rg-openai', 'westeurope', {
    kind: 'AIServices',
    identity: true,
    omit: ['publicNetworkAccess', 'disableLocalAuth', 'restrictOutboundNetworkAccess'],
  });
  ca('lang-support-eastus', 'rg-data', 'eastus', {
    kind: 'TextAnalytics',
    publicNetwork: true,
    localAuth: true,
    aclAllow: true,
  });
  ca('oai-legacy-westeu', 'rg-openai', 'westeurope', {
    kind: 'OpenAI',
    publicNetwork: true,
    localAuth: true,
    deleting: true,
  });

  const rai = (acct: SimAzureResource, name: string, weak = false, async = false) =>
    b.child(
      acct,
      'raiPolicies',
      raiPolicy({ name, account: acct, weak, async, system: name.startsWith('Microsoft.') }),
    );
  for (const acct of [oaiProd, oaiDev]) {
    rai(acct, 'Microsoft.Default');
    rai(acct, 'Microsoft.DefaultV2');
  }
  rai(oaiProd, 'strict-filter');
  rai(oaiDev, 'relaxed-filter', true, true);
  rai(foundry, 'Microsoft.DefaultV2');
  rai(foundry, 'foundry-lowsev', true);

  const dep = (
    acct: SimAzureResource,
    name: string,
    model: { format: string; name: string; version: string },
    raiName: string | undefined,
  ) =>
    b.child(
      acct,
      'deployments',
      cognitiveDeployment(rnd, { name, account: acct, model, raiPolicy: raiName }),
    );
  dep(oaiProd, 'gpt-4o', { format: 'OpenAI', ...OPENAI_MODELS[0] }, 'strict-filter');
  dep(oaiProd, 'embeddings', { format: 'OpenAI', ...OPENAI_MODELS[2] }, 'Microsoft.DefaultV2');
  dep(oaiDev, 'gpt-4o-mini', { format: 'OpenAI', ...OPENAI_MODELS[1] }, 'relaxed-filter');
  dep(oaiDev, 'gpt-35-turbo', { format: 'OpenAI', ...OPENAI_MODELS[3] }, undefined);
  dep(oaiDev, 'o1', { format: 'OpenAI', ...OPENAI_MODELS[4] }, 'Microsoft.DefaultV2');
  dep(foundry, 'phi-4', { format: 'Microsoft', name: 'Phi-4', version: '7' }, 'foundry-lowsev');
  dep(
    foundry,
    'mistral-large',
    { format: 'Mistral AI', name: 'Mistral-Large-2411', version: '2' },
    'Microsoft.DefaultV2',
  );

  const ra = (
    scope: string,
    role: RoleName,
    principalId: string,
    principalType: 'ServicePrincipal' | 'User' | 'Group',
    description?: string,
  ) =>
    e.roleAssignments.push(
      roleAssignment(rnd, { scope, role, principalId, principalType, ...(description && { description }) }),
    );
  ra(SUB, 'Owner', uuid(rnd), 'ServicePrincipal', 'legacy deployment pipeline');
  ra(SUB, 'Contributor', principalIdOf(wsDev)!, 'ServicePrincipal');
  ra(SUB, 'Reader', SIM_AZURE_PRINCIPALS[0]!.objectId, 'ServicePrincipal', 'aispm posture scanner');
  ra(rgId('rg-openai'), 'Owner', uuid(rnd), 'User');
  ra(wsProd.body.id, 'AzureML Data Scientist', uuid(rnd), 'Group');
  ra(stProd.body.id, 'Storage Blob Data Contributor', principalIdOf(wsProd)!, 'ServicePrincipal');
  ra(oaiProd.body.id, 'Cognitive Services OpenAI User', principalIdOf(foundry)!, 'ServicePrincipal');
  ra(oaiDev.body.id, 'Contributor', uuid(rnd), 'User');
  return e;
}

/** Shares of a sized Azure estate by kind; they add up to 1. */
const SIZED_SHARES = {
  storage: 0.06,
  workspaces: 0.05,
  computes: 0.14,
  onlineEndpoints: 0.07,
  onlineDeployments: 0.12,
  batchEndpoints: 0.03,
  batchDeployments: 0.04,
  datastores: 0.1,
  registries: 0.01,
  cognitiveAccounts: 0.05,
  cognitiveDeployments: 0.12,
  raiPolicies: 0.06,
  roleAssignments: 0.15,
} as const;
type SizedKind = keyof typeof SIZED_SHARES;

/** Counts per kind adding up to exactly `size` (largest remainder), with a parent wherever there are children. */
export function sizedAzureCounts(size: number): Record<SizedKind, number> {
  const kinds = Object.keys(SIZED_SHARES) as SizedKind[];
  const raw = kinds.map((k) => size * SIZED_SHARES[k]);
  const counts = raw.map(Math.floor);
  let left = size - counts.reduce((a, c) => a + c, 0);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left <= 0) break;
    counts[i]! += 1;
    left -= 1;
  }
  const c = Object.fromEntries(kinds.map((k, i) => [k, counts[i]!])) as Record<SizedKind, number>;
  const needsParent = (child: SizedKind, parent: SizedKind) => {
    if (c[child] > 0 && c[parent] === 0) {
      c[child] -= 1;
      c[parent] += 1;
    }
  };
  needsParent('onlineDeployments', 'onlineEndpoints');
  needsParent('batchDeployments', 'batchEndpoints');
  for (const k of ['computes', 'onlineEndpoints', 'batchEndpoints', 'datastores'] as const)
    needsParent(k, 'workspaces');
  needsParent('cognitiveDeployments', 'cognitiveAccounts');
  needsParent('raiPolicies', 'cognitiveAccounts');
  needsParent('workspaces', 'storage');
  return c;
}

function buildSizedEstate(rnd: SeededRandom, size: number): AzureEstate {
  const b = new EstateBuilder(SIZED_AZURE_PAGE_SIZE);
  const e = b.estate;
  const c = sizedAzureCounts(size);
  const rgs = ['rg-ml-prod', 'rg-ml-dev', 'rg-openai', 'rg-data'];
  const loc = (i: number) => SIM_AZURE_LOCATIONS[i % SIM_AZURE_LOCATIONS.length]!;
  const tls = ['TLS1_2', 'TLS1_0', 'TLS1_2', 'TLS1_1'] as const;
  for (let i = 0; i < c.storage; i++) {
    const profile: StorageProfile = {
      publicBlob: i % 3 === 1,
      publicNetwork: i % 2 === 1,
      tls: tls[i % 4]!,
      sharedKey: i % 4 !== 0,
      cmk: i % 5 === 0,
      aclAllow: i % 3 === 2,
      ...(i % 7 === 3 && { omit: ['allowBlobPublicAccess', 'minimumTlsVersion'] }),
    };
    e.storageAccounts.push(
      storageAccount(rnd, { name: `st${i}${rnd.hex(6)}`, rg: rgs[i % 4]!, location: loc(i), profile }),
    );
  }
  for (let i = 0; i < c.workspaces; i++) {
    const profile: WorkspaceProfile = {
      publicNetwork: i % 2 === 0,
      identity: i % 3 !== 2,
      cmk: i % 4 === 0,
      ...(i % 5 !== 4 && { hbi: i % 4 === 0 }),
      ...(i % 6 === 5 && { omit: ['publicNetworkAccess'] }),
    };
    const storage = e.storageAccounts[i % e.storageAccounts.length]!;
    e.workspaces.push(
      workspace(rnd, {
        name: `mlw-${i}-${rnd.hex(4)}`,
        rg: rgs[i % 2]!,
        location: storage.location!,
        storageId: storage.body.id,
        profile,
      }),
    );
  }
  const spread = <P>(n: number, parents: readonly P[], make: (parent: P, i: number) => void) => {
    for (let i = 0; i < n; i++) make(parents[i % parents.length]!, i);
  };
  spread(c.computes, e.workspaces, (w, i) => {
    const type = (['ComputeInstance', 'AmlCompute', 'ComputeInstance', 'Kubernetes'] as const)[i % 4]!;
    b.child(
      w,
      'computes',
      compute(rnd, {
        name: `cmp-${i}`,
        ws: w,
        profile: {
          type,
          subnet: i % 3 !== 0,
          publicIp: i % 4 === 1,
          sshPublic: i % 5 === 2,
          localAuth: i % 3 === 1,
          shared: i % 8 === 2,
        },
      }),
    );
  });
  const endpoints: [SimAzureResource, SimAzureResource][] = [];
  spread(c.onlineEndpoints, e.workspaces, (w, i) => {
    const ep = b.child(
      w,
      'onlineEndpoints',
      onlineEndpoint(rnd, {
        name: `ep-${i}`,
        ws: w,
        profile: { keyAuth: i % 2 === 0, publicNetwork: i % 3 !== 0, identity: i % 2 === 1 },
        deployments: ['blue'],
      }),
    );
    endpoints.push([ep, w]);
  });
  spread(c.onlineDeployments, endpoints, ([ep, w], i) =>
    b.child(
      ep,
      'deployments',
      onlineDeployment(rnd, {
        name: `dep-${i}`,
        endpoint: ep,
        ws: w,
        egressPublic: i % 2 === 0,
        withModel: i % 6 !== 5,
      }),
    ),
  );
  const batch: [SimAzureResource, SimAzureResource][] = [];
  spread(c.batchEndpoints, e.workspaces, (w, i) => {
    batch.push([
      b.child(w, 'batchEndpoints', batchEndpoint(rnd, { name: `be-${i}`, ws: w, deployment: 'main' })),
      w,
    ]);
  });
  spread(c.batchDeployments, batch, ([ep, w], i) =>
    b.child(
      ep,
      'deployments',
      batchDeployment(rnd, { name: `bd-${i}`, endpoint: ep, ws: w, computeName: undefined }),
    ),
  );
  spread(c.datastores, e.workspaces, (w, i) => {
    const creds = (['AccountKey', 'None', 'ServicePrincipal', 'Sas'] as const)[i % 4]!;
    const account = e.storageAccounts[i % e.storageAccounts.length]!;
    b.child(
      w,
      'datastores',
      datastore(rnd, {
        name: `ds_${i}`,
        ws: w,
        kind: 'AzureBlob',
        credentials: creds,
        accountName: account.body.name,
        isDefault: false,
      }),
    );
  });
  for (let i = 0; i < c.registries; i++) {
    e.registries.push(
      registry(rnd, {
        name: `mlr-${i}-${rnd.hex(4)}`,
        rg: 'rg-ml-prod',
        location: loc(i),
        publicNetwork: i % 2 === 0,
      }),
    );
  }
  const kinds = ['OpenAI', 'AIServices', 'OpenAI', 'TextAnalytics', 'FormRecognizer'] as const;
  for (let i = 0; i < c.cognitiveAccounts; i++) {
    const profile: CognitiveProfile = {
      kind: kinds[i % kinds.length]!,
      publicNetwork: i % 2 === 0,
      localAuth: i % 3 !== 0,
      identity: i % 4 !== 1,
      cmk: i % 5 === 0,
      aclAllow: i % 2 === 0,
      restrictOutbound: i % 3 === 0,
      ...(i % 7 === 6 && { omit: ['disableLocalAuth'] }),
    };
    e.cognitiveAccounts.push(
      cognitiveAccount(rnd, { name: `cog-${i}-${rnd.hex(4)}`, rg: 'rg-openai', location: loc(i), profile }),
    );
  }
  const policyNames = new Map<SimAzureResource, string[]>();
  spread(c.raiPolicies, e.cognitiveAccounts, (acct, i) => {
    const names = policyNames.get(acct) ?? [];
    policyNames.set(acct, names);
    // Each account's first policy is the system default, its second a custom one (every other one weak).
    const name = ['Microsoft.DefaultV2', `filter-${i}`, 'Microsoft.Default'][names.length] ?? `filter-${i}`;
    names.push(name);
    const custom = !name.startsWith('Microsoft.');
    b.child(
      acct,
      'raiPolicies',
      raiPolicy({
        name,
        account: acct,
        weak: custom && i % 2 === 0,
        async: custom && i % 4 === 0,
        system: !custom,
      }),
    );
  });
  spread(c.cognitiveDeployments, e.cognitiveAccounts, (acct, i) => {
    const model = OPENAI_MODELS[i % OPENAI_MODELS.length]!;
    b.child(
      acct,
      'deployments',
      cognitiveDeployment(rnd, {
        name: `${model.name}-${i}`,
        account: acct,
        model: { format: 'OpenAI', ...model },
        // A third name no policy; the others one of their account's policies (a default one when it has none).
        raiPolicy: i % 3 === 0 ? undefined : (policyNames.get(acct)?.at(-(i % 3)) ?? 'Microsoft.DefaultV2'),
      }),
    );
  });
  const scopes = [SUB, ...e.workspaces.map((w) => w.body.id), ...e.cognitiveAccounts.map((a) => a.body.id)];
  const roles: RoleName[] = [
    'Reader',
    'Contributor',
    'Owner',
    'AzureML Data Scientist',
    'Cognitive Services OpenAI User',
  ];
  for (let i = 0; i < c.roleAssignments; i++) {
    const principalId = uuid(rnd);
    // Every seventh grant goes to a workspace's managed identity at subscription scope.
    const workspaceIdentity =
      i % 7 === 3 && e.workspaces.length > 0
        ? principalIdOf(e.workspaces[i % e.workspaces.length]!)
        : undefined;
    e.roleAssignments.push(
      roleAssignment(rnd, {
        scope: workspaceIdentity ? SUB : scopes[i % scopes.length]!,
        role: roles[i % roles.length]!,
        principalId: workspaceIdentity ?? principalId,
        principalType: workspaceIdentity
          ? 'ServicePrincipal'
          : (['ServicePrincipal', 'User', 'Group'] as const)[i % 3]!,
      }),
    );
  }
  return e;
}

/**
 * The simulated subscription's AI estate. `size` is about how many assets to create (exactly that many,
 * spread over every kind); undefined builds the small default estate described at buildDefaultEstate.
 */
export function buildAzureEstate(seed: number, size: number | undefined): AzureEstate {
  const rnd = seededRandom(deriveSeed(seed, 'azure'));
  return size === undefined ? buildDefaultEstate(rnd) : buildSizedEstate(rnd, size);
}

/** Every resource of the estate, parents first (for tests and the health summary). */
export function allAzureResources(estate: AzureEstate): SimAzureResource[] {
  const out = [
    ...estate.storageAccounts,
    ...estate.workspaces,
    ...estate.registries,
    ...estate.cognitiveAccounts,
    ...estate.roleAssignments,
  ];
  for (const list of estate.children.values()) out.push(...list);
  return out;
}
