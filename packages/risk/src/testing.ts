import type { CheckAsset } from './check';

/** A notebook asset as the connector stores it, for check tests. */
export function notebookAsset(attributes: Record<string, unknown>): CheckAsset {
  return {
    id: '0190f6a0-0000-7000-8000-000000000001',
    provider: 'aws',
    assetType: 'aws.sagemaker.notebook_instance',
    nativeId: 'arn:aws:sagemaker:us-east-1:123456789012:notebook-instance/test',
    name: 'test',
    region: 'us-east-1',
    attributes,
    tags: {},
  };
}

/** A complete DescribeNotebookInstance answer of a well-configured notebook. */
export const wellConfiguredNotebook: Record<string, unknown> = {
  NotebookInstanceArn: 'arn:aws:sagemaker:us-east-1:123456789012:notebook-instance/test',
  NotebookInstanceName: 'test',
  NotebookInstanceStatus: 'InService',
  InstanceType: 'ml.t3.medium',
  SubnetId: 'subnet-0a1b2c3d',
  SecurityGroups: ['sg-0a1b2c3d'],
  RoleArn: 'arn:aws:iam::123456789012:role/notebook',
  KmsKeyId: 'arn:aws:kms:us-east-1:123456789012:key/1111-2222',
  DirectInternetAccess: 'Disabled',
  RootAccess: 'Disabled',
  InstanceMetadataServiceConfiguration: { MinimumInstanceMetadataServiceVersion: '2' },
};
