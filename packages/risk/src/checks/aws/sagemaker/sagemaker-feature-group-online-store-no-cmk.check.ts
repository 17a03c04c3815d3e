import { defineCheck } from '../../../check';
import { at, customerKeyVerdict, requireFields } from './sagemaker-fields.util';

export const sagemakerFeatureGroupOnlineStoreNoCmk = defineCheck({
  id: 'aws.sagemaker.feature_group.online_store_no_cmk',
  title: 'SageMaker feature group online store is not encrypted with a customer-managed KMS key',
  severity: 'medium',
  provider: 'aws',
  assetType: 'aws.sagemaker.feature_group',
  rationale:
    'The online store serves the latest feature values to models at inference time. Without ' +
    'OnlineStoreConfig.SecurityConfig.KmsKeyId they are encrypted with an AWS-owned key: you cannot limit ' +
    'who may decrypt them in a key policy, see key use in CloudTrail, or cut access off by disabling a key.',
  reads: ['DescribeFeatureGroup.OnlineStoreConfig.SecurityConfig.KmsKeyId'],
  remediation: {
    console:
      'The online store key is set when the feature group is created. Create a new feature group whose online ' +
      'store uses a customer-managed KMS key, ingest into it, move the consumers, then delete this one.',
    cli:
      'aws sagemaker create-feature-group --feature-group-name <name>-v2 --record-identifier-feature-name <id> ' +
      '--event-time-feature-name <time> --feature-definitions file://features.json ' +
      "--online-store-config 'EnableOnlineStore=true,SecurityConfig={KmsKeyId=<key-arn>}'",
    terraform:
      'resource "aws_sagemaker_feature_group" "this" {\n  online_store_config {\n' +
      '    enable_online_store = true\n    security_config {\n' +
      '      kms_key_id = aws_kms_key.features.arn\n    }\n  }\n}',
  },
  controls: [
    { ref: 'mitre-atlas@5.6.0:AML.M0012', relationship: 'subset-of' },
    { ref: 'mitre-atlas@5.6.0:AML.M0019', relationship: 'intersects-with' },
    { ref: 'iso-42001@2023:A.7.2', relationship: 'intersects-with' },
    { ref: 'owasp-llm@2025:LLM02', relationship: 'intersects-with' },
    { ref: 'nist-ai-rmf@1.0:MEASURE 2.7', relationship: 'subset-of' },
    { ref: 'nist-ai-600-1@2024:GAI-2.4', relationship: 'intersects-with' },
    { ref: 'eu-ai-act@2024:Art. 15', relationship: 'intersects-with' },
  ],
  evaluate(asset) {
    const unknown = requireFields(asset, 'FeatureGroupArn');
    if (unknown) return unknown;
    // DescribeFeatureGroup omits OnlineStoreConfig for an offline-only group, and its SecurityConfig when no
    // customer key was given.
    const online = asset.attributes.OnlineStoreConfig;
    if (online === undefined || at(asset.attributes, 'OnlineStoreConfig.EnableOnlineStore') === false) {
      return { status: 'not_applicable', reason: 'The feature group has no online store.' };
    }
    return customerKeyVerdict(asset, 'OnlineStoreConfig.SecurityConfig.KmsKeyId', []);
  },
});
