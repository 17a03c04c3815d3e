import { defineCheck } from '../../check';
import { propertyVerdict, unlessComputeType } from './arm';

export const mlComputeApplicationsShared = defineCheck({
  id: 'azure.ml.compute.applications_shared',
  title: 'Azure Machine Learning compute instance shares its applications with all workspace users',
  severity: 'medium',
  provider: 'azure',
  assetType: 'azure.ml.compute',
  rationale:
    'A compute instance is meant for one person: its Jupyter, VS Code and terminal run as the owner, with the ' +
    "owner's data mounts and credentials. With applicationSharingPolicy Shared any workspace user whose role " +
    'allows it can open those applications and act as the owner, reading their data and tokens.',
  reads: [
    'Microsoft.MachineLearningServices/workspaces/computes.properties.properties.applicationSharingPolicy',
  ],
  remediation: {
    console:
      'The policy is fixed at creation. Create a personal compute instance for each user (assigned to them), ' +
      'move the work over, and delete the shared one.',
    cli:
      'az rest --method put --url "https://management.azure.com<workspace-id>/computes/<new-name>?api-version=' +
      '2022-10-01" --body \'{"location":"<location>","properties":{"computeType":"ComputeInstance",' +
      '"properties":{"vmSize":"<size>","applicationSharingPolicy":"Personal"}}}\'',
    terraform:
      'resource "azurerm_machine_learning_compute_instance" "this" {\n  authorization_type = "personal"\n' +
      '  assign_to_user {\n    object_id = var.user_object_id\n    tenant_id = var.tenant_id\n  }\n}',
  },
  controls: [
    { ref: 'mitre-atlas@5.6.0:AML.T0012', relationship: 'intersects-with' },
    { ref: 'mitre-atlas@5.6.0:AML.M0005', relationship: 'intersects-with' },
    { ref: 'iso-42001@2023:A.4.4', relationship: 'intersects-with' },
    { ref: 'owasp-llm@2025:LLM02', relationship: 'intersects-with' },
    { ref: 'nist-ai-rmf@1.0:MEASURE 2.7', relationship: 'subset-of' },
    { ref: 'nist-ai-600-1@2024:GAI-2.9', relationship: 'intersects-with' },
    { ref: 'eu-ai-act@2024:Art. 15', relationship: 'intersects-with' },
  ],
  evaluate(asset) {
    // The SDK model defaults applicationSharingPolicy to Shared; only the raw listing's value counts.
    return (
      unlessComputeType(asset, ['ComputeInstance']) ??
      propertyVerdict(asset, ['properties', 'applicationSharingPolicy'], (v) => v === 'Shared')
    );
  },
});
