import { defineCheck, has } from '../../check';
import { armProperties, asObject, unknown, unlessComputeType, verdict } from './arm';

export const mlComputePublicIp = defineCheck({
  id: 'azure.ml.compute.public_ip',
  title: 'Azure Machine Learning compute nodes have public IP addresses',
  severity: 'high',
  provider: 'azure',
  assetType: 'azure.ml.compute',
  rationale:
    'Compute instances and cluster nodes with a public IP are directly addressable from the internet: their ' +
    'Jupyter, SSH and agent endpoints become targets, and code running on them (training jobs, notebooks with ' +
    "the workspace's data) can exfiltrate without passing any of your network egress controls. With " +
    'enableNodePublicIp false the nodes live only in your virtual network.',
  reads: [
    'Microsoft.MachineLearningServices/workspaces/computes.properties.properties.enableNodePublicIp',
    'Microsoft.MachineLearningServices/workspaces/computes.properties.properties.connectivityEndpoints.publicIpAddress',
    'Microsoft.MachineLearningServices/workspaces/computes.properties.properties.subnet',
  ],
  remediation: {
    console:
      'Public IPs are fixed at creation. Create a replacement compute in a virtual network subnet (or in a ' +
      'workspace with a managed virtual network) with "No public IP" selected, move the work over, and delete ' +
      'this compute.',
    cli:
      'az ml compute create --name <new-name> --resource-group <rg> --workspace-name <workspace> --file ' +
      'compute.yml  # enable_node_public_ip: false, network_settings: {vnet_name: <vnet>, subnet: <subnet-id>}',
    terraform:
      'resource "azurerm_machine_learning_compute_cluster" "this" {\n  subnet_resource_id     = var.subnet_id\n' +
      '  node_public_ip_enabled = false\n}',
  },
  controls: [
    { ref: 'mitre-atlas@5.6.0:AML.T0049', relationship: 'intersects-with' },
    { ref: 'mitre-atlas@5.6.0:AML.T0025', relationship: 'intersects-with' },
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
    const inner = asObject(armProperties(asset)?.properties);
    if (!inner) return unknown('properties.properties');
    const publicIp = asObject(inner.connectivityEndpoints)?.publicIpAddress;
    const evidence = {
      ...(has(inner, 'enableNodePublicIp') && {
        'properties.properties.enableNodePublicIp': inner.enableNodePublicIp,
      }),
      ...(typeof publicIp === 'string' &&
        publicIp !== '' && { 'properties.properties.connectivityEndpoints.publicIpAddress': publicIp }),
      'properties.properties.subnet': inner.subnet ?? null,
    };
    // An address the service reports is proof enough, whatever the flag says.
    if (inner.enableNodePublicIp === true || (typeof publicIp === 'string' && publicIp !== '')) {
      return verdict(true, evidence);
    }
    if (!has(inner, 'enableNodePublicIp')) return unknown('properties.properties.enableNodePublicIp');
    return verdict(false, evidence);
  },
});
