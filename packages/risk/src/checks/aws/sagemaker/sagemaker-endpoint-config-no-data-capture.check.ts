import { defineCheck } from '../../../check';
import { at, requireFields } from './sagemaker-fields.util';

export const sagemakerEndpointConfigNoDataCapture = defineCheck({
  id: 'aws.sagemaker.endpoint_config.no_data_capture',
  title: 'SageMaker endpoint does not capture inference requests and responses',
  severity: 'low',
  provider: 'aws',
  assetType: 'aws.sagemaker.endpoint_config',
  rationale:
    'Without data capture there is no record of what was sent to the model and what it answered. Model ' +
    'extraction or inversion attempts, adversarial inputs and data leaking in responses go unseen, Model ' +
    'Monitor has nothing to check for drift, and an incident cannot be reconstructed afterwards.',
  reads: ['DescribeEndpointConfig.DataCaptureConfig.EnableCapture'],
  remediation: {
    console:
      'Create a new endpoint configuration with "Enable data capture" on (request and response, a sampling ' +
      'percentage, an S3 location encrypted with your KMS key), then update the endpoint to it.',
    cli:
      'aws sagemaker create-endpoint-config --endpoint-config-name <name>-capture --production-variants ' +
      'file://variants.json --data-capture-config EnableCapture=true,InitialSamplingPercentage=20,' +
      'DestinationS3Uri=s3://<bucket>/capture,KmsKeyId=<key-arn>,' +
      "CaptureOptions='[{CaptureMode=Input},{CaptureMode=Output}]'",
    terraform:
      'resource "aws_sagemaker_endpoint_configuration" "this" {\n  data_capture_config {\n' +
      '    enable_capture              = true\n    initial_sampling_percentage = 20\n' +
      '    destination_s3_uri          = "s3://${aws_s3_bucket.capture.id}/capture"\n' +
      '    kms_key_id                  = aws_kms_key.capture.arn\n' +
      '    capture_options { capture_mode = "Input" }\n    capture_options { capture_mode = "Output" }\n  }\n}',
  },
  controls: [
    { ref: 'mitre-atlas@5.6.0:AML.M0024', relationship: 'subset-of' },
    { ref: 'iso-42001@2023:A.6.2.8', relationship: 'subset-of' },
    { ref: 'eu-ai-act@2024:Art. 12', relationship: 'intersects-with' },
    { ref: 'nist-ai-rmf@1.0:MEASURE 2.4', relationship: 'intersects-with' },
    { ref: 'owasp-llm@2025:LLM10', relationship: 'intersects-with' },
    { ref: 'nist-ai-600-1@2024:GAI-2.9', relationship: 'intersects-with' },
  ],
  evaluate(asset) {
    // DescribeEndpointConfig omits DataCaptureConfig when capture was never configured.
    const unknown = requireFields(asset, 'EndpointConfigArn');
    if (unknown) return unknown;
    const enabled = at(asset.attributes, 'DataCaptureConfig.EnableCapture');
    if (asset.attributes.DataCaptureConfig === undefined) {
      return { status: 'fail', evidence: { DataCaptureConfig: null } };
    }
    // Inside a returned DataCaptureConfig, EnableCapture is optional: absent means not said.
    if (enabled === undefined) return { status: 'unknown', missing: ['DataCaptureConfig.EnableCapture'] };
    const evidence = { 'DataCaptureConfig.EnableCapture': enabled };
    return enabled === true ? { status: 'pass', evidence } : { status: 'fail', evidence };
  },
});
