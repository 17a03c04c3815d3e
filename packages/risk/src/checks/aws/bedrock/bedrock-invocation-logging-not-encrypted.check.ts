import { defineCheck, has, type CheckResult } from '../../../check';
import { isRecord } from './attributes';
import { bucketCustomerKey, notInInventory, related } from './neighbours';

export const bedrockInvocationLoggingNotEncrypted = defineCheck({
  id: 'aws.bedrock.invocation_logging.not_encrypted',
  title: 'Bedrock invocation logs are not encrypted with a customer managed KMS key',
  severity: 'medium',
  provider: 'aws',
  assetType: 'aws.bedrock.invocation_logging',
  rationale:
    'Invocation logs hold every prompt and completion in full: customer messages, documents pasted into ' +
    'prompts, personal data the model returned. In a bucket encrypted with S3 managed keys or the AWS managed ' +
    'aws/s3 key, anyone granted s3:GetObject on it (a broad data-lake role, a misconfigured bucket policy) reads ' +
    'them all; a customer managed key adds a key policy you control and an audit trail of every decryption.',
  reads: [
    'GetModelInvocationLoggingConfiguration.loggingConfig.s3Config.bucketName',
    'GetModelInvocationLoggingConfiguration.loggingConfig.cloudWatchConfig.largeDataDeliveryS3Config.bucketName',
    'GetModelInvocationLoggingConfiguration.loggingConfig.cloudWatchConfig.logGroupName',
    'GetBucketEncryption.ServerSideEncryptionConfiguration.Rules.ApplyServerSideEncryptionByDefault',
    'DescribeKey.KeyMetadata.KeyManager',
  ],
  remediation: {
    console:
      'Create a customer managed KMS key whose key policy lets the Bedrock logging role (or the bedrock.amazonaws.com ' +
      'service for S3 delivery) use it. In the S3 console open the log bucket > Properties > Default encryption: ' +
      'choose SSE-KMS with that key. For a CloudWatch Logs destination, associate the key with the log group.',
    cli:
      'aws s3api put-bucket-encryption --bucket <log-bucket> --server-side-encryption-configuration ' +
      '\'{"Rules":[{"ApplyServerSideEncryptionByDefault":{"SSEAlgorithm":"aws:kms","KMSMasterKeyID":"<key-arn>"},' +
      '"BucketKeyEnabled":true}]}\'\naws logs associate-kms-key --log-group-name <log-group> --kms-key-id <key-arn>',
    terraform:
      'resource "aws_s3_bucket_server_side_encryption_configuration" "bedrock_logs" {\n' +
      '  bucket = aws_s3_bucket.bedrock_logs.id\n  rule {\n    apply_server_side_encryption_by_default {\n' +
      '      sse_algorithm     = "aws:kms"\n      kms_master_key_id = aws_kms_key.bedrock_logs.arn\n    }\n' +
      '    bucket_key_enabled = true\n  }\n}',
  },
  controls: [
    { ref: 'mitre-atlas@5.6.0:AML.M0012', relationship: 'intersects-with' },
    { ref: 'owasp-llm@2025:LLM02', relationship: 'intersects-with' },
    { ref: 'nist-ai-600-1@2024:GAI-2.4', relationship: 'intersects-with' },
    { ref: 'iso-42001@2023:A.6.2.8', relationship: 'intersects-with' },
    { ref: 'nist-ai-rmf@1.0:MEASURE 2.10', relationship: 'intersects-with' },
    { ref: 'eu-ai-act@2024:Art. 15', relationship: 'intersects-with' },
  ],
  evaluate(asset, ctx): CheckResult {
    if (!has(asset.attributes, 'loggingConfig')) {
      return {
        status: 'not_applicable',
        reason: 'Invocation logging is off in this region: there are no logs.',
      };
    }
    const config = asset.attributes.loggingConfig;
    if (!isRecord(config)) return { status: 'unknown', missing: ['loggingConfig'] };
    const cloudWatch = isRecord(config.cloudWatchConfig) ? config.cloudWatchConfig : {};
    const largeData = isRecord(cloudWatch.largeDataDeliveryS3Config)
      ? cloudWatch.largeDataDeliveryS3Config
      : {};
    const s3 = isRecord(config.s3Config) ? config.s3Config : {};
    const bucketNames = [
      ...new Set(
        [s3.bucketName, largeData.bucketName].filter((b): b is string => typeof b === 'string' && b !== ''),
      ),
    ];
    const logGroup = typeof cloudWatch.logGroupName === 'string' ? cloudWatch.logGroupName : '';
    if (bucketNames.length === 0 && logGroup === '') {
      return {
        status: 'not_applicable',
        reason: 'Invocation logging names no destination: there are no logs.',
      };
    }

    const missing: string[] = [];
    const encrypted: Record<string, unknown>[] = [];
    const notEncrypted: Record<string, unknown>[] = [];
    for (const name of bucketNames) {
      const arn = `arn:aws:s3:::${name}`;
      const bucket = related(ctx, 'writes_output', (id) => id === arn).found[0];
      if (!bucket) {
        missing.push(notInInventory('aws.s3.bucket', arn));
        continue;
      }
      const verdict = bucketCustomerKey(bucket, ctx);
      if ('missing' in verdict) missing.push(...verdict.missing);
      else (verdict.customerKey ? encrypted : notEncrypted).push(verdict.evidence);
    }
    if (notEncrypted.length > 0) {
      return { status: 'fail', evidence: { notEncrypted, encrypted, logGroupName: logGroup || null } };
    }
    // The KMS key of a CloudWatch Logs log group (DescribeLogGroups.kmsKeyId) is not inventoried yet.
    if (logGroup !== '')
      missing.push(`DescribeLogGroups.logGroups.kmsKeyId of ${logGroup} (not inventoried)`);
    if (missing.length > 0) return { status: 'unknown', missing };
    return { status: 'pass', evidence: { encrypted } };
  },
});
