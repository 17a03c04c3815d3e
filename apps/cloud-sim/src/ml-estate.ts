import {
  ACCOUNT_ID,
  arnOf,
  buildTags,
  DAY_MS,
  ESTATE_NOW_MS,
  kmsKeyArn,
  ML_REGIONS,
  SAGEMAKER_ROLES as ROLES,
  shareOut,
  uniqueNames,
  vpcConfig,
  type Region,
  type SimResource,
  type VpcConfig,
} from './aws/sagemaker-common.estate';
import { SIM_BUCKETS } from './aws/infra/estate';
import { buildMlopsRegion, type MlopsEstate } from './aws/sagemaker-mlops.estate';
import {
  buildStudioRegion,
  NOTEBOOK_LIFECYCLE_CONFIG_NAMES,
  type StudioEstate,
} from './aws/sagemaker-studio.estate';
import { deriveSeed, seededRandom, type SeededRandom } from './seeded-random.util';

export type { SimResource } from './aws/sagemaker-common.estate';
export type * from './aws/sagemaker-mlops.estate';
export type * from './aws/sagemaker-studio.estate';

export type TrainingJobStatus = 'InProgress' | 'Completed' | 'Failed' | 'Stopping' | 'Stopped';
export type EndpointStatus =
  | 'OutOfService'
  | 'Creating'
  | 'Updating'
  | 'SystemUpdating'
  | 'RollingBack'
  | 'InService'
  | 'Deleting'
  | 'Failed';

/** DescribeTrainingJob as sent (epoch seconds). Optional members are absent, never undefined-valued. */
export interface DescribeTrainingJobBody {
  TrainingJobName: string;
  TrainingJobArn: string;
  /** Absent unless the job completed: there is no artifact to point at yet. */
  ModelArtifacts?: { S3ModelArtifacts: string };
  TrainingJobStatus: TrainingJobStatus;
  SecondaryStatus: string;
  FailureReason?: string;
  HyperParameters: Record<string, string>;
  AlgorithmSpecification: { TrainingImage: string; TrainingInputMode: 'File' | 'Pipe' };
  RoleArn: string;
  InputDataConfig: {
    ChannelName: string;
    DataSource: {
      S3DataSource: { S3DataType: 'S3Prefix'; S3Uri: string; S3DataDistributionType: 'FullyReplicated' };
    };
    ContentType?: string;
    CompressionType: 'None' | 'Gzip';
    RecordWrapperType: 'None';
  }[];
  /** KmsKeyId absent: the output is encrypted with the AWS-managed S3 key. */
  OutputDataConfig: { KmsKeyId?: string; S3OutputPath: string };
  /** VolumeKmsKeyId absent: the training volume uses an AWS-managed key. */
  ResourceConfig: {
    InstanceType: string;
    InstanceCount: number;
    VolumeSizeInGB: number;
    VolumeKmsKeyId?: string;
  };
  VpcConfig?: VpcConfig;
  StoppingCondition: { MaxRuntimeInSeconds: number };
  CreationTime: number;
  TrainingStartTime?: number;
  TrainingEndTime?: number;
  LastModifiedTime: number;
  EnableNetworkIsolation: boolean;
  EnableInterContainerTrafficEncryption: boolean;
  EnableManagedSpotTraining: boolean;
  TrainingTimeInSeconds?: number;
  BillableTimeInSeconds?: number;
}

/** DescribeModel as sent. VpcConfig only when set; EnableNetworkIsolation is true, false or absent. */
export interface DescribeModelBody {
  ModelName: string;
  PrimaryContainer: {
    Image: string;
    Mode: 'SingleModel';
    ModelDataUrl: string;
    Environment: Record<string, string>;
  };
  ExecutionRoleArn: string;
  VpcConfig?: VpcConfig;
  CreationTime: number;
  ModelArn: string;
  EnableNetworkIsolation?: boolean;
}

export interface ProductionVariantBody {
  VariantName: string;
  ModelName: string;
  InitialInstanceCount: number;
  InstanceType: string;
  InitialVariantWeight: number;
}

/** DescribeEndpointConfig as sent. KmsKeyId and DataCaptureConfig only when configured. */
export interface DescribeEndpointConfigBody {
  EndpointConfigName: string;
  EndpointConfigArn: string;
  ProductionVariants: ProductionVariantBody[];
  DataCaptureConfig?: {
    EnableCapture: boolean;
    InitialSamplingPercentage: number;
    DestinationS3Uri: string;
    KmsKeyId?: string;
    CaptureOptions: { CaptureMode: 'Input' | 'Output' }[];
  };
  KmsKeyId?: string;
  CreationTime: number;
}

/** DescribeEndpoint as sent. FailureReason only when Failed; DataCaptureConfig only when its config has one. */
export interface DescribeEndpointBody {
  EndpointName: string;
  EndpointArn: string;
  EndpointConfigName: string;
  ProductionVariants: {
    VariantName: string;
    CurrentWeight: number;
    DesiredWeight: number;
    CurrentInstanceCount: number;
    DesiredInstanceCount: number;
  }[];
  DataCaptureConfig?: {
    EnableCapture: boolean;
    CaptureStatus: 'Started' | 'Stopped';
    CurrentSamplingPercentage: number;
    DestinationS3Uri: string;
    KmsKeyId?: string;
  };
  EndpointStatus: EndpointStatus;
  FailureReason?: string;
  CreationTime: number;
  LastModifiedTime: number;
}

export type SimTrainingJob = SimResource<DescribeTrainingJobBody>;
export type SimModel = SimResource<DescribeModelBody> & {
  /** ARN of the training job whose artifact ModelDataUrl points at; absent for imported artifacts. */
  trainedBy?: string;
};
export type SimEndpointConfig = SimResource<DescribeEndpointConfigBody>;
export type SimEndpoint = SimResource<DescribeEndpointBody>;

/** Every SageMaker resource kind other than notebooks (which estate.ts builds). */
export interface MlEstate extends StudioEstate, MlopsEstate {
  trainingJobs: SimTrainingJob[];
  models: SimModel[];
  endpointConfigs: SimEndpointConfig[];
  endpoints: SimEndpoint[];
}

export type MlKind = keyof MlEstate;
type Counts = Record<MlKind, number>;

/**
 * How many of each resource a region of the default estate holds (fixed, so tests can count on them).
 * Lifecycle configs: the four notebooks name, plus `bootstrap-data-access` (leaks credentials) in us-east-1.
 * Domains: us-east-1 has one public-internet (IAM, no customer key) and one VpcOnly (SSO, KMS) domain.
 * Model packages: 3 + 2 versions in two groups in us-east-1, 2 in one group in eu-west-1.
 */
export const ML_COUNTS: Record<Region, Counts> = {
  'us-east-1': {
    trainingJobs: 5,
    models: 4,
    endpointConfigs: 3,
    endpoints: 3,
    lifecycleConfigs: 5,
    domains: 2,
    userProfiles: 4,
    processingJobs: 4,
    modelPackageGroups: 2,
    modelPackages: 5,
    featureGroups: 2,
    pipelines: 2,
    monitoringSchedules: 2,
  },
  'eu-west-1': {
    trainingJobs: 3,
    models: 3,
    endpointConfigs: 2,
    endpoints: 2,
    lifecycleConfigs: 4,
    domains: 1,
    userProfiles: 2,
    processingJobs: 2,
    modelPackageGroups: 1,
    modelPackages: 2,
    featureGroups: 1,
    pipelines: 1,
    monitoringSchedules: 1,
  },
};

/**
 * Relative weights of the kinds in a sized estate: training jobs and model versions dominate real estates,
 * then processing jobs and models; Studio domains are few. Lifecycle configs get at least the four that
 * notebooks name, and every region at least one domain and one model package group.
 */
export const ML_SIZED_WEIGHTS: Readonly<Counts> = {
  trainingJobs: 34,
  modelPackages: 20,
  processingJobs: 13,
  models: 8,
  endpointConfigs: 4,
  endpoints: 4,
  featureGroups: 3,
  monitoringSchedules: 3,
  userProfiles: 3,
  modelPackageGroups: 2,
  pipelines: 2,
  lifecycleConfigs: 0.6,
  domains: 0.2,
};

/** Share of a sized estate in us-east-1; the rest is in eu-west-1. */
const US_EAST_SHARE = 0.6;

/** The per-region counts of a sized estate: exactly `size` in total once the minimums are met. */
export function sizedMlCounts(size: number): Record<Region, Counts> {
  const us = Math.round(size * US_EAST_SHARE);
  return { 'us-east-1': regionCounts(us), 'eu-west-1': regionCounts(size - us) };
}

function regionCounts(total: number): Counts {
  const minimums: Partial<Counts> = {
    lifecycleConfigs: NOTEBOOK_LIFECYCLE_CONFIG_NAMES.length,
    ...(total >= 40 && { domains: 1, modelPackageGroups: 1 }),
  };
  const c = shareOut<MlKind>(total, ML_SIZED_WEIGHTS, minimums, 'trainingJobs');
  // Keep the links whole: every config serves a model, every endpoint uses a config, every model but the
  // imported one has its own training job. Anything trimmed goes back to the training jobs.
  const before = sumCounts(c);
  c.endpointConfigs = Math.min(c.endpointConfigs, c.models);
  c.endpoints = Math.min(c.endpoints, c.endpointConfigs);
  if (c.domains === 0) c.userProfiles = 0;
  if (c.modelPackageGroups === 0) c.modelPackages = 0;
  if (c.endpoints === 0) c.monitoringSchedules = 0;
  c.trainingJobs += before - sumCounts(c);
  c.models = Math.min(c.models, c.trainingJobs + 1);
  return c;
}

function sumCounts(c: Counts): number {
  return (Object.values(c) as number[]).reduce((a, b) => a + b, 0);
}

const PROJECTS = [
  'fraud-xgboost',
  'churn-lightgbm',
  'ticket-triage-bert',
  'demand-forecast-deepar',
  'defect-detection-resnet',
  'credit-risk-xgboost',
  'support-llm-lora',
  'recsys-two-tower',
  'kyc-ocr-layoutlm',
  'pricing-elasticity-glm',
] as const;

const IMAGES = [
  '683313688378.dkr.ecr.{region}.amazonaws.com/sagemaker-xgboost:1.7-1',
  '763104351884.dkr.ecr.{region}.amazonaws.com/pytorch-training:2.1.0-gpu-py310',
  '763104351884.dkr.ecr.{region}.amazonaws.com/huggingface-pytorch-training:2.1.0-transformers4.36.0-gpu-py310-cu121-ubuntu20.04',
  '123456789012.dkr.ecr.{region}.amazonaws.com/custom-sklearn:2024.11',
] as const;
const INFERENCE_IMAGES = [
  '683313688378.dkr.ecr.{region}.amazonaws.com/sagemaker-xgboost:1.7-1',
  '763104351884.dkr.ecr.{region}.amazonaws.com/pytorch-inference:2.1.0-cpu-py310',
  '763104351884.dkr.ecr.{region}.amazonaws.com/huggingface-pytorch-tgi-inference:2.1.1-tgi1.4.0-gpu-py310-cu121-ubuntu22.04',
] as const;
const SIZED_JOB_STATUSES: readonly TrainingJobStatus[] = [
  'Completed',
  'Completed',
  'Completed',
  'Completed',
  'Failed',
  'Stopped',
  'InProgress',
];
const TRAINING_TYPES = ['ml.m5.xlarge', 'ml.m5.2xlarge', 'ml.g5.2xlarge', 'ml.p3.2xlarge'] as const;
const SERVING_TYPES = ['ml.m5.large', 'ml.c5.xlarge', 'ml.g5.xlarge', 'ml.inf2.xlarge'] as const;

/**
 * Builds the models, endpoint configs, endpoints and training jobs. Draws from its own stream derived from the
 * seed, so adding these resources left the notebook estate of every seed exactly as it was.
 *
 * Links, per region: model i is trained by training job i (its ModelDataUrl is that job's S3ModelArtifacts,
 * which SageMaker writes under the job's S3OutputPath), except the last model, whose artifact was imported
 * from elsewhere; training jobs beyond the models are left without a model (one of them is still running or
 * failed). Endpoint config i serves model i (the first config also serves model i+1 as a canary variant), and
 * endpoint i uses config i.
 */
export function buildMlEstate(seed: number, size?: number): MlEstate {
  const rnd = seededRandom(deriveSeed(seed, 'sagemaker:ml'));
  // The kinds added later draw from their own stream, so the older kinds of every seed stayed as they were.
  const more = seededRandom(deriveSeed(seed, 'sagemaker:mlops'));
  const counts = size === undefined ? ML_COUNTS : sizedMlCounts(size);
  const sized = size !== undefined;
  const estate: MlEstate = {
    trainingJobs: [],
    models: [],
    endpointConfigs: [],
    endpoints: [],
    lifecycleConfigs: [],
    domains: [],
    userProfiles: [],
    processingJobs: [],
    modelPackageGroups: [],
    modelPackages: [],
    featureGroups: [],
    pipelines: [],
    monitoringSchedules: [],
  };
  const links = ML_REGIONS.map((region) => buildRegion(rnd, region, counts[region], sized, estate));
  ML_REGIONS.forEach((region, i) => {
    buildStudioRegion(more, region, counts[region], sized, estate);
    buildMlopsRegion(more, region, counts[region], links[i]!, sized, estate);
  });
  return estate;
}

/** Builds the training jobs, models, endpoint configs and endpoints of a region; returns what others link to. */
function buildRegion(
  rnd: SeededRandom,
  region: Region,
  counts: Counts,
  sized: boolean,
  out: MlEstate,
): { projects: string[]; artifacts: string[]; endpointNames: string[] } {
  const projects = rnd.shuffle(PROJECTS).slice(0, counts.trainingJobs);
  const projectOf = (i: number) => projects[i % projects.length]!;
  const arn = (kind: string, name: string) => arnOf(region, kind, name);
  const kmsKey = () => kmsKeyArn(rnd, region);
  const vpc = (): VpcConfig => vpcConfig(rnd);
  const bucket = `sagemaker-${region}-${ACCOUNT_ID}`;
  // The first us-east-1 job of the default estate trains on the benchmark bucket shared publicly by policy
  // (the infra estate's training-data bucket): its model is served by the -prod endpoint.
  const trainBucket = (i: number) =>
    !sized && region === 'us-east-1' && i === 0 ? SIM_BUCKETS.trainingData : bucket;
  // The second us-east-1 job of the default estate trains on two instances without encrypting their traffic.
  // (The draws still happen, so every later value of the seed stays as it was.)
  const clearDistributed = (i: number) => !sized && region === 'us-east-1' && i === 1;
  const [jobName, modelName, configName, endpointName] = [1, 2, 3, 4].map(() => uniqueNames());

  const jobs = Array.from({ length: counts.trainingJobs }, (_, i): SimTrainingJob => {
    const project = projectOf(i);
    const createdMs = ESTATE_NOW_MS - rnd.int(20 * DAY_MS, 400 * DAY_MS) + i * 1000;
    // SageMaker's own naming for estimator jobs: <base>-<yyyy-mm-dd-hh-mm-ss-mmm>.
    const name = jobName(
      `${project}-${new Date(createdMs).toISOString().replace(/[T:.]/g, '-').replace('Z', '')}`,
    );
    // Default: the last job is still running in us-east-1 and failed in eu-west-1; the others completed.
    // Sized: the jobs models come from completed, the rest mostly completed.
    const status: TrainingJobStatus = sized
      ? i < counts.models
        ? 'Completed'
        : rnd.pick(SIZED_JOB_STATUSES)
      : i < counts.trainingJobs - 1
        ? 'Completed'
        : region === 'us-east-1'
          ? 'InProgress'
          : 'Failed';
    const outputPath = `s3://${bucket}/${project}/output`;
    const startMs = createdMs + rnd.int(60, 300) * 1000;
    const trainSeconds = rnd.int(300, 20_000);
    const endMs = startMs + trainSeconds * 1000;
    const done = status === 'Completed' || status === 'Failed';
    const outputKms = rnd.chance(0.6) ? kmsKey() : undefined;
    const volumeKms = rnd.chance(0.5) ? kmsKey() : undefined;
    const jobVpc = rnd.chance(0.5) ? vpc() : undefined;
    const image = rnd.pick(IMAGES).replace('{region}', region);
    const describe: DescribeTrainingJobBody = {
      TrainingJobName: name,
      TrainingJobArn: arn('training-job', name),
      ...(status === 'Completed' && {
        ModelArtifacts: { S3ModelArtifacts: `${outputPath}/${name}/output/model.tar.gz` },
      }),
      TrainingJobStatus: status,
      SecondaryStatus: status === 'InProgress' ? 'Training' : status,
      ...(status === 'Failed' && {
        FailureReason:
          'AlgorithmError: ExecuteUserScriptError: Command "/usr/local/bin/python3.10 train.py" exited with code 1',
      }),
      HyperParameters: { epochs: String(rnd.int(3, 50)), learning_rate: rnd.pick(['0.1', '0.01', '2e-5']) },
      AlgorithmSpecification: { TrainingImage: image, TrainingInputMode: 'File' },
      RoleArn: rnd.pick(ROLES),
      InputDataConfig: [
        channel('train', `s3://${trainBucket(i)}/${project}/data/train/`),
        ...(rnd.chance(0.6) ? [channel('validation', `s3://${bucket}/${project}/data/validation/`)] : []),
      ],
      OutputDataConfig: { ...(outputKms && { KmsKeyId: outputKms }), S3OutputPath: outputPath },
      ResourceConfig: {
        InstanceType: rnd.pick(TRAINING_TYPES),
        InstanceCount: Math.max(rnd.pick([1, 1, 2]), clearDistributed(i) ? 2 : 1),
        VolumeSizeInGB: rnd.pick([30, 50, 100]),
        ...(volumeKms && { VolumeKmsKeyId: volumeKms }),
      },
      ...(jobVpc && { VpcConfig: jobVpc }),
      StoppingCondition: { MaxRuntimeInSeconds: 86_400 },
      CreationTime: createdMs / 1000,
      TrainingStartTime: startMs / 1000,
      ...(done && { TrainingEndTime: endMs / 1000 }),
      LastModifiedTime: (done ? endMs : startMs) / 1000,
      EnableNetworkIsolation: rnd.chance(0.4),
      EnableInterContainerTrafficEncryption: rnd.chance(0.3) && !clearDistributed(i),
      EnableManagedSpotTraining: false,
      ...(done && { TrainingTimeInSeconds: trainSeconds, BillableTimeInSeconds: trainSeconds }),
    };
    return { region, name, arn: describe.TrainingJobArn, describe, tags: buildTags(rnd, project) };
  });
  out.trainingJobs.push(...jobs);

  const models = Array.from({ length: counts.models }, (_, i): SimModel => {
    const imported = i === counts.models - 1;
    const job = imported ? undefined : jobs[i]!;
    const project = projectOf(i);
    const createdMs =
      (job ? job.describe.TrainingEndTime! * 1000 : ESTATE_NOW_MS - 90 * DAY_MS) +
      rnd.int(600, 86_400) * 1000;
    // Mixed case in one name: the ARN holds it lower-cased.
    const name = modelName(
      imported ? `Imported-${project}-v${rnd.int(1, 4)}` : `${project}-model-${rnd.hex(6)}`,
    );
    const isolation = rnd.pick([true, false, undefined]);
    const modelVpc = rnd.chance(0.4) ? vpc() : undefined;
    const describe: DescribeModelBody = {
      ModelName: name,
      PrimaryContainer: {
        Image: rnd.pick(INFERENCE_IMAGES).replace('{region}', region),
        Mode: 'SingleModel',
        ModelDataUrl: job
          ? job.describe.ModelArtifacts!.S3ModelArtifacts
          : `s3://ml-artifacts-${ACCOUNT_ID}/imported/${project}/model.tar.gz`,
        Environment: { SAGEMAKER_CONTAINER_LOG_LEVEL: '20', SAGEMAKER_REGION: region },
      },
      ExecutionRoleArn: rnd.pick(ROLES),
      ...(modelVpc && { VpcConfig: modelVpc }),
      CreationTime: createdMs / 1000,
      ModelArn: arn('model', name),
      ...(isolation !== undefined && { EnableNetworkIsolation: isolation }),
    };
    return {
      region,
      name,
      arn: describe.ModelArn,
      describe,
      tags: buildTags(rnd, project),
      ...(job && { trainedBy: job.arn }),
    };
  });
  out.models.push(...models);

  const configs = Array.from({ length: counts.endpointConfigs }, (_, i): SimEndpointConfig => {
    const served = i === 0 && models.length > 1 ? [models[0]!, models[1]!] : [models[i]!];
    const created = Math.max(...served.map((m) => m.describe.CreationTime)) + rnd.int(60, 3600);
    const name = configName(`${projectOf(i)}-config-${rnd.int(1, 9)}`);
    const drawnCapture = rnd.chance(0.5);
    const drawnCaptureKms = drawnCapture && rnd.chance(0.5) ? kmsKey() : undefined;
    // The first eu-west-1 config of the default estate captures prompts and predictions without a customer
    // key, whatever the seed drew (drawing exactly as before, so the rest of the seed stays as it was).
    const plainCapture = !sized && region === 'eu-west-1' && i === 0;
    const capture = drawnCapture || plainCapture;
    const captureKms = plainCapture ? undefined : drawnCaptureKms;
    const configKms = rnd.chance(0.5) ? kmsKey() : undefined;
    const describe: DescribeEndpointConfigBody = {
      EndpointConfigName: name,
      EndpointConfigArn: arn('endpoint-config', name),
      ProductionVariants: served.map((m, v) => ({
        VariantName: v === 0 ? 'AllTraffic' : 'Canary',
        ModelName: m.name,
        InitialInstanceCount: rnd.int(1, 3),
        InstanceType: rnd.pick(SERVING_TYPES),
        InitialVariantWeight: v === 0 ? 0.9 : 0.1,
      })),
      ...(capture && {
        DataCaptureConfig: {
          EnableCapture: true,
          InitialSamplingPercentage: drawnCapture ? rnd.pick([10, 20, 100]) : 100,
          DestinationS3Uri: `s3://${bucket}/${projectOf(i)}/data-capture`,
          ...(captureKms && { KmsKeyId: captureKms }),
          CaptureOptions: [{ CaptureMode: 'Input' as const }, { CaptureMode: 'Output' as const }],
        },
      }),
      ...(configKms && { KmsKeyId: configKms }),
      CreationTime: created,
    };
    if (served.length === 1) describe.ProductionVariants[0]!.InitialVariantWeight = 1;
    return { region, name, arn: describe.EndpointConfigArn, describe, tags: buildTags(rnd, projectOf(i)) };
  });
  out.endpointConfigs.push(...configs);

  const endpoints = Array.from({ length: counts.endpoints }, (_, i): SimEndpoint => {
    const config = configs[i]!.describe;
    const name = endpointName(`${projectOf(i)}-endpoint${i === 0 ? '-prod' : ''}`);
    const createdMs = config.CreationTime * 1000 + rnd.int(60, 600) * 1000;
    const status: EndpointStatus =
      i === counts.endpoints - 1 && region === 'eu-west-1' ? 'Failed' : 'InService';
    const describe: DescribeEndpointBody = {
      EndpointName: name,
      EndpointArn: arn('endpoint', name),
      EndpointConfigName: config.EndpointConfigName,
      ProductionVariants: config.ProductionVariants.map((v) => ({
        VariantName: v.VariantName,
        CurrentWeight: v.InitialVariantWeight,
        DesiredWeight: v.InitialVariantWeight,
        CurrentInstanceCount: status === 'Failed' ? 0 : v.InitialInstanceCount,
        DesiredInstanceCount: v.InitialInstanceCount,
      })),
      ...(config.DataCaptureConfig && {
        DataCaptureConfig: {
          EnableCapture: true,
          CaptureStatus: 'Started' as const,
          CurrentSamplingPercentage: config.DataCaptureConfig.InitialSamplingPercentage,
          DestinationS3Uri: config.DataCaptureConfig.DestinationS3Uri,
          ...(config.DataCaptureConfig.KmsKeyId && { KmsKeyId: config.DataCaptureConfig.KmsKeyId }),
        },
      }),
      EndpointStatus: status,
      ...(status === 'Failed' && {
        FailureReason:
          'The primary container for production variant AllTraffic did not pass the ping health check.',
      }),
      CreationTime: createdMs / 1000,
      LastModifiedTime: (createdMs + rnd.int(300, 900) * 1000) / 1000,
    };
    return { region, name, arn: describe.EndpointArn, describe, tags: buildTags(rnd, projectOf(i)) };
  });
  out.endpoints.push(...endpoints);
  return {
    projects,
    artifacts: jobs.flatMap((j) =>
      j.describe.ModelArtifacts ? [j.describe.ModelArtifacts.S3ModelArtifacts] : [],
    ),
    endpointNames: endpoints.map((e) => e.name),
  };
}

function channel(name: string, uri: string): DescribeTrainingJobBody['InputDataConfig'][number] {
  return {
    ChannelName: name,
    DataSource: {
      S3DataSource: { S3DataType: 'S3Prefix', S3Uri: uri, S3DataDistributionType: 'FullyReplicated' },
    },
    ContentType: 'text/csv',
    CompressionType: 'None',
    RecordWrapperType: 'None',
  };
}
