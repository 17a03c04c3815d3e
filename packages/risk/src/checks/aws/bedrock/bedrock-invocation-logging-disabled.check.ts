import { defineCheck, has } from '../../../check';
import { isRecord } from './attributes';

export const bedrockInvocationLoggingDisabled = defineCheck({
  id: 'aws.bedrock.invocation_logging.disabled',
  title: 'Bedrock model invocation logging is disabled in the region',
  severity: 'medium',
  provider: 'aws',
  assetType: 'aws.bedrock.invocation_logging',
  rationale:
    'Without model invocation logging nothing records the prompts sent to Bedrock models in this region and ' +
    'what they answered. Attackers who steal AWS keys to run models at your cost ("LLMjacking") check this ' +
    'setting first and pick regions where it is off; a prompt injection or a leak of sensitive data through ' +
    'a model leaves no trace to investigate.',
  reads: [
    'GetModelInvocationLoggingConfiguration.loggingConfig',
    'GetModelInvocationLoggingConfiguration.loggingConfig.s3Config.bucketName',
    'GetModelInvocationLoggingConfiguration.loggingConfig.cloudWatchConfig.logGroupName',
  ],
  remediation: {
    console:
      'Amazon Bedrock console > Settings (in this region) > Model invocation logging: turn it on, choose the ' +
      'data types to log (at least text), and choose an S3 bucket and/or a CloudWatch Logs log group with a ' +
      'service role that may write to it. Save.',
    cli:
      'aws bedrock put-model-invocation-logging-configuration --region <region> --logging-config ' +
      '\'{"s3Config":{"bucketName":"<bucket>","keyPrefix":"bedrock/"},"textDataDeliveryEnabled":true,' +
      '"imageDataDeliveryEnabled":true,"embeddingDataDeliveryEnabled":true}\'',
    terraform:
      'resource "aws_bedrock_model_invocation_logging_configuration" "this" {\n  logging_config {\n' +
      '    text_data_delivery_enabled = true\n    s3_config {\n      bucket_name = aws_s3_bucket.bedrock_logs.id\n' +
      '      key_prefix  = "bedrock/"\n    }\n  }\n}',
  },
  controls: [
    { ref: 'mitre-atlas@5.6.0:AML.M0024', relationship: 'equivalent-to' },
    { ref: 'iso-42001@2023:A.6.2.8', relationship: 'intersects-with' },
    { ref: 'eu-ai-act@2024:Art. 12', relationship: 'intersects-with' },
    { ref: 'nist-ai-rmf@1.0:MEASURE 2.4', relationship: 'intersects-with' },
    { ref: 'owasp-llm@2025:LLM10', relationship: 'intersects-with' },
    { ref: 'nist-ai-600-1@2024:GAI-2.9', relationship: 'intersects-with' },
  ],
  evaluate(asset) {
    const config = asset.attributes.loggingConfig;
    // The connector creates this asset only from a successful GetModelInvocationLoggingConfiguration, and the
    // API answers `{}` (no loggingConfig) when logging is off: absence is the documented "disabled".
    if (!has(asset.attributes, 'loggingConfig')) return { status: 'fail', evidence: { loggingConfig: null } };
    // Present but not an object (null, a string): not an answer we can read a verdict from.
    if (!isRecord(config)) return { status: 'unknown', missing: ['loggingConfig'] };
    const s3 = isRecord(config.s3Config) ? config.s3Config.bucketName : undefined;
    const cloudWatch = isRecord(config.cloudWatchConfig) ? config.cloudWatchConfig.logGroupName : undefined;
    const evidence = {
      's3Config.bucketName': s3 ?? null,
      'cloudWatchConfig.logGroupName': cloudWatch ?? null,
    };
    // A configuration with no destination delivers logs nowhere.
    const delivers =
      (typeof s3 === 'string' && s3 !== '') || (typeof cloudWatch === 'string' && cloudWatch !== '');
    return delivers ? { status: 'pass', evidence } : { status: 'fail', evidence };
  },
});
