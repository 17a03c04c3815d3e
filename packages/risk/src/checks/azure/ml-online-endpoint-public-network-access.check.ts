import { defineCheck } from '../../check';
import { propertyVerdict } from './arm';

export const mlOnlineEndpointPublicNetworkAccess = defineCheck({
  id: 'azure.ml.online_endpoint.public_network_access',
  title: 'Azure Machine Learning online endpoint accepts scoring requests from the internet',
  severity: 'medium',
  provider: 'azure',
  assetType: 'azure.ml.online_endpoint',
  rationale:
    'With publicNetworkAccess Enabled the scoring URI answers from any network. Whoever holds a key or token ' +
    '(leaked from a client, a notebook or CI) can query the model at will from anywhere: enough queries let ' +
    'them copy its behaviour (model extraction), infer its training data, or run up its cost. With it Disabled ' +
    'only private endpoints of the workspace reach it.',
  reads: ['Microsoft.MachineLearningServices/workspaces/onlineEndpoints.properties.publicNetworkAccess'],
  remediation: {
    console:
      'Make sure the workspace has a private endpoint for its clients, then open the endpoint in the studio, ' +
      'choose Update network settings and set Public network access to Disabled.',
    cli:
      'az ml online-endpoint update --name <endpoint> --resource-group <rg> --workspace-name <workspace> ' +
      '--set public_network_access=disabled',
    terraform:
      '# azurerm has no online endpoint resource; azapi:\nresource "azapi_update_resource" "endpoint" {\n' +
      '  type        = "Microsoft.MachineLearningServices/workspaces/onlineEndpoints@2024-04-01"\n' +
      '  resource_id = var.endpoint_id\n  body = { properties = { publicNetworkAccess = "Disabled" } }\n}',
  },
  controls: [
    { ref: 'mitre-atlas@5.6.0:AML.T0040', relationship: 'intersects-with' },
    { ref: 'mitre-atlas@5.6.0:AML.T0024', relationship: 'intersects-with' },
    { ref: 'mitre-atlas@5.6.0:AML.M0019', relationship: 'intersects-with' },
    { ref: 'eu-ai-act@2024:Art. 15', relationship: 'intersects-with' },
    { ref: 'owasp-llm@2025:LLM10', relationship: 'intersects-with' },
    { ref: 'nist-ai-rmf@1.0:MEASURE 2.7', relationship: 'subset-of' },
    { ref: 'nist-ai-600-1@2024:GAI-2.9', relationship: 'intersects-with' },
    { ref: 'iso-42001@2023:A.4.5', relationship: 'intersects-with' },
  ],
  evaluate(asset) {
    return propertyVerdict(asset, ['publicNetworkAccess'], (v) => v !== 'Disabled');
  },
});
