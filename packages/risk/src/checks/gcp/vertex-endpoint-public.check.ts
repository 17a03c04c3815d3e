import { defineCheck } from '../../check';
import { at, isNonEmptyString, requireFields } from './gcp-fields.util';

export const vertexEndpointPublic = defineCheck({
  id: 'gcp.vertex.endpoint.public',
  title: 'Vertex AI endpoint is served on a public endpoint',
  severity: 'medium',
  provider: 'gcp',
  assetType: 'gcp.vertex.endpoint',
  rationale:
    'An endpoint with neither a peered VPC network nor Private Service Connect is served on a public Google ' +
    'endpoint (the shared regional host or its dedicated DNS name): anyone on the internet holding a token ' +
    'with aiplatform.endpoints.predict, such as a leaked service account key, can query the model from anywhere, ' +
    'extract it through its predictions or probe it for training data, and no network control of yours sees it.',
  reads: [
    'projects.locations.endpoints.network',
    'projects.locations.endpoints.privateServiceConnectConfig.enablePrivateServiceConnect',
    'projects.locations.endpoints.enablePrivateServiceConnect',
    'projects.locations.endpoints.dedicatedEndpointEnabled',
  ],
  remediation: {
    console:
      'Network access is chosen at creation. Create a new endpoint with Access: Private (Private Service Connect, ' +
      'allowing only your projects), deploy the model to it, switch clients to the PSC endpoint in your VPC, then ' +
      'undeploy and delete the public endpoint. Add the project to a VPC Service Controls perimeter.',
    cli:
      'gcloud ai endpoints create --region=<region> --display-name=<name> --network=' +
      'projects/<project-number>/global/networks/<vpc>',
    terraform:
      'resource "google_vertex_ai_endpoint" "this" {\n  private_service_connect_config {\n' +
      '    enable_private_service_connect = true\n    project_allowlist              = [var.project_id]\n  }\n}',
  },
  controls: [
    { ref: 'mitre-atlas@5.6.0:AML.M0019', relationship: 'intersects-with' },
    { ref: 'mitre-atlas@5.6.0:AML.T0040', relationship: 'intersects-with' },
    { ref: 'mitre-atlas@5.6.0:AML.T0024', relationship: 'intersects-with' },
    { ref: 'eu-ai-act@2024:Art. 15', relationship: 'intersects-with' },
    { ref: 'owasp-llm@2025:LLM10', relationship: 'intersects-with' },
    { ref: 'nist-ai-rmf@1.0:MEASURE 2.7', relationship: 'subset-of' },
    { ref: 'nist-ai-600-1@2024:GAI-2.9', relationship: 'intersects-with' },
    { ref: 'iso-42001@2023:A.4.5', relationship: 'intersects-with' },
  ],
  evaluate(asset) {
    // Unset strings, false bools and unset messages are left out of proto3 JSON: once the body is there, an
    // absent network or PSC config means the endpoint has none.
    const unknown = requireFields(asset, 'name');
    if (unknown) return unknown;
    const a = asset.attributes;
    const network = at(a, 'network');
    const psc =
      at(a, 'privateServiceConnectConfig.enablePrivateServiceConnect') === true ||
      at(a, 'enablePrivateServiceConnect') === true;
    const evidence = {
      network: network ?? null,
      'privateServiceConnectConfig.enablePrivateServiceConnect':
        at(a, 'privateServiceConnectConfig.enablePrivateServiceConnect') ?? null,
      dedicatedEndpointEnabled: at(a, 'dedicatedEndpointEnabled') ?? null,
    };
    return isNonEmptyString(network) || psc ? { status: 'pass', evidence } : { status: 'fail', evidence };
  },
});
