import { deriveSeed, seededRandom, type SeededRandom } from './seeded-random.util';

// Kept free of imports from estate.ts (which imports this file); the values are the same.
const ACCOUNT_ID = '123456789012';
type Region = 'us-east-1' | 'eu-west-1';

/** Same fixed "now" as the notebook estate: nothing depends on the clock. */
const ESTATE_NOW_MS = Date.UTC(2025, 5, 1, 12, 0, 0);
const DAY_MS = 86_400_000;

interface SimTagLike {
  Key: string;
  Value: string;
}

interface VpcConfig {
  SecurityGroupIds: string[];
  Subnets: string[];
}

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

interface SimResource<D> {
  region: Region;
  name: string;
  /** As SageMaker builds it, with the name lower-cased: never rebuild an ARN from a name. */
  arn: string;
  describe: D;
  tags: SimTagLike[];
}

export type SimTrainingJob = SimResource<DescribeTrainingJobBody>;
export type SimModel = SimResource<DescribeModelBody> & {
  /** ARN of the training job whose artifact ModelDataUrl points at; absent for imported artifacts. */
  trainedBy?: string;
};
export type SimEndpointConfig = SimResource<DescribeEndpointConfigBody>;
export type SimEndpoint = SimResource<DescribeEndpointBody>;

export interface MlEstate {
  trainingJobs: SimTrainingJob[];
  models: SimModel[];
  endpointConfigs: SimEndpointConfig[];
  endpoints: SimEndpoint[];
}

/** How many of each resource a region holds (fixed, so tests can count on them). */
export const ML_COUNTS: Record<
  Region,
  { trainingJobs: number; models: number; endpointConfigs: number; endpoints: number }
> = {
  'us-east-1': { trainingJobs: 5, models: 4, endpointConfigs: 3, endpoints: 3 },
  'eu-west-1': { trainingJobs: 3, models: 3, endpointConfigs: 2, endpoints: 2 },
};

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
const ROLES = [
  `arn:aws:iam::${ACCOUNT_ID}:role/service-role/AmazonSageMaker-ExecutionRole-20240312T094512`,
  `arn:aws:iam::${ACCOUNT_ID}:role/sagemaker-training-pipeline`,
  `arn:aws:iam::${ACCOUNT_ID}:role/SageMakerFullAccessRole`,
] as const;
const TRAINING_TYPES = ['ml.m5.xlarge', 'ml.m5.2xlarge', 'ml.g5.2xlarge', 'ml.p3.2xlarge'] as const;
const SERVING_TYPES = ['ml.m5.large', 'ml.c5.xlarge', 'ml.g5.xlarge', 'ml.inf2.xlarge'] as const;
const TEAMS = ['data-science', 'risk-analytics', 'ml-platform', 'growth', 'research'] as const;

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
/** `size`: about how many SageMaker assets (other than notebooks) to create; the fixed ML_COUNTS when absent. */
export function buildMlEstate(seed: number, _size?: number): MlEstate {
  const rnd = seededRandom(deriveSeed(seed, 'sagemaker:ml'));
  const estate: MlEstate = { trainingJobs: [], models: [], endpointConfigs: [], endpoints: [] };
  for (const region of ['us-east-1', 'eu-west-1'] as const) buildRegion(rnd, region, estate);
  return estate;
}

function buildRegion(rnd: SeededRandom, region: Region, out: MlEstate): void {
  const counts = ML_COUNTS[region];
  const projects = rnd.shuffle(PROJECTS).slice(0, counts.trainingJobs);
  const arn = (kind: string, name: string) =>
    `arn:aws:sagemaker:${region}:${ACCOUNT_ID}:${kind}/${name.toLowerCase()}`;
  const kmsKey = () => `arn:aws:kms:${region}:${ACCOUNT_ID}:key/${uuidFrom(rnd)}`;
  const vpc = (): VpcConfig => ({
    SecurityGroupIds: [`sg-0${rnd.hex(16)}`],
    Subnets: [`subnet-0${rnd.hex(16)}`, `subnet-0${rnd.hex(16)}`],
  });
  const bucket = `sagemaker-${region}-${ACCOUNT_ID}`;

  const jobs = projects.map((project, i): SimTrainingJob => {
    const createdMs = ESTATE_NOW_MS - rnd.int(20 * DAY_MS, 400 * DAY_MS) + i * 1000;
    // SageMaker's own naming for estimator jobs: <base>-<yyyy-mm-dd-hh-mm-ss-mmm>.
    const name = `${project}-${new Date(createdMs).toISOString().replace(/[T:.]/g, '-').replace('Z', '')}`;
    // The last job is still running in us-east-1 and failed in eu-west-1; the others completed.
    const status: TrainingJobStatus =
      i < counts.trainingJobs - 1 ? 'Completed' : region === 'us-east-1' ? 'InProgress' : 'Failed';
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
        channel('train', `s3://${bucket}/${project}/data/train/`),
        ...(rnd.chance(0.6) ? [channel('validation', `s3://${bucket}/${project}/data/validation/`)] : []),
      ],
      OutputDataConfig: { ...(outputKms && { KmsKeyId: outputKms }), S3OutputPath: outputPath },
      ResourceConfig: {
        InstanceType: rnd.pick(TRAINING_TYPES),
        InstanceCount: rnd.pick([1, 1, 2]),
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
      EnableInterContainerTrafficEncryption: rnd.chance(0.3),
      EnableManagedSpotTraining: false,
      ...(done && { TrainingTimeInSeconds: trainSeconds, BillableTimeInSeconds: trainSeconds }),
    };
    return { region, name, arn: describe.TrainingJobArn, describe, tags: buildTags(rnd, project) };
  });
  out.trainingJobs.push(...jobs);

  const models = Array.from({ length: counts.models }, (_, i): SimModel => {
    const imported = i === counts.models - 1;
    const job = imported ? undefined : jobs[i]!;
    const project = projects[i]!;
    const createdMs =
      (job ? job.describe.TrainingEndTime! * 1000 : ESTATE_NOW_MS - 90 * DAY_MS) +
      rnd.int(600, 86_400) * 1000;
    // Mixed case in one name: the ARN holds it lower-cased.
    const name = imported ? `Imported-${project}-v${rnd.int(1, 4)}` : `${project}-model-${rnd.hex(6)}`;
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
    const name = `${projects[i]!}-config-${rnd.int(1, 9)}`;
    const capture = rnd.chance(0.5);
    const captureKms = capture && rnd.chance(0.5) ? kmsKey() : undefined;
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
          InitialSamplingPercentage: rnd.pick([10, 20, 100]),
          DestinationS3Uri: `s3://${bucket}/${projects[i]!}/data-capture`,
          ...(captureKms && { KmsKeyId: captureKms }),
          CaptureOptions: [{ CaptureMode: 'Input' as const }, { CaptureMode: 'Output' as const }],
        },
      }),
      ...(configKms && { KmsKeyId: configKms }),
      CreationTime: created,
    };
    if (served.length === 1) describe.ProductionVariants[0]!.InitialVariantWeight = 1;
    return { region, name, arn: describe.EndpointConfigArn, describe, tags: buildTags(rnd, projects[i]!) };
  });
  out.endpointConfigs.push(...configs);

  const endpoints = Array.from({ length: counts.endpoints }, (_, i): SimEndpoint => {
    const config = configs[i]!.describe;
    const name = `${projects[i]!}-endpoint${i === 0 ? '-prod' : ''}`;
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
    return { region, name, arn: describe.EndpointArn, describe, tags: buildTags(rnd, projects[i]!) };
  });
  out.endpoints.push(...endpoints);
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

/** Most resources carry a team and project tag; about one in five has none. */
function buildTags(rnd: SeededRandom, project: string): SimTagLike[] {
  if (rnd.chance(0.2)) return [];
  return [
    { Key: 'team', Value: rnd.pick(TEAMS) },
    { Key: 'project', Value: project },
  ];
}

function uuidFrom(rnd: SeededRandom): string {
  return `${rnd.hex(8)}-${rnd.hex(4)}-4${rnd.hex(3)}-${rnd.pick(['8', '9', 'a', 'b'])}${rnd.hex(3)}-${rnd.hex(12)}`;
}
