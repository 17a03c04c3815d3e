import { defineCheck } from '../../../check';
import { vpcVerdict } from './sagemaker-fields.util';

export const sagemakerModelNoVpc = defineCheck({
  id: 'aws.sagemaker.model.no_vpc',
  title: 'SageMaker model runs outside your VPC',
  severity: 'medium',
  provider: 'aws',
  assetType: 'aws.sagemaker.model',
  rationale:
    'A model without VpcConfig runs its containers in the SageMaker service network: its traffic to S3 and other ' +
    'services bypasses your security groups, VPC endpoint policies and flow logs, so data the model reads or ' +
    'sends at inference time cannot be restricted to your network or audited there.',
  reads: ['DescribeModel.VpcConfig'],
  remediation: {
    console:
      'Models are immutable. Create a new model with a VPC, private subnets and a security group under ' +
      '"Network", add S3 (and any other) VPC endpoints it needs, point a new endpoint configuration at it and ' +
      'update the endpoint.',
    cli:
      'aws sagemaker create-model --model-name <name>-vpc --execution-role-arn <role> ' +
      '--primary-container Image=<image>,ModelDataUrl=<s3-url> ' +
      '--vpc-config SecurityGroupIds=<sg>,Subnets=<subnet-a>,<subnet-b>',
    terraform:
      'resource "aws_sagemaker_model" "this" {\n  vpc_config {\n    subnets            = var.private_subnet_ids\n' +
      '    security_group_ids = [var.security_group_id]\n  }\n}',
  },
  controls: [
    { ref: 'mitre-atlas@5.6.0:AML.M0019', relationship: 'intersects-with' },
    { ref: 'mitre-atlas@5.6.0:AML.T0025', relationship: 'intersects-with' },
    { ref: 'iso-42001@2023:A.4.5', relationship: 'intersects-with' },
    { ref: 'owasp-llm@2025:LLM03', relationship: 'intersects-with' },
    { ref: 'nist-ai-rmf@1.0:MEASURE 2.7', relationship: 'subset-of' },
    { ref: 'nist-ai-600-1@2024:GAI-2.9', relationship: 'intersects-with' },
    { ref: 'eu-ai-act@2024:Art. 15', relationship: 'intersects-with' },
  ],
  evaluate(asset) {
    // DescribeModel omits VpcConfig when the model has none; the ARN proves the answer came.
    return vpcVerdict(asset, 'ModelArn', 'VpcConfig');
  },
});
