import { describe, expect, it } from 'vitest';
import { armTags, prop, stringProp, toArmAttributes } from './arm-attributes.mapper';
import { armIdParts, normaliseLocation } from './arm-listing';
import { assignmentScopeRelation } from './role-assignments.discoverer';

describe('toArmAttributes', () => {
  it('keeps every member as returned except tags, and never adds one', () => {
    const raw = {
      id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/w',
      name: 'w',
      location: 'eastus',
      tags: { team: 'ml' },
      properties: { publicNetworkAccess: 'Enabled', encryption: null, privateEndpointConnections: [] },
    };
    expect(toArmAttributes(raw)).toStrictEqual({
      id: raw.id,
      name: 'w',
      location: 'eastus',
      properties: { publicNetworkAccess: 'Enabled', encryption: null, privateEndpointConnections: [] },
    });
  });

  it('drops secrets wherever they appear', () => {
    const raw = {
      id: 'x',
      properties: {
        credentials: { credentialsType: 'AccountKey', secrets: { key: 'k' } },
        properties: {
          userAccountCredentials: { adminUserName: 'azureuser', adminUserPassword: 'p' },
          relayConnectionString: 'Endpoint=sb://x;SharedAccessKey=y',
        },
        list: [{ sasToken: 'sv=1', keep: 1 }],
      },
    };
    expect(toArmAttributes(raw)).toStrictEqual({
      id: 'x',
      properties: {
        credentials: { credentialsType: 'AccountKey' },
        properties: { userAccountCredentials: { adminUserName: 'azureuser' } },
        list: [{ keep: 1 }],
      },
    });
  });
});

describe('ARM helpers', () => {
  it('reads tags as strings, absent tags as an empty record', () => {
    expect(armTags({ id: 'x', tags: { a: 'b', n: 1 } })).toEqual({ a: 'b', n: '1' });
    expect(armTags({ id: 'x' })).toEqual({});
    expect(armTags({ id: 'x', tags: null })).toEqual({});
  });

  it('reads nested members without inventing them', () => {
    const r = { id: 'x', properties: { model: { assetId: 'm' }, empty: '' } };
    expect(prop(r, 'properties', 'model', 'assetId')).toBe('m');
    expect(prop(r, 'properties', 'missing', 'deeper')).toBeUndefined();
    expect(stringProp(r, 'properties', 'empty')).toBeUndefined();
  });

  it('splits an ARM id into resource group and names', () => {
    expect(
      armIdParts(
        '/subscriptions/s/resourceGroups/rg-1/providers/Microsoft.MachineLearningServices/workspaces/w/onlineEndpoints/e',
      ),
    ).toEqual({ resourceGroup: 'rg-1', names: ['w', 'e'] });
    expect(
      armIdParts('/subscriptions/s/resourcegroups/RG/providers/Microsoft.Storage/storageAccounts/st'),
    ).toEqual({
      resourceGroup: 'RG',
      names: ['st'],
    });
  });

  it('compares locations by name, whatever the spelling', () => {
    expect(normaliseLocation('West Europe')).toBe('westeurope');
    expect(normaliseLocation('swedencentral')).toBe('swedencentral');
  });

  it('links a role assignment to the resource its scope names, not to a subscription or group', () => {
    const ws = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/w';
    expect(assignmentScopeRelation(ws)).toEqual([
      { kind: 'assigned_to', toAssetType: 'azure.ml.workspace', toNativeId: ws },
    ]);
    const acct = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/a';
    expect(assignmentScopeRelation(acct)[0]?.toAssetType).toBe('azure.cognitiveservices.account');
    const st = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st';
    expect(assignmentScopeRelation(st)[0]?.toAssetType).toBe('azure.storage.account');
    expect(assignmentScopeRelation('/subscriptions/s')).toEqual([]);
    expect(assignmentScopeRelation('/subscriptions/s/resourceGroups/rg')).toEqual([]);
    expect(assignmentScopeRelation(undefined)).toEqual([]);
  });
});
