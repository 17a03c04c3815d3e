import { describe, expect, it } from 'vitest';
import { estateSizes } from '../estate';
import { AZURE_FAULT_TARGETS } from './operations';
import {
  allAzureResources,
  buildAzureEstate,
  childrenOf,
  sizedAzureCounts,
  type AzureMisconfiguration,
} from './estate';

const ALL_MISCONFIGURATIONS: AzureMisconfiguration[] = [
  'public-network-access',
  'local-auth-enabled',
  'no-managed-identity',
  'no-cmk',
  'not-hbi',
  'compute-public-ip',
  'ssh-public',
  'endpoint-key-auth',
  'egress-public',
  'weak-content-filter',
  'default-content-filter',
  'blob-public-access',
  'old-tls',
  'shared-key-access',
  'network-acl-allow',
  'datastore-account-key',
  'privileged-role',
  'outbound-unrestricted',
  'shared-applications',
  'async-content-filter',
];

describe('default Azure estate', () => {
  const e = buildAzureEstate(42, undefined);

  it('is small, fixed and paged two by two', () => {
    expect(e.pageSize).toBe(2);
    expect({
      workspaces: e.workspaces.length,
      registries: e.registries.length,
      cognitiveAccounts: e.cognitiveAccounts.length,
      storageAccounts: e.storageAccounts.length,
      roleAssignments: e.roleAssignments.length,
      all: allAzureResources(e).length,
    }).toEqual({
      workspaces: 5,
      registries: 2,
      cognitiveAccounts: 5,
      storageAccounts: 5,
      roleAssignments: 8,
      all: 68,
    });
    expect(
      new Set(
        allAzureResources(e)
          .map((r) => r.location)
          .filter(Boolean),
      ),
    ).toEqual(new Set(['eastus', 'westeurope', 'swedencentral']));
  });

  it('plants every misconfiguration at least once, and leaves security fields out on some resources', () => {
    const planted = new Set(allAzureResources(e).flatMap((r) => r.misconfigurations));
    for (const m of ALL_MISCONFIGURATIONS) expect(planted.has(m), m).toBe(true);
    const omitted = allAzureResources(e).flatMap((r) => r.omittedFields);
    expect(omitted).toEqual(
      expect.arrayContaining([
        'hbiWorkspace',
        'publicNetworkAccess',
        'disableLocalAuth',
        'minimumTlsVersion',
        'sshSettings',
        'restrictOutboundNetworkAccess',
      ]),
    );
    const dev = e.workspaces.find((w) => w.body.name === 'mlw-dev-westeurope')!;
    expect(dev.body.properties).not.toHaveProperty('hbiWorkspace');
  });

  it('varies what the Azure risk checks read: outbound restriction, application sharing, filter mode', () => {
    const account = (name: string) => e.cognitiveAccounts.find((a) => a.body.name === name)!.body.properties;
    expect(account('oai-prod-eastus')).toMatchObject({
      restrictOutboundNetworkAccess: true,
      allowedFqdnList: [expect.stringMatching(/\.blob\.core\.windows\.net$/)],
    });
    expect(account('oai-dev-swc')).toMatchObject({ restrictOutboundNetworkAccess: false });
    expect(account('oai-dev-swc')).not.toHaveProperty('allowedFqdnList');
    expect(account('ais-foundry-westeu')).not.toHaveProperty('restrictOutboundNetworkAccess');
    const computes = allAzureResources(e).filter((r) => r.body.type.endsWith('/computes'));
    const sharing = computes.map(
      (c) =>
        (c.body.properties as { properties: { applicationSharingPolicy?: string } }).properties
          .applicationSharingPolicy,
    );
    expect(sharing).toEqual(expect.arrayContaining(['Shared', 'Personal']));
    const modes = allAzureResources(e)
      .filter((r) => r.body.type.endsWith('/raiPolicies'))
      .map((r) => (r.body.properties as { mode: string }).mode);
    expect(new Set(modes)).toEqual(new Set(['Blocking', 'Asynchronous_filter']));
  });

  it('never holds a secret in a body', () => {
    const json = JSON.stringify(allAzureResources(e).map((r) => r.body));
    expect(json).not.toMatch(/"secrets"|adminUserPassword|ConnectionString"|sasToken|"accountKey"/);
  });

  it('is the same for the same seed, and marks two parents as being deleted', () => {
    expect(JSON.stringify(allAzureResources(buildAzureEstate(42, undefined)).map((r) => r.body))).toBe(
      JSON.stringify(allAzureResources(e).map((r) => r.body)),
    );
    expect(e.deletingParents.size).toBe(2);
    for (const id of e.deletingParents) expect(childrenOf(e, id, 'computes')).toEqual([]);
  });
});

describe('sized Azure estate', () => {
  it('holds exactly the asked number of assets, every kind present', () => {
    for (const size of [0, 7, 40, 1_000, 18_000]) {
      const e = buildAzureEstate(7, size);
      expect(allAzureResources(e), String(size)).toHaveLength(size);
    }
    expect(Object.values(sizedAzureCounts(1_000)).every((n) => n > 0)).toBe(true);
  });

  it('builds the Azure share of a 100k-asset estate with ARM-sized pages', () => {
    const size = estateSizes(100_000).azure!;
    const e = buildAzureEstate(42, size);
    expect(allAzureResources(e)).toHaveLength(size);
    expect(e.pageSize).toBe(100);
    const planted = new Set(allAzureResources(e).flatMap((r) => r.misconfigurations));
    expect(planted.size).toBeGreaterThan(12);
    // Nodes outside a virtual network have public IPs: the body says so.
    for (const c of allAzureResources(e).filter((r) => r.body.type.endsWith('/computes'))) {
      const p = c.body.properties as {
        computeType: string;
        properties: { subnet?: unknown; enableNodePublicIp?: boolean };
      };
      if (p.computeType !== 'Kubernetes' && !p.properties.subnet)
        expect(p.properties.enableNodePublicIp).toBe(true);
    }
  });
});

describe('Azure fault targets', () => {
  it('declares the four fault services, every operation a paged listing', () => {
    expect(Object.keys(AZURE_FAULT_TARGETS)).toEqual([
      'azure.ml',
      'azure.cognitiveservices',
      'azure.storage',
      'azure.authorization',
    ]);
    expect(AZURE_FAULT_TARGETS['azure.ml']!.operations).toContain('Compute_List');
    for (const t of Object.values(AZURE_FAULT_TARGETS)) expect(t.listingOperations).toEqual(t.operations);
  });
});
