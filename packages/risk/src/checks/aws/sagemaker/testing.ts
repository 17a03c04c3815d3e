/**
 * Well-configured SageMaker (and neighbouring IAM / S3) assets exactly as the connectors store them: the
 * Describe answer with Dates as ISO strings and absent members left out. Tests change one field at a time.
 */
import type { CheckAsset } from '../../../check';
import { testAsset } from '../../../testing';

const ACCOUNT = '123456789012';
const REGION = 'us-east-1';
export const KEY_ARN = `arn:aws:kms:${REGION}:${ACCOUNT}:key/1111-2222`;
export const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/sagemaker-scoped`;
const VPC = { SecurityGroupIds: ['sg-0a1b2c3d'], Subnets: ['subnet-0a1b2c3d', 'subnet-0e5f6a7b'] };
const sm = (kind: string, name: string) => `arn:aws:sagemaker:${REGION}:${ACCOUNT}:${kind}/${name}`;

/** An asset of any SageMaker type: nativeId is the ARN the attributes name. */
export function sagemakerAsset(
  assetType: string,
  nativeId: string,
  attributes: Record<string, unknown>,
): CheckAsset {
  return testAsset({ provider: 'aws', assetType, nativeId, attributes });
}

/** Drops a top-level member, as SageMaker does when it has no value for it. */
export function without(attributes: Record<string, unknown>, ...keys: string[]): Record<string, unknown> {
  const out = { ...attributes };
  for (const k of keys) delete out[k];
  return out;
}

export const MODEL_ARN = sm('model', 'fraud-model');
export const wellConfiguredModel: Record<string, unknown> = {
  ModelName: 'fraud-model',
  PrimaryContainer: {
    Image: `683313688378.dkr.ecr.${REGION}.amazonaws.com/sagemaker-xgboost:1.7-1`,
    Mode: 'SingleModel',
    ModelDataUrl: `s3://sagemaker-${REGION}-${ACCOUNT}/fraud/output/job-1/output/model.tar.gz`,
    Environment: { SAGEMAKER_REGION: REGION },
  },
  ExecutionRoleArn: ROLE_ARN,
  VpcConfig: VPC,
  CreationTime: '2025-03-01T10:00:00.000Z',
  ModelArn: MODEL_ARN,
  EnableNetworkIsolation: true,
};
export const modelAsset = (attributes: Record<string, unknown>) =>
  sagemakerAsset('aws.sagemaker.model', MODEL_ARN, attributes);

export const ENDPOINT_CONFIG_ARN = sm('endpoint-config', 'fraud-config-1');
export const wellConfiguredEndpointConfig: Record<string, unknown> = {
  EndpointConfigName: 'fraud-config-1',
  EndpointConfigArn: ENDPOINT_CONFIG_ARN,
  ProductionVariants: [
    {
      VariantName: 'AllTraffic',
      ModelName: 'fraud-model',
      InitialInstanceCount: 2,
      InstanceType: 'ml.m5.large',
      InitialVariantWeight: 1,
    },
  ],
  DataCaptureConfig: {
    EnableCapture: true,
    InitialSamplingPercentage: 20,
    DestinationS3Uri: `s3://sagemaker-${REGION}-${ACCOUNT}/fraud/data-capture`,
    KmsKeyId: KEY_ARN,
    CaptureOptions: [{ CaptureMode: 'Input' }, { CaptureMode: 'Output' }],
  },
  KmsKeyId: KEY_ARN,
  CreationTime: '2025-03-02T10:00:00.000Z',
};
export const endpointConfigAsset = (attributes: Record<string, unknown>) =>
  sagemakerAsset('aws.sagemaker.endpoint_config', ENDPOINT_CONFIG_ARN, attributes);

export const ENDPOINT_ARN = sm('endpoint', 'fraud-endpoint-prod');
export const wellConfiguredEndpoint: Record<string, unknown> = {
  EndpointName: 'fraud-endpoint-prod',
  EndpointArn: ENDPOINT_ARN,
  EndpointConfigName: 'fraud-config-1',
  ProductionVariants: [
    {
      VariantName: 'AllTraffic',
      CurrentWeight: 1,
      DesiredWeight: 1,
      CurrentInstanceCount: 2,
      DesiredInstanceCount: 2,
    },
  ],
  EndpointStatus: 'InService',
  CreationTime: '2025-03-02T11:00:00.000Z',
  LastModifiedTime: '2025-03-02T11:10:00.000Z',
};
export const endpointAsset = (attributes: Record<string, unknown>) =>
  sagemakerAsset('aws.sagemaker.endpoint', ENDPOINT_ARN, attributes);

export const MONITORING_SCHEDULE_ARN = sm('monitoring-schedule', 'fraud-endpoint-prod-data-quality');
export const monitoringScheduleAsset = (endpointName = 'fraud-endpoint-prod') =>
  sagemakerAsset('aws.sagemaker.monitoring_schedule', MONITORING_SCHEDULE_ARN, {
    MonitoringScheduleArn: MONITORING_SCHEDULE_ARN,
    MonitoringScheduleName: 'fraud-endpoint-prod-data-quality',
    MonitoringScheduleStatus: 'Scheduled',
    MonitoringType: 'DataQuality',
    EndpointName: endpointName,
  });

export const TRAINING_JOB_ARN = sm('training-job', 'fraud-xgboost-2025-03-01');
export const TRAINING_BUCKET_ARN = `arn:aws:s3:::sagemaker-${REGION}-${ACCOUNT}`;
export const wellConfiguredTrainingJob: Record<string, unknown> = {
  TrainingJobName: 'fraud-xgboost-2025-03-01',
  TrainingJobArn: TRAINING_JOB_ARN,
  TrainingJobStatus: 'Completed',
  SecondaryStatus: 'Completed',
  AlgorithmSpecification: {
    TrainingImage: `683313688378.dkr.ecr.${REGION}.amazonaws.com/sagemaker-xgboost:1.7-1`,
    TrainingInputMode: 'File',
  },
  RoleArn: ROLE_ARN,
  InputDataConfig: [
    {
      ChannelName: 'train',
      DataSource: {
        S3DataSource: {
          S3DataType: 'S3Prefix',
          S3Uri: `s3://sagemaker-${REGION}-${ACCOUNT}/fraud/data/train/`,
          S3DataDistributionType: 'FullyReplicated',
        },
      },
      CompressionType: 'None',
      RecordWrapperType: 'None',
    },
  ],
  OutputDataConfig: { KmsKeyId: KEY_ARN, S3OutputPath: `s3://sagemaker-${REGION}-${ACCOUNT}/fraud/output` },
  ResourceConfig: {
    InstanceType: 'ml.m5.xlarge',
    InstanceCount: 2,
    VolumeSizeInGB: 50,
    VolumeKmsKeyId: KEY_ARN,
  },
  VpcConfig: VPC,
  StoppingCondition: { MaxRuntimeInSeconds: 86400 },
  CreationTime: '2025-03-01T08:00:00.000Z',
  LastModifiedTime: '2025-03-01T09:00:00.000Z',
  EnableNetworkIsolation: true,
  EnableInterContainerTrafficEncryption: true,
  EnableManagedSpotTraining: false,
};
export const trainingJobAsset = (attributes: Record<string, unknown>) =>
  sagemakerAsset('aws.sagemaker.training_job', TRAINING_JOB_ARN, attributes);

export const PROCESSING_JOB_ARN = sm('processing-job', 'fraud-preprocess-2025-03-01');
export const wellConfiguredProcessingJob: Record<string, unknown> = {
  ProcessingInputs: [
    {
      InputName: 'input-1',
      AppManaged: false,
      S3Input: {
        S3Uri: `s3://ml-raw-data-${ACCOUNT}/fraud/raw/`,
        LocalPath: '/opt/ml/processing/input',
        S3DataType: 'S3Prefix',
        S3InputMode: 'File',
      },
    },
  ],
  ProcessingOutputConfig: {
    Outputs: [
      {
        OutputName: 'train',
        S3Output: {
          S3Uri: `s3://sagemaker-${REGION}-${ACCOUNT}/fraud/data/train/`,
          LocalPath: '/opt/ml/processing/train',
          S3UploadMode: 'EndOfJob',
        },
        AppManaged: false,
      },
    ],
    KmsKeyId: KEY_ARN,
  },
  ProcessingJobName: 'fraud-preprocess-2025-03-01',
  ProcessingResources: {
    ClusterConfig: {
      InstanceCount: 1,
      InstanceType: 'ml.m5.xlarge',
      VolumeSizeInGB: 30,
      VolumeKmsKeyId: KEY_ARN,
    },
  },
  StoppingCondition: { MaxRuntimeInSeconds: 86400 },
  AppSpecification: { ImageUri: 'image', ContainerEntrypoint: ['python3', 'preprocess.py'] },
  NetworkConfig: {
    EnableInterContainerTrafficEncryption: true,
    EnableNetworkIsolation: true,
    VpcConfig: VPC,
  },
  RoleArn: ROLE_ARN,
  ProcessingJobArn: PROCESSING_JOB_ARN,
  ProcessingJobStatus: 'Completed',
  CreationTime: '2025-03-01T07:00:00.000Z',
  LastModifiedTime: '2025-03-01T07:30:00.000Z',
};
export const processingJobAsset = (attributes: Record<string, unknown>) =>
  sagemakerAsset('aws.sagemaker.processing_job', PROCESSING_JOB_ARN, attributes);

export const DOMAIN_ARN = sm('domain', 'd-abcdefghijkl');
export const wellConfiguredDomain: Record<string, unknown> = {
  DomainArn: DOMAIN_ARN,
  DomainId: 'd-abcdefghijkl',
  DomainName: 'ds-studio-prod',
  HomeEfsFileSystemId: 'fs-0a1b2c3d',
  Status: 'InService',
  AuthMode: 'SSO',
  DefaultUserSettings: {
    ExecutionRole: ROLE_ARN,
    SecurityGroups: ['sg-0a1b2c3d'],
    SharingSettings: { NotebookOutputOption: 'Disabled' },
  },
  AppNetworkAccessType: 'VpcOnly',
  SubnetIds: VPC.Subnets,
  VpcId: 'vpc-0a1b2c3d',
  KmsKeyId: KEY_ARN,
  AppSecurityGroupManagement: 'Service',
};
export const domainAsset = (attributes: Record<string, unknown>) =>
  sagemakerAsset('aws.sagemaker.domain', DOMAIN_ARN, attributes);

export const MODEL_PACKAGE_ARN = sm('model-package', 'fraud-registry/2');
const pipelineIdentity = {
  IamIdentity: {
    Arn: `arn:aws:sts::${ACCOUNT}:assumed-role/sagemaker-training-pipeline/SageMaker-1234567890`,
    PrincipalId: 'AROAEXAMPLE:SageMaker',
  },
};
export const reviewerIdentity = {
  IamIdentity: {
    Arn: `arn:aws:sts::${ACCOUNT}:assumed-role/MLModelReviewer/alice.martin`,
    PrincipalId: 'AROAREVIEWER:alice.martin',
  },
};
/** A version approved by a reviewer after it was registered. */
export const wellConfiguredModelPackage: Record<string, unknown> = {
  ModelPackageName: 'fraud-registry',
  ModelPackageGroupName: 'fraud-registry',
  ModelPackageVersion: 2,
  ModelPackageArn: MODEL_PACKAGE_ARN,
  CreationTime: '2025-03-03T10:00:00.000Z',
  ModelPackageStatus: 'Completed',
  ModelApprovalStatus: 'Approved',
  CreatedBy: pipelineIdentity,
  LastModifiedTime: '2025-03-04T10:00:00.000Z',
  LastModifiedBy: reviewerIdentity,
  ApprovalDescription: 'Reviewed evaluation report and bias metrics; approved for production',
};
export const modelPackageAsset = (attributes: Record<string, unknown>) =>
  sagemakerAsset('aws.sagemaker.model_package', MODEL_PACKAGE_ARN, attributes);
export { pipelineIdentity };

export const FEATURE_GROUP_ARN = sm('feature-group', 'fraud-features');
export const wellConfiguredFeatureGroup: Record<string, unknown> = {
  FeatureGroupArn: FEATURE_GROUP_ARN,
  FeatureGroupName: 'fraud-features',
  RecordIdentifierFeatureName: 'customer_id',
  EventTimeFeatureName: 'event_time',
  CreationTime: '2025-01-01T00:00:00.000Z',
  OnlineStoreConfig: {
    SecurityConfig: { KmsKeyId: KEY_ARN },
    EnableOnlineStore: true,
    StorageType: 'Standard',
  },
  OfflineStoreConfig: {
    S3StorageConfig: {
      S3Uri: `s3://ml-feature-store-${REGION}-${ACCOUNT}/fraud`,
      KmsKeyId: KEY_ARN,
      ResolvedOutputS3Uri: `s3://ml-feature-store-${REGION}-${ACCOUNT}/fraud/data`,
    },
    DisableGlueTableCreation: false,
    TableFormat: 'Glue',
  },
  RoleArn: ROLE_ARN,
  FeatureGroupStatus: 'Created',
};
export const featureGroupAsset = (attributes: Record<string, unknown>) =>
  sagemakerAsset('aws.sagemaker.feature_group', FEATURE_GROUP_ARN, attributes);

export const PIPELINE_ARN = sm('pipeline', 'fraud-build');
/** A pipeline definition whose RegisterModel step takes its approval status from a parameter. */
export function pipelineDefinition(defaultApproval: string, stepApproval?: unknown): string {
  return JSON.stringify({
    Version: '2020-12-01',
    Parameters: [
      { Name: 'InputDataUrl', Type: 'String', DefaultValue: 's3://bucket/raw/' },
      { Name: 'ModelApprovalStatus', Type: 'String', DefaultValue: defaultApproval },
    ],
    Steps: [
      { Name: 'Train', Type: 'Training', Arguments: { RoleArn: ROLE_ARN } },
      {
        Name: 'RegisterModel',
        Type: 'RegisterModel',
        Arguments: {
          ModelPackageGroupName: 'fraud-registry',
          ModelApprovalStatus: stepApproval ?? { Get: 'Parameters.ModelApprovalStatus' },
        },
      },
    ],
  });
}
export const wellConfiguredPipeline: Record<string, unknown> = {
  PipelineArn: PIPELINE_ARN,
  PipelineName: 'fraud-build',
  PipelineDisplayName: 'fraud-build',
  PipelineDefinition: pipelineDefinition('PendingManualApproval'),
  RoleArn: ROLE_ARN,
  PipelineStatus: 'Active',
};
export const pipelineAsset = (attributes: Record<string, unknown>) =>
  sagemakerAsset('aws.sagemaker.pipeline', PIPELINE_ARN, attributes);

export const LIFECYCLE_CONFIG_ARN = sm('notebook-instance-lifecycle-config', 'install-conda-envs');
export const cleanLifecycleConfig: Record<string, unknown> = {
  NotebookInstanceLifecycleConfigArn: LIFECYCLE_CONFIG_ARN,
  NotebookInstanceLifecycleConfigName: 'install-conda-envs',
  OnStart: [{ Content: '#!/bin/bash\nset -e\nconda activate ml\n' }],
  LastModifiedTime: '2025-01-01T00:00:00.000Z',
  CreationTime: '2025-01-01T00:00:00.000Z',
  detectedSecrets: [],
};
/** What the connector stores for a script with an access key pair pasted in (values already redacted). */
export const leakyLifecycleConfig: Record<string, unknown> = {
  ...cleanLifecycleConfig,
  OnStart: [
    {
      Content:
        '#!/bin/bash\naws_access_key_id = [redacted:aws-access-key-id]\n' +
        'aws_secret_access_key = [redacted:aws-secret-access-key]\n',
    },
  ],
  detectedSecrets: [
    { hook: 'OnStart', kind: 'aws-access-key-id', line: 2 },
    { hook: 'OnStart', kind: 'aws-secret-access-key', line: 3 },
  ],
};
export const lifecycleConfigAsset = (attributes: Record<string, unknown>) =>
  sagemakerAsset('aws.sagemaker.notebook_lifecycle_config', LIFECYCLE_CONFIG_ARN, attributes);

const policyDoc = (statements: Record<string, unknown>[]) => ({
  Version: '2012-10-17',
  Statement: statements,
});
export const SCOPED_POLICY_ARN = `arn:aws:iam::${ACCOUNT}:policy/SageMakerS3Access`;
/** A customer managed policy as the IAM policies discoverer stores it (default version's document parsed). */
export function customerPolicyAsset(
  arn: string,
  statements: Record<string, unknown>[],
  name = arn.split('/').at(-1)!,
): CheckAsset {
  return testAsset({
    provider: 'aws',
    assetType: 'aws.iam.policy',
    nativeId: arn,
    attributes: {
      PolicyName: name,
      Arn: arn,
      DefaultVersionId: 'v1',
      DefaultVersion: { VersionId: 'v1', IsDefaultVersion: true, Document: policyDoc(statements) },
    },
  });
}
export const scopedPolicy = customerPolicyAsset(SCOPED_POLICY_ARN, [
  { Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket'], Resource: 'arn:aws:s3:::training-data/*' },
]);
/** A role as the IAM roles discoverer stores it: scoped inline policy, one customer managed policy attached. */
export const wellScopedRole: Record<string, unknown> = {
  RoleName: 'sagemaker-scoped',
  Path: '/',
  Arn: ROLE_ARN,
  RoleId: 'AROAEXAMPLE',
  MaxSessionDuration: 3600,
  AssumeRolePolicyDocument: policyDoc([
    { Effect: 'Allow', Principal: { Service: 'sagemaker.amazonaws.com' }, Action: 'sts:AssumeRole' },
  ]),
  AttachedManagedPolicies: [{ PolicyName: 'SageMakerS3Access', PolicyArn: SCOPED_POLICY_ARN }],
  AttachedPolicyArns: [SCOPED_POLICY_ARN],
  InlinePolicies: [
    {
      PolicyName: 'write-artifacts',
      PolicyDocument: policyDoc([
        { Effect: 'Allow', Action: 's3:PutObject', Resource: 'arn:aws:s3:::model-artifacts/*' },
      ]),
    },
  ],
};
export { policyDoc };
export const roleAsset = (attributes: Record<string, unknown>) =>
  testAsset({ provider: 'aws', assetType: 'aws.iam.role', nativeId: ROLE_ARN, attributes });

/** The graph of a role used by a SageMaker training job, with the role's customer policies discovered. */
export function roleGraph(policies: CheckAsset[] = [scopedPolicy], users: CheckAsset[] = []) {
  const user = users.length > 0 ? users : [trainingJobAsset(wellConfiguredTrainingJob)];
  return {
    assets: [...policies, ...user],
    relations: [
      ...policies.map((p) => ({ fromNativeId: ROLE_ARN, kind: 'attached_policy', toNativeId: p.nativeId })),
      ...user.map((u) => ({ fromNativeId: u.nativeId, kind: 'uses_role', toNativeId: ROLE_ARN })),
    ],
  };
}

/** A private bucket as the S3 discoverer stores it: no public policy, owner-only ACL, every block on. */
export const privateBucket: Record<string, unknown> = {
  Name: `sagemaker-${REGION}-${ACCOUNT}`,
  Region: REGION,
  PolicyStatus: { IsPublic: false },
  PublicAccessBlock: {
    BlockPublicAcls: true,
    IgnorePublicAcls: true,
    BlockPublicPolicy: true,
    RestrictPublicBuckets: true,
  },
  Acl: {
    Owner: { ID: 'owner-canonical-id' },
    Grants: [{ Grantee: { Type: 'CanonicalUser', ID: 'owner-canonical-id' }, Permission: 'FULL_CONTROL' }],
  },
};
export const bucketAsset = (attributes: Record<string, unknown>, arn = TRAINING_BUCKET_ARN) =>
  testAsset({ provider: 'aws', assetType: 'aws.s3.bucket', nativeId: arn, attributes });
