import { defineCheck } from '../../check';
import { CMEK_CONTROLS, keyGrantTerraform } from './cmek.util';
import { encryptionSpecVerdict } from './gcp-fields.util';

export const vertexCustomJobNoCmek = defineCheck({
  id: 'gcp.vertex.custom_job.no_cmek',
  title: 'Vertex AI custom training job is not encrypted with a customer-managed key',
  severity: 'medium',
  provider: 'gcp',
  assetType: 'gcp.vertex.custom_job',
  rationale:
    'Without encryptionSpec what the job creates (worker disks holding its copy of the training data and its ' +
    'checkpoints, and the model it produces) is encrypted with a Google-managed key: you cannot restrict or ' +
    'audit its decryption in Cloud KMS or revoke it.',
  reads: ['projects.locations.customJobs.encryptionSpec.kmsKeyName'],
  remediation: {
    console:
      'The key is part of the job request. Grant the Vertex AI service agent ' +
      "roles/cloudkms.cryptoKeyEncrypterDecrypter on a key in the job's region and choose it under Advanced " +
      'options > Encryption (or set encryptionSpec.kmsKeyName in the code that submits the job) for the next run.',
    cli: 'gcloud ai custom-jobs create --region=<region> --display-name=<name> --config=job.yaml --kms-key=<key>',
    terraform: keyGrantTerraform('Custom jobs are submitted by code, not declared in Terraform'),
  },
  controls: [
    ...CMEK_CONTROLS,
    { ref: 'iso-42001@2023:A.7.2', relationship: 'intersects-with' },
    { ref: 'nist-ai-600-1@2024:GAI-2.9', relationship: 'intersects-with' },
    { ref: 'owasp-llm@2025:LLM02', relationship: 'intersects-with' },
    { ref: 'nist-ai-rmf@1.0:MEASURE 2.7', relationship: 'subset-of' },
    { ref: 'eu-ai-act@2024:Art. 15', relationship: 'intersects-with' },
  ],
  evaluate: encryptionSpecVerdict,
});
