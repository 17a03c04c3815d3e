import { defineCheck, has } from '../../../check';
import { asRecords, requireFields } from './sagemaker-fields.util';

export const sagemakerEndpointConfigSingleInstance = defineCheck({
  id: 'aws.sagemaker.endpoint_config.single_instance',
  title: 'SageMaker endpoint variant runs on a single instance',
  severity: 'low',
  provider: 'aws',
  assetType: 'aws.sagemaker.endpoint_config',
  rationale:
    'SageMaker spreads a variant over Availability Zones only when it has two or more instances. A variant with ' +
    'InitialInstanceCount of 1 goes down with its instance or zone, and a burst of requests (or a deliberate ' +
    'flood of expensive prompts) takes the model offline for every caller.',
  reads: ['DescribeEndpointConfig.ProductionVariants[].InitialInstanceCount'],
  remediation: {
    console:
      'Create a new endpoint configuration whose production variants each have an initial instance count of 2 ' +
      'or more, update the endpoint to it, and add an auto scaling policy with a minimum capacity of 2.',
    cli:
      'aws sagemaker create-endpoint-config --endpoint-config-name <name>-ha --production-variants ' +
      'VariantName=AllTraffic,ModelName=<model>,InitialInstanceCount=2,InstanceType=<type> && ' +
      'aws sagemaker update-endpoint --endpoint-name <endpoint> --endpoint-config-name <name>-ha',
    terraform:
      'resource "aws_sagemaker_endpoint_configuration" "this" {\n  production_variants {\n' +
      '    variant_name           = "AllTraffic"\n    model_name             = aws_sagemaker_model.this.name\n' +
      '    initial_instance_count = 2\n    instance_type          = "ml.m5.large"\n  }\n}',
  },
  controls: [
    { ref: 'mitre-atlas@5.6.0:AML.T0029', relationship: 'intersects-with' },
    { ref: 'owasp-llm@2025:LLM10', relationship: 'intersects-with' },
    { ref: 'nist-ai-rmf@1.0:MANAGE 2.2', relationship: 'intersects-with' },
    { ref: 'nist-ai-600-1@2024:GAI-2.9', relationship: 'intersects-with' },
    { ref: 'iso-42001@2023:A.4.5', relationship: 'intersects-with' },
    { ref: 'eu-ai-act@2024:Art. 15', relationship: 'intersects-with' },
  ],
  evaluate(asset) {
    const unknown = requireFields(asset, 'ProductionVariants');
    if (unknown) return unknown;
    const variants = asRecords(asset.attributes.ProductionVariants);
    // Serverless variants have ServerlessConfig instead of instances: capacity is SageMaker's to keep.
    const instanceBased = variants.filter((v) => !has(v, 'ServerlessConfig'));
    if (instanceBased.length === 0) {
      return { status: 'not_applicable', reason: 'Every variant is serverless: no instances to count.' };
    }
    const counts = instanceBased.map((v) => ({
      VariantName: v.VariantName,
      InitialInstanceCount: v.InitialInstanceCount,
    }));
    const single = counts.filter(
      (c) => typeof c.InitialInstanceCount === 'number' && c.InitialInstanceCount <= 1,
    );
    if (single.length > 0) return { status: 'fail', evidence: { ProductionVariants: single } };
    const uncounted = counts.filter((c) => typeof c.InitialInstanceCount !== 'number');
    if (uncounted.length > 0) {
      return {
        status: 'unknown',
        missing: uncounted.map((c) => `ProductionVariants[${String(c.VariantName)}].InitialInstanceCount`),
      };
    }
    return { status: 'pass', evidence: { ProductionVariants: counts } };
  },
});
