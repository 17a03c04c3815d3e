import { defineCheck, has } from '../../../check';

export const sagemakerNotebookNoCmk = defineCheck({
  id: 'aws.sagemaker.notebook.no_cmk',
  title: 'SageMaker notebook volume is not encrypted with a customer-managed KMS key',
  severity: 'medium',
  provider: 'aws',
  assetType: 'aws.sagemaker.notebook_instance',
  rationale:
    'Without KmsKeyId the notebook ML storage volume, which holds datasets, checkpoints and credentials users ' +
    'saved, is encrypted with an AWS-managed key: you cannot restrict who may decrypt it, audit its use in your ' +
    'key policy, or revoke it.',
  reads: ['DescribeNotebookInstance.KmsKeyId'],
  remediation: {
    console:
      'The key can only be set at creation. Create a customer-managed KMS key, create a replacement notebook with ' +
      'that key under "Permissions and encryption", move the work over, then delete this notebook.',
    cli:
      'aws sagemaker create-notebook-instance --notebook-instance-name <name> --instance-type <type> ' +
      '--role-arn <role> --kms-key-id <key-arn>',
    terraform:
      'resource "aws_sagemaker_notebook_instance" "this" {\n  kms_key_id = aws_kms_key.notebooks.arn\n}',
  },
  controls: [
    { ref: 'mitre-atlas@5.6.0:AML.M0012', relationship: 'intersects-with' },
    { ref: 'mitre-atlas@5.6.0:AML.M0005', relationship: 'intersects-with' },
    { ref: 'iso-42001@2023:A.7.2', relationship: 'intersects-with' },
    { ref: 'owasp-llm@2025:LLM02', relationship: 'intersects-with' },
    { ref: 'nist-ai-rmf@1.0:MEASURE 2.7', relationship: 'subset-of' },
    { ref: 'nist-ai-600-1@2024:GAI-2.4', relationship: 'intersects-with' },
    { ref: 'eu-ai-act@2024:Art. 15', relationship: 'intersects-with' },
  ],
  evaluate(asset) {
    const a = asset.attributes;
    // DescribeNotebookInstance omits KmsKeyId when no key was chosen, so absence is the signal here; what we
    // need for a verdict is proof that the describe itself succeeded.
    if (!has(a, 'NotebookInstanceArn')) return { status: 'unknown', missing: ['NotebookInstanceArn'] };
    const key = typeof a.KmsKeyId === 'string' ? a.KmsKeyId : '';
    return key === ''
      ? { status: 'fail', evidence: { KmsKeyId: null } }
      : { status: 'pass', evidence: { KmsKeyId: key } };
  },
});
