import { defineCheck, has } from '../../../check';

export const sagemakerNotebookDirectInternetAccess = defineCheck({
  id: 'aws.sagemaker.notebook.direct_internet_access',
  title: 'SageMaker notebook instance has direct internet access',
  severity: 'high',
  provider: 'aws',
  assetType: 'aws.sagemaker.notebook_instance',
  rationale:
    'With DirectInternetAccess enabled SageMaker gives the notebook its own route to the internet, outside your ' +
    'VPC controls. Code run in the notebook can download untrusted packages and models and send training data ' +
    'or credentials out, and nothing in your network sees it.',
  reads: ['DescribeNotebookInstance.DirectInternetAccess'],
  remediation: {
    console:
      'Direct internet access can only be chosen at creation. Create a replacement notebook in a VPC subnet with ' +
      '"Direct internet access" set to Disable (egress through a NAT gateway or VPC endpoints you control), move ' +
      'the work over, then delete this notebook.',
    cli:
      'aws sagemaker create-notebook-instance --notebook-instance-name <name> --instance-type <type> ' +
      '--role-arn <role> --subnet-id <subnet> --security-group-ids <sg> --direct-internet-access Disabled',
    terraform:
      'resource "aws_sagemaker_notebook_instance" "this" {\n  subnet_id              = var.subnet_id\n' +
      '  security_groups        = [var.security_group_id]\n  direct_internet_access = "Disabled"\n}',
  },
  controls: [
    { ref: 'mitre-atlas@5.6.0:AML.T0025', relationship: 'intersects-with' },
    { ref: 'mitre-atlas@5.6.0:AML.M0019', relationship: 'intersects-with' },
    { ref: 'owasp-llm@2025:LLM03', relationship: 'intersects-with' },
    { ref: 'iso-42001@2023:A.4.5', relationship: 'intersects-with' },
    { ref: 'nist-ai-rmf@1.0:MEASURE 2.7', relationship: 'subset-of' },
    { ref: 'nist-ai-600-1@2024:GAI-2.9', relationship: 'intersects-with' },
    { ref: 'eu-ai-act@2024:Art. 15', relationship: 'intersects-with' },
  ],
  evaluate(asset) {
    const a = asset.attributes;
    if (!has(a, 'DirectInternetAccess')) return { status: 'unknown', missing: ['DirectInternetAccess'] };
    const value = a.DirectInternetAccess;
    const evidence = { DirectInternetAccess: value, SubnetId: a.SubnetId ?? null };
    return value === 'Enabled' ? { status: 'fail', evidence } : { status: 'pass', evidence };
  },
});
