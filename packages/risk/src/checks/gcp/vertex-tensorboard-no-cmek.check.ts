import { defineCheck } from '../../check';
import { CMEK_CONTROLS, encryptionSpecTerraform, recreateWithKeyConsole } from './cmek.util';
import { encryptionSpecVerdict } from './gcp-fields.util';

export const vertexTensorboardNoCmek = defineCheck({
  id: 'gcp.vertex.tensorboard.no_cmek',
  title: 'Vertex AI TensorBoard is not encrypted with a customer-managed key',
  severity: 'low',
  provider: 'gcp',
  assetType: 'gcp.vertex.tensorboard',
  rationale:
    'Without encryptionSpec the experiment runs, metrics and logged text and images (often sample predictions ' +
    'on real inputs) are encrypted with a Google-managed key that you cannot restrict, audit in Cloud KMS or ' +
    'revoke.',
  reads: ['projects.locations.tensorboards.encryptionSpec.kmsKeyName'],
  remediation: {
    console: recreateWithKeyConsole(
      'create a new TensorBoard instance with that key, point experiments at it and delete this one.',
    ),
    cli: 'gcloud ai tensorboards create --display-name=<name> --region=<region> --kms-key=<key>',
    terraform: encryptionSpecTerraform('google_vertex_ai_tensorboard'),
  },
  controls: [
    ...CMEK_CONTROLS,
    { ref: 'nist-ai-600-1@2024:GAI-2.9', relationship: 'intersects-with' },
    { ref: 'owasp-llm@2025:LLM02', relationship: 'intersects-with' },
    { ref: 'nist-ai-rmf@1.0:MEASURE 2.7', relationship: 'subset-of' },
    { ref: 'iso-42001@2023:A.4.4', relationship: 'intersects-with' },
    { ref: 'eu-ai-act@2024:Art. 15', relationship: 'intersects-with' },
  ],
  evaluate: encryptionSpecVerdict,
});
