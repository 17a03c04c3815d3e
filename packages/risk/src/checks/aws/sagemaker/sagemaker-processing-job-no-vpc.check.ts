import { defineCheck } from '../../../check';
import { vpcVerdict } from './sagemaker-fields.util';
import { denyJobsWithout } from './training-job-guardrail.util';

export const sagemakerProcessingJobNoVpc = defineCheck({
  id: 'aws.sagemaker.processing_job.no_vpc',
  title: 'SageMaker processing job ran outside your VPC',
  severity: 'medium',
  provider: 'aws',
  assetType: 'aws.sagemaker.processing_job',
  rationale:
    'Without NetworkConfig.VpcConfig the processing job reads raw data and writes the prepared dataset from the ' +
    'SageMaker service network: VPC endpoint policies, security groups and flow logs do not apply, so the data ' +
    'can move to or from buckets outside your organisation without a trace in your network.',
  reads: ['DescribeProcessingJob.NetworkConfig.VpcConfig'],
  remediation: {
    console:
      'Processing jobs cannot be changed. Rerun the job with a VPC (processor network_config=NetworkConfig(' +
      'subnets=[...], security_group_ids=[...])) that has an S3 gateway endpoint, and deny new jobs without one.',
    cli:
      'aws sagemaker create-processing-job --processing-job-name <name> ' +
      "--network-config 'VpcConfig={SecurityGroupIds=[<sg>],Subnets=[<subnet-a>,<subnet-b>]}' ...",
    terraform: denyJobsWithout('RequireVpc', '{ Null = { "sagemaker:VpcSubnets" = "true" } }'),
  },
  controls: [
    { ref: 'mitre-atlas@5.6.0:AML.M0019', relationship: 'intersects-with' },
    { ref: 'mitre-atlas@5.6.0:AML.T0025', relationship: 'intersects-with' },
    { ref: 'iso-42001@2023:A.7.6', relationship: 'intersects-with' },
    { ref: 'owasp-llm@2025:LLM04', relationship: 'intersects-with' },
    { ref: 'nist-ai-rmf@1.0:MEASURE 2.7', relationship: 'subset-of' },
    { ref: 'nist-ai-600-1@2024:GAI-2.9', relationship: 'intersects-with' },
    { ref: 'eu-ai-act@2024:Art. 15', relationship: 'intersects-with' },
  ],
  evaluate(asset) {
    // NetworkConfig, and VpcConfig inside it, are omitted when the job had no VPC.
    return vpcVerdict(asset, 'ProcessingJobArn', 'NetworkConfig.VpcConfig');
  },
});
