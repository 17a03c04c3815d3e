import { defineCheck } from '../../../check';
import { customerKeyVerdict } from './neighbours';

export const bedrockImportedModelNoCmk = defineCheck({
  id: 'aws.bedrock.imported_model.no_cmk',
  title: 'Bedrock imported model is not encrypted with a customer managed KMS key',
  severity: 'medium',
  provider: 'aws',
  assetType: 'aws.bedrock.imported_model',
  rationale:
    'Weights brought in with Custom Model Import are usually your own fine-tuned models: intellectual property ' +
    'and a summary of the data they were trained on. With the AWS owned key you cannot restrict or audit their ' +
    'decryption in a key policy, or revoke all use at once by disabling the key.',
  reads: ['GetImportedModel.modelKmsKeyArn'],
  remediation: {
    console:
      'The key is chosen at import. Create a customer managed KMS key, import the weights again (Amazon Bedrock ' +
      'console > Imported models > Import model) with "Customize encryption settings" set to that key, switch ' +
      'callers to the new model ARN, then delete this one.',
    cli:
      'aws bedrock create-model-import-job --job-name <job> --imported-model-name <name> --role-arn <role> ' +
      '--model-data-source s3DataSource={s3Uri=<uri>} --imported-model-kms-key-id <key-arn>',
    terraform:
      "# The aws provider has no import-job resource; CloudFormation's AWS::Bedrock::ModelImportJob does.\n" +
      'resource "aws_cloudformation_stack" "model_import" {\n  name          = "model-import"\n' +
      '  template_body = jsonencode({ Resources = { Import = { Type = "AWS::Bedrock::ModelImportJob", Properties = {\n' +
      '    RoleArn = aws_iam_role.import.arn, ImportedModelKmsKeyArn = aws_kms_key.models.arn,\n' +
      '    ModelDataSource = { S3DataSource = { S3Uri = "s3://<bucket>/<prefix>/" } } } } } })\n}',
  },
  controls: [
    { ref: 'mitre-atlas@5.6.0:AML.M0012', relationship: 'intersects-with' },
    { ref: 'mitre-atlas@5.6.0:AML.M0005', relationship: 'intersects-with' },
    { ref: 'mitre-atlas@5.6.0:AML.T0048.004', relationship: 'intersects-with' },
    { ref: 'nist-ai-600-1@2024:GAI-2.10', relationship: 'intersects-with' },
    { ref: 'owasp-llm@2025:LLM02', relationship: 'intersects-with' },
    { ref: 'nist-ai-rmf@1.0:MEASURE 2.7', relationship: 'subset-of' },
    { ref: 'iso-42001@2023:A.4.5', relationship: 'intersects-with' },
    { ref: 'eu-ai-act@2024:Art. 15', relationship: 'intersects-with' },
  ],
  // GetImportedModel omits modelKmsKeyArn when no customer managed key was chosen.
  evaluate: (asset) => customerKeyVerdict(asset.attributes, 'modelArn', ['modelKmsKeyArn']),
});
