import { defineCheck } from '../../check';
import { aiStorageVerdict } from './ai-storage';

export const storageAiAccountSharedKeyAccess = defineCheck({
  id: 'azure.storage.ai_account.shared_key_access',
  title: 'Storage account holding AI data accepts shared-key authorization',
  severity: 'medium',
  provider: 'azure',
  assetType: 'azure.storage.account',
  rationale:
    'With allowSharedKeyAccess true the account keys, and every SAS token signed with them, read and write ' +
    'all training data, model artifacts and job outputs in the account. Those keys sit in workspace key ' +
    'vaults, datastores and scripts; one leak allows silent data theft or poisoning that no Entra identity, ' +
    'RBAC role or Conditional Access policy stands in the way of.',
  reads: [
    'Microsoft.Storage/storageAccounts.properties.allowSharedKeyAccess',
    'Microsoft.MachineLearningServices/workspaces.properties.storageAccount',
    'Microsoft.CognitiveServices/accounts.properties.userOwnedStorage',
    'Microsoft.MachineLearningServices/workspaces/datastores.properties.accountName',
  ],
  remediation: {
    console:
      'Move workspaces and datastores to identity-based access, then open the storage account, Settings > ' +
      'Configuration, set "Allow storage account key access" to Disabled and save.',
    cli: 'az storage account update --name <account> --resource-group <rg> --allow-shared-key-access false',
    terraform: 'resource "azurerm_storage_account" "ml" {\n  shared_access_key_enabled = false\n}',
  },
  controls: [
    { ref: 'mitre-atlas@5.6.0:AML.T0055', relationship: 'intersects-with' },
    { ref: 'mitre-atlas@5.6.0:AML.M0005', relationship: 'intersects-with' },
    { ref: 'owasp-llm@2025:LLM04', relationship: 'intersects-with' },
    { ref: 'iso-42001@2023:A.7.2', relationship: 'intersects-with' },
    { ref: 'nist-ai-rmf@1.0:MEASURE 2.7', relationship: 'subset-of' },
    { ref: 'nist-ai-600-1@2024:GAI-2.9', relationship: 'intersects-with' },
    { ref: 'eu-ai-act@2024:Art. 15', relationship: 'intersects-with' },
  ],
  evaluate(asset, ctx) {
    // ARM documents an absent allowSharedKeyAccess as true, but that is a default, not an answer: unknown.
    return aiStorageVerdict(asset, ctx, 'allowSharedKeyAccess');
  },
});
