import { defineCheck } from '../../../check';
import {
  asRecords,
  customerKeyVerdict,
  hasLocalInstanceStorage,
  requireFields,
} from './sagemaker-fields.util';

export const sagemakerEndpointConfigNoCmk = defineCheck({
  id: 'aws.sagemaker.endpoint_config.no_cmk',
  title: 'SageMaker endpoint storage is not encrypted with a customer-managed KMS key',
  severity: 'medium',
  provider: 'aws',
  assetType: 'aws.sagemaker.endpoint_config',
  rationale:
    'Without KmsKeyId the ML storage volumes of the endpoint instances, which hold the model artifact and any ' +
    'payloads the container writes, are encrypted with a transient key you do not control: you cannot restrict ' +
    'or audit decryption in a key policy, or revoke access to the model weights by disabling a key.',
  reads: ['DescribeEndpointConfig.KmsKeyId', 'DescribeEndpointConfig.ProductionVariants[].InstanceType'],
  remediation: {
    console:
      'Endpoint configurations are immutable. Create a customer-managed KMS key that the SageMaker execution ' +
      'role may use, create a new endpoint configuration with that key under "Encryption key", then update the ' +
      'endpoint to it.',
    cli:
      'aws sagemaker create-endpoint-config --endpoint-config-name <name>-cmk --kms-key-id <key-arn> ' +
      '--production-variants file://variants.json && ' +
      'aws sagemaker update-endpoint --endpoint-name <endpoint> --endpoint-config-name <name>-cmk',
    terraform:
      'resource "aws_sagemaker_endpoint_configuration" "this" {\n  kms_key_arn = aws_kms_key.endpoints.arn\n' +
      '  production_variants {\n    variant_name           = "AllTraffic"\n' +
      '    model_name             = aws_sagemaker_model.this.name\n    initial_instance_count = 2\n' +
      '    instance_type          = "ml.m5.large"\n  }\n}',
  },
  controls: [
    { ref: 'mitre-atlas@5.6.0:AML.M0012', relationship: 'subset-of' },
    { ref: 'mitre-atlas@5.6.0:AML.M0005', relationship: 'intersects-with' },
    { ref: 'iso-42001@2023:A.4.5', relationship: 'intersects-with' },
    { ref: 'owasp-llm@2025:LLM02', relationship: 'intersects-with' },
    { ref: 'nist-ai-rmf@1.0:MEASURE 2.7', relationship: 'subset-of' },
    { ref: 'nist-ai-600-1@2024:GAI-2.9', relationship: 'intersects-with' },
    { ref: 'eu-ai-act@2024:Art. 15', relationship: 'intersects-with' },
  ],
  evaluate(asset) {
    const unknown = requireFields(asset, 'EndpointConfigArn', 'ProductionVariants');
    if (unknown) return unknown;
    const types = asRecords(asset.attributes.ProductionVariants).map((v) => v.InstanceType);
    if (types.length > 0 && types.every(hasLocalInstanceStorage)) {
      return {
        status: 'not_applicable',
        reason:
          `Every variant runs on an instance type with local NVMe storage (${types.join(', ')}), which the ` +
          'instance encrypts in hardware; SageMaker accepts no KmsKeyId for it.',
      };
    }
    return customerKeyVerdict(asset, 'KmsKeyId', []);
  },
});
