import { parseOutboundPolicy } from '@aispm/security';
import { describe, expect, it } from 'vitest';
import type { AzureTarget } from '../types';
import { azureClientCacheKey } from './clients';
import { azureDiscoverers, AZURE_READ_ACTIONS, azureReaderRoleDefinition } from './index';

describe('Azure least privilege', () => {
  it('lists exactly the read actions the discoverers call', () => {
    expect(AZURE_READ_ACTIONS).toEqual([
      'Microsoft.Authorization/roleAssignments/read',
      'Microsoft.CognitiveServices/accounts/deployments/read',
      'Microsoft.CognitiveServices/accounts/raiPolicies/read',
      'Microsoft.CognitiveServices/accounts/read',
      'Microsoft.MachineLearningServices/registries/read',
      'Microsoft.MachineLearningServices/workspaces/batchEndpoints/deployments/read',
      'Microsoft.MachineLearningServices/workspaces/batchEndpoints/read',
      'Microsoft.MachineLearningServices/workspaces/computes/read',
      'Microsoft.MachineLearningServices/workspaces/datastores/read',
      'Microsoft.MachineLearningServices/workspaces/onlineEndpoints/deployments/read',
      'Microsoft.MachineLearningServices/workspaces/onlineEndpoints/read',
      'Microsoft.MachineLearningServices/workspaces/read',
      'Microsoft.Storage/storageAccounts/read',
    ]);
    for (const d of azureDiscoverers) {
      const actions = (d as { actions?: string[] }).actions ?? [];
      expect(actions.length, d.service).toBeGreaterThan(0);
      for (const a of actions) expect(AZURE_READ_ACTIONS).toContain(a);
    }
    // Nothing that reads data or keys.
    expect(AZURE_READ_ACTIONS.some((a) => /listKeys|\/action$|\*|write|delete/i.test(a))).toBe(false);
  });

  it('builds a custom role assignable at subscription scope', () => {
    const role = azureReaderRoleDefinition(['8c0e5a2f-6d1b-4c3e-a7f9-2b4d6e8f0a1c']);
    expect(role).toEqual({
      Name: 'aispm AI posture reader',
      IsCustom: true,
      Description: expect.any(String),
      Actions: [...AZURE_READ_ACTIONS],
      NotActions: [],
      DataActions: [],
      NotDataActions: [],
      AssignableScopes: ['/subscriptions/8c0e5a2f-6d1b-4c3e-a7f9-2b4d6e8f0a1c'],
    });
    expect(azureReaderRoleDefinition().AssignableScopes).toEqual(['/subscriptions/<subscription-id>']);
  });
});

describe('azureClientCacheKey', () => {
  const target: AzureTarget = {
    provider: 'azure',
    subscriptionId: 'sub',
    region: 'global',
    locations: [],
    credentials: { kind: 'client_secret', tenantId: 't', clientId: 'c', clientSecret: 'super-secret-value' },
  };

  it('holds no secret, yet changes when the secret, CA or endpoint changes', () => {
    const key = azureClientCacheKey(target);
    expect(key).not.toContain('super-secret-value');
    expect(azureClientCacheKey(target)).toBe(key);
    expect(
      azureClientCacheKey({
        ...target,
        credentials: { ...target.credentials, clientSecret: 'rotated-secret' },
      }),
    ).not.toBe(key);
    expect(azureClientCacheKey({ ...target, caCertificate: '-----BEGIN CERTIFICATE-----x' })).not.toBe(key);
    expect(azureClientCacheKey({ ...target, endpoint: 'https://arm.example.test' })).not.toBe(key);
    expect(azureClientCacheKey(target, { maxAttempts: 1 })).not.toBe(key);
    const loopback = azureClientCacheKey({ ...target, outbound: parseOutboundPolicy('127.0.0.0/8') });
    expect(loopback).not.toBe(key);
    expect(azureClientCacheKey({ ...target, outbound: parseOutboundPolicy('') })).not.toBe(loopback);
  });
});
