import { deriveSeed, seededRandom, type SeededRandom } from '../seeded-random.util';

/** The one simulated Google Cloud project: requests name it by id or number; resource names use the number. */
export const SIM_GCP_PROJECT_ID = 'aispm-sim-project';
export const SIM_GCP_PROJECT_NUMBER = '734219856012';
/** Locations that hold resources; any other location answers empty. */
export const SIM_GCP_LOCATIONS = ['us-central1', 'europe-west4'] as const;
/** Compute Engine zones of the locations, where Workbench instances live. */
export const SIM_GCP_ZONES: Readonly<Record<string, readonly string[]>> = {
  'us-central1': ['us-central1-a', 'us-central1-b', 'us-central1-c', 'us-central1-f'],
  'europe-west4': ['europe-west4-a', 'europe-west4-b', 'europe-west4-c'],
};

/** The project's Compute Engine default service account: an Editor of the project unless someone removed that. */
export const SIM_GCP_DEFAULT_COMPUTE_SA = `${SIM_GCP_PROJECT_NUMBER}-compute@developer.gserviceaccount.com`;
const EDITOR_SA = `ml-pipelines@${SIM_GCP_PROJECT_ID}.iam.gserviceaccount.com`;
/**
 * A bucket of another organisation (a partner's shared training set) that every fifth custom job trains from: it
 * is not in the project's bucket listing, so whether it is public cannot be known from this project.
 */
export const SIM_GCP_EXTERNAL_BUCKET = 'aispm-partner-shared-eval';
const SCOPED_SAS = [
  `vertex-training@${SIM_GCP_PROJECT_ID}.iam.gserviceaccount.com`,
  `vertex-serving@${SIM_GCP_PROJECT_ID}.iam.gserviceaccount.com`,
] as const;

/** Vertex AI collections the simulator serves, by their REST collection id. */
export const VERTEX_KINDS = [
  'endpoints',
  'models',
  'datasets',
  'featurestores',
  'indexEndpoints',
  'tensorboards',
  'notebookRuntimes',
  'customJobs',
  'pipelineJobs',
] as const;
export type VertexKind = (typeof VERTEX_KINDS)[number];

/** A REST resource body exactly as Google sends it: proto3 JSON (int64 as strings, RFC 3339 times, enum names). */
export type GcpJson = Record<string, unknown>;

/**
 * A planted security problem, as the resource body shows it:
 * - `public-endpoint`: an endpoint (or index endpoint) reachable from the internet (no Private Service Connect, no
 *   VPC network).
 * - `no-cmek`: `encryptionSpec` (Vertex), `bootDisk.kmsKey` (Workbench) or `encryption` (bucket) absent: a
 *   Google-managed key.
 * - `self-hosted-server`: a model whose `containerSpec.imageUri` is an open-source inference server.
 * - `public-ip`: a Workbench instance without `disablePublicIp` (proto3 JSON leaves a false bool out).
 * - `no-secure-boot`: shielded VM secure boot not enabled.
 * - `default-compute-sa`: runs as the Compute Engine default service account (an Editor of the project).
 * - `root-access`: a Workbench instance without `notebook-disable-root: "true"` metadata.
 * - `internet-access`: a notebook runtime with `networkSpec.enableInternetAccess`.
 * - `editor-service-account`: a job running as a service account that is an Editor of the project.
 * - `public-bucket`: a bucket IAM binding for `allUsers` or `allAuthenticatedUsers`.
 * - `no-uniform-access`: uniform bucket-level access off (object ACLs apply).
 * - `no-public-access-prevention`: `publicAccessPrevention` is `inherited`.
 * - `no-logging` / `no-versioning`: the bucket's `logging` / `versioning` absent.
 * - `public-training-data`: a custom or pipeline job whose input data (`--data=` argument, `dataset_uri`
 *   parameter) is in a `public-bucket` whose public access prevention is not enforced.
 */
export type GcpMisconfiguration =
  | 'public-endpoint'
  | 'no-cmek'
  | 'self-hosted-server'
  | 'public-ip'
  | 'no-secure-boot'
  | 'default-compute-sa'
  | 'root-access'
  | 'internet-access'
  | 'editor-service-account'
  | 'public-bucket'
  | 'no-uniform-access'
  | 'no-public-access-prevention'
  | 'no-logging'
  | 'no-versioning'
  | 'public-training-data';

export interface GcpEstate {
  projectId: string;
  projectNumber: string;
  locations: readonly string[];
  /** Vertex AI resources by collection and location, in listing order. */
  vertex: Record<VertexKind, Record<string, GcpJson[]>>;
  /** Workbench instances by zone, and all of them (the `locations/-` listing) in zone order. */
  workbench: Record<string, GcpJson[]>;
  workbenchAll: GcpJson[];
  /** Buckets in listing order (by name, as Cloud Storage lists them). */
  buckets: GcpJson[];
  /**
   * IAM policy of each bucket, by bucket name. A bucket listed in `buckets` but missing here answers 404 to
   * its IAM read: tests delete an entry to stand for a bucket deleted between the listing and the read.
   */
  bucketIam: Map<string, GcpJson>;
  /** Every service of the project, enabled or not, in listing order. */
  services: GcpJson[];
  /** Service accounts holding roles/editor on the project (real projects grant it to the default compute SA). */
  projectEditors: string[];
  /** What a correct consumer must conclude, by resource name (bucket: its name). Omitted fields are in neither. */
  misconfigurations: Record<string, GcpMisconfiguration[]>;
  /**
   * Security fields a resource's body leaves out (unknown, not false), by resource name. Workbench disks that
   * state no `diskEncryption` are listed as `gceSetup.bootDisk.diskEncryption` (the v2 proto marks it input-only).
   */
  omittedFields: Record<string, string[]>;
}

/** Fixed "now" of the estate: times derive from it, never from the clock. */
const ESTATE_NOW_MS = Date.UTC(2025, 5, 1, 12, 0, 0);
const DAY_MS = 86_400_000;

/**
 * Counts of the default estate, per location (us-central1, europe-west4). Profiles (below) are dealt in order
 * within each location, so every planted problem and every omitted field appears at least once.
 */
export const GCP_DEFAULT_COUNTS: Readonly<Record<VertexKind | 'workbench', readonly [number, number]>> = {
  endpoints: [4, 1],
  models: [6, 1],
  datasets: [3, 1],
  featurestores: [2, 1],
  indexEndpoints: [3, 1],
  tensorboards: [2, 1],
  notebookRuntimes: [4, 1],
  customJobs: [5, 1],
  pipelineJobs: [3, 1],
  workbench: [5, 2],
};

/** Share of a sized Google estate per collection (services are a fixed list). */
const SIZED_WEIGHTS: Readonly<Record<VertexKind | 'workbench' | 'buckets', number>> = {
  endpoints: 0.06,
  models: 0.16,
  datasets: 0.08,
  featurestores: 0.02,
  indexEndpoints: 0.02,
  tensorboards: 0.03,
  notebookRuntimes: 0.06,
  customJobs: 0.3,
  pipelineJobs: 0.15,
  workbench: 0.06,
  buckets: 0.06,
};

const BUCKET_NAMES = [
  'aispm-sim-training-data',
  'aispm-sim-model-artifacts',
  'aispm-sim-public-datasets',
  'aispm-sim-pipeline-root',
  'aispm-sim-notebook-exports',
  'aispm-sim-feature-exports',
] as const;

/**
 * Builds the project's estate. Pure and deterministic for a seed; `size` undefined gives the small default
 * estate (GCP_DEFAULT_COUNTS, six buckets, the fixed service list), else about `size` assets in all.
 */
export function buildGcpEstate(seed: number, size: number | undefined): GcpEstate {
  const rnd = seededRandom(deriveSeed(seed, 'gcp'));
  const b = new Builder(rnd);
  const services = buildServices();
  const counts = size === undefined ? undefined : sizedCounts(size - services.length);
  const bucketCount = counts?.buckets ?? BUCKET_NAMES.length;
  b.buildBuckets(bucketCount);

  for (const [li, location] of SIM_GCP_LOCATIONS.entries()) {
    const count = (kind: VertexKind | 'workbench') => {
      if (!counts) return GCP_DEFAULT_COUNTS[kind][li]!;
      // A sized estate puts 60% in us-central1.
      const total = counts[kind];
      return li === 0 ? Math.round(total * 0.6) : total - Math.round(total * 0.6);
    };
    // Pipelines and models first: later resources point at them.
    for (const kind of ['pipelineJobs', 'customJobs', 'models', ...VERTEX_KINDS] as const) {
      if (b.vertex[kind][location]) continue;
      b.vertex[kind][location] = Array.from({ length: count(kind) }, (_, i) =>
        b.vertexResource(kind, location, i),
      );
    }
    for (let i = 0; i < count('workbench'); i++) b.workbenchInstance(location, i);
  }
  const zones = SIM_GCP_LOCATIONS.flatMap((l) => SIM_GCP_ZONES[l]!);
  return {
    projectId: SIM_GCP_PROJECT_ID,
    projectNumber: SIM_GCP_PROJECT_NUMBER,
    locations: SIM_GCP_LOCATIONS,
    vertex: b.vertex,
    workbench: b.workbench,
    workbenchAll: zones.flatMap((z) => b.workbench[z] ?? []),
    buckets: b.buckets,
    bucketIam: b.bucketIam,
    services,
    projectEditors: [SIM_GCP_DEFAULT_COMPUTE_SA, EDITOR_SA],
    misconfigurations: b.misconfigurations,
    omittedFields: b.omittedFields,
  };
}

function sizedCounts(size: number): Record<VertexKind | 'workbench' | 'buckets', number> {
  const n = Math.max(0, size);
  const out = {} as Record<VertexKind | 'workbench' | 'buckets', number>;
  for (const [k, w] of Object.entries(SIZED_WEIGHTS)) out[k as keyof typeof out] = Math.round(n * w);
  return out;
}

const PROJECT_PATH = `projects/${SIM_GCP_PROJECT_NUMBER}`;

class Builder {
  readonly vertex = Object.fromEntries(VERTEX_KINDS.map((k) => [k, {}])) as Record<
    VertexKind,
    Record<string, GcpJson[]>
  >;
  readonly workbench: Record<string, GcpJson[]> = {};
  readonly buckets: GcpJson[] = [];
  readonly bucketIam = new Map<string, GcpJson>();
  readonly misconfigurations: Record<string, GcpMisconfiguration[]> = {};
  readonly omittedFields: Record<string, string[]> = {};
  private bucketNames: string[] = [];
  /** Buckets readable by allUsers / allAuthenticatedUsers without enforced public access prevention. */
  private readonly publicBuckets = new Set<string>();
  private nextId = 1;

  constructor(private readonly rnd: SeededRandom) {}

  vertexResource(kind: VertexKind, location: string, i: number): GcpJson {
    switch (kind) {
      case 'endpoints':
        return this.endpoint(location, i);
      case 'models':
        return this.model(location, i);
      case 'datasets':
        return this.dataset(location, i);
      case 'featurestores':
        return this.featurestore(location, i);
      case 'indexEndpoints':
        return this.indexEndpoint(location, i);
      case 'tensorboards':
        return this.tensorboard(location, i);
      case 'notebookRuntimes':
        return this.notebookRuntime(location, i);
      case 'customJobs':
        return this.customJob(location, i);
      case 'pipelineJobs':
        return this.pipelineJob(location, i);
    }
  }

  // ---- helpers -------------------------------------------------------------------------------------------

  /** Vertex ids are 19-digit numbers; these are unique within the estate. */
  private numericId(): string {
    const n = this.nextId++;
    return `${this.rnd.int(1, 8)}${String(n).padStart(6, '0')}${String(this.rnd.int(0, 999_999_999_999)).padStart(12, '0')}`;
  }

  private name(location: string, collection: string, id: string): string {
    return `${PROJECT_PATH}/locations/${location}/${collection}/${id}`;
  }

  private times(): { createTime: string; updateTime: string; createdMs: number } {
    const createdMs = ESTATE_NOW_MS - this.rnd.int(5 * DAY_MS, 600 * DAY_MS);
    const updatedMs = createdMs + this.rnd.int(0, ESTATE_NOW_MS - createdMs);
    return { createTime: rfc3339(createdMs, this.rnd), updateTime: rfc3339(updatedMs, this.rnd), createdMs };
  }

  private kmsKey(location: string): string {
    return `projects/${SIM_GCP_PROJECT_ID}/locations/${location}/keyRings/vertex-ai/cryptoKeys/${this.rnd.pick(['vertex-cmek', 'ml-data-key', 'notebooks-key'])}`;
  }

  private bucket(): string {
    return this.rnd.pick(this.bucketNames);
  }

  /**
   * The bucket a custom job trains from; `external` jobs read a partner's bucket. The project's pick is drawn
   * either way, so the rest of the estate stays what the seed made it.
   */
  private trainingBucket(external: boolean): string {
    const picked = this.bucket();
    return external ? SIM_GCP_EXTERNAL_BUCKET : picked;
  }

  /** Whether a job's input URI (`gs://bucket/...`, possibly after `--flag=`) names a public bucket. */
  private readsPublicBucket(uri: unknown): boolean {
    const bucket = typeof uri === 'string' ? /gs:\/\/([^/]+)/.exec(uri)?.[1] : undefined;
    return bucket !== undefined && this.publicBuckets.has(bucket);
  }

  private labels(): GcpJson | undefined {
    if (this.rnd.chance(0.25)) return undefined;
    const labels: Record<string, string> = {
      team: this.rnd.pick(['data-science', 'ml-platform', 'risk-analytics', 'research']),
      env: this.rnd.pick(['dev', 'prod', 'sandbox']),
    };
    if (this.rnd.chance(0.4)) labels['cost-center'] = `cc-${this.rnd.int(1000, 9999)}`;
    return labels;
  }

  private mark(name: string, bad: readonly GcpMisconfiguration[], omitted: readonly string[] = []): void {
    this.misconfigurations[name] = [...bad];
    if (omitted.length) this.omittedFields[name] = [...omitted];
  }

  private first<T>(
    kind: VertexKind,
    location: string,
    pick: (items: GcpJson[]) => T | undefined,
  ): T | undefined {
    const items = this.vertex[kind][location];
    return items && items.length > 0 ? pick(items) : undefined;
  }

  // ---- Vertex AI -----------------------------------------------------------------------------------------

  private endpoint(location: string, i: number): GcpJson {
    const profile = i % 4;
    const name = this.name(location, 'endpoints', this.numericId());
    const t = this.times();
    const cmek = profile === 1 || profile === 3;
    const models = this.vertex.models[location] ?? [];
    const deployed = models.length > 0 ? [models[(i * 2) % models.length]!] : [];
    if (profile === 1 && models.length > 2) deployed.push(models[(i * 2 + 1) % models.length]!);
    const deployedModels = deployed.map((m, j) => ({
      id: this.numericId(),
      model: m.name,
      modelVersionId: '1',
      displayName: `${String(m.displayName)}-deployment`,
      createTime: t.updateTime,
      dedicatedResources: {
        machineSpec: {
          machineType: this.rnd.pick(['g2-standard-8', 'n1-standard-4', 'a2-highgpu-1g']),
          ...(j === 0 && {
            acceleratorType: this.rnd.pick(['NVIDIA_L4', 'NVIDIA_TESLA_T4', 'NVIDIA_TESLA_A100']),
            acceleratorCount: 1,
          }),
        },
        minReplicaCount: 1,
        maxReplicaCount: this.rnd.int(1, 4),
      },
      ...(profile !== 0 && { serviceAccount: SCOPED_SAS[1] }),
      ...(this.rnd.chance(0.5) && { enableAccessLogging: true }),
    }));
    const trafficSplit = Object.fromEntries(
      deployedModels.map((d, j) => [d.id, deployedModels.length === 1 ? 100 : j === 0 ? 80 : 20]),
    );
    const body: GcpJson = {
      name,
      displayName: `${this.rnd.pick(['fraud-scoring', 'support-llm', 'recsys', 'doc-ocr', 'churn'])}-endpoint-${i + 1}`,
      ...(deployedModels.length > 0 && { deployedModels, trafficSplit }),
      etag: `AMEw9yP${this.rnd.hex(12)}`,
      ...optional('labels', this.labels()),
      createTime: t.createTime,
      updateTime: t.updateTime,
      ...(cmek && { encryptionSpec: { kmsKeyName: this.kmsKey(location) } }),
      ...(profile === 2 && { network: `projects/${SIM_GCP_PROJECT_NUMBER}/global/networks/ml-vpc` }),
      ...(profile === 1 && {
        privateServiceConnectConfig: {
          enablePrivateServiceConnect: true,
          projectAllowlist: [SIM_GCP_PROJECT_ID],
          serviceAttachment: `projects/${this.rnd.hex(10)}-tp/regions/${location}/serviceAttachments/gkedpm-${this.rnd.hex(24)}`,
        },
      }),
      ...(profile !== 3 && {
        predictRequestResponseLoggingConfig:
          profile === 1
            ? {
                enabled: true,
                samplingRate: 0.1,
                bigqueryDestination: { outputUri: `bq://${SIM_GCP_PROJECT_ID}.vertex_logs.predictions` },
              }
            : {},
      }),
      ...(profile === 3 && {
        dedicatedEndpointEnabled: true,
        dedicatedEndpointDns: `${this.numericId()}.${location}-${SIM_GCP_PROJECT_NUMBER}.prediction.vertexai.goog`,
      }),
    };
    const bad: GcpMisconfiguration[] = [];
    if (profile === 0 || profile === 3) bad.push('public-endpoint');
    if (!cmek) bad.push('no-cmek');
    this.mark(name, bad);
    return body;
  }

  private model(location: string, i: number): GcpJson {
    const profile = i % 6;
    const name = this.name(location, 'models', this.numericId());
    const t = this.times();
    const images = [
      `vllm/vllm-openai:v0.${this.rnd.int(4, 8)}.${this.rnd.int(0, 3)}`,
      `ghcr.io/huggingface/text-generation-inference:2.${this.rnd.int(0, 4)}.0`,
      'us-docker.pkg.dev/vertex-ai/prediction/sklearn-cpu.1-3:latest',
      `ollama/ollama:0.${this.rnd.int(3, 6)}.${this.rnd.int(0, 14)}`,
      `nvcr.io/nvidia/tritonserver:24.0${this.rnd.int(1, 9)}-py3`,
    ];
    const cmek = profile === 2 || profile === 5;
    const pipeline = this.first('pipelineJobs', location, (p) => p[i % p.length]!.name as string);
    const custom = this.first('customJobs', location, (p) => p[i % p.length]!.name as string);
    const displayName = [
      'llama-3-8b-instruct',
      'mistral-7b-support',
      'fraud-xgb',
      'gemma-2-9b-chat',
      'ocr-triton',
      'churn-automl',
    ][profile]!;
    const body: GcpJson = {
      name,
      displayName: i < 6 ? displayName : `${displayName}-${i + 1}`,
      versionId: String(this.rnd.int(1, 4)),
      versionAliases: ['default'],
      versionCreateTime: t.createTime,
      versionUpdateTime: t.updateTime,
      ...(profile === 2 && {
        predictSchemata: { predictionSchemaUri: `gs://${this.bucket()}/schemata/prediction.yaml` },
      }),
      ...(profile === 2 && pipeline && { pipelineJob: pipeline }),
      ...(profile === 5 && { trainingPipeline: this.name(location, 'trainingPipelines', this.numericId()) }),
      ...(profile !== 5 && {
        containerSpec: {
          imageUri: images[profile]!,
          ...(profile === 0 && { args: ['--model', '/models/llama-3-8b-instruct', '--port', '8080'] }),
          ports: [{ containerPort: profile === 3 ? 11434 : 8080 }],
          predictRoute: profile === 3 ? '/api/generate' : '/v1/completions',
          healthRoute: profile === 3 ? '/' : '/health',
        },
      }),
      artifactUri: `gs://${this.bucket()}/models/${displayName}/v1`,
      supportedDeploymentResourcesTypes: profile === 5 ? ['AUTOMATIC_RESOURCES'] : ['DEDICATED_RESOURCES'],
      createTime: t.createTime,
      updateTime: t.updateTime,
      etag: `AMEw9yP${this.rnd.hex(12)}`,
      ...optional('labels', this.labels()),
      ...(cmek && { encryptionSpec: { kmsKeyName: this.kmsKey(location) } }),
      ...(profile === 1 && custom && { modelSourceInfo: { sourceType: 'CUSTOM' } }),
    };
    const bad: GcpMisconfiguration[] = [];
    if ([0, 1, 3, 4].includes(profile)) bad.push('self-hosted-server');
    if (!cmek) bad.push('no-cmek');
    this.mark(name, bad);
    return body;
  }

  private dataset(location: string, i: number): GcpJson {
    const profile = i % 3;
    const name = this.name(location, 'datasets', this.numericId());
    const t = this.times();
    const cmek = profile === 1;
    const kind = ['image', 'text', 'tabular'][profile]!;
    const body: GcpJson = {
      name,
      displayName: `${['defect-images', 'support-tickets', 'transactions'][profile]}-${i + 1}`,
      metadataSchemaUri: `gs://google-cloud-aiplatform/schema/dataset/metadata/${kind}_1.0.0.yaml`,
      metadata:
        profile === 2
          ? { inputConfig: { gcsSource: { uri: [`gs://${this.bucket()}/tabular/transactions-*.csv`] } } }
          : { dataItemSchemaUri: `gs://google-cloud-aiplatform/schema/dataset/dataitem/${kind}_1.0.0.yaml` },
      // int64: a string in proto3 JSON, and beyond 2^53 for one dataset so a lossy parser would show.
      dataItemCount: profile === 1 && i < 3 ? '9007199254740993' : String(this.rnd.int(1_000, 5_000_000)),
      createTime: t.createTime,
      updateTime: t.updateTime,
      etag: `AMEw9yP${this.rnd.hex(12)}`,
      ...optional('labels', this.labels()),
      ...(cmek && { encryptionSpec: { kmsKeyName: this.kmsKey(location) } }),
      metadataArtifact: `${PROJECT_PATH}/locations/${location}/metadataStores/default/artifacts/${this.numericId()}`,
    };
    if (profile !== 2) {
      // Text and image datasets record their imports; the source bucket appears in the import metadata.
      (body.metadata as GcpJson).gcsSource = { uri: [`gs://${this.bucket()}/${kind}/import-${i + 1}.jsonl`] };
    }
    this.mark(name, cmek ? [] : ['no-cmek']);
    return body;
  }

  private featurestore(location: string, i: number): GcpJson {
    const name = this.name(
      location,
      'featurestores',
      `${this.rnd.pick(['customer', 'transactions', 'device'])}_features_${i + 1}`,
    );
    const t = this.times();
    const cmek = i % 2 === 1;
    const body: GcpJson = {
      name,
      createTime: t.createTime,
      updateTime: t.updateTime,
      etag: `AMEw9yP${this.rnd.hex(12)}`,
      ...optional('labels', this.labels()),
      onlineServingConfig:
        i % 2 === 0
          ? { fixedNodeCount: this.rnd.int(1, 3) }
          : { scaling: { minNodeCount: 1, maxNodeCount: 4 } },
      state: 'STABLE',
      onlineStorageTtlDays: 4000,
      ...(cmek && { encryptionSpec: { kmsKeyName: this.kmsKey(location) } }),
    };
    this.mark(name, cmek ? [] : ['no-cmek']);
    return body;
  }

  private indexEndpoint(location: string, i: number): GcpJson {
    const profile = i % 3;
    const name = this.name(location, 'indexEndpoints', this.numericId());
    const t = this.times();
    const body: GcpJson = {
      name,
      displayName: `${this.rnd.pick(['rag-docs', 'product-search', 'kb-embeddings'])}-index-endpoint-${i + 1}`,
      ...(profile === 0 && {
        deployedIndexes: [
          {
            id: `deployed_${this.rnd.hex(6)}`,
            index: this.name(location, 'indexes', this.numericId()),
            createTime: t.updateTime,
          },
        ],
      }),
      etag: `AMEw9yP${this.rnd.hex(12)}`,
      ...optional('labels', this.labels()),
      createTime: t.createTime,
      updateTime: t.updateTime,
      ...(profile === 1 && { network: `projects/${SIM_GCP_PROJECT_NUMBER}/global/networks/ml-vpc` }),
      ...(profile === 2 && {
        privateServiceConnectConfig: {
          enablePrivateServiceConnect: true,
          projectAllowlist: [SIM_GCP_PROJECT_ID],
        },
      }),
      ...(profile === 0 && {
        publicEndpointEnabled: true,
        publicEndpointDomainName: `${this.rnd.int(100000000, 999999999)}.${location}-${SIM_GCP_PROJECT_NUMBER}.vdb.vertexai.goog`,
      }),
      ...(profile === 2 && { encryptionSpec: { kmsKeyName: this.kmsKey(location) } }),
    };
    const bad: GcpMisconfiguration[] =
      profile === 0 ? ['public-endpoint', 'no-cmek'] : profile === 1 ? ['no-cmek'] : [];
    this.mark(name, bad);
    return body;
  }

  private tensorboard(location: string, i: number): GcpJson {
    const name = this.name(location, 'tensorboards', this.numericId());
    const t = this.times();
    const cmek = i % 2 === 1;
    const body: GcpJson = {
      name,
      displayName: i === 0 ? 'Default Tensorboard' : `experiments-${i + 1}`,
      ...(cmek && { encryptionSpec: { kmsKeyName: this.kmsKey(location) } }),
      blobStoragePathPrefix: `cloud-ai-platform-${uuid(this.rnd)}`,
      runCount: this.rnd.int(0, 40),
      createTime: t.createTime,
      updateTime: t.updateTime,
      ...optional('labels', this.labels()),
      etag: `AMEw9yP${this.rnd.hex(12)}`,
      ...(i === 0 && { isDefault: true }),
    };
    this.mark(name, cmek ? [] : ['no-cmek']);
    return body;
  }

  private notebookRuntime(location: string, i: number): GcpJson {
    const profile = i % 4;
    const name = this.name(location, 'notebookRuntimes', this.numericId());
    const t = this.times();
    const user = `${this.rnd.pick(['alice.martin', 'bob.nguyen', 'chen.li', 'dana.kowalski'])}@example.com`;
    const defaultSa = profile === 0 || profile === 3;
    const internet = profile !== 1;
    const secureBoot = profile === 1;
    const cmek = profile === 1;
    const body: GcpJson = {
      name,
      runtimeUser: user,
      notebookRuntimeTemplateRef: {
        notebookRuntimeTemplate: `${PROJECT_PATH}/locations/${location}/notebookRuntimeTemplates/${this.numericId()}`,
      },
      proxyUri: `${this.rnd.hex(16)}-dot-${location}.aiplatform-notebook.googleusercontent.com`,
      createTime: t.createTime,
      updateTime: t.updateTime,
      healthState: this.rnd.pick(['HEALTHY', 'HEALTHY', 'UNHEALTHY']),
      displayName: `${user.split('@')[0]}-runtime-${i + 1}`,
      serviceAccount: defaultSa ? SIM_GCP_DEFAULT_COMPUTE_SA : SCOPED_SAS[0],
      runtimeState: this.rnd.pick(['RUNNING', 'RUNNING', 'STOPPED']),
      ...optional('labels', this.labels()),
      expirationTime: rfc3339(t.createdMs + 18 * DAY_MS, this.rnd),
      version: `${this.rnd.int(2, 4)}.0.${this.rnd.int(0, 9)}`,
      notebookRuntimeType: profile === 3 ? 'ONE_CLICK' : 'USER_DEFINED',
      machineSpec: { machineType: this.rnd.pick(['e2-standard-4', 'n1-standard-8', 'g2-standard-4']) },
      dataPersistentDiskSpec: { diskType: 'pd-standard', diskSizeGb: String(this.rnd.pick([100, 200, 500])) },
      // Profile 2 omits the network spec: whether it has internet access is unknown.
      ...(profile !== 2 && {
        networkSpec: internet
          ? {
              enableInternetAccess: true,
              network: `projects/${SIM_GCP_PROJECT_NUMBER}/global/networks/default`,
            }
          : {
              network: `projects/${SIM_GCP_PROJECT_NUMBER}/global/networks/ml-vpc`,
              subnetwork: `projects/${SIM_GCP_PROJECT_NUMBER}/regions/${location}/subnetworks/notebooks`,
            },
      }),
      idleShutdownConfig:
        profile === 3 ? { idleTimeout: '10800s', idleShutdownDisabled: true } : { idleTimeout: '10800s' },
      ...(profile !== 3 && { eucConfig: {} }),
      // Profile 3 omits shieldedVmConfig: secure boot is unknown.
      ...(profile !== 3 && { shieldedVmConfig: secureBoot ? { enableSecureBoot: true } : {} }),
      ...(cmek && { encryptionSpec: { kmsKeyName: this.kmsKey(location) } }),
    };
    const bad: GcpMisconfiguration[] = [];
    if (profile !== 2 && internet) bad.push('internet-access');
    if (profile !== 3 && !secureBoot) bad.push('no-secure-boot');
    if (defaultSa) bad.push('default-compute-sa');
    if (!cmek) bad.push('no-cmek');
    const omitted = profile === 2 ? ['networkSpec'] : profile === 3 ? ['shieldedVmConfig'] : [];
    this.mark(name, bad, omitted);
    return body;
  }

  private customJob(location: string, i: number): GcpJson {
    const profile = i % 5;
    const name = this.name(location, 'customJobs', this.numericId());
    const t = this.times();
    const state =
      profile === 3 ? 'JOB_STATE_FAILED' : profile === 4 ? 'JOB_STATE_RUNNING' : 'JOB_STATE_SUCCEEDED';
    const sa =
      profile === 0
        ? EDITOR_SA
        : profile === 2
          ? SIM_GCP_DEFAULT_COMPUTE_SA
          : profile === 4
            ? undefined
            : SCOPED_SAS[0];
    const cmek = profile === 1 || profile === 4;
    const startMs = Date.parse(t.createTime) + this.rnd.int(30_000, 600_000);
    const body: GcpJson = {
      name,
      displayName: `${this.rnd.pick(['finetune-llama', 'train-fraud-xgb', 'embed-corpus', 'hpo-churn'])}-${i + 1}`,
      jobSpec: {
        workerPoolSpecs: [
          {
            machineSpec: {
              machineType: this.rnd.pick(['a2-highgpu-1g', 'n1-standard-8', 'g2-standard-12']),
              ...(profile !== 1 && {
                acceleratorType: this.rnd.pick(['NVIDIA_TESLA_A100', 'NVIDIA_L4', 'NVIDIA_TESLA_T4']),
                acceleratorCount: 1,
              }),
            },
            replicaCount: String(this.rnd.int(1, 4)),
            diskSpec: { bootDiskType: 'pd-ssd', bootDiskSizeGb: 100 },
            containerSpec: {
              imageUri: `us-central1-docker.pkg.dev/${SIM_GCP_PROJECT_ID}/training/trainer:${this.rnd.hex(7)}`,
              args: [
                '--epochs',
                String(this.rnd.int(1, 20)),
                `--data=gs://${this.trainingBucket(profile === 3)}/train/`,
              ],
            },
          },
        ],
        ...(sa && { serviceAccount: sa }),
        ...(profile === 1 && { network: `projects/${SIM_GCP_PROJECT_NUMBER}/global/networks/ml-vpc` }),
        baseOutputDirectory: { outputUriPrefix: `gs://${this.bucket()}/custom-jobs/${i + 1}` },
        ...(profile === 0 && { enableWebAccess: true }),
      },
      state,
      createTime: t.createTime,
      startTime: rfc3339(startMs, this.rnd),
      ...(profile !== 4 && { endTime: rfc3339(startMs + this.rnd.int(600_000, 36_000_000), this.rnd) }),
      updateTime: t.updateTime,
      ...(profile === 3 && {
        error: { code: 3, message: 'The replica workerpool0-0 exited with a non-zero status of 1.' },
      }),
      ...optional('labels', this.labels()),
      ...(cmek && { encryptionSpec: { kmsKeyName: this.kmsKey(location) } }),
    };
    const bad: GcpMisconfiguration[] = [];
    if (!cmek) bad.push('no-cmek');
    if (sa === EDITOR_SA || sa === SIM_GCP_DEFAULT_COMPUTE_SA) bad.push('editor-service-account');
    if (sa === SIM_GCP_DEFAULT_COMPUTE_SA) bad.push('default-compute-sa');
    const data = get(body, 'jobSpec', 'workerPoolSpecs', '0', 'containerSpec', 'args', '2');
    if (this.readsPublicBucket(data)) bad.push('public-training-data');
    this.mark(name, bad);
    return body;
  }

  private pipelineJob(location: string, i: number): GcpJson {
    const profile = i % 3;
    const id = `${this.rnd.pick(['training-pipeline', 'batch-eval', 'rag-ingest'])}-${20250000000000 + this.rnd.int(0, 999999)}`;
    const name = this.name(location, 'pipelineJobs', id);
    const t = this.times();
    const sa = profile === 0 ? EDITOR_SA : profile === 1 ? SCOPED_SAS[0] : undefined;
    const cmek = profile === 1;
    const startMs = Date.parse(t.createTime) + this.rnd.int(30_000, 300_000);
    const body: GcpJson = {
      name,
      displayName: id.replace(/-\d+$/, ''),
      createTime: t.createTime,
      startTime: rfc3339(startMs, this.rnd),
      endTime: rfc3339(startMs + this.rnd.int(600_000, 7_200_000), this.rnd),
      updateTime: t.updateTime,
      state: profile === 2 ? 'PIPELINE_STATE_FAILED' : 'PIPELINE_STATE_SUCCEEDED',
      ...optional('labels', this.labels()),
      runtimeConfig: {
        gcsOutputDirectory: `gs://${this.bucket()}/pipeline-root/${id}`,
        parameterValues: { learning_rate: 0.001, dataset_uri: `gs://${this.bucket()}/datasets/latest/` },
      },
      ...(cmek && { encryptionSpec: { kmsKeyName: this.kmsKey(location) } }),
      ...(sa && { serviceAccount: sa }),
      ...(profile === 1 && { network: `projects/${SIM_GCP_PROJECT_NUMBER}/global/networks/ml-vpc` }),
      templateUri: `https://${location}-kfp.pkg.dev/${SIM_GCP_PROJECT_ID}/pipelines/${id.replace(/-\d+$/, '')}/v1`,
    };
    const bad: GcpMisconfiguration[] = [];
    if (!cmek) bad.push('no-cmek');
    if (sa === EDITOR_SA) bad.push('editor-service-account');
    // No serviceAccount: the pipeline runs as the Compute Engine default service account.
    if (!sa) bad.push('default-compute-sa', 'editor-service-account');
    if (this.readsPublicBucket(get(body, 'runtimeConfig', 'parameterValues', 'dataset_uri'))) {
      bad.push('public-training-data');
    }
    this.mark(name, bad);
    return body;
  }

  // ---- Workbench -----------------------------------------------------------------------------------------

  workbenchInstance(location: string, i: number): void {
    const profile = i % 5;
    const zones = SIM_GCP_ZONES[location]!;
    const zone = zones[i % Math.min(2, zones.length)]!;
    const owner = this.rnd.pick(['alice.martin', 'bob.nguyen', 'chen.li', 'dana.kowalski', 'emeka.obi']);
    const instanceName = `${owner.replace('.', '-')}-workbench-${i + 1}`;
    const name = `projects/${SIM_GCP_PROJECT_ID}/locations/${zone}/instances/${instanceName}`;
    const t = this.times();
    const publicIp = profile === 0 || profile === 2 || profile === 4;
    const secureBoot = profile === 1;
    const defaultSa = profile === 0 || profile === 3;
    const root = profile !== 1;
    const cmek = profile === 1;
    // Profile 3 states no diskEncryption on its disks (the v2 proto marks it input-only): unknown, not GMEK.
    const encryptionStated = profile !== 3;
    const diskEncryption = encryptionStated && { diskEncryption: cmek ? 'CMEK' : 'GMEK' };
    const kmsKey = `projects/${SIM_GCP_PROJECT_ID}/locations/${location}/keyRings/workbench/cryptoKeys/disk-key`;
    const body: GcpJson = {
      name,
      gceSetup: {
        machineType: this.rnd.pick(['e2-standard-4', 'n1-standard-8', 'g2-standard-8']),
        ...(profile === 2 && { acceleratorConfigs: [{ type: 'NVIDIA_L4', coreCount: '1' }] }),
        serviceAccounts: [
          {
            email: defaultSa ? SIM_GCP_DEFAULT_COMPUTE_SA : SCOPED_SAS[0],
            scopes: [
              'https://www.googleapis.com/auth/cloud-platform',
              'https://www.googleapis.com/auth/userinfo.email',
            ],
          },
        ],
        vmImage: { project: 'cloud-notebooks-managed', family: 'workbench-instances' },
        bootDisk: {
          diskSizeGb: '150',
          diskType: 'PD_BALANCED',
          ...diskEncryption,
          ...(cmek && { kmsKey }),
        },
        dataDisks: [
          {
            diskSizeGb: String(this.rnd.pick([100, 250, 500])),
            diskType: 'PD_BALANCED',
            ...diskEncryption,
            ...(cmek && { kmsKey }),
          },
        ],
        // Profile 4 omits shieldedInstanceConfig: whether secure boot is on is unknown.
        ...(profile !== 4 && {
          shieldedInstanceConfig: secureBoot
            ? { enableSecureBoot: true, enableVtpm: true, enableIntegrityMonitoring: true }
            : { enableVtpm: true, enableIntegrityMonitoring: true },
        }),
        networkInterfaces: [
          {
            network: `https://www.googleapis.com/compute/v1/projects/${SIM_GCP_PROJECT_ID}/global/networks/${publicIp ? 'default' : 'ml-vpc'}`,
            subnet: `https://www.googleapis.com/compute/v1/projects/${SIM_GCP_PROJECT_ID}/regions/${location}/subnetworks/${publicIp ? 'default' : 'notebooks'}`,
            nicType: profile === 2 ? 'GVNIC' : 'VIRTIO_NET',
          },
        ],
        // proto3 JSON leaves a false bool out: an instance with a public IP has no disablePublicIp at all.
        ...(!publicIp && { disablePublicIp: true }),
        tags: ['deeplearning-vm', 'notebook-instance'],
        metadata: {
          'proxy-mode': 'service_account',
          'idle-timeout-seconds': profile === 3 ? '0' : '10800',
          ...(!root && { 'notebook-disable-root': 'true' }),
          ...(profile === 1 && { 'notebook-disable-downloads': 'true', 'notebook-disable-terminal': 'true' }),
        },
      },
      proxyUri: `${this.rnd.hex(16)}-dot-${location}.notebooks.googleusercontent.com`,
      creator: `${owner}@example.com`,
      state: this.rnd.pick(['ACTIVE', 'ACTIVE', 'STOPPED']),
      id: uuid(this.rnd),
      healthState: this.rnd.pick(['HEALTHY', 'HEALTHY', 'AGENT_NOT_RUNNING']),
      healthInfo: {},
      createTime: t.createTime,
      updateTime: t.updateTime,
      ...optional('labels', this.labels()),
    };
    (this.workbench[zone] ??= []).push(body);
    const bad: GcpMisconfiguration[] = [];
    if (publicIp) bad.push('public-ip');
    if (profile !== 4 && !secureBoot) bad.push('no-secure-boot');
    if (defaultSa) bad.push('default-compute-sa');
    if (root) bad.push('root-access');
    if (!cmek && encryptionStated) bad.push('no-cmek');
    const omitted = [
      ...(profile === 4 ? ['gceSetup.shieldedInstanceConfig'] : []),
      ...(encryptionStated ? [] : ['gceSetup.bootDisk.diskEncryption']),
    ];
    this.mark(name, bad, omitted);
  }

  // ---- Cloud Storage -------------------------------------------------------------------------------------

  buildBuckets(count: number): void {
    const names = Array.from({ length: count }, (_, i) =>
      i < BUCKET_NAMES.length
        ? BUCKET_NAMES[i]!
        : `aispm-sim-${this.rnd.pick(['ml', 'data', 'exports', 'staging'])}-${String(i).padStart(6, '0')}`,
    );
    this.bucketNames =
      names.length > 0 ? names.slice(0, Math.max(1, Math.min(names.length, 6))) : ['aispm-sim-training-data'];
    // Cloud Storage lists buckets in name order.
    for (const [i, name] of names.map((n, i) => [i, n] as const).sort((a, b) => a[1].localeCompare(b[1]))) {
      this.storageBucket(name, i);
    }
  }

  private storageBucket(name: string, i: number): void {
    const profile = i % 6;
    const t = this.times();
    const location = profile === 5 ? 'EUROPE-WEST4' : 'US-CENTRAL1';
    const ubla = profile === 0 || profile === 1 || profile === 3 || profile === 5;
    const pap = profile === 0 ? 'enforced' : 'inherited';
    const cmek = profile === 0;
    const logging = profile === 0 || profile === 1;
    const versioning = profile === 0 || profile === 1;
    const metageneration = String(this.rnd.int(1, 40));
    const body: GcpJson = {
      kind: 'storage#bucket',
      selfLink: `https://www.googleapis.com/storage/v1/b/${name}`,
      id: name,
      name,
      projectNumber: SIM_GCP_PROJECT_NUMBER,
      generation: String(this.rnd.int(1_600_000_000_000_000, 1_750_000_000_000_000)),
      metageneration,
      location,
      storageClass: 'STANDARD',
      etag: `C${this.rnd.hex(2).toUpperCase()}E=`,
      timeCreated: t.createTime,
      updated: t.updateTime,
      ...(cmek && {
        encryption: {
          defaultKmsKeyName: `projects/${SIM_GCP_PROJECT_ID}/locations/us-central1/keyRings/storage/cryptoKeys/buckets`,
        },
      }),
      ...(versioning && { versioning: { enabled: true } }),
      ...(logging && { logging: { logBucket: 'aispm-sim-access-logs', logObjectPrefix: name } }),
      iamConfiguration: {
        bucketPolicyOnly: {
          enabled: ubla,
          ...(ubla && { lockedTime: rfc3339(Date.parse(t.createTime) + 90 * DAY_MS, this.rnd) }),
        },
        uniformBucketLevelAccess: {
          enabled: ubla,
          ...(ubla && { lockedTime: rfc3339(Date.parse(t.createTime) + 90 * DAY_MS, this.rnd) }),
        },
        // Profile 5 omits publicAccessPrevention: unknown, not "inherited".
        ...(profile !== 5 && { publicAccessPrevention: pap }),
      },
      locationType: 'region',
      softDeletePolicy: { retentionDurationSeconds: '604800', effectiveTime: t.createTime },
      rpo: 'DEFAULT',
      ...optional('labels', this.labels()),
    };
    this.buckets.push(body);
    const bindings: GcpJson[] = [
      {
        role: 'roles/storage.legacyBucketOwner',
        members: [`projectEditor:${SIM_GCP_PROJECT_ID}`, `projectOwner:${SIM_GCP_PROJECT_ID}`],
      },
      { role: 'roles/storage.legacyBucketReader', members: [`projectViewer:${SIM_GCP_PROJECT_ID}`] },
    ];
    if (profile === 2) bindings.push({ role: 'roles/storage.objectViewer', members: ['allUsers'] });
    if (profile === 3)
      bindings.push({
        role: 'roles/storage.objectViewer',
        members: ['allAuthenticatedUsers', `serviceAccount:${SCOPED_SAS[0]}`],
      });
    if (profile === 1)
      bindings.push({ role: 'roles/storage.objectAdmin', members: [`serviceAccount:${SCOPED_SAS[0]}`] });
    this.bucketIam.set(name, {
      kind: 'storage#policy',
      resourceId: `projects/_/buckets/${name}`,
      version: 1,
      etag: body.etag,
      bindings,
    });
    const bad: GcpMisconfiguration[] = [];
    if (profile === 2 || profile === 3) {
      bad.push('public-bucket');
      this.publicBuckets.add(name);
    }
    if (!ubla) bad.push('no-uniform-access');
    if (profile !== 5 && pap === 'inherited') bad.push('no-public-access-prevention');
    if (!cmek) bad.push('no-cmek');
    if (!logging) bad.push('no-logging');
    if (!versioning) bad.push('no-versioning');
    this.mark(name, bad, profile === 5 ? ['iamConfiguration.publicAccessPrevention'] : []);
  }
}

/** AI and unrelated APIs of the project; `state:ENABLED` keeps the first 16. */
function buildServices(): GcpJson[] {
  const enabled: [string, string][] = [
    ['aiplatform.googleapis.com', 'Vertex AI API'],
    ['generativelanguage.googleapis.com', 'Generative Language API'],
    ['notebooks.googleapis.com', 'Notebooks API'],
    ['ml.googleapis.com', 'AI Platform Training & Prediction API'],
    ['dialogflow.googleapis.com', 'Dialogflow API'],
    ['discoveryengine.googleapis.com', 'Discovery Engine API'],
    ['artifactregistry.googleapis.com', 'Artifact Registry API'],
    ['bigquery.googleapis.com', 'BigQuery API'],
    ['cloudkms.googleapis.com', 'Cloud Key Management Service (KMS) API'],
    ['compute.googleapis.com', 'Compute Engine API'],
    ['iam.googleapis.com', 'Identity and Access Management (IAM) API'],
    ['logging.googleapis.com', 'Cloud Logging API'],
    ['monitoring.googleapis.com', 'Cloud Monitoring API'],
    ['serviceusage.googleapis.com', 'Service Usage API'],
    ['storage-api.googleapis.com', 'Google Cloud Storage JSON API'],
    ['storage.googleapis.com', 'Cloud Storage API'],
  ];
  const disabled: [string, string][] = [
    ['documentai.googleapis.com', 'Cloud Document AI API'],
    ['speech.googleapis.com', 'Cloud Speech-to-Text API'],
    ['translate.googleapis.com', 'Cloud Translation API'],
    ['vision.googleapis.com', 'Cloud Vision API'],
  ];
  const service = ([id, title]: [string, string], state: string): GcpJson => ({
    name: `${PROJECT_PATH}/services/${id}`,
    config: {
      name: id,
      title,
      documentation: {},
      quota: {},
      authentication: {},
      usage: { requirements: ['serviceusage.googleapis.com/tos/cloud'] },
      monitoring: {},
    },
    state,
    parent: PROJECT_PATH,
  });
  // Service Usage lists in name order, enabled and disabled together.
  return [...enabled.map((s) => service(s, 'ENABLED')), ...disabled.map((s) => service(s, 'DISABLED'))].sort(
    (a, b) => String(a.name).localeCompare(String(b.name)),
  );
}

/** RFC 3339 with nanosecond precision, as Google's REST APIs write timestamps. */
function rfc3339(ms: number, rnd: SeededRandom): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 19)}.${iso.slice(20, 23)}${String(rnd.int(0, 999_999)).padStart(6, '0')}Z`;
}

function uuid(rnd: SeededRandom): string {
  return `${rnd.hex(8)}-${rnd.hex(4)}-4${rnd.hex(3)}-${rnd.pick(['8', '9', 'a', 'b'])}${rnd.hex(3)}-${rnd.hex(12)}`;
}

/** A nested member of a body (`get(job, 'jobSpec', 'workerPoolSpecs', '0')`). */
function get(value: unknown, ...path: string[]): unknown {
  let v = value;
  for (const key of path) v = typeof v === 'object' && v !== null ? (v as GcpJson)[key] : undefined;
  return v;
}

function optional(key: string, value: unknown): GcpJson {
  return value === undefined ? {} : { [key]: value };
}
