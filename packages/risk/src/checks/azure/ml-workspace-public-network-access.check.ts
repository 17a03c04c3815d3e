import { defineCheck } from '../../check';
import { propertyVerdict, returnedProperties } from './arm';

export const mlWorkspacePublicNetworkAccess = defineCheck({
  id: 'azure.ml.workspace.public_network_access',
  title: 'Azure Machine Learning workspace is reachable from public networks',
  severity: 'high',
  provider: 'azure',
  assetType: 'azure.ml.workspace',
  rationale:
    'With publicNetworkAccess Enabled the workspace APIs and studio answer from the internet: anyone with a ' +
    'stolen Entra token or a phished session can list and download registered models, datasets and job ' +
    'outputs, read datastore settings, and submit jobs that run code on your compute, from anywhere. With it ' +
    'Disabled the workspace is reached only through its private endpoints.',
  reads: [
    'Microsoft.MachineLearningServices/workspaces.properties.publicNetworkAccess',
    'Microsoft.MachineLearningServices/workspaces.properties.allowPublicAccessWhenBehindVnet',
  ],
  remediation: {
    console:
      'Add a private endpoint to the workspace (Networking > Private endpoint connections), then under ' +
      'Networking > Public access choose "Disabled" and save.',
    cli: 'az ml workspace update --name <workspace> --resource-group <rg> --public-network-access Disabled',
    terraform:
      'resource "azurerm_machine_learning_workspace" "this" {\n  public_network_access_enabled = false\n}',
  },
  controls: [
    { ref: 'mitre-atlas@5.6.0:AML.M0019', relationship: 'intersects-with' },
    { ref: 'mitre-atlas@5.6.0:AML.T0035', relationship: 'intersects-with' },
    { ref: 'iso-42001@2023:A.4.5', relationship: 'intersects-with' },
    { ref: 'eu-ai-act@2024:Art. 15', relationship: 'intersects-with' },
    { ref: 'owasp-llm@2025:LLM02', relationship: 'intersects-with' },
    { ref: 'nist-ai-rmf@1.0:MEASURE 2.7', relationship: 'subset-of' },
    { ref: 'nist-ai-600-1@2024:GAI-2.9', relationship: 'intersects-with' },
  ],
  evaluate(asset) {
    return propertyVerdict(
      asset,
      ['publicNetworkAccess'],
      (v) => v !== 'Disabled',
      returnedProperties(asset, 'allowPublicAccessWhenBehindVnet'),
    );
  },
});
