import { defineCheck } from '../../../check';
import { vpcVerdict } from './sagemaker-fields.util';
import { denyJobsWithout } from './training-job-guardrail.util';

export const sagemakerTrainingJobNoVpc = defineCheck({
  id: 'aws.sagemaker.training_job.no_vpc',
  title: 'SageMaker training job ran outside your VPC',
  severity: 'medium',
  provider: 'aws',
  assetType: 'aws.sagemaker.training_job',
  rationale:
    'A training job without VpcConfig runs in the SageMaker service network: its access to training data in S3 ' +
    'is not limited by your VPC endpoint policies or security groups and is not in your flow logs, so data ' +
    'can be read from or written to buckets outside your organisation unnoticed.',
  reads: ['DescribeTrainingJob.VpcConfig'],
  remediation: {
    console:
      'Training jobs cannot be changed. Rerun the job with a VPC, private subnets and a security group (estimator ' +
      'subnets=[...], security_group_ids=[...]), with an S3 gateway endpoint in that VPC, and deny new jobs ' +
      'without a VPC.',
    cli:
      'aws sagemaker create-training-job --training-job-name <name> ' +
      '--vpc-config SecurityGroupIds=<sg>,Subnets=<subnet-a>,<subnet-b> ...',
    terraform: denyJobsWithout('RequireVpc', '{ Null = { "sagemaker:VpcSubnets" = "true" } }'),
  },
  controls: [
    { ref: 'mitre-atlas@5.6.0:AML.M0019', relationship: 'intersects-with' },
    { ref: 'mitre-atlas@5.6.0:AML.T0025', relationship: 'intersects-with' },
    { ref: 'iso-42001@2023:A.7.2', relationship: 'intersects-with' },
    { ref: 'owasp-llm@2025:LLM04', relationship: 'intersects-with' },
    { ref: 'nist-ai-rmf@1.0:MEASURE 2.7', relationship: 'subset-of' },
    { ref: 'nist-ai-600-1@2024:GAI-2.9', relationship: 'intersects-with' },
    { ref: 'eu-ai-act@2024:Art. 15', relationship: 'intersects-with' },
  ],
  evaluate(asset) {
    // DescribeTrainingJob omits VpcConfig for a job that ran without one; the ARN proves the answer came.
    return vpcVerdict(asset, 'TrainingJobArn', 'VpcConfig');
  },
});
