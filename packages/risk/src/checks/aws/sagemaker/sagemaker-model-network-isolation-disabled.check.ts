import { defineCheck } from '../../../check';
import { requiredTrueVerdict } from './sagemaker-fields.util';

export const sagemakerModelNetworkIsolationDisabled = defineCheck({
  id: 'aws.sagemaker.model.network_isolation_disabled',
  title: 'SageMaker model container is not network isolated',
  severity: 'medium',
  provider: 'aws',
  assetType: 'aws.sagemaker.model',
  rationale:
    'Without EnableNetworkIsolation the inference container can open outbound connections. A compromised or ' +
    'malicious model artifact or container (pickle payloads, poisoned third-party images) can send inference ' +
    'inputs, the model weights or the execution role credentials to the attacker, or pull further payloads.',
  reads: ['DescribeModel.EnableNetworkIsolation'],
  remediation: {
    console:
      'Models are immutable. Create a new model from the same container and artifact with "Network isolation" ' +
      'enabled (the container then gets its artifact from SageMaker, not from S3 itself), point a new endpoint ' +
      'configuration at it and update the endpoint.',
    cli:
      'aws sagemaker create-model --model-name <name>-isolated --execution-role-arn <role> ' +
      '--primary-container Image=<image>,ModelDataUrl=<s3-url> --enable-network-isolation',
    terraform:
      'resource "aws_sagemaker_model" "this" {\n  execution_role_arn       = aws_iam_role.model.arn\n' +
      '  enable_network_isolation = true\n  primary_container {\n    image          = var.image\n' +
      '    model_data_url = var.model_data_url\n  }\n}',
  },
  controls: [
    { ref: 'mitre-atlas@5.6.0:AML.M0019', relationship: 'intersects-with' },
    { ref: 'mitre-atlas@5.6.0:AML.T0011.000', relationship: 'intersects-with' },
    { ref: 'owasp-llm@2025:LLM03', relationship: 'intersects-with' },
    { ref: 'iso-42001@2023:A.6.2.5', relationship: 'intersects-with' },
    { ref: 'nist-ai-rmf@1.0:MEASURE 2.7', relationship: 'subset-of' },
    { ref: 'nist-ai-600-1@2024:GAI-2.9', relationship: 'intersects-with' },
    { ref: 'eu-ai-act@2024:Art. 15', relationship: 'intersects-with' },
  ],
  evaluate(asset) {
    return requiredTrueVerdict(asset, 'EnableNetworkIsolation');
  },
});
