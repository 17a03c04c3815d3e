import { defineCheck } from '../../../check';
import { customerKeyVerdict, requireFields } from './sagemaker-fields.util';

export const sagemakerFeatureGroupOfflineStoreNoCmk = defineCheck({
  id: 'aws.sagemaker.feature_group.offline_store_no_cmk',
  title: 'SageMaker feature group offline store is not encrypted with a customer-managed KMS key',
  severity: 'medium',
  provider: 'aws',
  assetType: 'aws.sagemaker.feature_group',
  rationale:
    'The offline store keeps the full history of every feature record in S3, typically customer-level data ' +
    'used for training. Without OfflineStoreConfig.S3StorageConfig.KmsKeyId it is protected only by the ' +
    'bucket default encryption: anyone who can read the prefix reads the features, and you cannot restrict or ' +
    'revoke decryption with a key policy.',
  reads: ['DescribeFeatureGroup.OfflineStoreConfig.S3StorageConfig.KmsKeyId'],
  remediation: {
    console:
      'The offline store key is set when the feature group is created. Create a new feature group whose ' +
      'offline store uses a customer-managed KMS key, backfill it, move the consumers, then delete this one.',
    cli:
      'aws sagemaker create-feature-group --feature-group-name <name>-v2 --record-identifier-feature-name <id> ' +
      '--event-time-feature-name <time> --feature-definitions file://features.json --role-arn <role> ' +
      "--offline-store-config 'S3StorageConfig={S3Uri=s3://<bucket>/<prefix>,KmsKeyId=<key-arn>}'",
    terraform:
      'resource "aws_sagemaker_feature_group" "this" {\n  offline_store_config {\n    s3_storage_config {\n' +
      '      s3_uri     = "s3://${aws_s3_bucket.features.id}/offline"\n' +
      '      kms_key_id = aws_kms_key.features.arn\n    }\n  }\n}',
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
    const unknown = requireFields(asset, 'FeatureGroupArn');
    if (unknown) return unknown;
    // DescribeFeatureGroup omits OfflineStoreConfig for an online-only group.
    if (asset.attributes.OfflineStoreConfig === undefined) {
      return { status: 'not_applicable', reason: 'The feature group has no offline store.' };
    }
    return customerKeyVerdict(asset, 'OfflineStoreConfig.S3StorageConfig.KmsKeyId', [
      'OfflineStoreConfig.S3StorageConfig',
    ]);
  },
});
