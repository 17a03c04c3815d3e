import { defineCheck, has, type CheckResult } from '../../../check';

/** Bedrock resource types whose presence in a region shows Bedrock is used there. */
const BEDROCK_RESOURCE_TYPES = [
  'aws.bedrock.agent',
  'aws.bedrock.knowledge_base',
  'aws.bedrock.guardrail',
  'aws.bedrock.custom_model',
  'aws.bedrock.imported_model',
  'aws.bedrock.provisioned_throughput',
];

export const bedrockRegionNoVpcEndpoint = defineCheck({
  id: 'aws.bedrock.region.no_vpc_endpoint',
  title: 'Bedrock is used in a region without an interface VPC endpoint for bedrock-runtime',
  severity: 'medium',
  provider: 'aws',
  assetType: 'aws.bedrock.invocation_logging',
  rationale:
    'Without an interface endpoint for com.amazonaws.<region>.bedrock-runtime, workloads reach the model ' +
    'invocation API over the internet through NAT, where no endpoint policy limits which models and accounts ' +
    "they call (prompts can be sent to another account's Bedrock), and IAM policies cannot require " +
    "aws:SourceVpce, so keys stolen from the workloads invoke models from anywhere. The region's " +
    'invocation logging setting stands for "Bedrock in this region"; the check applies where Bedrock ' +
    'resources exist or invocations are logged.',
  reads: [
    'DescribeVpcEndpoints.VpcEndpoints.ServiceName',
    'DescribeVpcEndpoints.VpcEndpoints.VpcEndpointType',
    'DescribeVpcEndpoints.VpcEndpoints.State',
    'GetModelInvocationLoggingConfiguration.loggingConfig',
  ],
  remediation: {
    console:
      'VPC console (this region) > Endpoints > Create endpoint: AWS services, service ' +
      'com.amazonaws.<region>.bedrock-runtime, the VPC and private subnets of the workloads that call Bedrock, ' +
      'a security group allowing HTTPS from them, private DNS on, and an endpoint policy limited to the models ' +
      'you use. Repeat for bedrock-agent-runtime if agents or knowledge bases are called.',
    cli:
      'aws ec2 create-vpc-endpoint --region <region> --vpc-endpoint-type Interface --vpc-id <vpc> ' +
      '--service-name com.amazonaws.<region>.bedrock-runtime --subnet-ids <subnet-a> <subnet-b> ' +
      '--security-group-ids <sg> --private-dns-enabled --policy-document file://bedrock-endpoint-policy.json',
    terraform:
      'resource "aws_vpc_endpoint" "bedrock_runtime" {\n  vpc_id              = var.vpc_id\n' +
      '  service_name        = "com.amazonaws.${var.region}.bedrock-runtime"\n  vpc_endpoint_type   = "Interface"\n' +
      '  subnet_ids          = var.private_subnet_ids\n  security_group_ids  = [aws_security_group.bedrock.id]\n' +
      '  private_dns_enabled = true\n  policy              = data.aws_iam_policy_document.bedrock_endpoint.json\n}',
  },
  controls: [
    { ref: 'mitre-atlas@5.6.0:AML.M0019', relationship: 'intersects-with' },
    { ref: 'mitre-atlas@5.6.0:AML.T0025', relationship: 'intersects-with' },
    { ref: 'owasp-llm@2025:LLM10', relationship: 'intersects-with' },
    { ref: 'iso-42001@2023:A.4.5', relationship: 'intersects-with' },
    { ref: 'nist-ai-rmf@1.0:MEASURE 2.7', relationship: 'subset-of' },
    { ref: 'nist-ai-600-1@2024:GAI-2.9', relationship: 'intersects-with' },
    { ref: 'eu-ai-act@2024:Art. 15', relationship: 'intersects-with' },
  ],
  evaluate(asset, ctx): CheckResult {
    const region = asset.region;
    const resources = Object.fromEntries(
      BEDROCK_RESOURCE_TYPES.map((t) => [t, ctx.inAccount(t, region).length] as const).filter(
        ([, n]) => n > 0,
      ),
    );
    const logging = has(asset.attributes, 'loggingConfig');
    if (Object.keys(resources).length === 0 && !logging) {
      return {
        status: 'not_applicable',
        reason: `No Bedrock resource is inventoried in ${region} and invocation logging is off there.`,
      };
    }
    const serviceName = `com.amazonaws.${region}.bedrock-runtime`;
    const endpoints = ctx.inAccount('aws.ec2.vpc_endpoint', region);
    const runtime = endpoints.filter((e) => e.attributes.ServiceName === serviceName);
    const seen = runtime.map((e) => ({
      VpcEndpointId: e.attributes.VpcEndpointId,
      VpcEndpointType: e.attributes.VpcEndpointType ?? null,
      State: e.attributes.State ?? null,
    }));
    const usable = runtime.some(
      (e) =>
        e.attributes.VpcEndpointType === 'Interface' &&
        typeof e.attributes.State === 'string' &&
        e.attributes.State.toLowerCase() === 'available',
    );
    const evidence = {
      region,
      serviceName,
      bedrockRuntimeEndpoints: seen,
      bedrockResources: resources,
      logging,
    };
    if (usable) return { status: 'pass', evidence };
    // An endpoint whose service, type or state was not returned might be the one: no verdict from it.
    const unreadable = endpoints.filter(
      (e) =>
        !has(e.attributes, 'ServiceName') ||
        (e.attributes.ServiceName === serviceName &&
          (!has(e.attributes, 'VpcEndpointType') || !has(e.attributes, 'State'))),
    );
    if (unreadable.length > 0) {
      return {
        status: 'unknown',
        missing: unreadable.map(
          (e) => `${e.nativeId}: DescribeVpcEndpoints ServiceName/VpcEndpointType/State`,
        ),
      };
    }
    return { status: 'fail', evidence };
  },
});
