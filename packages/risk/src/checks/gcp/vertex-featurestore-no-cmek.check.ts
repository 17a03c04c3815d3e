import { defineCheck } from '../../check';
import { CMEK_CONTROLS, encryptionSpecTerraform, recreateWithKeyConsole } from './cmek.util';
import { encryptionSpecVerdict } from './gcp-fields.util';

export const vertexFeaturestoreNoCmek = defineCheck({
  id: 'gcp.vertex.featurestore.no_cmek',
  title: 'Vertex AI featurestore is not encrypted with a customer-managed key',
  severity: 'medium',
  provider: 'gcp',
  assetType: 'gcp.vertex.featurestore',
  rationale:
    "Without encryptionSpec the featurestore's online and offline storage, which hold per-customer feature " +
    'values that models are served, is encrypted with a Google-managed key: you cannot restrict or audit its ' +
    'decryption in Cloud KMS or cut off the feature data by disabling a key.',
  reads: ['projects.locations.featurestores.encryptionSpec.kmsKeyName'],
  remediation: {
    console: recreateWithKeyConsole(
      'create a new featurestore with that key, ingest the entity types again and delete this featurestore.',
    ),
    cli:
      'curl -X POST -H "Authorization: Bearer $(gcloud auth print-access-token)" ' +
      "'https://<region>-aiplatform.googleapis.com/v1/projects/<project>/locations/<region>/featurestores" +
      '?featurestoreId=<id>\' -d \'{"onlineServingConfig":{"fixedNodeCount":1},' +
      '"encryptionSpec":{"kmsKeyName":"<key>"}}\'',
    terraform: encryptionSpecTerraform('google_vertex_ai_featurestore'),
  },
  controls: [
    ...CMEK_CONTROLS,
    { ref: 'iso-42001@2023:A.4.3', relationship: 'intersects-with' },
    { ref: 'nist-ai-600-1@2024:GAI-2.4', relationship: 'intersects-with' },
    { ref: 'owasp-llm@2025:LLM02', relationship: 'intersects-with' },
    { ref: 'nist-ai-rmf@1.0:MEASURE 2.7', relationship: 'subset-of' },
    { ref: 'eu-ai-act@2024:Art. 15', relationship: 'intersects-with' },
  ],
  evaluate: encryptionSpecVerdict,
});
