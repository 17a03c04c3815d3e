import { defineCheck } from '../../check';
import { armProperties, propertyVerdict } from './arm';

export const mlOnlineDeploymentEgressPublic = defineCheck({
  id: 'azure.ml.online_deployment.egress_public',
  title: 'Azure Machine Learning online deployment may reach the internet',
  severity: 'medium',
  provider: 'azure',
  assetType: 'azure.ml.online_deployment',
  rationale:
    'A managed online deployment with egressPublicNetworkAccess Enabled runs the scoring container with an ' +
    'open route to the internet. A compromised or malicious model or scoring script (pickle payloads, ' +
    'poisoned dependencies) can download more code and send requests, responses and the model itself out; ' +
    "with egress Disabled it reaches only the workspace's private resources.",
  reads: [
    'Microsoft.MachineLearningServices/workspaces/onlineEndpoints/deployments.properties.egressPublicNetworkAccess',
    'Microsoft.MachineLearningServices/workspaces/onlineEndpoints/deployments.properties.endpointComputeType',
  ],
  remediation: {
    console:
      'Egress is fixed when the deployment is created. Create a new deployment under the endpoint with public ' +
      'outbound access disabled (or in a workspace with a managed virtual network that allows only approved ' +
      'outbound), shift traffic to it, and delete this deployment.',
    cli:
      'az ml online-deployment create --endpoint-name <endpoint> --resource-group <rg> --workspace-name ' +
      '<workspace> --file deployment.yml  # egress_public_network_access: disabled',
    terraform:
      '# azurerm has no online deployment resource; azapi:\nresource "azapi_resource" "deployment" {\n' +
      '  type = "Microsoft.MachineLearningServices/workspaces/onlineEndpoints/deployments@2024-04-01"\n' +
      '  body = { properties = { endpointComputeType = "Managed", egressPublicNetworkAccess = "Disabled" } }\n}',
  },
  controls: [
    { ref: 'mitre-atlas@5.6.0:AML.T0025', relationship: 'intersects-with' },
    { ref: 'mitre-atlas@5.6.0:AML.T0010', relationship: 'intersects-with' },
    { ref: 'owasp-llm@2025:LLM03', relationship: 'intersects-with' },
    { ref: 'iso-42001@2023:A.4.5', relationship: 'intersects-with' },
    { ref: 'nist-ai-rmf@1.0:MEASURE 2.7', relationship: 'subset-of' },
    { ref: 'nist-ai-600-1@2024:GAI-2.9', relationship: 'intersects-with' },
    { ref: 'eu-ai-act@2024:Art. 15', relationship: 'intersects-with' },
  ],
  evaluate(asset) {
    const computeType = armProperties(asset)?.endpointComputeType;
    // Kubernetes deployments take their egress from the cluster's own network, not from this setting.
    if (computeType === 'Kubernetes') {
      return { status: 'not_applicable', reason: "a Kubernetes deployment: egress is the cluster's network" };
    }
    return propertyVerdict(asset, ['egressPublicNetworkAccess'], (v) => v !== 'Disabled');
  },
});
