import { defineCheck } from '../../check';
import { CMEK_CONTROLS, encryptionSpecTerraform, recreateWithKeyConsole } from './cmek.util';
import { encryptionSpecVerdict } from './gcp-fields.util';

export const vertexEndpointNoCmek = defineCheck({
  id: 'gcp.vertex.endpoint.no_cmek',
  title: 'Vertex AI endpoint is not encrypted with a customer-managed key',
  severity: 'low',
  provider: 'gcp',
  assetType: 'gcp.vertex.endpoint',
  rationale:
    'Without encryptionSpec the endpoint and its sub-resources (the deployed model copies and what they cache) ' +
    'are encrypted with a Google-managed key: you cannot audit their use in Cloud KMS or make a deployed model ' +
    'unreadable by disabling a key, which leaves models that hold personal data out of a crypto-shredding plan.',
  reads: ['projects.locations.endpoints.encryptionSpec.kmsKeyName'],
  remediation: {
    console: recreateWithKeyConsole(
      'create a new endpoint with that key (Advanced options > Encryption), deploy the model to it, move the ' +
        'traffic and delete the old endpoint.',
    ),
    cli: 'gcloud ai endpoints create --region=<region> --display-name=<name> --encryption-kms-key-name=<key>',
    terraform: encryptionSpecTerraform('google_vertex_ai_endpoint'),
  },
  controls: [
    ...CMEK_CONTROLS,
    { ref: 'mitre-atlas@5.6.0:AML.M0019', relationship: 'intersects-with' },
    { ref: 'nist-ai-600-1@2024:GAI-2.9', relationship: 'intersects-with' },
    { ref: 'owasp-llm@2025:LLM02', relationship: 'intersects-with' },
    { ref: 'nist-ai-rmf@1.0:MEASURE 2.7', relationship: 'subset-of' },
    { ref: 'iso-42001@2023:A.4.5', relationship: 'intersects-with' },
    { ref: 'eu-ai-act@2024:Art. 15', relationship: 'intersects-with' },
  ],
  evaluate: encryptionSpecVerdict,
});
