import { defineCheck } from '../../check';
import { aiStorageVerdict } from './ai-storage';

export const storageAiAccountPublicBlobAccess = defineCheck({
  id: 'azure.storage.ai_account.public_blob_access',
  title: 'Storage account holding AI data allows anonymous public blob access',
  severity: 'high',
  provider: 'azure',
  assetType: 'azure.storage.account',
  rationale:
    'The account is the default storage of a Machine Learning workspace, the user-owned storage of an AI ' +
    'Services account, or behind a datastore: it holds training data, model artifacts, job outputs and ' +
    'uploaded files. With allowBlobPublicAccess true any container can be switched to anonymous read (often ' +
    'by a single careless command), exposing that data, and the models trained on it, to the whole internet.',
  reads: [
    'Microsoft.Storage/storageAccounts.properties.allowBlobPublicAccess',
    'Microsoft.MachineLearningServices/workspaces.properties.storageAccount',
    'Microsoft.CognitiveServices/accounts.properties.userOwnedStorage',
    'Microsoft.MachineLearningServices/workspaces/datastores.properties.accountName',
  ],
  remediation: {
    console:
      'Open the storage account, Settings > Configuration, set "Allow Blob anonymous access" to Disabled and ' +
      'save; containers that were public become private.',
    cli: 'az storage account update --name <account> --resource-group <rg> --allow-blob-public-access false',
    terraform: 'resource "azurerm_storage_account" "ml" {\n  allow_nested_items_to_be_public = false\n}',
  },
  controls: [
    { ref: 'mitre-atlas@5.6.0:AML.T0036', relationship: 'intersects-with' },
    { ref: 'mitre-atlas@5.6.0:AML.M0005', relationship: 'intersects-with' },
    { ref: 'owasp-llm@2025:LLM02', relationship: 'intersects-with' },
    { ref: 'eu-ai-act@2024:Art. 10', relationship: 'intersects-with' },
    { ref: 'nist-ai-rmf@1.0:MEASURE 2.10', relationship: 'intersects-with' },
    { ref: 'nist-ai-600-1@2024:GAI-2.4', relationship: 'intersects-with' },
    { ref: 'iso-42001@2023:A.7.2', relationship: 'intersects-with' },
  ],
  evaluate(asset, ctx) {
    // Older accounts leave allowBlobPublicAccess out, and API versions disagree on what that means: unknown.
    return aiStorageVerdict(asset, ctx, 'allowBlobPublicAccess');
  },
});
