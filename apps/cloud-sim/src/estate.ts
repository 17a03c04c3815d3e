import { buildBedrockEstate, type BedrockEstate } from './aws/bedrock/estate';
import { buildAwsInfraEstate, type AwsInfraEstate } from './aws/infra/estate';
import { buildAzureEstate, type AzureEstate } from './azure/estate';
import { buildGcpEstate, type GcpEstate } from './gcp/estate';
import { buildMlEstate, type MlEstate } from './ml-estate';
import { seededRandom, type SeededRandom } from './seeded-random.util';

/** The one simulated AWS account. */
export const SIM_ACCOUNT_ID = '123456789012';

/** Regions that hold notebooks. Any other region name is answered too, with an empty estate. */
export const SIM_REGIONS = ['us-east-1', 'eu-west-1'] as const;
export type SimRegion = (typeof SIM_REGIONS)[number];

export const DEFAULT_SEED = 42;
export const DEFAULT_NOTEBOOK_COUNT = 12;

/** Fixed "now" of the estate: timestamps derive from it, never from the clock, so an estate is reproducible. */
const ESTATE_NOW_MS = Date.UTC(2025, 5, 1, 12, 0, 0);
const DAY_MS = 86_400_000;

export type NotebookInstanceStatus =
  'Pending' | 'InService' | 'Stopping' | 'Stopped' | 'Failed' | 'Deleting' | 'Updating';

/** A planted security problem, as the Describe body shows it. */
export type NotebookMisconfiguration =
  /** DirectInternetAccess is "Enabled". */
  | 'direct-internet-access'
  /** RootAccess is "Enabled". */
  | 'root-access'
  /** No KmsKeyId: the volume uses an AWS-managed key. SageMaker signals this by leaving the field out. */
  | 'no-kms-key'
  /** No SubnetId and no SecurityGroups: the notebook runs outside any VPC of the customer. */
  | 'no-vpc'
  /** InstanceMetadataServiceConfiguration.MinimumInstanceMetadataServiceVersion is "1". */
  | 'imds-v1';

/** Security-relevant Describe fields the simulator can leave out, so consumers must say "unknown". */
export type OmittableField = 'RootAccess' | 'DirectInternetAccess' | 'InstanceMetadataServiceConfiguration';

/**
 * The DescribeNotebookInstance response body exactly as the simulator sends it: awsJson1_1, so timestamps
 * are epoch seconds. Optional members are absent from the object (never `undefined`-valued):
 * - KmsKeyId: absent when no customer key was chosen (misconfiguration `no-kms-key`); real SageMaker does this.
 * - SubnetId, SecurityGroups, NetworkInterfaceId: absent outside a VPC (`no-vpc`).
 * - Url: absent while Pending or Failed; FailureReason: present only when Failed.
 * - NotebookInstanceLifecycleConfigName, DefaultCodeRepository, AdditionalCodeRepositories: only when set.
 * - RootAccess, DirectInternetAccess, InstanceMetadataServiceConfiguration: absent on the notebooks listed
 *   in `omittedFields` (one each in every estate of 12 or more), to test "not returned" handling.
 * - AcceleratorTypes and IpAddressType are never sent.
 */
export interface DescribeNotebookInstanceBody {
  NotebookInstanceArn: string;
  NotebookInstanceName: string;
  NotebookInstanceStatus: NotebookInstanceStatus;
  FailureReason?: string;
  Url?: string;
  InstanceType: string;
  SubnetId?: string;
  SecurityGroups?: string[];
  RoleArn: string;
  KmsKeyId?: string;
  NetworkInterfaceId?: string;
  LastModifiedTime: number;
  CreationTime: number;
  NotebookInstanceLifecycleConfigName?: string;
  DirectInternetAccess?: 'Enabled' | 'Disabled';
  VolumeSizeInGB: number;
  DefaultCodeRepository?: string;
  AdditionalCodeRepositories?: string[];
  RootAccess?: 'Enabled' | 'Disabled';
  PlatformIdentifier: string;
  InstanceMetadataServiceConfiguration?: { MinimumInstanceMetadataServiceVersion: '1' | '2' };
}

export interface SimTag {
  Key: string;
  Value: string;
}

export interface SimNotebook {
  region: SimRegion;
  name: string;
  /** As SageMaker builds it: the name is lower-cased in the ARN, so never rebuild an ARN from a name. */
  arn: string;
  describe: DescribeNotebookInstanceBody;
  tags: SimTag[];
  /** What a correct consumer must conclude from the body. An omitted field is in neither list. */
  misconfigurations: NotebookMisconfiguration[];
  /** Fields real SageMaker normally returns that this notebook's Describe body leaves out. */
  omittedFields: OmittableField[];
}

/** The notebooks, and the models, endpoint configs, endpoints and training jobs (see ml-estate.ts). */
export interface Estate extends MlEstate {
  seed: number;
  accountId: string;
  regions: readonly SimRegion[];
  notebooks: SimNotebook[];
  bedrock: BedrockEstate;
  awsInfra: AwsInfraEstate;
  azure: AzureEstate;
  gcp: GcpEstate;
}

export interface EstateOptions {
  seed?: number;
  /** Notebook instances; with `assets`, their share of it. */
  notebooks?: number;
  /**
   * About how many assets the whole estate holds, across every service of the three clouds (for load tests
   * such as `--assets 100000`); the small fixed estate the tests count on when absent.
   */
  assets?: number;
}

/** Largest `assets` accepted: a million assets take about 2 GB of simulator memory. */
export const MAX_ESTATE_ASSETS = 1_000_000;

/**
 * How a sized estate is shared between services. A real enterprise AI estate is dominated by training
 * jobs, model versions and the infrastructure around them; notebooks and LLM services are fewer.
 */
export const ESTATE_SHARES = {
  notebooks: 0.04,
  sagemaker: 0.36,
  bedrock: 0.1,
  awsInfra: 0.14,
  azure: 0.18,
  gcp: 0.18,
} as const;

/** Each service family's share of `assets`, or undefined everywhere for the default estate. */
export function estateSizes(
  assets: number | undefined,
): Record<keyof typeof ESTATE_SHARES, number | undefined> {
  const share = (k: keyof typeof ESTATE_SHARES) =>
    assets === undefined ? undefined : Math.round(assets * ESTATE_SHARES[k]);
  return {
    notebooks: share('notebooks'),
    sagemaker: share('sagemaker'),
    bedrock: share('bedrock'),
    awsInfra: share('awsInfra'),
    azure: share('azure'),
    gcp: share('gcp'),
  };
}

interface Profile {
  misconfigurations: NotebookMisconfiguration[];
  omit: OmittableField[];
  status?: NotebookInstanceStatus;
}

/**
 * Security profiles, dealt to notebooks in this order (cycling when there are more than 12), so every seed
 * with at least 12 notebooks has: 2 well-configured notebooks (profiles 0 and 11), 3 with direct internet
 * access, 3 with root access, 4 without a KMS key, 3 allowing IMDSv1, 2 outside a VPC, and one notebook each
 * whose Describe omits RootAccess (6), InstanceMetadataServiceConfiguration (9) or DirectInternetAccess (10).
 * The seed decides everything else: names, regions, instance types, times, roles, tags.
 */
const PROFILES: readonly Profile[] = [
  { misconfigurations: [], omit: [], status: 'InService' },
  { misconfigurations: ['direct-internet-access', 'no-vpc'], omit: [] },
  { misconfigurations: ['root-access'], omit: [] },
  { misconfigurations: ['no-kms-key'], omit: [] },
  { misconfigurations: ['imds-v1'], omit: [] },
  // Everything the console offers by default: the classic forgotten experiment.
  {
    misconfigurations: ['direct-internet-access', 'no-vpc', 'root-access', 'no-kms-key', 'imds-v1'],
    omit: [],
    status: 'InService',
  },
  { misconfigurations: [], omit: ['RootAccess'] },
  { misconfigurations: ['root-access', 'no-kms-key'], omit: [] },
  { misconfigurations: ['direct-internet-access', 'imds-v1'], omit: [] },
  { misconfigurations: ['no-kms-key'], omit: ['InstanceMetadataServiceConfiguration'] },
  { misconfigurations: [], omit: ['DirectInternetAccess'] },
  { misconfigurations: [], omit: [], status: 'Stopped' },
];

const NAMES = [
  'fraud-detection-dev',
  'llm-finetune-research',
  'churn-model-analysis',
  'recsys-feature-eng',
  'genai-rag-prototype',
  'demand-forecasting-q3',
  'cv-defect-detection',
  'nlp-ticket-triage',
  'credit-risk-scoring',
  'marketing-mmm-exploration',
  'iot-anomaly-detection',
  'pricing-elasticity-study',
  'speech-to-text-eval',
  'bedrock-agents-playground',
  'mlops-pipeline-debug',
  'embedding-benchmarks',
  'onboarding-jdoe',
  'payments-fraud-gnn',
  'supply-chain-optimisation',
  'llama-eval-harness',
  'kyc-document-ocr',
  'ab-test-analysis',
] as const;

// SageMaker keeps the case of a name but lower-cases it in the ARN; one of these is always in the estate.
const MIXED_CASE_NAMES = ['DataScience-Sandbox', 'Customer-LTV-Notebook', 'GenAI-Copilot-POC'] as const;

const INSTANCE_TYPES = [
  'ml.t3.medium',
  'ml.t3.medium',
  'ml.t3.large',
  'ml.t3.xlarge',
  'ml.m5.xlarge',
  'ml.c5.2xlarge',
  'ml.g4dn.xlarge',
  'ml.g5.2xlarge',
  'ml.p3.2xlarge',
] as const;

const ROLES = [
  `arn:aws:iam::${SIM_ACCOUNT_ID}:role/service-role/AmazonSageMaker-ExecutionRole-20240312T094512`,
  `arn:aws:iam::${SIM_ACCOUNT_ID}:role/sagemaker-notebook-data-science`,
  `arn:aws:iam::${SIM_ACCOUNT_ID}:role/SageMakerFullAccessRole`,
] as const;
const PLATFORMS = ['notebook-al2-v2', 'notebook-al2-v3', 'notebook-al2023-v1'] as const;
const VOLUME_SIZES = [5, 5, 20, 50, 100, 200] as const;
const LIFECYCLE_CONFIGS = [
  'auto-stop-idle-1h',
  'install-conda-envs',
  'mount-efs-home',
  'pip-mirror-proxy',
] as const;
const CODE_REPOSITORIES = [
  'https://github.com/example-corp/ml-experiments.git',
  'https://github.com/example-corp/fraud-models.git',
  'https://git-codecommit.eu-west-1.amazonaws.com/v1/repos/ml-shared-utils',
] as const;
const TEAMS = ['data-science', 'risk-analytics', 'ml-platform', 'growth', 'research'] as const;
const OWNERS = ['alice.martin', 'bob.nguyen', 'chen.li', 'dana.kowalski', 'emeka.obi'] as const;
const OTHER_STATUSES: readonly NotebookInstanceStatus[] = [
  'InService',
  'InService',
  'InService',
  'InService',
  'Stopped',
  'Stopped',
  'Failed',
  'Pending',
  'Updating',
];

/**
 * Builds the simulated estate. Pure: the same options always give a byte-identical estate
 * (`JSON.stringify` of two builds is equal), and nothing depends on the clock or the machine.
 */
export function buildEstate(options: EstateOptions = {}): Estate {
  const seed = options.seed ?? DEFAULT_SEED;
  const assets = options.assets;
  if (assets !== undefined && !(Number.isInteger(assets) && assets >= 0 && assets <= MAX_ESTATE_ASSETS)) {
    throw new RangeError(`assets must be an integer from 0 to ${MAX_ESTATE_ASSETS}, got ${assets}`);
  }
  const sizes = estateSizes(assets);
  const count = options.notebooks ?? sizes.notebooks ?? DEFAULT_NOTEBOOK_COUNT;
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  if (!Number.isInteger(count) || count < 0 || count > MAX_ESTATE_ASSETS) {
    throw new RangeError(`notebooks must be an integer from 0 to ${MAX_ESTATE_ASSETS}, got ${count}`);
  }
  const rnd = seededRandom(seed);

  // A fixed share per region (7 of 12 in us-east-1), shuffled so the seed decides which notebook goes where.
  const usEast = Math.round(count * 0.6);
  const regions = rnd.shuffle(
    Array.from({ length: count }, (_, i): SimRegion => (i < usEast ? 'us-east-1' : 'eu-west-1')),
  );
  const names = assignNames(rnd, regions);
  const notebooks = regions.map((region, i) =>
    buildNotebook(rnd, { region, name: names[i]!, profile: PROFILES[i % PROFILES.length]! }),
  );
  return {
    seed,
    accountId: SIM_ACCOUNT_ID,
    regions: SIM_REGIONS,
    notebooks,
    ...buildMlEstate(seed, sizes.sagemaker),
    bedrock: buildBedrockEstate(seed, sizes.bedrock),
    awsInfra: buildAwsInfraEstate(seed, sizes.awsInfra),
    azure: buildAzureEstate(seed, sizes.azure),
    gcp: buildGcpEstate(seed, sizes.gcp),
  };
}

/** The resources of one kind in one region, in estate order. */
export function inRegion<T extends { region: string }>(resources: readonly T[], region: string): T[] {
  return resources.filter((r) => r.region === region);
}

/** The notebooks of one region, in estate order. */
export function notebooksInRegion(estate: Estate, region: string): SimNotebook[] {
  return estate.notebooks.filter((n) => n.region === region);
}

/**
 * Names are unique within a region, as SageMaker requires. The first us-east-1 notebook gets a mixed-case
 * name, and the last eu-west-1 notebook reuses it when both regions have at least two notebooks: the same
 * notebook deployed in two regions is common, and a consumer keying on the name instead of the ARN would
 * merge them.
 */
function assignNames(rnd: SeededRandom, regions: SimRegion[]): string[] {
  const pool = rnd.shuffle(NAMES);
  const mixedCase = rnd.pick(MIXED_CASE_NAMES);
  const names = regions.map((_, i) => {
    const base = pool[i % pool.length]!;
    const round = Math.floor(i / pool.length);
    return round === 0 ? base : `${base}-${round + 1}`;
  });
  const firstUs = regions.indexOf('us-east-1');
  const lastEu = regions.lastIndexOf('eu-west-1');
  if (firstUs >= 0) names[firstUs] = mixedCase;
  const perRegion = (r: SimRegion) => regions.filter((x) => x === r).length;
  if (lastEu >= 0 && perRegion('us-east-1') >= 2 && perRegion('eu-west-1') >= 2) names[lastEu] = mixedCase;
  return names;
}

function buildNotebook(
  rnd: SeededRandom,
  spec: { region: SimRegion; name: string; profile: Profile },
): SimNotebook {
  const { region, name, profile } = spec;
  const bad = new Set(profile.misconfigurations);
  const omit = new Set(profile.omit);
  const arn = `arn:aws:sagemaker:${region}:${SIM_ACCOUNT_ID}:notebook-instance/${name.toLowerCase()}`;
  const status = profile.status ?? rnd.pick(OTHER_STATUSES);
  const instanceType = rnd.pick(INSTANCE_TYPES);
  const createdMs = ESTATE_NOW_MS - rnd.int(10 * DAY_MS, 700 * DAY_MS);
  const modifiedMs = createdMs + rnd.int(0, ESTATE_NOW_MS - createdMs);

  const subnet = bad.has('no-vpc')
    ? undefined
    : { id: `subnet-0${rnd.hex(16)}`, sg: `sg-0${rnd.hex(16)}`, eni: `eni-0${rnd.hex(16)}` };
  const roleArn = rnd.pick(ROLES);
  const kmsKeyId = bad.has('no-kms-key')
    ? undefined
    : `arn:aws:kms:${region}:${SIM_ACCOUNT_ID}:key/${uuidFrom(rnd)}`;
  const lifecycleConfig = rnd.chance(0.5) ? rnd.pick(LIFECYCLE_CONFIGS) : undefined;
  const volumeSize = rnd.pick(VOLUME_SIZES);
  const defaultRepo = rnd.chance(0.4) ? rnd.pick(CODE_REPOSITORIES) : undefined;
  const additionalRepos =
    defaultRepo && rnd.chance(0.5) ? ['https://github.com/example-corp/feature-store-client.git'] : undefined;
  const platform = rnd.pick(PLATFORMS);
  // SageMaker refuses a notebook without a subnet unless direct internet access is on.
  const internet = bad.has('direct-internet-access') || bad.has('no-vpc') ? 'Enabled' : 'Disabled';

  // Members in the order real SageMaker sends them; optional ones are left out, never set to undefined.
  const describe: DescribeNotebookInstanceBody = {
    NotebookInstanceArn: arn,
    NotebookInstanceName: name,
    NotebookInstanceStatus: status,
    ...(status === 'Failed' && {
      FailureReason:
        `ResourceLimitExceeded: The account-level service limit '${instanceType} for notebook instance usage' ` +
        'is 0 Instances, with current utilization of 0 Instances and a request delta of 1 Instances.',
    }),
    ...(status !== 'Failed' &&
      status !== 'Pending' && { Url: `${name.toLowerCase()}.notebook.${region}.sagemaker.aws` }),
    InstanceType: instanceType,
    ...(subnet && { SubnetId: subnet.id, SecurityGroups: [subnet.sg] }),
    RoleArn: roleArn,
    ...(kmsKeyId && { KmsKeyId: kmsKeyId }),
    ...(subnet && { NetworkInterfaceId: subnet.eni }),
    LastModifiedTime: modifiedMs / 1000,
    CreationTime: createdMs / 1000,
    ...(lifecycleConfig && { NotebookInstanceLifecycleConfigName: lifecycleConfig }),
    ...(!omit.has('DirectInternetAccess') && { DirectInternetAccess: internet }),
    VolumeSizeInGB: volumeSize,
    ...(defaultRepo && { DefaultCodeRepository: defaultRepo }),
    ...(additionalRepos && { AdditionalCodeRepositories: additionalRepos }),
    ...(!omit.has('RootAccess') && { RootAccess: bad.has('root-access') ? 'Enabled' : 'Disabled' }),
    PlatformIdentifier: platform,
    ...(!omit.has('InstanceMetadataServiceConfiguration') && {
      InstanceMetadataServiceConfiguration: {
        MinimumInstanceMetadataServiceVersion: bad.has('imds-v1') ? '1' : '2',
      },
    }),
  };

  return {
    region,
    name,
    arn,
    describe,
    tags: buildTags(rnd, name),
    misconfigurations: [...profile.misconfigurations],
    omittedFields: [...profile.omit],
  };
}

/** Most notebooks carry a few tags; about one in six has none, as in real accounts. */
function buildTags(rnd: SeededRandom, name: string): SimTag[] {
  if (rnd.chance(1 / 6)) return [];
  const tags: SimTag[] = [
    { Key: 'team', Value: rnd.pick(TEAMS) },
    { Key: 'owner', Value: `${rnd.pick(OWNERS)}@example.com` },
  ];
  if (rnd.chance(0.7))
    tags.push({ Key: 'env', Value: name.includes('prod') ? 'prod' : rnd.pick(['dev', 'sandbox']) });
  if (rnd.chance(0.5)) tags.push({ Key: 'cost-center', Value: `CC-${rnd.int(1000, 9999)}` });
  if (rnd.chance(0.3))
    tags.push({ Key: 'data-classification', Value: rnd.pick(['internal', 'confidential', 'pii']) });
  return tags;
}

function uuidFrom(rnd: SeededRandom): string {
  return `${rnd.hex(8)}-${rnd.hex(4)}-4${rnd.hex(3)}-${rnd.pick(['8', '9', 'a', 'b'])}${rnd.hex(3)}-${rnd.hex(12)}`;
}
