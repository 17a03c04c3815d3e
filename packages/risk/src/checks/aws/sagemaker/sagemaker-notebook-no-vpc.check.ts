import { defineCheck } from '../../../check';
import { isNonEmptyString, requireFields } from './sagemaker-fields.util';

export const sagemakerNotebookNoVpc = defineCheck({
  id: 'aws.sagemaker.notebook.no_vpc',
  title: 'SageMaker notebook instance does not run in your VPC',
  severity: 'medium',
  provider: 'aws',
  assetType: 'aws.sagemaker.notebook_instance',
  rationale:
    'Without a SubnetId the notebook has no network interface in any of your VPCs: security groups, network ACLs, ' +
    'VPC endpoint policies and flow logs do not apply to it, and SageMaker must give it direct internet access. ' +
    'Data it reads and credentials it holds can leave through a path you neither filter nor log.',
  reads: ['DescribeNotebookInstance.SubnetId', 'DescribeNotebookInstance.SecurityGroups'],
  remediation: {
    console:
      'The subnet can only be chosen at creation. Create a replacement notebook under "Network" with a VPC, a ' +
      'private subnet and a security group (and direct internet access disabled), move the work over, then ' +
      'delete this notebook.',
    cli:
      'aws sagemaker create-notebook-instance --notebook-instance-name <name> --instance-type <type> ' +
      '--role-arn <role> --subnet-id <subnet> --security-group-ids <sg> --direct-internet-access Disabled',
    terraform:
      'resource "aws_sagemaker_notebook_instance" "this" {\n  subnet_id              = var.private_subnet_id\n' +
      '  security_groups        = [var.security_group_id]\n  direct_internet_access = "Disabled"\n}',
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
    // DescribeNotebookInstance omits SubnetId for a notebook outside any VPC; the ARN proves the answer came.
    const unknown = requireFields(asset, 'NotebookInstanceArn');
    if (unknown) return unknown;
    const a = asset.attributes;
    const evidence = { SubnetId: a.SubnetId ?? null, SecurityGroups: a.SecurityGroups ?? null };
    return isNonEmptyString(a.SubnetId) ? { status: 'pass', evidence } : { status: 'fail', evidence };
  },
});
