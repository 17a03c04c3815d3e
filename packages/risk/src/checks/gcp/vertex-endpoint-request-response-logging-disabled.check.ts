import { defineCheck } from '../../check';
import { at, requireFields } from './gcp-fields.util';

export const vertexEndpointRequestResponseLoggingDisabled = defineCheck({
  id: 'gcp.vertex.endpoint.request_response_logging_disabled',
  title: 'Vertex AI endpoint does not log prediction requests and responses',
  severity: 'low',
  provider: 'gcp',
  assetType: 'gcp.vertex.endpoint',
  rationale:
    'Without request-response logging nothing records what callers sent to the model and what it answered: ' +
    'model extraction or membership-inference probing, prompt injection attempts and data leaking through ' +
    'predictions leave no trace to detect or investigate, and drift monitoring has no inputs to compare.',
  reads: [
    'projects.locations.endpoints.predictRequestResponseLoggingConfig.enabled',
    'projects.locations.endpoints.predictRequestResponseLoggingConfig.samplingRate',
    'projects.locations.endpoints.predictRequestResponseLoggingConfig.bigqueryDestination.outputUri',
  ],
  remediation: {
    console:
      'In Vertex AI > Online prediction open the endpoint, Edit settings > Logging, turn on request-response ' +
      'logging with a sampling rate and a BigQuery table; restrict and encrypt the table, since it holds inputs.',
    cli:
      'gcloud ai endpoints create --region=<region> --display-name=<name> ' +
      '--request-response-logging-table=bq://<project>.<dataset>.<table> --request-response-logging-rate=0.1',
    terraform:
      'resource "google_vertex_ai_endpoint" "this" {\n  predict_request_response_logging_config {\n' +
      '    enabled       = true\n    sampling_rate = 0.1\n    bigquery_destination {\n' +
      '      output_uri = "bq://${var.project_id}.vertex_logs.predictions"\n    }\n  }\n}',
  },
  controls: [
    { ref: 'mitre-atlas@5.6.0:AML.M0024', relationship: 'intersects-with' },
    { ref: 'iso-42001@2023:A.6.2.8', relationship: 'intersects-with' },
    { ref: 'eu-ai-act@2024:Art. 12', relationship: 'intersects-with' },
    { ref: 'nist-ai-rmf@1.0:MEASURE 2.4', relationship: 'intersects-with' },
    { ref: 'owasp-llm@2025:LLM10', relationship: 'intersects-with' },
    { ref: 'nist-ai-600-1@2024:GAI-2.9', relationship: 'intersects-with' },
  ],
  evaluate(asset) {
    // An endpoint that never had logging configured has no predictRequestResponseLoggingConfig in its body
    // (proto3 JSON leaves unset messages out), and `enabled: false` is left out of a config that exists.
    const unknown = requireFields(asset, 'name');
    if (unknown) return unknown;
    const config = at(asset.attributes, 'predictRequestResponseLoggingConfig');
    const evidence = { predictRequestResponseLoggingConfig: config ?? null };
    return at(asset.attributes, 'predictRequestResponseLoggingConfig.enabled') === true
      ? { status: 'pass', evidence }
      : { status: 'fail', evidence };
  },
});
