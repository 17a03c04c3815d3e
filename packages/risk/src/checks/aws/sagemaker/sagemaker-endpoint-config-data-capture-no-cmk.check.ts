import { defineCheck } from '../../../check';
import { at, customerKeyVerdict, requireFields } from './sagemaker-fields.util';

export const sagemakerEndpointConfigDataCaptureNoCmk = defineCheck({
  id: 'aws.sagemaker.endpoint_config.data_capture_no_cmk',
  title: 'SageMaker endpoint captures inference data without a customer-managed KMS key',
  severity: 'medium',
  provider: 'aws',
  assetType: 'aws.sagemaker.endpoint_config',
  rationale:
    'Captured requests and responses are the prompts, personal data and predictions that flowed through the ' +
    'model. Without DataCaptureConfig.KmsKeyId they are stored under the bucket default or an AWS-managed key, ' +
    'so anyone with read access to the capture prefix reads them, and you cannot restrict or revoke decryption.',
  reads: [
    'DescribeEndpointConfig.DataCaptureConfig.EnableCapture',
    'DescribeEndpointConfig.DataCaptureConfig.KmsKeyId',
  ],
  remediation: {
    console:
      'Create a customer-managed KMS key for inference data, create a new endpoint configuration whose data ' +
      'capture uses it ("Encryption key" under data capture), then update the endpoint to it.',
    cli:
      'aws sagemaker create-endpoint-config --endpoint-config-name <name>-capture-cmk --production-variants ' +
      'file://variants.json --data-capture-config EnableCapture=true,InitialSamplingPercentage=20,' +
      "DestinationS3Uri=s3://<bucket>/capture,KmsKeyId=<key-arn>,CaptureOptions='[{CaptureMode=Input}]'",
    terraform:
      'resource "aws_sagemaker_endpoint_configuration" "this" {\n  data_capture_config {\n' +
      '    enable_capture = true\n    kms_key_id     = aws_kms_key.capture.arn\n    # ...\n  }\n}',
  },
  controls: [
    { ref: 'mitre-atlas@5.6.0:AML.M0012', relationship: 'subset-of' },
    { ref: 'owasp-llm@2025:LLM02', relationship: 'intersects-with' },
    { ref: 'nist-ai-600-1@2024:GAI-2.4', relationship: 'intersects-with' },
    { ref: 'nist-ai-rmf@1.0:MEASURE 2.10', relationship: 'intersects-with' },
    { ref: 'iso-42001@2023:A.6.2.8', relationship: 'intersects-with' },
    { ref: 'eu-ai-act@2024:Art. 15', relationship: 'intersects-with' },
  ],
  evaluate(asset) {
    const unknown = requireFields(asset, 'EndpointConfigArn');
    if (unknown) return unknown;
    if (at(asset.attributes, 'DataCaptureConfig.EnableCapture') !== true) {
      return { status: 'not_applicable', reason: 'The endpoint configuration captures no inference data.' };
    }
    // DataCaptureConfig.KmsKeyId is omitted when no key was given for the captured data.
    return customerKeyVerdict(asset, 'DataCaptureConfig.KmsKeyId', []);
  },
});
