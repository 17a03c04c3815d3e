/**
 * The read-only IAM actions the infrastructure discoverers call (IAM roles, users and policies, S3 buckets, KMS keys,
 * VPC endpoints, EC2 instances and their AMIs), exactly: the console's least-privilege policy is composed from
 * these. An assume-role account's source identity also needs sts:AssumeRole on the role, which the role's trust
 * policy grants, not this list.
 */
export const AWS_INFRA_READ_ACTIONS = [
  'iam:GetAccountAuthorizationDetails',
  'iam:ListAccessKeys',
  'iam:ListServiceSpecificCredentials',
  's3:ListAllMyBuckets',
  's3:GetBucketLocation',
  's3:GetBucketPolicy',
  's3:GetBucketPolicyStatus',
  's3:GetBucketPublicAccessBlock',
  's3:GetEncryptionConfiguration',
  's3:GetBucketVersioning',
  's3:GetBucketLogging',
  's3:GetBucketAcl',
  's3:GetBucketTagging',
  'kms:ListKeys',
  'kms:ListAliases',
  'kms:DescribeKey',
  'kms:GetKeyRotationStatus',
  'kms:GetKeyPolicy',
  'kms:ListResourceTags',
  'ec2:DescribeVpcEndpoints',
  'ec2:DescribeInstances',
  'ec2:DescribeImages',
] as const;
