/**
 * Well-configured Google Cloud assets exactly as the connectors store them: the REST body as Google sent it
 * (proto3 JSON: false bools, empty messages and unset fields left out; enum names restored), plus the bucket's
 * `iamPolicy`. Tests change one field at a time.
 */
import { describe, expect, it } from 'vitest';
import type { CheckAsset, CheckDefinition } from '../../check';
import { run, testAsset } from '../../testing';

export const PROJECT_ID = 'ml-prod';
export const PROJECT_NUMBER = '123456789012';
const LOCATION = 'us-central1';
const PARENT = `projects/${PROJECT_NUMBER}/locations/${LOCATION}`;
export const KMS_KEY = `projects/${PROJECT_ID}/locations/${LOCATION}/keyRings/vertex/cryptoKeys/ml-data`;
export const DEFAULT_COMPUTE_SA = `${PROJECT_NUMBER}-compute@developer.gserviceaccount.com`;
export const SCOPED_SA = `vertex-training@${PROJECT_ID}.iam.gserviceaccount.com`;
const VPC = `projects/${PROJECT_NUMBER}/global/networks/ml-vpc`;

/** An asset of any Google type: nativeId is the resource name the attributes carry. */
export function gcpAsset(
  assetType: string,
  nativeId: string,
  attributes: Record<string, unknown>,
): CheckAsset {
  return testAsset({ provider: 'gcp', assetType, nativeId, attributes, region: LOCATION });
}

/** A deep copy with the value at a dotted path replaced, or removed when `value` is undefined. */
export function withField(
  attributes: Record<string, unknown>,
  path: string,
  value: unknown,
): Record<string, unknown> {
  const copy = structuredClone(attributes);
  const keys = path.split('.');
  let obj: Record<string, unknown> = copy;
  for (const key of keys.slice(0, -1)) {
    const next = obj[key];
    if (typeof next !== 'object' || next === null) obj[key] = {};
    obj = obj[key] as Record<string, unknown>;
  }
  const last = keys.at(-1)!;
  if (value === undefined) delete obj[last];
  else obj[last] = value;
  return copy;
}

export const WORKBENCH_NAME = `projects/${PROJECT_ID}/locations/${LOCATION}-a/instances/ds-workbench-1`;
/** A Workbench instance (Notebooks API v2) with every control on. */
export const wellConfiguredWorkbench: Record<string, unknown> = {
  name: WORKBENCH_NAME,
  gceSetup: {
    machineType: 'e2-standard-4',
    serviceAccounts: [{ email: SCOPED_SA, scopes: ['https://www.googleapis.com/auth/cloud-platform'] }],
    vmImage: { project: 'cloud-notebooks-managed', family: 'workbench-instances' },
    bootDisk: { diskSizeGb: '150', diskType: 'PD_BALANCED', diskEncryption: 'CMEK', kmsKey: KMS_KEY },
    dataDisks: [{ diskSizeGb: '100', diskType: 'PD_BALANCED', diskEncryption: 'CMEK', kmsKey: KMS_KEY }],
    shieldedInstanceConfig: { enableSecureBoot: true, enableVtpm: true, enableIntegrityMonitoring: true },
    networkInterfaces: [
      {
        network: `https://www.googleapis.com/compute/v1/projects/${PROJECT_ID}/global/networks/ml-vpc`,
        subnet: `https://www.googleapis.com/compute/v1/projects/${PROJECT_ID}/regions/${LOCATION}/subnetworks/notebooks`,
        nicType: 'GVNIC',
      },
    ],
    disablePublicIp: true,
    tags: ['deeplearning-vm', 'notebook-instance'],
    metadata: {
      'proxy-mode': 'service_account',
      'notebook-disable-root': 'true',
      'notebook-disable-downloads': 'true',
      'notebook-disable-terminal': 'true',
    },
  },
  proxyUri: '0123456789abcdef-dot-us-central1.notebooks.googleusercontent.com',
  creator: 'alice@example.com',
  state: 'ACTIVE',
  healthState: 'HEALTHY',
  createTime: '2025-03-01T10:00:00.123456789Z',
  updateTime: '2025-03-02T10:00:00.123456789Z',
};
export const workbenchAsset = (attributes: Record<string, unknown>) =>
  gcpAsset('gcp.notebooks.instance', WORKBENCH_NAME, attributes);

export const ENDPOINT_NAME = `${PARENT}/endpoints/1234567890123456789`;
/** An endpoint reached through Private Service Connect, CMEK, logging requests and responses. */
export const wellConfiguredEndpoint: Record<string, unknown> = {
  name: ENDPOINT_NAME,
  displayName: 'fraud-scoring',
  deployedModels: [
    {
      id: '987654321',
      model: `${PARENT}/models/555`,
      displayName: 'fraud-xgb',
      dedicatedResources: { machineSpec: { machineType: 'n1-standard-4' }, minReplicaCount: 1 },
      serviceAccount: `vertex-serving@${PROJECT_ID}.iam.gserviceaccount.com`,
    },
  ],
  trafficSplit: { '987654321': 100 },
  etag: 'AMEw9yPabc',
  createTime: '2025-03-01T10:00:00.123456789Z',
  updateTime: '2025-03-02T10:00:00.123456789Z',
  encryptionSpec: { kmsKeyName: KMS_KEY },
  privateServiceConnectConfig: { enablePrivateServiceConnect: true, projectAllowlist: [PROJECT_ID] },
  predictRequestResponseLoggingConfig: {
    enabled: true,
    samplingRate: 0.1,
    bigqueryDestination: { outputUri: `bq://${PROJECT_ID}.vertex_logs.predictions` },
  },
};
export const endpointAsset = (attributes: Record<string, unknown>) =>
  gcpAsset('gcp.vertex.endpoint', ENDPOINT_NAME, attributes);

export const INDEX_ENDPOINT_NAME = `${PARENT}/indexEndpoints/2233445566`;
export const wellConfiguredIndexEndpoint: Record<string, unknown> = {
  name: INDEX_ENDPOINT_NAME,
  displayName: 'rag-docs',
  etag: 'AMEw9yPdef',
  createTime: '2025-03-01T10:00:00.123456789Z',
  updateTime: '2025-03-02T10:00:00.123456789Z',
  network: VPC,
  encryptionSpec: { kmsKeyName: KMS_KEY },
};
export const indexEndpointAsset = (attributes: Record<string, unknown>) =>
  gcpAsset('gcp.vertex.index_endpoint', INDEX_ENDPOINT_NAME, attributes);

const vertexResource = (collection: string, id: string, extra: Record<string, unknown>) => ({
  name: `${PARENT}/${collection}/${id}`,
  ...extra,
  createTime: '2025-03-01T10:00:00.123456789Z',
  updateTime: '2025-03-02T10:00:00.123456789Z',
  etag: 'AMEw9yP123',
  encryptionSpec: { kmsKeyName: KMS_KEY },
});

export const wellConfiguredDataset = vertexResource('datasets', '3344', {
  displayName: 'transactions',
  metadataSchemaUri: 'gs://google-cloud-aiplatform/schema/dataset/metadata/tabular_1.0.0.yaml',
  metadata: { inputConfig: { gcsSource: { uri: ['gs://ml-training-data/tabular/transactions.csv'] } } },
  dataItemCount: '120000',
});
export const datasetAsset = (attributes: Record<string, unknown>) =>
  gcpAsset('gcp.vertex.dataset', String(wellConfiguredDataset.name), attributes);

export const wellConfiguredFeaturestore = vertexResource('featurestores', 'customer_features', {
  onlineServingConfig: { fixedNodeCount: 1 },
  state: 'STABLE',
  onlineStorageTtlDays: 4000,
});
export const featurestoreAsset = (attributes: Record<string, unknown>) =>
  gcpAsset('gcp.vertex.featurestore', String(wellConfiguredFeaturestore.name), attributes);

export const wellConfiguredModel = vertexResource('models', '4455', {
  displayName: 'fraud-xgb',
  versionId: '1',
  containerSpec: { imageUri: 'us-docker.pkg.dev/vertex-ai/prediction/xgboost-cpu.1-7:latest' },
  artifactUri: 'gs://ml-model-artifacts/fraud-xgb/v1',
  supportedDeploymentResourcesTypes: ['DEDICATED_RESOURCES'],
});
export const modelAsset = (attributes: Record<string, unknown>) =>
  gcpAsset('gcp.vertex.model', String(wellConfiguredModel.name), attributes);

export const wellConfiguredTensorboard = vertexResource('tensorboards', '5566', {
  displayName: 'experiments',
  blobStoragePathPrefix: 'cloud-ai-platform-0a1b2c3d',
  runCount: 12,
});
export const tensorboardAsset = (attributes: Record<string, unknown>) =>
  gcpAsset('gcp.vertex.tensorboard', String(wellConfiguredTensorboard.name), attributes);

export const wellConfiguredNotebookRuntime = vertexResource('notebookRuntimes', '6677', {
  runtimeUser: 'alice@example.com',
  displayName: 'alice-runtime',
  runtimeState: 'RUNNING',
  notebookRuntimeType: 'USER_DEFINED',
  machineSpec: { machineType: 'e2-standard-4' },
  networkSpec: { network: VPC, subnetwork: `projects/${PROJECT_NUMBER}/regions/${LOCATION}/subnetworks/nb` },
  shieldedVmConfig: { enableSecureBoot: true },
  eucConfig: {},
});
export const notebookRuntimeAsset = (attributes: Record<string, unknown>) =>
  gcpAsset('gcp.vertex.notebook_runtime', String(wellConfiguredNotebookRuntime.name), attributes);

export const TRAINING_BUCKET = 'projects/_/buckets/ml-training-data';
export const OUTPUT_BUCKET = 'projects/_/buckets/ml-model-artifacts';
export const wellConfiguredCustomJob = vertexResource('customJobs', '7788', {
  displayName: 'train-fraud-xgb',
  jobSpec: {
    workerPoolSpecs: [
      {
        machineSpec: { machineType: 'n1-standard-8' },
        replicaCount: '1',
        diskSpec: { bootDiskType: 'pd-ssd', bootDiskSizeGb: 100 },
        containerSpec: {
          imageUri: `us-central1-docker.pkg.dev/${PROJECT_ID}/training/trainer:1a2b3c4`,
          args: ['--data=gs://ml-training-data/train/'],
        },
      },
    ],
    serviceAccount: SCOPED_SA,
    network: VPC,
    baseOutputDirectory: { outputUriPrefix: 'gs://ml-model-artifacts/custom-jobs/1' },
  },
  state: 'JOB_STATE_SUCCEEDED',
});
export const customJobAsset = (attributes: Record<string, unknown>) =>
  gcpAsset('gcp.vertex.custom_job', String(wellConfiguredCustomJob.name), attributes);

export const wellConfiguredPipelineJob = vertexResource('pipelineJobs', 'training-pipeline-20250301', {
  displayName: 'training-pipeline',
  state: 'PIPELINE_STATE_SUCCEEDED',
  runtimeConfig: {
    gcsOutputDirectory: 'gs://ml-model-artifacts/pipeline-root',
    parameterValues: { dataset_uri: 'gs://ml-training-data/datasets/latest/' },
  },
  serviceAccount: SCOPED_SA,
  network: VPC,
});
export const pipelineJobAsset = (attributes: Record<string, unknown>) =>
  gcpAsset('gcp.vertex.pipeline_job', String(wellConfiguredPipelineJob.name), attributes);

const privateBindings = [
  {
    role: 'roles/storage.legacyBucketOwner',
    members: [`projectEditor:${PROJECT_ID}`, `projectOwner:${PROJECT_ID}`],
  },
  { role: 'roles/storage.objectViewer', members: [`serviceAccount:${SCOPED_SA}`] },
];
/** A private bucket as the Cloud Storage discoverer stores it: the bucket resource plus its IAM policy. */
export const privateBucket: Record<string, unknown> = {
  kind: 'storage#bucket',
  id: 'ml-training-data',
  name: 'ml-training-data',
  projectNumber: PROJECT_NUMBER,
  location: 'US-CENTRAL1',
  storageClass: 'STANDARD',
  iamConfiguration: {
    bucketPolicyOnly: { enabled: true, lockedTime: '2025-06-01T00:00:00.000Z' },
    uniformBucketLevelAccess: { enabled: true, lockedTime: '2025-06-01T00:00:00.000Z' },
    publicAccessPrevention: 'enforced',
  },
  iamPolicy: {
    kind: 'storage#policy',
    resourceId: 'projects/_/buckets/ml-training-data',
    version: 1,
    etag: 'CAE=',
    bindings: privateBindings,
  },
};
/** A bucket readable by anyone: an allUsers binding and public access prevention left to the organization. */
export const publicBucket: Record<string, unknown> = withField(
  withField(privateBucket, 'iamConfiguration.publicAccessPrevention', 'inherited'),
  'iamPolicy.bindings',
  [...privateBindings, { role: 'roles/storage.objectViewer', members: ['allUsers'] }],
);
export const bucketAsset = (attributes: Record<string, unknown>, nativeId = TRAINING_BUCKET) =>
  gcpAsset('gcp.storage.bucket', nativeId, attributes);

export const GEMINI_SERVICE_NAME = `projects/${PROJECT_NUMBER}/services/generativelanguage.googleapis.com`;
/** A Service Usage service as the enabled-services discoverer stores it. */
export function serviceAsset(api: string, state: string | undefined): CheckAsset {
  const name = `projects/${PROJECT_NUMBER}/services/${api}`;
  return testAsset({
    provider: 'gcp',
    assetType: 'gcp.serviceusage.service',
    nativeId: name,
    region: 'global',
    attributes: {
      name,
      config: { name: api, title: api, documentation: {}, quota: {}, authentication: {}, monitoring: {} },
      ...(state !== undefined && { state }),
      parent: `projects/${PROJECT_NUMBER}`,
    },
  });
}

/**
 * The tests of a Vertex AI `encryptionSpec` check: pass with a customer key, fail when the body has no spec (or
 * an empty key), unknown when the resource body is not there at all.
 */
export function describeEncryptionSpecCheck(
  check: CheckDefinition,
  asset: (attributes: Record<string, unknown>) => CheckAsset,
  wellConfigured: Record<string, unknown>,
): void {
  describe(check.id, () => {
    it('passes when encryptionSpec names a customer-managed key', () => {
      expect(run(check, asset(wellConfigured))).toEqual({
        status: 'pass',
        evidence: { 'encryptionSpec.kmsKeyName': KMS_KEY },
      });
    });

    it('fails when the body has no encryptionSpec (Google-managed key)', () => {
      expect(run(check, asset(withField(wellConfigured, 'encryptionSpec', undefined)))).toEqual({
        status: 'fail',
        evidence: { 'encryptionSpec.kmsKeyName': null },
      });
    });

    it('fails on an empty key name', () => {
      const attributes = withField(wellConfigured, 'encryptionSpec.kmsKeyName', '');
      expect(run(check, asset(attributes)).status).toBe('fail');
    });

    it('is unknown when the resource body was not read', () => {
      expect(run(check, asset({}))).toEqual({ status: 'unknown', missing: ['name'] });
    });
  });
}

/** The tests of a Workbench check on a `notebook-disable-*` metadata key. */
export function describeWorkbenchMetadataCheck(check: CheckDefinition, key: string): void {
  const field = `gceSetup.metadata.${key}`;
  const metadata = (wellConfiguredWorkbench.gceSetup as { metadata: Record<string, string> }).metadata;
  const withMetadata = (value: Record<string, string> | undefined) =>
    workbenchAsset(withField(wellConfiguredWorkbench, 'gceSetup.metadata', value));

  describe(check.id, () => {
    it(`passes when ${key} is "true"`, () => {
      expect(run(check, workbenchAsset(wellConfiguredWorkbench))).toEqual({
        status: 'pass',
        evidence: { [field]: 'true' },
      });
    });

    it(`fails when the metadata has no ${key}`, () => {
      const rest = Object.fromEntries(Object.entries(metadata).filter(([k]) => k !== key));
      expect(run(check, withMetadata(rest))).toEqual({ status: 'fail', evidence: { [field]: null } });
    });

    it(`fails when ${key} is "false"`, () => {
      expect(run(check, withMetadata({ ...metadata, [key]: 'false' }))).toEqual({
        status: 'fail',
        evidence: { [field]: 'false' },
      });
    });

    it('is unknown when the body has no gceSetup.metadata', () => {
      expect(run(check, withMetadata(undefined))).toEqual({
        status: 'unknown',
        missing: ['gceSetup.metadata'],
      });
    });
  });
}

/**
 * The tests of a public-training-data check on a job asset type: the job reads TRAINING_BUCKET (`reads_data`)
 * and writes OUTPUT_BUCKET (`writes_output`); `required` is the body field whose absence makes it unknown.
 */
export function describeTrainingDataCheck(
  check: CheckDefinition,
  asset: (attributes: Record<string, unknown>) => CheckAsset,
  wellConfigured: Record<string, unknown>,
  required: string,
): void {
  const job = asset(wellConfigured);
  const graph = (buckets: CheckAsset[], reads: string[] = [TRAINING_BUCKET]) => ({
    assets: buckets,
    relations: [
      ...reads.map((toNativeId) => ({ fromNativeId: job.nativeId, kind: 'reads_data', toNativeId })),
      { fromNativeId: job.nativeId, kind: 'writes_output', toNativeId: OUTPUT_BUCKET },
    ],
  });
  const publicGrant = { role: 'roles/storage.objectViewer', member: 'allUsers' };
  const pap = 'iamConfiguration.publicAccessPrevention';

  describe(check.id, () => {
    it('passes when every bucket it reads is private', () => {
      expect(run(check, job, graph([bucketAsset(privateBucket)]))).toEqual({
        status: 'pass',
        evidence: {
          readsData: [TRAINING_BUCKET],
          buckets: [{ bucket: TRAINING_BUCKET, publicGrants: [], [pap]: 'enforced' }],
        },
      });
    });

    it('passes when it reads no bucket at all', () => {
      expect(run(check, job, graph([], []))).toEqual({
        status: 'pass',
        evidence: { readsData: [], buckets: [] },
      });
    });

    it('passes when a public binding is neutralised by enforced public access prevention', () => {
      const enforced = withField(publicBucket, pap, 'enforced');
      expect(run(check, job, graph([bucketAsset(enforced)])).status).toBe('pass');
    });

    it('fails when it reads a bucket granted to allUsers without public access prevention', () => {
      expect(run(check, job, graph([bucketAsset(publicBucket)]))).toEqual({
        status: 'fail',
        evidence: {
          readsData: [TRAINING_BUCKET],
          publicBuckets: [{ bucket: TRAINING_BUCKET, publicGrants: [publicGrant], [pap]: 'inherited' }],
        },
      });
    });

    it('fails for allAuthenticatedUsers too, even when another bucket is not in the inventory', () => {
      const bindings = [{ role: 'roles/storage.objectAdmin', members: ['allAuthenticatedUsers'] }];
      const bucket = bucketAsset(withField(publicBucket, 'iamPolicy.bindings', bindings));
      const other = 'projects/_/buckets/partner-data';
      expect(run(check, job, graph([bucket], [TRAINING_BUCKET, other]))).toMatchObject({
        status: 'fail',
        evidence: { publicBuckets: [{ publicGrants: [{ member: 'allAuthenticatedUsers' }] }] },
      });
    });

    it('does not fail on a public bucket the job only writes to', () => {
      const output = bucketAsset(publicBucket, OUTPUT_BUCKET);
      expect(run(check, job, graph([bucketAsset(privateBucket), output])).status).toBe('pass');
    });

    it('is unknown when a bucket it reads is not in the inventory', () => {
      expect(run(check, job, graph([]))).toEqual({ status: 'unknown', missing: [TRAINING_BUCKET] });
    });

    it('is unknown when a public binding meets an absent publicAccessPrevention', () => {
      const bucket = bucketAsset(withField(publicBucket, pap, undefined));
      expect(run(check, job, graph([bucket]))).toEqual({
        status: 'unknown',
        missing: [`${TRAINING_BUCKET} ${pap}`],
      });
    });

    it('is unknown when the bucket IAM policy was not read', () => {
      const bucket = bucketAsset(withField(privateBucket, 'iamPolicy', undefined));
      expect(run(check, job, graph([bucket]))).toEqual({
        status: 'unknown',
        missing: [`${TRAINING_BUCKET} iamPolicy`],
      });
    });

    it(`is unknown when the job body has no ${required}`, () => {
      const bare = asset(withField(wellConfigured, required, undefined));
      expect(run(check, bare, graph([bucketAsset(publicBucket)]))).toEqual({
        status: 'unknown',
        missing: [required],
      });
    });
  });
}
