import { defineCheck } from '../../check';
import { propertyVerdict, returnedProperties } from './arm';

export const mlComputeLocalAuthEnabled = defineCheck({
  id: 'azure.ml.compute.local_auth_enabled',
  title: 'Azure Machine Learning compute allows local authentication',
  severity: 'medium',
  provider: 'azure',
  assetType: 'azure.ml.compute',
  rationale:
    'Unless disableLocalAuth is true the compute also accepts local credentials (keys and local accounts) ' +
    'besides Microsoft Entra ID and managed identities. Those credentials are not tied to a person, escape ' +
    'Conditional Access and RBAC, and keep working after the person who used them leaves; with local auth ' +
    'disabled every access is an Entra identity you can scope, audit and revoke.',
  reads: [
    'Microsoft.MachineLearningServices/workspaces/computes.properties.disableLocalAuth',
    'Microsoft.MachineLearningServices/workspaces/computes.properties.computeType',
  ],
  remediation: {
    console:
      'The setting is fixed when the compute is created. Create a replacement compute with local authentication ' +
      'disabled (identity-based access only), move the work over, then delete this compute.',
    cli:
      'az rest --method put --url "https://management.azure.com<workspace-id>/computes/<new-name>?api-version=' +
      '2022-10-01" --body \'{"location":"<location>","properties":{"computeType":"<type>",' +
      '"disableLocalAuth":true,"properties":{"vmSize":"<size>"}}}\'',
    terraform:
      'resource "azurerm_machine_learning_compute_instance" "this" {\n  local_auth_enabled = false\n}\n' +
      'resource "azurerm_machine_learning_compute_cluster" "this" {\n  local_auth_enabled = false\n}',
  },
  controls: [
    { ref: 'mitre-atlas@5.6.0:AML.T0055', relationship: 'intersects-with' },
    { ref: 'mitre-atlas@5.6.0:AML.T0012', relationship: 'intersects-with' },
    { ref: 'iso-42001@2023:A.4.5', relationship: 'intersects-with' },
    { ref: 'owasp-llm@2025:LLM02', relationship: 'intersects-with' },
    { ref: 'nist-ai-rmf@1.0:MEASURE 2.7', relationship: 'subset-of' },
    { ref: 'nist-ai-600-1@2024:GAI-2.9', relationship: 'intersects-with' },
    { ref: 'eu-ai-act@2024:Art. 15', relationship: 'intersects-with' },
  ],
  evaluate(asset) {
    return propertyVerdict(
      asset,
      ['disableLocalAuth'],
      (v) => v !== true,
      returnedProperties(asset, 'computeType'),
    );
  },
});
