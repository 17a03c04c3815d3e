import { defineCheck } from '../../check';
import { at, protoBoolVerdict } from './gcp-fields.util';

export const vertexIndexEndpointPublic = defineCheck({
  id: 'gcp.vertex.index_endpoint.public',
  title: 'Vertex AI Vector Search index endpoint is served on a public endpoint',
  severity: 'medium',
  provider: 'gcp',
  assetType: 'gcp.vertex.index_endpoint',
  rationale:
    'With publicEndpointEnabled the deployed indexes answer on a public domain: anyone on the internet holding ' +
    'a token with aiplatform.indexEndpoints.findNeighbors can query the embeddings behind a RAG application ' +
    'from anywhere, gather the documents it retrieves and map what the corpus contains, outside your VPC and ' +
    'its perimeter.',
  reads: [
    'projects.locations.indexEndpoints.publicEndpointEnabled',
    'projects.locations.indexEndpoints.publicEndpointDomainName',
  ],
  remediation: {
    console:
      'Access is chosen at creation. Create a new index endpoint with Access: Private Service Connect (or VPC ' +
      'peering), deploy the index to it, move the application over, then undeploy and delete the public one.',
    cli:
      'gcloud ai index-endpoints create --region=<region> --display-name=<name> ' +
      '--enable-private-service-connect --project-allowlist=<project>',
    terraform:
      'resource "google_vertex_ai_index_endpoint" "this" {\n  public_endpoint_enabled = false\n' +
      '  private_service_connect_config {\n    enable_private_service_connect = true\n' +
      '    project_allowlist              = [var.project_id]\n  }\n}',
  },
  controls: [
    { ref: 'owasp-llm@2025:LLM08', relationship: 'intersects-with' },
    { ref: 'mitre-atlas@5.6.0:AML.M0019', relationship: 'intersects-with' },
    { ref: 'mitre-atlas@5.6.0:AML.T0064', relationship: 'intersects-with' },
    { ref: 'eu-ai-act@2024:Art. 15', relationship: 'intersects-with' },
    { ref: 'nist-ai-rmf@1.0:MEASURE 2.7', relationship: 'subset-of' },
    { ref: 'nist-ai-600-1@2024:GAI-2.4', relationship: 'intersects-with' },
    { ref: 'iso-42001@2023:A.4.5', relationship: 'intersects-with' },
  ],
  evaluate: (asset) =>
    protoBoolVerdict(asset, '', 'publicEndpointEnabled', true, {
      publicEndpointDomainName: at(asset.attributes, 'publicEndpointDomainName') ?? null,
    }),
});
