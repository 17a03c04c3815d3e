import { startSimulator, type RunningSimulator, type SimulatorOptions } from '@aispm/cloud-sim';
import type { TAssetRecord, TAzureCredentials, TDiscoveredAsset } from '@aispm/contracts';
import { parseOutboundPolicy } from '@aispm/security';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The Azure demo principals and estate helpers; see the report: '@aispm/cloud-sim' should re-export them.
import {
  SIM_AZURE_CLIENT_ID,
  SIM_AZURE_CLIENT_SECRET,
  SIM_AZURE_NOROLE_CLIENT_ID,
  SIM_AZURE_NOROLE_CLIENT_SECRET,
  SIM_AZURE_SUBSCRIPTION_ID,
  SIM_AZURE_TENANT_ID,
} from '../../../../apps/cloud-sim/src/azure/credentials';
import {
  childrenOf,
  type AzureChildCollection,
  type AzureEstate,
  type SimAzureResource,
} from '../../../../apps/cloud-sim/src/azure/estate';
import { ConnectorError, type AzureTarget, type DiscoveryOptions, type ServiceDiscoverer } from '../types';
import { closeAzureClients } from './clients';
import { testAzureConnection } from './connection-test';
import {
  azureCognitiveAccountsDiscoverer,
  azureCognitiveDeploymentsDiscoverer,
  azureCognitiveRaiPoliciesDiscoverer,
  azureDiscoverers,
  azureMlBatchEndpointsDiscoverer,
  azureMlComputesDiscoverer,
  azureMlDatastoresDiscoverer,
  azureMlOnlineEndpointsDiscoverer,
  azureMlRegistriesDiscoverer,
  azureMlWorkspacesDiscoverer,
  azureRoleAssignmentsDiscoverer,
  azureStorageAccountsDiscoverer,
} from './index';

const demo: TAzureCredentials = {
  kind: 'client_secret',
  tenantId: SIM_AZURE_TENANT_ID,
  clientId: SIM_AZURE_CLIENT_ID,
  clientSecret: SIM_AZURE_CLIENT_SECRET,
};

function targetFor(sim: RunningSimulator, overrides: Partial<AzureTarget> = {}): AzureTarget {
  const azure = sim.azure!;
  return {
    provider: 'azure',
    subscriptionId: SIM_AZURE_SUBSCRIPTION_ID,
    region: 'global',
    locations: [],
    endpoint: azure.url,
    caCertificate: azure.caCertificate,
    credentials: { ...demo, authorityHost: azure.tokenUrl },
    ...overrides,
  };
}

function withCredentials(sim: RunningSimulator, c: Partial<TAzureCredentials>): AzureTarget {
  const base = targetFor(sim);
  return { ...base, credentials: { ...base.credentials, ...c } };
}

async function collect(
  d: ServiceDiscoverer<'azure'>,
  target: AzureTarget,
  opts?: DiscoveryOptions,
): Promise<TAssetRecord[][]> {
  const pages: TAssetRecord[][] = [];
  for await (const page of d.discover(target, opts)) pages.push(fullRecords(page));
  return pages;
}

/** ARM listings return whole bodies: an Azure discoverer never reports a resource as merely unchanged. */
function fullRecords(page: TDiscoveredAsset[]): TAssetRecord[] {
  return page.map((a) => {
    if ('unchanged' in a) throw new Error(`${a.nativeId} came back as unchanged`);
    return a;
  });
}

async function failure(
  d: ServiceDiscoverer<'azure'>,
  target: AzureTarget,
  opts?: DiscoveryOptions,
): Promise<{ error: ConnectorError; pages: number[] }> {
  const pages: number[] = [];
  try {
    for await (const page of d.discover(target, opts)) pages.push(page.length);
  } catch (error) {
    if (error instanceof ConnectorError) return { error, pages };
    throw error;
  }
  throw new Error('the discovery was expected to fail');
}

async function withSimulator<T>(
  options: SimulatorOptions,
  fn: (sim: RunningSimulator) => Promise<T>,
): Promise<T> {
  const sim = await startSimulator({ port: 0, ...options });
  try {
    return await fn(sim);
  } finally {
    closeAzureClients();
    await sim.close();
  }
}

const isLive = (e: AzureEstate, r: SimAzureResource) => !e.deletingParents.has(r.body.id.toLowerCase());

/** Children of every live parent, in estate order. */
function childrenOfAll(
  e: AzureEstate,
  parents: readonly SimAzureResource[],
  collection: AzureChildCollection,
): SimAzureResource[] {
  return parents.filter((p) => isLive(e, p)).flatMap((p) => childrenOf(e, p.body.id, collection));
}

/** What each discoverer must return for the default estate, by asset type. */
function expectedByType(e: AzureEstate): Record<string, SimAzureResource[]> {
  const onlineEndpoints = childrenOfAll(e, e.workspaces, 'onlineEndpoints');
  const batchEndpoints = childrenOfAll(e, e.workspaces, 'batchEndpoints');
  return {
    'azure.ml.workspace': e.workspaces,
    'azure.ml.compute': childrenOfAll(e, e.workspaces, 'computes'),
    'azure.ml.online_endpoint': onlineEndpoints,
    'azure.ml.online_deployment': childrenOfAll(e, onlineEndpoints, 'deployments'),
    'azure.ml.batch_endpoint': batchEndpoints,
    'azure.ml.batch_deployment': childrenOfAll(e, batchEndpoints, 'deployments'),
    'azure.ml.datastore': childrenOfAll(e, e.workspaces, 'datastores'),
    'azure.ml.registry': e.registries,
    'azure.cognitiveservices.account': e.cognitiveAccounts,
    'azure.cognitiveservices.deployment': childrenOfAll(e, e.cognitiveAccounts, 'deployments'),
    'azure.cognitiveservices.rai_policy': childrenOfAll(e, e.cognitiveAccounts, 'raiPolicies'),
    'azure.storage.account': e.storageAccounts,
    'azure.authorization.role_assignment': e.roleAssignments,
  };
}

const withoutTags = (body: Record<string, unknown>) => {
  const { tags: _tags, ...rest } = body;
  return rest;
};

describe('Azure discoverers through the real SDKs against cloud-sim (HTTPS, Entra ID tokens)', () => {
  let sim: RunningSimulator;
  let everything: Map<string, TAssetRecord[]>;

  beforeAll(async () => {
    sim = await startSimulator({ port: 0 });
    everything = new Map();
    for (const d of azureDiscoverers) everything.set(d.service, (await collect(d, targetFor(sim))).flat());
  });
  afterAll(async () => {
    closeAzureClients();
    await sim.close();
  });
  const all = () => [...everything.values()].flat();

  it('registers one global listing per resource kind, each complete for exact asset types', () => {
    expect(azureDiscoverers.map((d) => [d.service, d.scope, d.assetTypes])).toEqual([
      ['azure.ml.workspaces', 'global', ['azure.ml.workspace']],
      ['azure.ml.computes', 'global', ['azure.ml.compute']],
      ['azure.ml.online_endpoints', 'global', ['azure.ml.online_endpoint', 'azure.ml.online_deployment']],
      ['azure.ml.batch_endpoints', 'global', ['azure.ml.batch_endpoint', 'azure.ml.batch_deployment']],
      ['azure.ml.datastores', 'global', ['azure.ml.datastore']],
      ['azure.ml.registries', 'global', ['azure.ml.registry']],
      ['azure.cognitiveservices.accounts', 'global', ['azure.cognitiveservices.account']],
      ['azure.cognitiveservices.deployments', 'global', ['azure.cognitiveservices.deployment']],
      ['azure.cognitiveservices.rai_policies', 'global', ['azure.cognitiveservices.rai_policy']],
      ['azure.storage.accounts', 'global', ['azure.storage.account']],
      ['azure.authorization.role_assignments', 'global', ['azure.authorization.role_assignment']],
    ]);
  });

  it('returns every resource of every kind exactly once, with the id exactly as ARM returned it', () => {
    const expected = expectedByType(sim.estate.azure);
    const records = all();
    for (const [type, resources] of Object.entries(expected)) {
      expect(resources.length, type).toBeGreaterThan(0);
      const got = records.filter((r) => r.assetType === type);
      expect(got.map((r) => r.nativeId).sort(), type).toEqual(resources.map((r) => r.body.id).sort());
    }
    expect(new Set(records.map((r) => r.nativeId)).size).toBe(records.length);
    expect(records).toHaveLength(Object.values(expected).flat().length);
  });

  it('follows nextLink through several pages of every subscription-wide and per-parent listing', async () => {
    const e = sim.estate.azure;
    expect(e.pageSize).toBe(2);
    const pages = await collect(azureStorageAccountsDiscoverer, targetFor(sim));
    expect(pages.map((p) => p.length)).toEqual([2, 2, 1]);
    // mlw-dev-westeurope has 3 computes: its listing alone takes two pages.
    const dev = e.workspaces.find((w) => w.body.name === 'mlw-dev-westeurope')!;
    expect(childrenOf(e, dev.body.id, 'computes')).toHaveLength(3);
    const computes = await collect(azureMlComputesDiscoverer, targetFor(sim));
    expect(computes.map((p) => p.length)).toEqual([2, 2, 1, 1, 1]);
  });

  it('keeps the body as ARM sent it (minus tags): no SDK defaults, no renamed members', () => {
    const byId = new Map(all().map((r) => [r.nativeId, r]));
    for (const resource of Object.values(expectedByType(sim.estate.azure)).flat()) {
      const record = byId.get(resource.body.id)!;
      expect(record.attributes, resource.body.id).toStrictEqual(withoutTags(resource.body));
      expect(record.tags).toEqual(resource.body.tags ?? {});
      expect(record.name).toBe(resource.body.name);
      // Children without a location (datastores, Cognitive deployments) take their parent's.
      if (resource.location) expect(record.region).toBe(resource.location);
      else expect([...sim.estate.azure.locations, 'global']).toContain(record.region);
    }
  });

  it('leaves security fields absent when ARM did not return them, where the SDK would fill a default', () => {
    const records = everything.get('azure.ml.workspaces')!;
    const dev = records.find((r) => r.name === 'mlw-dev-westeurope')!;
    const props = dev.attributes.properties as Record<string, unknown>;
    // The SDK model reports hbiWorkspace: false for this workspace; ARM never said so.
    expect(props).not.toHaveProperty('hbiWorkspace');
    const hub = records.find((r) => r.name === 'mlw-genai-hub')!;
    expect(hub.attributes.properties).not.toHaveProperty('publicNetworkAccess');
    expect(hub.attributes.properties).not.toHaveProperty('allowPublicAccessWhenBehindVnet');
    const research = records.find((r) => r.name === 'mlw-research-swc')!;
    expect(research.attributes).not.toHaveProperty('identity');
    expect(research.attributes.properties).toMatchObject({
      hbiWorkspace: false,
      publicNetworkAccess: 'Enabled',
    });

    const storage = everything.get('azure.storage.accounts')!.find((r) => r.name === 'stfeaturestore')!;
    for (const field of [
      'allowBlobPublicAccess',
      'minimumTlsVersion',
      'publicNetworkAccess',
      'allowSharedKeyAccess',
    ]) {
      expect(storage.attributes.properties, field).not.toHaveProperty(field);
    }
    const foundry = everything
      .get('azure.cognitiveservices.accounts')!
      .find((r) => r.name === 'ais-foundry-westeu')!;
    expect(foundry.attributes.properties).not.toHaveProperty('disableLocalAuth');
    expect(foundry.attributes.properties).not.toHaveProperty('publicNetworkAccess');
    const carol = everything.get('azure.ml.computes')!.find((r) => r.name === 'ci-carol-dev')!;
    expect((carol.attributes.properties as { properties: object }).properties).not.toHaveProperty(
      'sshSettings',
    );
  });

  it('shows the planted misconfigurations as returned', () => {
    const account = (name: string) =>
      everything.get('azure.cognitiveservices.accounts')!.find((r) => r.name === name)!.attributes;
    expect(account('oai-dev-swc')).toMatchObject({
      kind: 'OpenAI',
      properties: {
        publicNetworkAccess: 'Enabled',
        disableLocalAuth: false,
        networkAcls: { defaultAction: 'Allow' },
      },
    });
    expect(account('oai-dev-swc')).not.toHaveProperty('identity');
    expect(account('oai-prod-eastus')).toMatchObject({
      identity: { type: 'SystemAssigned' },
      properties: {
        publicNetworkAccess: 'Disabled',
        disableLocalAuth: true,
        encryption: { keySource: 'Microsoft.KeyVault' },
      },
    });
    const storage = everything.get('azure.storage.accounts')!.find((r) => r.name === 'stmldevwesteu')!;
    expect(storage.attributes.properties).toMatchObject({
      allowBlobPublicAccess: true,
      publicNetworkAccess: 'Enabled',
      minimumTlsVersion: 'TLS1_0',
      allowSharedKeyAccess: true,
      encryption: { keySource: 'Microsoft.Storage' },
    });
    const bob = everything.get('azure.ml.computes')!.find((r) => r.name === 'ci-bob-dev')!;
    expect(bob.attributes.properties).toMatchObject({
      computeType: 'ComputeInstance',
      disableLocalAuth: false,
      properties: { enableNodePublicIp: true, sshSettings: { sshPublicAccess: 'Enabled' } },
    });
    const relaxed = everything
      .get('azure.cognitiveservices.rai_policies')!
      .find((r) => r.name === 'relaxed-filter')!;
    const filters = (
      relaxed.attributes.properties as { contentFilters: { enabled: boolean; severityThreshold?: string }[] }
    ).contentFilters;
    expect(filters.some((f) => !f.enabled)).toBe(true);
    expect(filters.some((f) => f.severityThreshold === 'High')).toBe(true);
    const owner = everything
      .get('azure.authorization.role_assignments')!
      .find(
        (r) =>
          (r.attributes.properties as { description?: string }).description === 'legacy deployment pipeline',
      )!;
    expect(owner.attributes.properties).toMatchObject({
      roleDefinitionId: expect.stringMatching(/8e3af657-a8ff-443c-a75c-2fe8c4bcb635$/),
      principalType: 'ServicePrincipal',
      scope: `/subscriptions/${SIM_AZURE_SUBSCRIPTION_ID}`,
    });
  });

  it('never returns a datastore secret: only the credential type', () => {
    const datastores = everything.get('azure.ml.datastores')!;
    expect(datastores.length).toBeGreaterThan(0);
    for (const d of datastores) {
      const json = JSON.stringify(d.attributes);
      expect(json).not.toMatch(/"secrets"|"accountKey"|"sasToken"|"clientSecret"/);
      expect(
        (d.attributes.properties as { credentials: { credentialsType: string } }).credentials.credentialsType,
      ).toMatch(/AccountKey|None|ServicePrincipal|Sas/);
    }
  });

  it('declares relations that resolve to listed assets: part_of, uses_storage, uses_guardrail, assigned_to', () => {
    const records = all();
    const ids = new Set(records.map((r) => r.nativeId));
    const rel = (type: string, kind: string) =>
      records
        .filter((r) => r.assetType === type)
        .flatMap((r) => (r.relations ?? []).filter((x) => x.kind === kind));
    for (const [type, kind, target] of [
      ['azure.ml.compute', 'part_of', 'azure.ml.workspace'],
      ['azure.ml.online_endpoint', 'part_of', 'azure.ml.workspace'],
      ['azure.ml.datastore', 'part_of', 'azure.ml.workspace'],
      ['azure.ml.batch_endpoint', 'part_of', 'azure.ml.workspace'],
      ['azure.cognitiveservices.deployment', 'part_of', 'azure.cognitiveservices.account'],
      ['azure.cognitiveservices.rai_policy', 'part_of', 'azure.cognitiveservices.account'],
      ['azure.ml.workspace', 'uses_storage', 'azure.storage.account'],
      ['azure.cognitiveservices.deployment', 'uses_guardrail', 'azure.cognitiveservices.rai_policy'],
      ['azure.authorization.role_assignment', 'assigned_to', undefined],
    ] as const) {
      const edges = rel(type, kind);
      expect(edges.length, `${type} ${kind}`).toBeGreaterThan(0);
      for (const e of edges) {
        if (target) expect(e.toAssetType).toBe(target);
        expect(ids.has(e.toNativeId), `${type} ${kind} ${e.toNativeId}`).toBe(true);
      }
    }
    const deployment = records.find(
      (r) => r.assetType === 'azure.ml.online_deployment' && r.name === 'blue',
    )!;
    expect(deployment.relations?.map((r) => [r.kind, r.toAssetType])).toEqual([
      ['part_of', 'azure.ml.online_endpoint'],
      ['part_of', 'azure.ml.workspace'],
      ['uses_model', 'azure.ml.model'],
    ]);
    expect(deployment.relations![2]!.toNativeId).toBe(
      (deployment.attributes.properties as { model: string }).model,
    );
    // v1 of ep-summarizer names no model: no edge.
    const v1 = records.find((r) => r.assetType === 'azure.ml.online_deployment' && r.name === 'v1')!;
    expect(v1.relations?.some((r) => r.kind === 'uses_model')).toBe(false);
    // A deployment without raiPolicyName runs the default filter: no guardrail edge, and no invented field.
    const turbo = records.find((r) => r.name === 'gpt-35-turbo')!;
    expect(turbo.relations?.map((r) => r.kind)).toEqual(['part_of']);
    expect(turbo.attributes.properties).not.toHaveProperty('raiPolicyName');
  });

  it('lists batch endpoints then their deployments, each deployment linked to its endpoint and model', async () => {
    const records = (await collect(azureMlBatchEndpointsDiscoverer, targetFor(sim))).flat();
    expect(records.map((r) => [r.assetType, r.name])).toEqual([
      ['azure.ml.batch_endpoint', 'be-nightly-scoring'],
      ['azure.ml.batch_deployment', 'main'],
      ['azure.ml.batch_endpoint', 'be-embeddings'],
      ['azure.ml.batch_deployment', 'mpnet'],
    ]);
    const main = records[1]!;
    const model = (main.attributes.properties as { model: { assetId: string } }).model.assetId;
    expect(main.relations).toEqual([
      { kind: 'part_of', toAssetType: 'azure.ml.batch_endpoint', toNativeId: records[0]!.nativeId },
      {
        kind: 'part_of',
        toAssetType: 'azure.ml.workspace',
        toNativeId: expect.stringMatching(/workspaces\/mlw-prod-eastus$/),
      },
      { kind: 'uses_model', toAssetType: 'azure.ml.model', toNativeId: model },
    ]);
  });

  it('skips the children of a resource being deleted (its listings answer 404) and still lists the rest', () => {
    const e = sim.estate.azure;
    expect(e.deletingParents.size).toBe(2);
    const decom = e.workspaces.find((w) => e.deletingParents.has(w.body.id.toLowerCase()))!;
    expect(everything.get('azure.ml.workspaces')!.some((r) => r.nativeId === decom.body.id)).toBe(true);
    expect(
      all().some((r) => r.relations?.some((x) => x.kind === 'part_of' && x.toNativeId === decom.body.id)),
    ).toBe(false);
  });

  it('skips a workspace deleted between the workspace listing and its compute listing', async () => {
    const e = sim.estate.azure;
    const dev = e.workspaces.find((w) => w.body.name === 'mlw-dev-westeurope')!;
    const pages: TAssetRecord[][] = [];
    // The workspace listing still shows mlw-dev-westeurope; its compute listing answers 404 (deleted since).
    e.deletingParents.add(dev.body.id.toLowerCase());
    try {
      for await (const page of azureMlComputesDiscoverer.discover(targetFor(sim))) {
        pages.push(fullRecords(page));
      }
    } finally {
      e.deletingParents.delete(dev.body.id.toLowerCase());
    }
    // Workspaces are listed several at once: pages arrive in the order their listings finish.
    const names = pages.flat().map((r) => r.name);
    expect(names.sort()).toEqual(['aks-inference', 'ci-alice-prod', 'ci-dana-research', 'cpu-cluster']);
  });

  it('keeps only the target locations, children following their parent', async () => {
    const target = targetFor(sim, { locations: ['westeurope'] });
    const records: TAssetRecord[] = [];
    for (const d of azureDiscoverers) records.push(...(await collect(d, target)).flat());
    const regional = records.filter((r) => r.assetType !== 'azure.authorization.role_assignment');
    expect(regional.length).toBeGreaterThan(5);
    expect(new Set(regional.map((r) => r.region))).toEqual(new Set(['westeurope']));
    expect(regional.map((r) => r.name)).toEqual(
      expect.arrayContaining([
        'mlw-dev-westeurope',
        'ci-bob-dev',
        'ep-chatbot',
        'ais-foundry-westeu',
        'phi-4',
      ]),
    );
    // Cognitive deployments carry no location: they follow their account's.
    expect(records.some((r) => r.name === 'gpt-4o')).toBe(false);
    // Role assignments are not regional: all of them are kept.
    expect(records.filter((r) => r.assetType === 'azure.authorization.role_assignment')).toHaveLength(
      sim.estate.azure.roleAssignments.length,
    );
    const two = targetFor(sim, { locations: ['eastus', 'swedencentral'] });
    const accounts = (await collect(azureCognitiveAccountsDiscoverer, two)).flat();
    expect(accounts.map((a) => a.name).sort()).toEqual([
      'lang-support-eastus',
      'oai-dev-swc',
      'oai-prod-eastus',
    ]);
  });

  it('fails with InvalidCredentials naming the client and tenant when the secret is wrong, never the secret', async () => {
    const secret = 'wrong-secret-for-the-demo-principal';
    for (const d of [azureMlWorkspacesDiscoverer, azureStorageAccountsDiscoverer]) {
      const { error, pages } = await failure(d, withCredentials(sim, { clientSecret: secret }));
      expect(pages).toEqual([]);
      expect(error).toMatchObject({ code: 'InvalidCredentials', retryable: false, service: d.service });
      expect(error.message).toContain(`client ${SIM_AZURE_CLIENT_ID} in tenant ${SIM_AZURE_TENANT_ID}`);
      expect(error.message).toContain('AADSTS7000215');
      expect(error.message).not.toContain(secret);
    }
  });

  it('fails with InvalidCredentials when the client id is unknown or the tenant does not exist', async () => {
    const unknownClient = await failure(
      azureMlRegistriesDiscoverer,
      withCredentials(sim, { clientId: '0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9' }),
    );
    expect(unknownClient.error.code).toBe('InvalidCredentials');
    expect(unknownClient.error.message).toMatch(/not registered in this tenant \(AADSTS700016/);
    const unknownTenant = await failure(
      azureMlRegistriesDiscoverer,
      withCredentials(sim, { tenantId: '00000000-1111-4222-8333-444444444444' }),
    );
    expect(unknownTenant.error.code).toBe('InvalidCredentials');
    expect(unknownTenant.error.message).toMatch(/tenant does not exist \(AADSTS90002/);
  });

  it('fails with AccessDenied naming the missing action for a principal without a role', async () => {
    const target = withCredentials(sim, {
      clientId: SIM_AZURE_NOROLE_CLIENT_ID,
      clientSecret: SIM_AZURE_NOROLE_CLIENT_SECRET,
    });
    const cases: [ServiceDiscoverer<'azure'>, string][] = [
      [azureMlWorkspacesDiscoverer, 'Microsoft.MachineLearningServices/workspaces/read'],
      [azureMlOnlineEndpointsDiscoverer, 'Microsoft.MachineLearningServices/workspaces/read'],
      [azureMlRegistriesDiscoverer, 'Microsoft.MachineLearningServices/registries/read'],
      [azureCognitiveDeploymentsDiscoverer, 'Microsoft.CognitiveServices/accounts/read'],
      [azureStorageAccountsDiscoverer, 'Microsoft.Storage/storageAccounts/read'],
      [azureRoleAssignmentsDiscoverer, 'Microsoft.Authorization/roleAssignments/read'],
    ];
    for (const [d, action] of cases) {
      const { error, pages } = await failure(d, target);
      expect(pages).toEqual([]);
      expect(error).toMatchObject({ code: 'AccessDenied', retryable: false });
      expect(error.message, d.service).toMatch(
        new RegExp(
          `^The service principal \\(client ${SIM_AZURE_NOROLE_CLIENT_ID} .*\\) lacks ${action} on /subscriptions/`,
        ),
      );
    }
  });

  it('fails with a clear Unavailable when the CA certificate is not given', async () => {
    const { error } = await failure(
      azureCognitiveRaiPoliciesDiscoverer,
      targetFor(sim, { caCertificate: undefined }),
    );
    expect(error.code).toBe('Unavailable');
    expect(error.message).toMatch(
      /TLS certificate of https:\/\/127\.0\.0\.1:\d+ is not trusted .*give the account the CA certificate/,
    );
  });

  it('connects through the SSRF guard: a host resolving to a refused address is never reached', async () => {
    const viaName = (url: string) => url.replace('127.0.0.1', 'localhost');
    const base = targetFor(sim);
    const named: AzureTarget = {
      ...base,
      endpoint: viaName(base.endpoint!),
      credentials: { ...base.credentials, authorityHost: viaName(base.credentials.authorityHost!) },
    };
    // Loopback allowed: the certificate also names localhost, and the listing goes through.
    const allowed = await collect(azureMlRegistriesDiscoverer, {
      ...named,
      outbound: parseOutboundPolicy('127.0.0.0/8,::1/128'),
    });
    expect(allowed.flat()).toHaveLength(sim.estate.azure.registries.length);
    // Public addresses only: localhost resolves to loopback, so neither Entra ID nor ARM is contacted.
    const { error } = await failure(azureMlRegistriesDiscoverer, {
      ...named,
      outbound: parseOutboundPolicy(''),
    });
    expect(error).toMatchObject({ code: 'Unavailable', retryable: false });
    expect(error.message).toMatch(/^https:\/\/localhost:\d+ is refused by the outbound address policy: /);
  });

  it('stops with Aborted when the caller aborts', async () => {
    const controller = new AbortController();
    const pages: number[] = [];
    let caught: unknown;
    try {
      for await (const page of azureMlDatastoresDiscoverer.discover(targetFor(sim), {
        signal: controller.signal,
      })) {
        pages.push(page.length);
        controller.abort();
      }
    } catch (err) {
      caught = err;
    }
    expect(pages).toEqual([2]);
    expect(caught).toMatchObject({ name: 'ConnectorError', code: 'Aborted', retryable: false });
  });

  it('proves a connection with a token and one listing, naming what is missing otherwise', async () => {
    expect(await testAzureConnection(targetFor(sim))).toEqual({ ok: true });
    const wrong = await testAzureConnection(withCredentials(sim, { clientSecret: 'definitely-not-it' }));
    expect(wrong).toMatchObject({ ok: false, code: 'InvalidCredentials' });
    expect(JSON.stringify(wrong)).not.toContain('definitely-not-it');
    const noRole = await testAzureConnection(
      withCredentials(sim, {
        clientId: SIM_AZURE_NOROLE_CLIENT_ID,
        clientSecret: SIM_AZURE_NOROLE_CLIENT_SECRET,
      }),
    );
    expect(noRole).toMatchObject({ ok: false, code: 'AccessDenied' });
    expect(noRole.ok === false && noRole.message).toContain(
      'Microsoft.MachineLearningServices/workspaces/read',
    );
    const noCa = await testAzureConnection(targetFor(sim, { caCertificate: undefined }));
    expect(noCa).toMatchObject({ ok: false, code: 'Unavailable' });
    expect(noCa.ok === false && noCa.message).toContain('is not trusted');
  });
});

describe('Azure discoverers under injected faults', () => {
  it('reports a retryable Throttled error when ARM keeps answering 429 and the SDK may not retry', async () => {
    await withSimulator(
      { faults: [{ service: 'azure.storage', kind: 'throttle', rate: 1 }] },
      async (sim) => {
        const { error } = await failure(azureStorageAccountsDiscoverer, targetFor(sim), { maxAttempts: 1 });
        expect(error).toMatchObject({
          code: 'Throttled',
          retryable: true,
          operation: 'StorageAccounts_List',
        });
        expect(error.message).toContain('TooManyRequests');
      },
    );
  });

  it('gets every role assignment through throttling thanks to Retry-After and the SDK retries', async () => {
    const lines: string[] = [];
    const faults: SimulatorOptions['faults'] = [
      { service: 'azure.authorization', kind: 'throttle', rate: 0.3 },
    ];
    await withSimulator({ faults, log: (l) => lines.push(l) }, async (sim) => {
      const pages = await collect(azureRoleAssignmentsDiscoverer, targetFor(sim), { maxAttempts: 8 });
      expect(pages.map((p) => p.length)).toEqual([2, 2, 2, 2]);
      expect(
        pages
          .flat()
          .map((r) => r.nativeId)
          .sort(),
      ).toEqual(sim.estate.azure.roleAssignments.map((r) => r.body.id).sort());
    });
    expect(lines.filter((l) => l.includes('429 TooManyRequests')).length).toBeGreaterThan(0);
  });

  it('yields only whole parents before a failing page, then fails with a retryable Unavailable naming the listing', async () => {
    const faults: SimulatorOptions['faults'] = [
      { service: 'azure.ml', operation: 'Compute_List', kind: 'fail-page', page: 2 },
    ];
    await withSimulator({ faults }, async (sim) => {
      const { error, pages } = await failure(azureMlComputesDiscoverer, targetFor(sim), { maxAttempts: 1 });
      // mlw-dev-westeurope's second page fails. Workspaces are listed several at once and each one's computes
      // are yielded only once its listing is whole: what came before is whole workspaces, never a part of one.
      const complete = [...sim.estate.azure.children]
        .filter(([key]) => key.endsWith('|computes'))
        .reduce((n, [, list]) => n + list.length, 0);
      expect(complete).toBeGreaterThan(4);
      expect(pages.reduce((a, b) => a + b, 0)).toBeLessThan(complete);
      expect(error).toMatchObject({ code: 'Unavailable', retryable: true, operation: 'Compute_List' });
      expect(error.message).toContain('InternalServerError');
    });
  });

  it('lists the children of several parents at once, not one parent after another', async () => {
    const faults: SimulatorOptions['faults'] = [
      { service: 'azure.ml', operation: 'Compute_List', kind: 'latency', ms: 1000 },
    ];
    await withSimulator({ faults }, async (sim) => {
      const workspaces = sim.estate.azure.workspaces.length;
      expect(workspaces).toBeGreaterThanOrEqual(3);
      const started = performance.now();
      const records = (await collect(azureMlComputesDiscoverer, targetFor(sim))).flat();
      const seconds = (performance.now() - started) / 1000;
      expect(records.length).toBeGreaterThan(0);
      // One workspace after another would take at least a second per workspace.
      expect(seconds).toBeLessThan(workspaces - 0.5);
    });
  });

  it('fails the whole listing, never a silently short one, when a subscription-wide page fails', async () => {
    const faults: SimulatorOptions['faults'] = [
      { service: 'azure.cognitiveservices', operation: 'Accounts_List', kind: 'fail-page', page: 3 },
    ];
    await withSimulator({ faults }, async (sim) => {
      const { error, pages } = await failure(azureCognitiveAccountsDiscoverer, targetFor(sim), {
        maxAttempts: 1,
      });
      expect(pages).toEqual([2, 2]);
      expect(error).toMatchObject({ code: 'Unavailable', operation: 'Accounts_List' });
    });
  });
});
