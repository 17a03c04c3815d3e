import { defineCheck, has } from '../../check';
import { armProperties, asObject, propertyVerdict, unknown, unlessComputeType, verdict } from './arm';

export const mlComputeSshEnabled = defineCheck({
  id: 'azure.ml.compute.ssh_enabled',
  title: 'Azure Machine Learning compute has public SSH access enabled',
  severity: 'high',
  provider: 'azure',
  assetType: 'azure.ml.compute',
  rationale:
    'An open public SSH port on a compute instance (sshSettings.sshPublicAccess) or on every node of a cluster ' +
    '(remoteLoginPortPublicAccess) invites brute force and key theft; a shell on the node reads the training ' +
    'data mounted there, the tokens of the identity it runs as, and can tamper with models and jobs. Jupyter, ' +
    'VS Code and the studio terminal work without it.',
  reads: [
    'Microsoft.MachineLearningServices/workspaces/computes.properties.properties.sshSettings.sshPublicAccess',
    'Microsoft.MachineLearningServices/workspaces/computes.properties.properties.remoteLoginPortPublicAccess',
    'Microsoft.MachineLearningServices/workspaces/computes.properties.properties.subnet',
  ],
  remediation: {
    console:
      'SSH access is fixed at creation. Create a replacement compute with SSH access disabled (use the studio ' +
      'terminal, Jupyter or VS Code remote instead), move the work over, and delete this compute.',
    cli:
      'az ml compute create --name <new-name> --resource-group <rg> --workspace-name <workspace> --file ' +
      'compute.yml  # ssh_public_access_enabled: false',
    terraform:
      'resource "azurerm_machine_learning_compute_cluster" "this" {\n  ssh_public_access_enabled = false\n}\n' +
      'resource "azurerm_machine_learning_compute_instance" "this" {\n  # no ssh block: public SSH stays closed\n}',
  },
  controls: [
    { ref: 'mitre-atlas@5.6.0:AML.T0049', relationship: 'intersects-with' },
    { ref: 'mitre-atlas@5.6.0:AML.T0012', relationship: 'intersects-with' },
    { ref: 'mitre-atlas@5.6.0:AML.M0019', relationship: 'intersects-with' },
    { ref: 'iso-42001@2023:A.4.5', relationship: 'intersects-with' },
    { ref: 'owasp-llm@2025:LLM02', relationship: 'intersects-with' },
    { ref: 'nist-ai-rmf@1.0:MEASURE 2.7', relationship: 'subset-of' },
    { ref: 'nist-ai-600-1@2024:GAI-2.9', relationship: 'intersects-with' },
    { ref: 'eu-ai-act@2024:Art. 15', relationship: 'intersects-with' },
  ],
  evaluate(asset) {
    const notConcerned = unlessComputeType(asset, ['ComputeInstance', 'AmlCompute']);
    if (notConcerned) return notConcerned;
    if (armProperties(asset)?.computeType === 'ComputeInstance') {
      return propertyVerdict(asset, ['properties', 'sshSettings', 'sshPublicAccess'], (v) => v === 'Enabled');
    }
    const inner = asObject(armProperties(asset)?.properties);
    if (!inner) return unknown('properties.properties');
    if (!has(inner, 'remoteLoginPortPublicAccess')) {
      return unknown('properties.properties.remoteLoginPortPublicAccess');
    }
    const access = inner.remoteLoginPortPublicAccess;
    const subnet = inner.subnet ?? null;
    const evidence = {
      'properties.properties.remoteLoginPortPublicAccess': access,
      'properties.properties.subnet': subnet,
    };
    // The API documents NotSpecified as: closed on every node when the cluster is in a VNet, open otherwise.
    if (access === 'NotSpecified') return verdict(subnet === null, evidence);
    return verdict(access === 'Enabled', evidence);
  },
});
