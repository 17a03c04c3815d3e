import type { TAccountSetup, TProvider } from '@aispm/contracts';

/**
 * Every SageMaker action the SageMaker discoverers call. Read-only: List*, Describe* and ListTags; no action
 * here can change a resource or read data (no InvokeEndpoint, no GetObject).
 */
const SAGEMAKER_ACTIONS = [
  'sagemaker:ListNotebookInstances',
  'sagemaker:DescribeNotebookInstance',
  'sagemaker:ListModels',
  'sagemaker:DescribeModel',
  'sagemaker:ListEndpointConfigs',
  'sagemaker:DescribeEndpointConfig',
  'sagemaker:ListEndpoints',
  'sagemaker:DescribeEndpoint',
  'sagemaker:ListTrainingJobs',
  'sagemaker:DescribeTrainingJob',
  'sagemaker:ListTags',
];

/** The read-only actions of every AWS discoverer, sorted and without duplicates. */
export function awsReadActions(): string[] {
  return [...new Set([...SAGEMAKER_ACTIONS])].sort();
}

function pretty(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

function awsSetup(): TAccountSetup {
  const actions = awsReadActions();
  return {
    provider: 'aws',
    format: 'aws-iam-policy',
    title: 'AWS: read-only IAM policy for AI discovery',
    permissions: actions,
    document: pretty({
      Version: '2012-10-17',
      Statement: [{ Sid: 'AispmReadOnlyAiDiscovery', Effect: 'Allow', Action: actions, Resource: '*' }],
    }),
    steps: [
      'In the IAM console, create a customer managed policy named aispm-read-only from this JSON.',
      'Preferred: create a role for cross-account access with an external id (choose "AWS account" as trusted entity, tick "Require external ID"), attach the policy, and connect with the role ARN and external id.',
      'Or: create an IAM user with only this policy and an access key, and connect with the key (rotate it regularly).',
      'List every region you run AI workloads in; each region is listed separately.',
    ],
  };
}

/** The least-privilege setup of a provider, or undefined where the platform cannot list that cloud yet. */
export function accountSetupFor(provider: TProvider): TAccountSetup | undefined {
  switch (provider) {
    case 'aws':
      return awsSetup();
    case 'azure':
    case 'gcp':
      return undefined;
  }
}
