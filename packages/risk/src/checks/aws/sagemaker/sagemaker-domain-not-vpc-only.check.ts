import { defineCheck, has } from '../../../check';

export const sagemakerDomainNotVpcOnly = defineCheck({
  id: 'aws.sagemaker.domain.not_vpc_only',
  title: 'SageMaker Studio domain gives its apps direct internet access',
  severity: 'high',
  provider: 'aws',
  assetType: 'aws.sagemaker.domain',
  rationale:
    'With AppNetworkAccessType PublicInternetOnly every Studio app (JupyterLab, Code Editor, training launched ' +
    'from it) reaches the internet through the SageMaker-managed VPC, outside your security groups, proxies and ' +
    'logs. Users or code running as them can pull untrusted models and packages and send data and execution ' +
    'role credentials anywhere.',
  reads: ['DescribeDomain.AppNetworkAccessType'],
  remediation: {
    console:
      'Delete or stop every app in the domain, then under Domain settings > Network choose "VPC only", private ' +
      'subnets and security groups, and add the VPC endpoints (SageMaker API / runtime, S3, STS, ...) or a NAT ' +
      'gateway the users need.',
    cli:
      'aws sagemaker update-domain --domain-id <domain-id> --app-network-access-type VpcOnly ' +
      '--subnet-ids <subnet-a> <subnet-b> --default-user-settings SecurityGroups=<sg>',
    terraform:
      'resource "aws_sagemaker_domain" "this" {\n  app_network_access_type = "VpcOnly"\n' +
      '  vpc_id                  = var.vpc_id\n  subnet_ids              = var.private_subnet_ids\n' +
      '  default_user_settings {\n    execution_role  = aws_iam_role.studio.arn\n' +
      '    security_groups = [var.security_group_id]\n  }\n}',
  },
  controls: [
    { ref: 'mitre-atlas@5.6.0:AML.M0019', relationship: 'intersects-with' },
    { ref: 'mitre-atlas@5.6.0:AML.T0025', relationship: 'intersects-with' },
    { ref: 'owasp-llm@2025:LLM03', relationship: 'intersects-with' },
    { ref: 'iso-42001@2023:A.4.5', relationship: 'intersects-with' },
    { ref: 'nist-ai-rmf@1.0:MEASURE 2.7', relationship: 'subset-of' },
    { ref: 'nist-ai-600-1@2024:GAI-2.9', relationship: 'intersects-with' },
    { ref: 'eu-ai-act@2024:Art. 15', relationship: 'intersects-with' },
  ],
  evaluate(asset) {
    const a = asset.attributes;
    // AWS documents PublicInternetOnly as the default; no field, no verdict.
    if (!has(a, 'AppNetworkAccessType')) return { status: 'unknown', missing: ['AppNetworkAccessType'] };
    const evidence = { AppNetworkAccessType: a.AppNetworkAccessType };
    return a.AppNetworkAccessType === 'PublicInternetOnly'
      ? { status: 'fail', evidence }
      : { status: 'pass', evidence };
  },
});
