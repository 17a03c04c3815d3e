import { defineCheck } from '../../check';
import { propertyVerdict } from './arm';

export const mlOnlineEndpointKeyAuth = defineCheck({
  id: 'azure.ml.online_endpoint.key_auth',
  title: 'Azure Machine Learning online endpoint uses key authentication',
  severity: 'medium',
  provider: 'azure',
  assetType: 'azure.ml.online_endpoint',
  rationale:
    'With authMode Key callers present one of two static keys that never expire and name no identity. A key ' +
    'copied into an app, a notebook or a log lets anyone score the model until someone regenerates it, and the ' +
    'endpoint cannot tell who called. Microsoft Entra tokens (AADToken) are short-lived, tied to an identity ' +
    'and granted per principal through RBAC.',
  reads: ['Microsoft.MachineLearningServices/workspaces/onlineEndpoints.properties.authMode'],
  remediation: {
    console:
      "Set the endpoint's authentication to Microsoft Entra token. If the service refuses to change the mode " +
      'of this endpoint, create a new endpoint with auth_mode aad_token, move the deployments and traffic to ' +
      'it, grant callers the scoring permission, and delete this one.',
    cli:
      'az ml online-endpoint update --name <endpoint> --resource-group <rg> --workspace-name <workspace> ' +
      '--file endpoint.yml  # auth_mode: aad_token',
    terraform:
      '# azurerm has no online endpoint resource; azapi:\nresource "azapi_resource" "endpoint" {\n' +
      '  type      = "Microsoft.MachineLearningServices/workspaces/onlineEndpoints@2024-04-01"\n' +
      '  parent_id = azurerm_machine_learning_workspace.this.id\n' +
      '  body = { properties = { authMode = "AADToken" } }\n}',
  },
  controls: [
    { ref: 'mitre-atlas@5.6.0:AML.T0055', relationship: 'intersects-with' },
    { ref: 'mitre-atlas@5.6.0:AML.T0040', relationship: 'intersects-with' },
    { ref: 'mitre-atlas@5.6.0:AML.M0019', relationship: 'intersects-with' },
    { ref: 'owasp-llm@2025:LLM10', relationship: 'intersects-with' },
    { ref: 'nist-ai-rmf@1.0:MEASURE 2.7', relationship: 'subset-of' },
    { ref: 'nist-ai-600-1@2024:GAI-2.9', relationship: 'intersects-with' },
    { ref: 'iso-42001@2023:A.4.5', relationship: 'intersects-with' },
    { ref: 'eu-ai-act@2024:Art. 15', relationship: 'intersects-with' },
  ],
  evaluate(asset) {
    return propertyVerdict(asset, ['authMode'], (v) => v === 'Key');
  },
});
