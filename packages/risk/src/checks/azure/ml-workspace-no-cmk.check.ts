import { defineCheck, has } from '../../check';
import { armProperties, asObject, unknown, verdict } from './arm';

export const mlWorkspaceNoCmk = defineCheck({
  id: 'azure.ml.workspace.no_cmk',
  title: 'Azure Machine Learning workspace is not encrypted with a customer-managed key',
  severity: 'medium',
  provider: 'azure',
  assetType: 'azure.ml.workspace',
  rationale:
    'Without customer-managed key encryption the workspace metadata (run history, model and dataset ' +
    'registrations, job definitions with their environment variables) lives in Microsoft-managed stores ' +
    'encrypted with Microsoft keys: you cannot limit or audit decryption through your key policy, nor cut off ' +
    'access by revoking the key. The key can only be chosen when the workspace is created.',
  reads: [
    'Microsoft.MachineLearningServices/workspaces.properties.encryption.status',
    'Microsoft.MachineLearningServices/workspaces.properties.encryption.keyVaultProperties.keyIdentifier',
  ],
  remediation: {
    console:
      'Encryption is fixed at creation. Create a replacement workspace and, under Encryption, choose ' +
      '"Customer-managed keys" with a key from a vault that has purge protection; move assets over and delete ' +
      'the old workspace.',
    cli:
      'az ml workspace create --name <workspace> --resource-group <rg> --file workspace.yml  # with ' +
      'customer_managed_key: {key_vault: <vault-id>, key_uri: <key-uri>}',
    terraform:
      'resource "azurerm_machine_learning_workspace" "this" {\n  encryption {\n' +
      '    key_vault_id = azurerm_key_vault.cmk.id\n    key_id       = azurerm_key_vault_key.ws.id\n  }\n}',
  },
  controls: [
    { ref: 'mitre-atlas@5.6.0:AML.M0012', relationship: 'intersects-with' },
    { ref: 'mitre-atlas@5.6.0:AML.M0005', relationship: 'intersects-with' },
    { ref: 'iso-42001@2023:A.7.2', relationship: 'intersects-with' },
    { ref: 'owasp-llm@2025:LLM02', relationship: 'intersects-with' },
    { ref: 'nist-ai-rmf@1.0:MEASURE 2.7', relationship: 'subset-of' },
    { ref: 'nist-ai-600-1@2024:GAI-2.4', relationship: 'intersects-with' },
    { ref: 'eu-ai-act@2024:Art. 15', relationship: 'intersects-with' },
  ],
  evaluate(asset) {
    const props = armProperties(asset);
    if (!props) return unknown('properties');
    // ARM omits `encryption` from workspaces created without a customer-managed key; with the rest of the
    // properties present, its absence means Microsoft-managed keys.
    if (props.encryption === undefined || props.encryption === null) {
      return verdict(true, { 'properties.encryption': null });
    }
    const encryption = asObject(props.encryption);
    if (!encryption || !has(encryption, 'status')) return unknown('properties.encryption.status');
    const key = asObject(encryption.keyVaultProperties)?.keyIdentifier;
    return verdict(encryption.status !== 'Enabled', {
      'properties.encryption.status': encryption.status,
      ...(key !== undefined && { 'properties.encryption.keyVaultProperties.keyIdentifier': key }),
    });
  },
});
