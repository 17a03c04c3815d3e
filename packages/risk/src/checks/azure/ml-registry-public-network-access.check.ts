import { defineCheck } from '../../check';
import { propertyVerdict } from './arm';

export const mlRegistryPublicNetworkAccess = defineCheck({
  id: 'azure.ml.registry.public_network_access',
  title: 'Azure Machine Learning registry is reachable from public networks',
  severity: 'medium',
  provider: 'azure',
  assetType: 'azure.ml.registry',
  rationale:
    'A registry shares models, environments and components across workspaces and regions: it is the supply ' +
    'chain of every deployment that pulls from it. Reachable from the internet, a stolen credential is enough ' +
    'to download proprietary models or publish a tampered version that production workspaces then deploy.',
  reads: ['Microsoft.MachineLearningServices/registries.properties.publicNetworkAccess'],
  remediation: {
    console:
      'Add a private endpoint to the registry for the workspaces that use it, then set Public network access ' +
      "to Disabled in the registry's Networking settings.",
    cli: 'az ml registry update --name <registry> --resource-group <rg> --set public_network_access=Disabled',
    terraform:
      '# azurerm has no registry resource; azapi:\nresource "azapi_update_resource" "registry" {\n' +
      '  type        = "Microsoft.MachineLearningServices/registries@2024-04-01"\n' +
      '  resource_id = var.registry_id\n  body = { properties = { publicNetworkAccess = "Disabled" } }\n}',
  },
  controls: [
    { ref: 'owasp-llm@2025:LLM03', relationship: 'intersects-with' },
    { ref: 'mitre-atlas@5.6.0:AML.T0010', relationship: 'intersects-with' },
    { ref: 'mitre-atlas@5.6.0:AML.M0005', relationship: 'intersects-with' },
    { ref: 'nist-ai-600-1@2024:GAI-2.12', relationship: 'intersects-with' },
    { ref: 'nist-ai-rmf@1.0:MEASURE 2.7', relationship: 'subset-of' },
    { ref: 'iso-42001@2023:A.4.5', relationship: 'intersects-with' },
    { ref: 'eu-ai-act@2024:Art. 15', relationship: 'intersects-with' },
  ],
  evaluate(asset) {
    return propertyVerdict(asset, ['publicNetworkAccess'], (v) => v !== 'Disabled');
  },
});
