import { defineCheck } from '../../check';
import { propertyVerdict } from './arm';

export const mlWorkspaceNotHbi = defineCheck({
  id: 'azure.ml.workspace.not_hbi',
  title: 'Azure Machine Learning workspace is not flagged as high business impact',
  severity: 'low',
  provider: 'azure',
  assetType: 'azure.ml.workspace',
  rationale:
    "Without hbiWorkspace the service collects its usual diagnostic data from the workspace's jobs and does " +
    'not encrypt the local scratch disks of its compute clusters, so fragments of sensitive training data can ' +
    'end up in Microsoft telemetry and on unencrypted temporary disks. Workspaces that handle regulated or ' +
    'confidential data should set it; it can only be set when the workspace is created.',
  reads: ['Microsoft.MachineLearningServices/workspaces.properties.hbiWorkspace'],
  remediation: {
    console:
      'The flag is fixed at creation. Create a replacement workspace with "High business impact workspace" ' +
      'checked (Encryption tab), move assets over and delete the old workspace.',
    cli: 'az ml workspace create --name <workspace> --resource-group <rg> --file workspace.yml  # hbi_workspace: true',
    terraform: 'resource "azurerm_machine_learning_workspace" "this" {\n  high_business_impact = true\n}',
  },
  controls: [
    { ref: 'nist-ai-600-1@2024:GAI-2.4', relationship: 'intersects-with' },
    { ref: 'iso-42001@2023:A.7.2', relationship: 'intersects-with' },
    { ref: 'eu-ai-act@2024:Art. 10', relationship: 'intersects-with' },
    { ref: 'owasp-llm@2025:LLM02', relationship: 'intersects-with' },
    { ref: 'mitre-atlas@5.6.0:AML.M0012', relationship: 'intersects-with' },
    { ref: 'nist-ai-rmf@1.0:MEASURE 2.10', relationship: 'intersects-with' },
  ],
  evaluate(asset) {
    // The SDK fills hbiWorkspace:false when ARM sent nothing: only the raw listing body is read, and absent
    // means unknown.
    return propertyVerdict(asset, ['hbiWorkspace'], (v) => v !== true);
  },
});
