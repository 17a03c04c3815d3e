import { defineCheck } from '../../../check';
import { customerKeyVerdict } from './sagemaker-fields.util';

export const sagemakerDomainNoCmk = defineCheck({
  id: 'aws.sagemaker.domain.no_cmk',
  title: 'SageMaker Studio domain storage is not encrypted with a customer-managed KMS key',
  severity: 'medium',
  provider: 'aws',
  assetType: 'aws.sagemaker.domain',
  rationale:
    "Without KmsKeyId the domain's home EFS volume, where every user's notebooks, datasets, outputs and saved " +
    'credentials live, is encrypted with an AWS-managed key: you cannot limit who may decrypt it in a key ' +
    'policy, audit its use per principal, or cut access off by disabling the key.',
  reads: ['DescribeDomain.KmsKeyId'],
  remediation: {
    console:
      'The key can only be chosen when the domain is created. Create a customer-managed KMS key, create a new ' +
      'domain with it under "Encryption key", migrate the user profiles and their data, then delete this domain.',
    cli:
      'aws sagemaker create-domain --domain-name <name> --auth-mode SSO --kms-key-id <key-arn> ' +
      '--vpc-id <vpc> --subnet-ids <subnet-a> <subnet-b> --app-network-access-type VpcOnly ' +
      '--default-user-settings ExecutionRole=<role-arn>',
    terraform: 'resource "aws_sagemaker_domain" "this" {\n  kms_key_id = aws_kms_key.studio.arn\n  # ...\n}',
  },
  controls: [
    { ref: 'mitre-atlas@5.6.0:AML.M0012', relationship: 'subset-of' },
    { ref: 'mitre-atlas@5.6.0:AML.M0005', relationship: 'intersects-with' },
    { ref: 'iso-42001@2023:A.7.2', relationship: 'intersects-with' },
    { ref: 'owasp-llm@2025:LLM02', relationship: 'intersects-with' },
    { ref: 'nist-ai-rmf@1.0:MEASURE 2.7', relationship: 'subset-of' },
    { ref: 'nist-ai-600-1@2024:GAI-2.4', relationship: 'intersects-with' },
    { ref: 'eu-ai-act@2024:Art. 15', relationship: 'intersects-with' },
  ],
  evaluate(asset) {
    // DescribeDomain omits KmsKeyId when the home volume uses the AWS-managed key.
    return customerKeyVerdict(asset, 'KmsKeyId', ['DomainArn']);
  },
});
