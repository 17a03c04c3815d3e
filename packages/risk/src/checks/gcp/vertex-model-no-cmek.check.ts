import { defineCheck } from '../../check';
import { CMEK_CONTROLS, keyGrantTerraform } from './cmek.util';
import { encryptionSpecVerdict } from './gcp-fields.util';

export const vertexModelNoCmek = defineCheck({
  id: 'gcp.vertex.model.no_cmek',
  title: 'Vertex AI model is not encrypted with a customer-managed key',
  severity: 'medium',
  provider: 'gcp',
  assetType: 'gcp.vertex.model',
  rationale:
    'Without encryptionSpec the model artifacts copied into the Model Registry are encrypted with a ' +
    'Google-managed key: you cannot restrict or audit decryption of the weights in Cloud KMS, and a model that ' +
    'memorised training data cannot be made unreadable by disabling a key.',
  reads: ['projects.locations.models.encryptionSpec.kmsKeyName'],
  remediation: {
    console:
      'The key is set when a model is uploaded or copied. Grant the Vertex AI service agent ' +
      "roles/cloudkms.cryptoKeyEncrypterDecrypter on a key in the model's region, copy the model with that key " +
      '(Model Registry > Copy), deploy the copy and delete the original.',
    cli:
      'gcloud ai models copy --source-model=projects/<project>/locations/<region>/models/<id> ' +
      '--region=<region> --kms-key-name=<key>',
    terraform: keyGrantTerraform('Models are uploaded by pipelines, not declared in Terraform'),
  },
  controls: [
    ...CMEK_CONTROLS,
    { ref: 'mitre-atlas@5.6.0:AML.T0035', relationship: 'intersects-with' },
    { ref: 'nist-ai-600-1@2024:GAI-2.9', relationship: 'intersects-with' },
    { ref: 'owasp-llm@2025:LLM02', relationship: 'intersects-with' },
    { ref: 'nist-ai-rmf@1.0:MEASURE 2.7', relationship: 'subset-of' },
    { ref: 'iso-42001@2023:A.4.5', relationship: 'intersects-with' },
    { ref: 'eu-ai-act@2024:Art. 15', relationship: 'intersects-with' },
  ],
  evaluate: encryptionSpecVerdict,
});
