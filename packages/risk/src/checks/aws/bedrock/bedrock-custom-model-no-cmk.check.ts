import { defineCheck } from '../../../check';
import { customerKeyVerdict } from './neighbours';

export const bedrockCustomModelNoCmk = defineCheck({
  id: 'aws.bedrock.custom_model.no_cmk',
  title: 'Bedrock custom model is not encrypted with a customer managed KMS key',
  severity: 'medium',
  provider: 'aws',
  assetType: 'aws.bedrock.custom_model',
  rationale:
    'A fine-tuned or continued-pre-training model encodes its training data: customer records, contracts, ' +
    'internal documents can be extracted from its weights. With the AWS owned key you cannot restrict in a key ' +
    'policy who may use or copy the model, audit its decryption in CloudTrail, or make it unusable at once by ' +
    'disabling the key.',
  reads: ['GetCustomModel.modelKmsKeyArn'],
  remediation: {
    console:
      'The key is chosen when the customization job runs. Create a customer managed KMS key, start a new ' +
      'fine-tuning job (Amazon Bedrock console > Custom models > Customize model) with "Customize encryption ' +
      'settings" set to that key, move provisioned throughput to the new model, then delete this one.',
    cli:
      'aws bedrock create-model-customization-job --job-name <job> --custom-model-name <name> --role-arn <role> ' +
      '--base-model-identifier <base> --training-data-config s3Uri=<uri> --output-data-config s3Uri=<uri> ' +
      '--hyper-parameters epochCount=2 --custom-model-kms-key-id <key-arn>',
    terraform:
      'resource "aws_bedrock_custom_model" "this" {\n  custom_model_kms_key_id = aws_kms_key.models.arn\n}',
  },
  controls: [
    { ref: 'mitre-atlas@5.6.0:AML.M0012', relationship: 'intersects-with' },
    { ref: 'mitre-atlas@5.6.0:AML.M0005', relationship: 'intersects-with' },
    { ref: 'mitre-atlas@5.6.0:AML.T0048.004', relationship: 'intersects-with' },
    { ref: 'iso-42001@2023:A.7.2', relationship: 'intersects-with' },
    { ref: 'owasp-llm@2025:LLM02', relationship: 'intersects-with' },
    { ref: 'nist-ai-rmf@1.0:MEASURE 2.7', relationship: 'subset-of' },
    { ref: 'nist-ai-600-1@2024:GAI-2.10', relationship: 'intersects-with' },
    { ref: 'eu-ai-act@2024:Art. 15', relationship: 'intersects-with' },
  ],
  // GetCustomModel omits modelKmsKeyArn when the model is encrypted with an AWS owned key.
  evaluate: (asset) => customerKeyVerdict(asset.attributes, 'modelArn', ['modelKmsKeyArn']),
});
