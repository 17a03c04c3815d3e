import { defineCheck } from '../../../check';
import { customerKeyVerdict } from './sagemaker-fields.util';
import { denyJobsWithout } from './training-job-guardrail.util';

export const sagemakerTrainingJobOutputNotEncrypted = defineCheck({
  id: 'aws.sagemaker.training_job.output_not_encrypted',
  title: 'SageMaker training output is not encrypted with a customer-managed KMS key',
  severity: 'medium',
  provider: 'aws',
  assetType: 'aws.sagemaker.training_job',
  rationale:
    'Without OutputDataConfig.KmsKeyId the model artifact is written to S3 under the AWS-managed S3 key, ' +
    'whose policy lets any principal of the account with s3:GetObject decrypt it. The trained weights (and what ' +
    'they memorised of the training data) are protected by bucket permissions alone and cannot be shared ' +
    'cross-account under your control.',
  reads: ['DescribeTrainingJob.OutputDataConfig.KmsKeyId'],
  remediation: {
    console:
      'Training jobs cannot be changed. Rerun the job with a customer-managed KMS key for the output (estimator ' +
      'output_kms_key=...), and deny new jobs without one.',
    cli:
      'aws sagemaker create-training-job --training-job-name <name> ' +
      '--output-data-config S3OutputPath=s3://<bucket>/output,KmsKeyId=<key-arn> ...',
    terraform: denyJobsWithout('RequireOutputKey', '{ Null = { "sagemaker:OutputKmsKey" = "true" } }'),
  },
  controls: [
    { ref: 'mitre-atlas@5.6.0:AML.M0012', relationship: 'subset-of' },
    { ref: 'mitre-atlas@5.6.0:AML.T0048.004', relationship: 'intersects-with' },
    { ref: 'iso-42001@2023:A.7.2', relationship: 'intersects-with' },
    { ref: 'owasp-llm@2025:LLM02', relationship: 'intersects-with' },
    { ref: 'nist-ai-rmf@1.0:MEASURE 2.7', relationship: 'subset-of' },
    { ref: 'nist-ai-600-1@2024:GAI-2.10', relationship: 'intersects-with' },
    { ref: 'eu-ai-act@2024:Art. 15', relationship: 'intersects-with' },
  ],
  evaluate(asset) {
    // OutputDataConfig is required in the answer; its KmsKeyId is omitted when no key was given.
    return customerKeyVerdict(asset, 'OutputDataConfig.KmsKeyId', ['TrainingJobArn', 'OutputDataConfig']);
  },
});
