import { defineCheck } from '../../check';
import { CMEK_CONTROLS, encryptionSpecTerraform, recreateWithKeyConsole } from './cmek.util';
import { encryptionSpecVerdict } from './gcp-fields.util';

export const vertexDatasetNoCmek = defineCheck({
  id: 'gcp.vertex.dataset.no_cmek',
  title: 'Vertex AI dataset is not encrypted with a customer-managed key',
  severity: 'medium',
  provider: 'gcp',
  assetType: 'gcp.vertex.dataset',
  rationale:
    "Without encryptionSpec the dataset's imported data items, annotations and saved queries are encrypted " +
    'with a Google-managed key: you cannot restrict or audit their decryption in Cloud KMS, and disabling a key ' +
    'cannot make training data that holds personal or regulated records unreadable.',
  reads: ['projects.locations.datasets.encryptionSpec.kmsKeyName'],
  remediation: {
    console: recreateWithKeyConsole(
      'create a new dataset with that key (Advanced options > Encryption), import the data again, point ' +
        'training at it and delete this dataset.',
    ),
    cli:
      'curl -X POST -H "Authorization: Bearer $(gcloud auth print-access-token)" ' +
      'https://<region>-aiplatform.googleapis.com/v1/projects/<project>/locations/<region>/datasets ' +
      '-d \'{"displayName":"<name>","metadataSchemaUri":"<schema>","encryptionSpec":{"kmsKeyName":"<key>"}}\'',
    terraform: encryptionSpecTerraform('google_vertex_ai_dataset'),
  },
  controls: [
    ...CMEK_CONTROLS,
    { ref: 'iso-42001@2023:A.7.2', relationship: 'intersects-with' },
    { ref: 'nist-ai-600-1@2024:GAI-2.4', relationship: 'intersects-with' },
    { ref: 'owasp-llm@2025:LLM02', relationship: 'intersects-with' },
    { ref: 'nist-ai-rmf@1.0:MEASURE 2.7', relationship: 'subset-of' },
    { ref: 'eu-ai-act@2024:Art. 15', relationship: 'intersects-with' },
  ],
  evaluate: encryptionSpecVerdict,
});
