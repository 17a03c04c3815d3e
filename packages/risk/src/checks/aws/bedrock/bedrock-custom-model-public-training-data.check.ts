import { defineCheck, has } from '../../../check';
import { publicBucketVerdict } from './neighbours';

export const bedrockCustomModelPublicTrainingData = defineCheck({
  id: 'aws.bedrock.custom_model.public_training_data',
  title: 'Bedrock custom model was trained on data in a public S3 bucket',
  severity: 'high',
  provider: 'aws',
  assetType: 'aws.bedrock.custom_model',
  rationale:
    "The training and validation data of a fine-tuned model is usually the organisation's own records " +
    '(support tickets, claims, contracts). In a bucket public through its policy or ACL anyone can download ' +
    'it, and if the bucket is also publicly writable anyone can poison the next training run. The model then ' +
    'carries that data, or that poison, into every answer.',
  reads: [
    'GetCustomModel.trainingDataConfig.s3Uri',
    'GetCustomModel.validationDataConfig.validators.s3Uri',
    'GetBucketPolicyStatus.PolicyStatus.IsPublic',
    'GetPublicAccessBlock.PublicAccessBlockConfiguration',
    'GetBucketAcl.Grants',
  ],
  remediation: {
    console:
      'S3 console > the training data bucket > Permissions: turn on Block public access (all four settings), ' +
      'remove bucket policy statements with Principal "*" and ACL grants to Everyone / Authenticated users. ' +
      'Review the data for tampering before training again, and retrain if it may have been altered.',
    cli:
      'aws s3api put-public-access-block --bucket <bucket> --public-access-block-configuration ' +
      'BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true\n' +
      'aws s3api delete-bucket-policy --bucket <bucket>  # or put a policy without public statements',
    terraform:
      'resource "aws_s3_bucket_public_access_block" "training_data" {\n' +
      '  bucket                  = aws_s3_bucket.training_data.id\n  block_public_acls       = true\n' +
      '  ignore_public_acls      = true\n  block_public_policy     = true\n  restrict_public_buckets = true\n}',
  },
  controls: [
    { ref: 'owasp-llm@2025:LLM04', relationship: 'intersects-with' },
    { ref: 'mitre-atlas@5.6.0:AML.T0020', relationship: 'intersects-with' },
    { ref: 'mitre-atlas@5.6.0:AML.M0005', relationship: 'intersects-with' },
    { ref: 'eu-ai-act@2024:Art. 10', relationship: 'intersects-with' },
    { ref: 'iso-42001@2023:A.7.2', relationship: 'intersects-with' },
    { ref: 'nist-ai-rmf@1.0:MEASURE 2.7', relationship: 'subset-of' },
    { ref: 'nist-ai-600-1@2024:GAI-2.8', relationship: 'intersects-with' },
  ],
  evaluate(asset, ctx) {
    if (!has(asset.attributes, 'modelArn')) return { status: 'unknown', missing: ['modelArn'] };
    // `reads_data` holds the training and validation buckets (the connector draws one edge per bucket).
    return publicBucketVerdict(ctx, { status: 'unknown', missing: ['trainingDataConfig.s3Uri'] });
  },
});
