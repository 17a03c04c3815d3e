import type { SeededRandom } from '../seeded-random.util';
import {
  ACCOUNT_ID,
  arnOf,
  buildTags,
  DAY_MS,
  ESTATE_NOW_MS,
  kmsKeyArn,
  pastSeconds,
  SAGEMAKER_ROLES,
  sagemakerBuckets,
  uniqueNames,
  vpcConfig,
  type Region,
  type SimResource,
  type VpcConfig,
} from './sagemaker-common.estate';

export type ProcessingJobStatus = 'InProgress' | 'Completed' | 'Failed' | 'Stopping' | 'Stopped';

/**
 * DescribeProcessingJob as sent. NetworkConfig absent when the job was started without one (no VPC, no
 * isolation: the default); ClusterConfig.VolumeKmsKeyId and ProcessingOutputConfig.KmsKeyId absent without a
 * customer key; end time and exit message only once the job ended.
 */
export interface DescribeProcessingJobBody {
  ProcessingInputs: {
    InputName: string;
    AppManaged: boolean;
    S3Input: {
      S3Uri: string;
      LocalPath: string;
      S3DataType: 'S3Prefix';
      S3InputMode: 'File';
      S3DataDistributionType: 'FullyReplicated';
      S3CompressionType: 'None';
    };
  }[];
  ProcessingOutputConfig: {
    Outputs: {
      OutputName: string;
      S3Output: { S3Uri: string; LocalPath: string; S3UploadMode: 'EndOfJob' };
      AppManaged: boolean;
    }[];
    KmsKeyId?: string;
  };
  ProcessingJobName: string;
  ProcessingResources: {
    ClusterConfig: {
      InstanceCount: number;
      InstanceType: string;
      VolumeSizeInGB: number;
      VolumeKmsKeyId?: string;
    };
  };
  StoppingCondition: { MaxRuntimeInSeconds: number };
  AppSpecification: { ImageUri: string; ContainerEntrypoint: string[] };
  Environment?: Record<string, string>;
  NetworkConfig?: {
    EnableInterContainerTrafficEncryption: boolean;
    EnableNetworkIsolation: boolean;
    VpcConfig?: VpcConfig;
  };
  RoleArn: string;
  ProcessingJobArn: string;
  ProcessingJobStatus: ProcessingJobStatus;
  ExitMessage?: string;
  FailureReason?: string;
  ProcessingEndTime?: number;
  ProcessingStartTime?: number;
  LastModifiedTime: number;
  CreationTime: number;
}

/** Who did something, as SageMaker records it (empty when the caller was neither a Studio user nor tracked). */
export interface UserContextBody {
  UserProfileArn?: string;
  UserProfileName?: string;
  DomainId?: string;
  IamIdentity?: { Arn: string; PrincipalId: string };
}

export interface DescribeModelPackageGroupBody {
  ModelPackageGroupName: string;
  ModelPackageGroupArn: string;
  ModelPackageGroupDescription?: string;
  CreationTime: number;
  CreatedBy: UserContextBody;
  ModelPackageGroupStatus: 'Completed' | 'Pending' | 'InProgress' | 'Failed' | 'Deleting' | 'DeleteFailed';
}

export type ModelApprovalStatus = 'Approved' | 'Rejected' | 'PendingManualApproval';

/** How a model package version came to its approval status (for tests; not part of the API). */
export type ApprovalProfile =
  | 'approved-by-reviewer'
  | 'approved-no-approver'
  | 'auto-approved-metadata'
  | 'auto-approved-description'
  | 'rejected'
  | 'pending';

/**
 * DescribeModelPackage of a versioned package as sent: ModelPackageName is the group's name, and the ARN ends in
 * `/<group>/<version>`. LastModifiedBy and ApprovalDescription are absent when nobody recorded an approval;
 * CustomerMetadataProperties, SecurityConfig and ModelPackageDescription only when set.
 */
export interface DescribeModelPackageBody {
  ModelPackageName: string;
  ModelPackageGroupName: string;
  ModelPackageVersion: number;
  ModelPackageArn: string;
  ModelPackageDescription?: string;
  CreationTime: number;
  InferenceSpecification: {
    Containers: { Image: string; ImageDigest: string; ModelDataUrl: string }[];
    SupportedTransformInstanceTypes: string[];
    SupportedRealtimeInferenceInstanceTypes: string[];
    SupportedContentTypes: string[];
    SupportedResponseMIMETypes: string[];
  };
  ModelPackageStatus: 'Completed';
  ModelPackageStatusDetails: { ValidationStatuses: []; ImageScanStatuses: [] };
  CertifyForMarketplace: boolean;
  ModelApprovalStatus: ModelApprovalStatus;
  CreatedBy: UserContextBody;
  MetadataProperties?: { GeneratedBy: string };
  LastModifiedTime?: number;
  LastModifiedBy?: UserContextBody;
  ApprovalDescription?: string;
  CustomerMetadataProperties?: Record<string, string>;
  SecurityConfig?: { KmsKeyId: string };
}

/**
 * DescribeFeatureGroup as sent. OnlineStoreConfig absent for offline-only groups; its SecurityConfig absent
 * without a customer key; OfflineStoreConfig absent for online-only groups, its S3StorageConfig.KmsKeyId absent
 * without a customer key. NextToken (paging the feature definitions) is a required member: empty when all the
 * definitions are in this answer.
 */
export interface DescribeFeatureGroupBody {
  FeatureGroupArn: string;
  FeatureGroupName: string;
  RecordIdentifierFeatureName: string;
  EventTimeFeatureName: string;
  FeatureDefinitions: { FeatureName: string; FeatureType: 'String' | 'Integral' | 'Fractional' }[];
  CreationTime: number;
  LastModifiedTime?: number;
  OnlineStoreConfig?: {
    SecurityConfig?: { KmsKeyId: string };
    EnableOnlineStore: boolean;
    StorageType: 'Standard' | 'InMemory';
  };
  OfflineStoreConfig?: {
    S3StorageConfig: { S3Uri: string; KmsKeyId?: string; ResolvedOutputS3Uri: string };
    DisableGlueTableCreation: boolean;
    DataCatalogConfig: { TableName: string; Catalog: string; Database: string };
    TableFormat: 'Glue' | 'Iceberg';
  };
  ThroughputConfig: { ThroughputMode: 'OnDemand' | 'Provisioned' };
  RoleArn?: string;
  FeatureGroupStatus: 'Created' | 'Creating' | 'CreateFailed';
  OfflineStoreStatus?: { Status: 'Active' | 'Blocked' | 'Disabled' };
  Description?: string;
  NextToken: string;
}

/** DescribePipeline as sent; PipelineDefinition is the JSON document as a string. LastRunTime only once run. */
export interface DescribePipelineBody {
  PipelineArn: string;
  PipelineName: string;
  PipelineDisplayName: string;
  PipelineDefinition: string;
  PipelineDescription?: string;
  RoleArn: string;
  PipelineStatus: 'Active';
  CreationTime: number;
  LastModifiedTime: number;
  LastRunTime?: number;
  CreatedBy: UserContextBody;
  LastModifiedBy: UserContextBody;
  ParallelismConfiguration?: { MaxParallelExecutionSteps: number };
}

export type MonitoringType = 'DataQuality' | 'ModelQuality' | 'ModelBias' | 'ModelExplainability';

/** DescribeMonitoringSchedule as sent. LastMonitoringExecutionSummary absent until the first run. */
export interface DescribeMonitoringScheduleBody {
  MonitoringScheduleArn: string;
  MonitoringScheduleName: string;
  MonitoringScheduleStatus: 'Scheduled' | 'Pending' | 'Failed' | 'Stopped';
  MonitoringType: MonitoringType;
  FailureReason?: string;
  CreationTime: number;
  LastModifiedTime: number;
  MonitoringScheduleConfig: {
    ScheduleConfig: { ScheduleExpression: string };
    MonitoringJobDefinitionName: string;
    MonitoringType: MonitoringType;
  };
  EndpointName: string;
  LastMonitoringExecutionSummary?: {
    MonitoringScheduleName: string;
    ScheduledTime: number;
    CreationTime: number;
    LastModifiedTime: number;
    MonitoringExecutionStatus: 'Completed' | 'CompletedWithViolations' | 'Failed';
    ProcessingJobArn: string;
    EndpointName: string;
    MonitoringJobDefinitionName: string;
    MonitoringType: MonitoringType;
  };
}

export type SimProcessingJob = SimResource<DescribeProcessingJobBody>;
export type SimModelPackageGroup = SimResource<DescribeModelPackageGroupBody>;
export type SimModelPackage = SimResource<DescribeModelPackageBody> & { approval: ApprovalProfile };
export type SimFeatureGroup = SimResource<DescribeFeatureGroupBody>;
export type SimPipeline = SimResource<DescribePipelineBody>;
export type SimMonitoringSchedule = SimResource<DescribeMonitoringScheduleBody>;

export interface MlopsCounts {
  processingJobs: number;
  modelPackageGroups: number;
  modelPackages: number;
  featureGroups: number;
  pipelines: number;
  monitoringSchedules: number;
}

export interface MlopsEstate {
  processingJobs: SimProcessingJob[];
  modelPackageGroups: SimModelPackageGroup[];
  modelPackages: SimModelPackage[];
  featureGroups: SimFeatureGroup[];
  pipelines: SimPipeline[];
  monitoringSchedules: SimMonitoringSchedule[];
}

/** What the new kinds of a region link to among the models, endpoints and training jobs already built. */
export interface MlopsLinks {
  projects: readonly string[];
  /** S3ModelArtifacts of the completed training jobs, in estate order. */
  artifacts: readonly string[];
  endpointNames: readonly string[];
}

const PROCESSING_IMAGES = [
  '683313688378.dkr.ecr.{region}.amazonaws.com/sagemaker-scikit-learn:1.2-1-cpu-py3',
  '173754725891.dkr.ecr.{region}.amazonaws.com/sagemaker-spark-processing:3.3-cpu-py39-v1.0',
  '123456789012.dkr.ecr.{region}.amazonaws.com/feature-pipeline:2025.03',
] as const;
const INFERENCE_IMAGES = [
  '683313688378.dkr.ecr.{region}.amazonaws.com/sagemaker-xgboost:1.7-1',
  '763104351884.dkr.ecr.{region}.amazonaws.com/pytorch-inference:2.1.0-cpu-py310',
] as const;
const PROCESSING_TYPES = ['ml.m5.xlarge', 'ml.m5.4xlarge', 'ml.r5.2xlarge', 'ml.t3.medium'] as const;
const MONITORING_TYPES: readonly MonitoringType[] = [
  'DataQuality',
  'ModelQuality',
  'ModelBias',
  'ModelExplainability',
];
const MONITOR_SUFFIX: Record<MonitoringType, string> = {
  DataQuality: 'data-quality',
  ModelQuality: 'model-quality',
  ModelBias: 'bias',
  ModelExplainability: 'explainability',
};
/** Default-estate approval stories, per region: one group's versions after another's. */
const DEFAULT_APPROVALS: Record<Region, readonly ApprovalProfile[]> = {
  'us-east-1': [
    'rejected',
    'approved-by-reviewer',
    'pending',
    'auto-approved-metadata',
    'approved-no-approver',
  ],
  'eu-west-1': ['auto-approved-description', 'pending'],
};
const SIZED_APPROVALS: readonly ApprovalProfile[] = [
  'approved-by-reviewer',
  'approved-by-reviewer',
  'approved-no-approver',
  'auto-approved-metadata',
  'auto-approved-description',
  'rejected',
  'pending',
  'pending',
];

/**
 * Processing jobs, model registry (groups and versions), feature groups, pipelines and monitoring schedules of
 * one region.
 *
 * Default estate (`sized` false), per region: processing job 0 has no NetworkConfig and no customer keys, job 1
 * runs in a VPC with network isolation and both keys; the last us-east-1 job failed. Model packages follow
 * DEFAULT_APPROVALS: approved by a named reviewer, approved with nobody recorded, auto-approved through
 * CustomerMetadataProperties or an ApprovalDescription, rejected, pending. Feature group 0 has an online store
 * without a customer key, group 1 (us-east-1) an unencrypted offline store, and the eu-west-1 group is offline
 * only. Pipeline 0 registers models as Approved (auto-approval in the definition). Monitoring schedules watch
 * the first endpoints of the region.
 */
export function buildMlopsRegion(
  rnd: SeededRandom,
  region: Region,
  counts: MlopsCounts,
  links: MlopsLinks,
  sized: boolean,
  out: MlopsEstate,
): void {
  const buckets = sagemakerBuckets(region);
  const project = (i: number) => links.projects[i % links.projects.length]!;

  const jobName = uniqueNames();
  // Spread creation times so the timestamped names stay unique even in large estates.
  const jobStep = Math.max(1000, Math.floor((360 * DAY_MS) / Math.max(1, counts.processingJobs)));
  for (let i = 0; i < counts.processingJobs; i++) {
    const p = project(i);
    const createdMs =
      ESTATE_NOW_MS - 5 * DAY_MS - (counts.processingJobs - i) * jobStep + rnd.int(0, jobStep - 1);
    const name = jobName(
      `${p}-preprocess-${new Date(createdMs).toISOString().replace(/[T:.]/g, '-').replace('Z', '')}`,
    );
    const status: ProcessingJobStatus = sized
      ? rnd.pick([
          'Completed',
          'Completed',
          'Completed',
          'Completed',
          'Failed',
          'Stopped',
          'InProgress',
        ] as const)
      : i === counts.processingJobs - 1 && region === 'us-east-1'
        ? 'Failed'
        : 'Completed';
    const hardened = sized ? rnd.chance(0.4) : i % 2 === 1;
    const network = sized ? rnd.chance(0.7) : i % 2 === 1;
    const startMs = createdMs + rnd.int(60, 240) * 1000;
    const endMs = startMs + rnd.int(120, 7200) * 1000;
    const ended = status !== 'InProgress';
    const describe: DescribeProcessingJobBody = {
      ProcessingInputs: [
        processingInput('input-1', `s3://${buckets.raw}/${p}/raw/`, '/opt/ml/processing/input'),
        processingInput(
          'code',
          `s3://${buckets.default}/${p}/code/preprocess.py`,
          '/opt/ml/processing/input/code',
        ),
      ],
      ProcessingOutputConfig: {
        Outputs: [
          {
            OutputName: 'train',
            S3Output: {
              S3Uri: `s3://${buckets.default}/${p}/data/train/`,
              LocalPath: '/opt/ml/processing/train',
              S3UploadMode: 'EndOfJob',
            },
            AppManaged: false,
          },
        ],
        ...(hardened && { KmsKeyId: kmsKeyArn(rnd, region) }),
      },
      ProcessingJobName: name,
      ProcessingResources: {
        ClusterConfig: {
          InstanceCount: rnd.pick([1, 1, 2, 4]),
          InstanceType: rnd.pick(PROCESSING_TYPES),
          VolumeSizeInGB: rnd.pick([30, 50, 100]),
          ...(hardened && { VolumeKmsKeyId: kmsKeyArn(rnd, region) }),
        },
      },
      StoppingCondition: { MaxRuntimeInSeconds: 86_400 },
      AppSpecification: {
        ImageUri: rnd.pick(PROCESSING_IMAGES).replace('{region}', region),
        ContainerEntrypoint: ['python3', '/opt/ml/processing/input/code/preprocess.py'],
      },
      ...(rnd.chance(0.5) && { Environment: { STAGE: rnd.pick(['dev', 'prod']), LOG_LEVEL: 'INFO' } }),
      ...(network && {
        NetworkConfig: {
          EnableInterContainerTrafficEncryption: hardened,
          EnableNetworkIsolation: hardened,
          ...(hardened && { VpcConfig: vpcConfig(rnd) }),
        },
      }),
      RoleArn: rnd.pick(SAGEMAKER_ROLES),
      ProcessingJobArn: arnOf(region, 'processing-job', name),
      ProcessingJobStatus: status,
      ...(status === 'Completed' && { ExitMessage: '' }),
      ...(status === 'Failed' && {
        FailureReason: 'AlgorithmError: See job logs for more information',
        ExitMessage: "ModuleNotFoundError: No module named 'pyarrow'",
      }),
      ...(ended && { ProcessingEndTime: endMs / 1000 }),
      ProcessingStartTime: startMs / 1000,
      LastModifiedTime: (ended ? endMs : startMs) / 1000,
      CreationTime: createdMs / 1000,
    };
    out.processingJobs.push({
      region,
      name,
      arn: describe.ProcessingJobArn,
      describe,
      tags: buildTags(rnd, p),
    });
  }

  const groupName = uniqueNames();
  const groups: SimModelPackageGroup[] = [];
  for (let i = 0; i < counts.modelPackageGroups; i++) {
    const p = project(i);
    const name = groupName(`${p}-registry`);
    const describe: DescribeModelPackageGroupBody = {
      ModelPackageGroupName: name,
      ModelPackageGroupArn: arnOf(region, 'model-package-group', name),
      ...(rnd.chance(0.7) && { ModelPackageGroupDescription: `Model versions of ${p}` }),
      CreationTime: pastSeconds(rnd, 200, 600),
      // Groups created from a script outside Studio record no creator: SageMaker answers an empty object.
      CreatedBy: i === 0 ? {} : iamIdentity(rnd, 'sagemaker-training-pipeline'),
      ModelPackageGroupStatus: 'Completed',
    };
    groups.push({ region, name, arn: describe.ModelPackageGroupArn, describe, tags: buildTags(rnd, p) });
  }
  out.modelPackageGroups.push(...groups);

  // Versions fill the groups in turn: the default estate's 5 us-east-1 packages are 3 in group 0, 2 in group 1.
  const versions = new Map<string, number>();
  for (let i = 0; i < counts.modelPackages && groups.length > 0; i++) {
    const g = sized
      ? groups[rnd.int(0, groups.length - 1)]!
      : groups[Math.min(groups.length - 1, i < 3 ? 0 : Math.floor((i - 3) / 2) + 1)]!;
    const version = (versions.get(g.name) ?? 0) + 1;
    versions.set(g.name, version);
    const approval = sized
      ? rnd.pick(SIZED_APPROVALS)
      : DEFAULT_APPROVALS[region][i % DEFAULT_APPROVALS[region].length]!;
    out.modelPackages.push(modelPackage(rnd, region, g, version, approval, links, i));
  }

  const fgName = uniqueNames();
  for (let i = 0; i < counts.featureGroups; i++) {
    const p = project(i);
    const name = fgName(`${p.split('-')[0]}-features`);
    const created = pastSeconds(rnd, 100, 500);
    // Default: group 0 online (no key) + offline (key); group 1 online (key) + offline (no key); eu offline only.
    const online = sized ? rnd.chance(0.7) : region === 'us-east-1';
    const offline = sized ? !online || rnd.chance(0.7) : true;
    const onlineKms = sized ? rnd.chance(0.5) : i % 2 === 1;
    const offlineKms = sized ? rnd.chance(0.5) : i % 2 === 0;
    const s3Uri = `s3://${buckets.features}/${p}`;
    const describe: DescribeFeatureGroupBody = {
      FeatureGroupArn: arnOf(region, 'feature-group', name),
      FeatureGroupName: name,
      RecordIdentifierFeatureName: 'customer_id',
      EventTimeFeatureName: 'event_time',
      FeatureDefinitions: [
        { FeatureName: 'customer_id', FeatureType: 'String' },
        { FeatureName: 'event_time', FeatureType: 'Fractional' },
        { FeatureName: 'txn_count_7d', FeatureType: 'Integral' },
        { FeatureName: 'avg_amount_30d', FeatureType: 'Fractional' },
      ],
      CreationTime: created,
      ...(rnd.chance(0.6) && { LastModifiedTime: created + rnd.int(60, 30 * 86_400) }),
      ...(online && {
        OnlineStoreConfig: {
          ...(onlineKms && { SecurityConfig: { KmsKeyId: kmsKeyArn(rnd, region) } }),
          EnableOnlineStore: true,
          StorageType: 'Standard' as const,
        },
      }),
      ...(offline && {
        OfflineStoreConfig: {
          S3StorageConfig: {
            S3Uri: s3Uri,
            ...(offlineKms && { KmsKeyId: kmsKeyArn(rnd, region) }),
            ResolvedOutputS3Uri: `${s3Uri}/${ACCOUNT_ID}/sagemaker/${region}/offline-store/${name}-${Math.floor(created)}/data`,
          },
          DisableGlueTableCreation: false,
          DataCatalogConfig: {
            TableName: `${name.replace(/-/g, '_')}_${Math.floor(created)}`,
            Catalog: 'AwsDataCatalog',
            Database: 'sagemaker_featurestore',
          },
          TableFormat: 'Glue' as const,
        },
      }),
      ThroughputConfig: { ThroughputMode: 'OnDemand' },
      RoleArn: rnd.pick(SAGEMAKER_ROLES),
      FeatureGroupStatus: 'Created',
      ...(offline && { OfflineStoreStatus: { Status: 'Active' as const } }),
      ...(rnd.chance(0.5) && { Description: `Customer aggregates for ${p}` }),
      NextToken: '',
    };
    out.featureGroups.push({
      region,
      name,
      arn: describe.FeatureGroupArn,
      describe,
      tags: buildTags(rnd, p),
    });
  }

  const pipelineName = uniqueNames();
  for (let i = 0; i < counts.pipelines; i++) {
    const p = project(i);
    const name = pipelineName(`${p}-build`);
    const created = pastSeconds(rnd, 100, 500);
    const autoApprove = sized ? rnd.chance(0.4) : i === 0;
    const group = groups.length > 0 ? groups[i % groups.length]!.name : `${p}-registry`;
    const role = rnd.pick(SAGEMAKER_ROLES);
    const definition = {
      Version: '2020-12-01',
      Metadata: {},
      Parameters: [
        { Name: 'InputDataUrl', Type: 'String', DefaultValue: `s3://${buckets.raw}/${p}/raw/` },
        {
          Name: 'ModelApprovalStatus',
          Type: 'String',
          DefaultValue: autoApprove ? 'Approved' : 'PendingManualApproval',
        },
      ],
      PipelineExperimentConfig: {
        ExperimentName: { Get: 'Execution.PipelineName' },
        TrialName: { Get: 'Execution.PipelineExecutionId' },
      },
      Steps: [
        { Name: 'Preprocess', Type: 'Processing', Arguments: { RoleArn: role } },
        {
          Name: 'Train',
          Type: 'Training',
          Arguments: {
            RoleArn: role,
            OutputDataConfig: { S3OutputPath: `s3://${buckets.default}/${p}/output` },
          },
        },
        {
          Name: 'RegisterModel',
          Type: 'RegisterModel',
          Arguments: {
            ModelPackageGroupName: group,
            ModelApprovalStatus: { Get: 'Parameters.ModelApprovalStatus' },
          },
        },
      ],
    };
    const ran = rnd.chance(0.8);
    const describe: DescribePipelineBody = {
      PipelineArn: arnOf(region, 'pipeline', name),
      PipelineName: name,
      PipelineDisplayName: name,
      PipelineDefinition: JSON.stringify(definition),
      ...(rnd.chance(0.6) && { PipelineDescription: `Builds and registers ${p}` }),
      RoleArn: role,
      PipelineStatus: 'Active',
      CreationTime: created,
      LastModifiedTime: created + rnd.int(0, 60 * 86_400),
      ...(ran && { LastRunTime: created + rnd.int(60 * 86_400, 90 * 86_400) }),
      CreatedBy: {},
      LastModifiedBy: {},
      ...(rnd.chance(0.3) && {
        ParallelismConfiguration: { MaxParallelExecutionSteps: rnd.pick([5, 10, 50]) },
      }),
    };
    out.pipelines.push({ region, name, arn: describe.PipelineArn, describe, tags: buildTags(rnd, p) });
  }

  const monitorName = uniqueNames();
  for (let i = 0; i < counts.monitoringSchedules && links.endpointNames.length > 0; i++) {
    const endpoint = links.endpointNames[i % links.endpointNames.length]!;
    const type = MONITORING_TYPES[Math.floor(i / links.endpointNames.length) % MONITORING_TYPES.length]!;
    const name = monitorName(`${endpoint}-${MONITOR_SUFFIX[type]}`);
    const created = pastSeconds(rnd, 20, 200);
    const modified = created + rnd.int(0, 86_400);
    const ran = sized ? rnd.chance(0.8) : i === 0;
    const jobDefinition = `${name}-job-definition`;
    const runAt = Math.floor(ESTATE_NOW_MS / 3_600_000) * 3600 - 3600;
    const describe: DescribeMonitoringScheduleBody = {
      MonitoringScheduleArn: arnOf(region, 'monitoring-schedule', name),
      MonitoringScheduleName: name,
      MonitoringScheduleStatus: 'Scheduled',
      MonitoringType: type,
      CreationTime: created,
      LastModifiedTime: modified,
      MonitoringScheduleConfig: {
        ScheduleConfig: { ScheduleExpression: rnd.pick(['cron(0 * ? * * *)', 'cron(0 0 ? * * *)']) },
        MonitoringJobDefinitionName: jobDefinition,
        MonitoringType: type,
      },
      EndpointName: endpoint,
      ...(ran && {
        LastMonitoringExecutionSummary: {
          MonitoringScheduleName: name,
          ScheduledTime: runAt,
          CreationTime: runAt + 12,
          LastModifiedTime: runAt + 900,
          MonitoringExecutionStatus: rnd.pick(['Completed', 'CompletedWithViolations'] as const),
          ProcessingJobArn: arnOf(region, 'processing-job', `model-monitoring-${rnd.hex(12)}`),
          EndpointName: endpoint,
          MonitoringJobDefinitionName: jobDefinition,
          MonitoringType: type,
        },
      }),
    };
    out.monitoringSchedules.push({
      region,
      name,
      arn: describe.MonitoringScheduleArn,
      describe,
      tags: buildTags(rnd, endpoint),
    });
  }
}

function processingInput(
  name: string,
  uri: string,
  localPath: string,
): DescribeProcessingJobBody['ProcessingInputs'][number] {
  return {
    InputName: name,
    AppManaged: false,
    S3Input: {
      S3Uri: uri,
      LocalPath: localPath,
      S3DataType: 'S3Prefix',
      S3InputMode: 'File',
      S3DataDistributionType: 'FullyReplicated',
      S3CompressionType: 'None',
    },
  };
}

function iamIdentity(rnd: SeededRandom, role: string, session?: string): UserContextBody {
  return {
    IamIdentity: {
      Arn: `arn:aws:sts::${ACCOUNT_ID}:assumed-role/${role}/${session ?? `SageMaker-${rnd.int(1_000_000_000, 9_999_999_999)}`}`,
      PrincipalId: `AROA${rnd.hex(16).toUpperCase()}:${session ?? 'SageMaker'}`,
    },
  };
}

function modelPackage(
  rnd: SeededRandom,
  region: Region,
  group: SimModelPackageGroup,
  version: number,
  approval: ApprovalProfile,
  links: MlopsLinks,
  index: number,
): SimModelPackage {
  const created = group.describe.CreationTime + version * 7 * 86_400 + rnd.int(0, 86_400);
  const modified = created + rnd.int(3600, 5 * 86_400);
  const artifact =
    links.artifacts.length > 0
      ? links.artifacts[index % links.artifacts.length]!
      : `s3://${sagemakerBuckets(region).default}/${group.name}/model.tar.gz`;
  const status: ModelApprovalStatus =
    approval.startsWith('approved') || approval.startsWith('auto')
      ? 'Approved'
      : approval === 'rejected'
        ? 'Rejected'
        : 'PendingManualApproval';
  const pipelineExecution = `arn:aws:sagemaker:${region}:${ACCOUNT_ID}:pipeline/${group.name.replace(/-registry$/, '-build').toLowerCase()}/execution/${rnd.hex(12)}`;
  const arn = `arn:aws:sagemaker:${region}:${ACCOUNT_ID}:model-package/${group.name.toLowerCase()}/${version}`;
  const describe: DescribeModelPackageBody = {
    ModelPackageName: group.name,
    ModelPackageGroupName: group.name,
    ModelPackageVersion: version,
    ModelPackageArn: arn,
    ...(rnd.chance(0.5) && { ModelPackageDescription: `${group.name} v${version}` }),
    CreationTime: created,
    InferenceSpecification: {
      Containers: [
        {
          Image: rnd.pick(INFERENCE_IMAGES).replace('{region}', region),
          ImageDigest: `sha256:${rnd.hex(64)}`,
          ModelDataUrl: artifact,
        },
      ],
      SupportedTransformInstanceTypes: ['ml.m5.large'],
      SupportedRealtimeInferenceInstanceTypes: ['ml.m5.large', 'ml.m5.xlarge'],
      SupportedContentTypes: ['text/csv'],
      SupportedResponseMIMETypes: ['text/csv'],
    },
    ModelPackageStatus: 'Completed',
    ModelPackageStatusDetails: { ValidationStatuses: [], ImageScanStatuses: [] },
    CertifyForMarketplace: false,
    ModelApprovalStatus: status,
    CreatedBy: iamIdentity(rnd, 'sagemaker-training-pipeline'),
    MetadataProperties: { GeneratedBy: pipelineExecution },
    ...(approval !== 'pending' && approval !== 'approved-no-approver' && { LastModifiedTime: modified }),
    ...((approval === 'approved-by-reviewer' || approval === 'rejected') && {
      LastModifiedBy: iamIdentity(rnd, 'MLModelReviewer', rnd.pick(['alice.martin', 'chen.li'])),
      ApprovalDescription:
        approval === 'rejected'
          ? 'Rejected: AUC on the holdout set is below the production baseline'
          : 'Reviewed evaluation report and bias metrics; approved for production',
    }),
    ...(approval === 'auto-approved-metadata' && {
      LastModifiedBy: iamIdentity(rnd, 'sagemaker-training-pipeline'),
      CustomerMetadataProperties: {
        'approval-mode': 'auto',
        'approved-by': 'ci-pipeline',
        'min-auc': '0.80',
      },
    }),
    ...(approval === 'auto-approved-description' && {
      ApprovalDescription: 'Auto-approved by the model build pipeline: evaluation metrics above threshold',
    }),
    ...(rnd.chance(0.3) && { SecurityConfig: { KmsKeyId: kmsKeyArn(rnd, region) } }),
  };
  return {
    region,
    name: group.name,
    arn,
    describe,
    tags: buildTags(rnd, group.name),
    approval,
  };
}
