import { startSimulator, type RunningSimulator } from '@aispm/cloud-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdaptiveLimiter } from '../adaptive-limiter';
import { closeGcpClients, gcpConnection, ServiceAccountJwt } from './clients';
import {
  collect,
  failure,
  simGcpServiceAccountKey,
  simTarget,
  SIM_GCP_PROJECT_NUMBER,
  type GcpJson,
} from './testing/sim-target';
import {
  vertexCustomJobsDiscoverer,
  vertexDatasetsDiscoverer,
  vertexDiscoverers,
  vertexEndpointsDiscoverer,
  vertexModelsDiscoverer,
  vertexNotebookRuntimesDiscoverer,
  vertexPipelineJobsDiscoverer,
  vertexTensorboardsDiscoverer,
} from './vertex.discoverers';

let sim: RunningSimulator;
let faulty: RunningSimulator;

beforeAll(async () => {
  sim = await startSimulator({ port: 0 });
  faulty = await startSimulator({
    port: 0,
    faults: [
      { service: 'gcp.vertex', operation: 'ListModels', kind: 'throttle', rate: 0.4 },
      { service: 'gcp.vertex', operation: 'ListCustomJobs', kind: 'fail-page', page: 2 },
      { service: 'gcp.vertex', operation: 'ListTensorboards', kind: 'throttle', rate: 1 },
    ],
  });
});

afterAll(async () => {
  closeGcpClients();
  await sim?.close();
  await faulty?.close();
});

const COLLECTIONS = [
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

function estateOf(
  s: RunningSimulator,
  collection: (typeof COLLECTIONS)[number],
  location: string,
): GcpJson[] {
  return s.estate.gcp.vertex[collection][location] ?? [];
}

function byName(resources: GcpJson[]): Map<string, GcpJson> {
  return new Map(resources.map((r) => [String(r.name), r]));
}

describe('Vertex AI discoverers', () => {
  it('declare one regional listing per collection with the shared asset vocabulary', () => {
    expect(vertexDiscoverers.map((d) => [d.service, d.scope, d.assetTypes])).toEqual([
      ['vertex.endpoints', 'regional', ['gcp.vertex.endpoint']],
      ['vertex.models', 'regional', ['gcp.vertex.model']],
      ['vertex.datasets', 'regional', ['gcp.vertex.dataset']],
      ['vertex.featurestores', 'regional', ['gcp.vertex.featurestore']],
      ['vertex.index_endpoints', 'regional', ['gcp.vertex.index_endpoint']],
      ['vertex.tensorboards', 'regional', ['gcp.vertex.tensorboard']],
      ['vertex.notebook_runtimes', 'regional', ['gcp.vertex.notebook_runtime']],
      ['vertex.custom_jobs', 'regional', ['gcp.vertex.custom_job']],
      ['vertex.pipeline_jobs', 'regional', ['gcp.vertex.pipeline_job']],
    ]);
  });

  it.each(COLLECTIONS.map((c, i) => [c, vertexDiscoverers[i]!] as const))(
    'lists every %s of each location exactly once, in pages of the asked size, bodies exactly as sent',
    async (collection, discoverer) => {
      for (const location of ['us-central1', 'europe-west4']) {
        const expected = estateOf(sim, collection, location);
        const pages = await collect(discoverer, simTarget(sim, location), { pageSize: 2 });
        expect(pages.map((p) => p.length)).toEqual(
          Array.from({ length: Math.ceil(expected.length / 2) }, (_, i) =>
            Math.min(2, expected.length - i * 2),
          ),
        );
        const records = pages.flat();
        expect(records.map((r) => r.nativeId)).toEqual(expected.map((r) => r.name));
        const bodies = byName(expected);
        for (const r of records) {
          // The body as the simulator holds it: no default filled in, enums by name, int64 and times as strings.
          expect(r.attributes).toEqual(bodies.get(r.nativeId));
          expect(r.region).toBe(location);
          expect(r.tags).toEqual(bodies.get(r.nativeId)!.labels ?? {});
          expect(r.name).toBe(bodies.get(r.nativeId)!.displayName ?? r.nativeId.split('/').at(-1));
        }
      }
    },
  );

  it('keeps int64 values, timestamps and enums as the cloud sent them', async () => {
    const datasets = (await collect(vertexDatasetsDiscoverer, simTarget(sim))).flat();
    const big = datasets.find((d) => d.attributes.dataItemCount === '9007199254740993');
    // A string beyond 2^53: parsed as a number it would have become ...992.
    expect(big).toBeDefined();

    const jobs = (await collect(vertexCustomJobsDiscoverer, simTarget(sim))).flat();
    const failed = jobs.find((j) => j.attributes.state === 'JOB_STATE_FAILED')!;
    expect(failed.attributes.createTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z$/);
    expect(failed.attributes.error).toEqual({
      code: 3,
      message: 'The replica workerpool0-0 exited with a non-zero status of 1.',
    });

    // The client asks for numeric enums, and the wire carried 5: the record names it.
    const auth = new ServiceAccountJwt(simGcpServiceAccountKey(sim), gcpConnection({}));
    const { token } = await auth.getAccessToken();
    const res = await fetch(
      `${sim.gcp!.url}/v1/projects/aispm-sim-project/locations/us-central1/customJobs?$alt=json%3Benum-encoding=int`,
      { headers: { authorization: `Bearer ${token}` } },
    );
    const wire = (await res.json()) as { customJobs: GcpJson[] };
    expect(wire.customJobs.find((j) => j.name === failed.nativeId)!.state).toBe(5);
  });

  it('leaves out what the cloud left out instead of filling defaults', async () => {
    const endpoints = (await collect(vertexEndpointsDiscoverer, simTarget(sim))).flat();
    const publicNoCmek = endpoints.filter((e) =>
      ['public-endpoint', 'no-cmek'].every((m) =>
        sim.estate.gcp.misconfigurations[e.nativeId]?.includes(m as never),
      ),
    );
    expect(publicNoCmek.length).toBeGreaterThan(0);
    for (const e of publicNoCmek) {
      expect(Object.keys(e.attributes)).not.toContain('encryptionSpec');
      expect(Object.keys(e.attributes)).not.toContain('network');
      expect(Object.keys(e.attributes)).not.toContain('privateServiceConnectConfig');
      expect(Object.keys(e.attributes)).not.toContain('enablePrivateServiceConnect');
      expect(Object.keys(e.attributes)).not.toContain('satisfiesPzs');
    }
    const runtimes = (await collect(vertexNotebookRuntimesDiscoverer, simTarget(sim))).flat();
    const unknownNetwork = runtimes.find((r) =>
      sim.estate.gcp.omittedFields[r.nativeId]?.includes('networkSpec'),
    )!;
    expect(unknownNetwork.attributes).not.toHaveProperty('networkSpec');
    const unknownBoot = runtimes.find((r) =>
      sim.estate.gcp.omittedFields[r.nativeId]?.includes('shieldedVmConfig'),
    )!;
    expect(unknownBoot.attributes).not.toHaveProperty('shieldedVmConfig');
  });

  it('declares lineage: endpoints serve listed models, models trained by listed pipelines, data in buckets', async () => {
    const target = simTarget(sim);
    const [endpoints, models, pipelines, jobs, datasets] = await Promise.all(
      [
        vertexEndpointsDiscoverer,
        vertexModelsDiscoverer,
        vertexPipelineJobsDiscoverer,
        vertexCustomJobsDiscoverer,
        vertexDatasetsDiscoverer,
      ].map(async (d) => (await collect(d, target)).flat()),
    );
    const modelIds = new Set(models.map((m) => m.nativeId));
    const served = endpoints.flatMap((e) => e.relations!.filter((r) => r.kind === 'serves_model'));
    expect(served.length).toBeGreaterThan(0);
    for (const r of served) {
      expect(r.toAssetType).toBe('gcp.vertex.model');
      expect(modelIds.has(r.toNativeId)).toBe(true);
    }
    const trained = models.flatMap((m) => m.relations!.filter((r) => r.kind === 'trained_by'));
    const pipelineIds = new Set(pipelines.map((p) => p.nativeId));
    expect(
      trained.some((r) => r.toAssetType === 'gcp.vertex.pipeline_job' && pipelineIds.has(r.toNativeId)),
    ).toBe(true);

    // The project's buckets, and the partner's bucket some custom jobs train from (SIM_GCP_EXTERNAL_BUCKET):
    // an edge to a bucket the inventory will not hold.
    const bucketIds = new Set([
      ...sim.estate.gcp.buckets.map((b) => `projects/_/buckets/${String(b.name)}`),
      'projects/_/buckets/aispm-partner-shared-eval',
    ]);
    const dataEdges = [...datasets, ...jobs].flatMap((x) =>
      x.relations!.filter((r) => r.kind === 'reads_data' || r.kind === 'writes_output'),
    );
    expect(dataEdges.some((r) => r.kind === 'reads_data')).toBe(true);
    expect(dataEdges.some((r) => r.kind === 'writes_output')).toBe(true);
    for (const r of dataEdges) {
      expect(r.toAssetType).toBe('gcp.storage.bucket');
      expect(bucketIds.has(r.toNativeId)).toBe(true);
    }

    const editorJob = jobs.find((j) =>
      sim.estate.gcp.misconfigurations[j.nativeId]?.includes('editor-service-account'),
    )!;
    const sa = (editorJob.attributes.jobSpec as { serviceAccount: string }).serviceAccount;
    expect(sim.estate.gcp.projectEditors).toContain(sa);
    expect(editorJob.relations).toContainEqual({
      kind: 'uses_role',
      toAssetType: 'gcp.iam.service_account',
      toNativeId: sa,
    });

    const cmek = endpoints.find((e) => e.attributes.encryptionSpec)!;
    expect(cmek.relations).toContainEqual({
      kind: 'encrypted_by',
      toAssetType: 'gcp.kms.crypto_key',
      toNativeId: (cmek.attributes.encryptionSpec as { kmsKeyName: string }).kmsKeyName,
    });
  });

  it('shows the self-hosted inference server images a shadow-AI check looks for', async () => {
    const models = (await collect(vertexModelsDiscoverer, simTarget(sim))).flat();
    const images = models.map(
      (m) => (m.attributes.containerSpec as { imageUri?: string } | undefined)?.imageUri,
    );
    for (const server of [
      'vllm/vllm-openai',
      'ghcr.io/huggingface/text-generation-inference',
      'ollama/ollama',
      'nvcr.io/nvidia/tritonserver',
    ]) {
      expect(images.some((i) => i?.startsWith(server))).toBe(true);
    }
  });

  it('names resources by the project number, as Vertex AI returns them, though asked by project id', async () => {
    const [first] = (await collect(vertexEndpointsDiscoverer, simTarget(sim))).flat();
    expect(
      first!.nativeId.startsWith(`projects/${SIM_GCP_PROJECT_NUMBER}/locations/us-central1/endpoints/`),
    ).toBe(true);
  });

  it('lists nothing in a location without resources, and skips a location Vertex AI does not serve', async () => {
    expect(await collect(vertexModelsDiscoverer, simTarget(sim, 'us-east1'))).toEqual([[]]);
    // 404 on the parent: the location does not exist for Vertex AI; nothing to list, not a failure.
    expect(await collect(vertexModelsDiscoverer, simTarget(sim, 'southamerica-west9'))).toEqual([]);
  });

  it('fails with AccessDenied naming the missing permission for a service account without roles', async () => {
    const { error } = await failure(vertexEndpointsDiscoverer, simTarget(sim, 'us-central1', 'no-access'));
    expect(error.code).toBe('AccessDenied');
    expect(error.retryable).toBe(false);
    expect(error.message).toContain('aiplatform.endpoints.list');
    expect(error.message).toContain('aispm-no-access@aispm-sim-project.iam.gserviceaccount.com');
  });

  it('gets every model through a 40% throttling rate with retries, alone or under the account limiter', async () => {
    const expected = estateOf(faulty, 'models', 'us-central1').map((m) => m.name);
    const alone = (
      await collect(vertexModelsDiscoverer, simTarget(faulty), { pageSize: 2, maxAttempts: 8 })
    ).flat();
    expect(alone.map((r) => r.nativeId)).toEqual(expected);
    const limiter = new AdaptiveLimiter({ backoffMs: 20 });
    const limited = (
      await collect(vertexModelsDiscoverer, simTarget(faulty), { pageSize: 2, maxAttempts: 1, limiter })
    ).flat();
    expect(limited.map((r) => r.nativeId)).toEqual(expected);
    expect(limiter.stats().retries).toBeGreaterThan(0);
  });

  it('fails cleanly as a retryable Throttled error when throttling outlasts the retries', async () => {
    const { error, pages } = await failure(vertexTensorboardsDiscoverer, simTarget(faulty), {
      maxAttempts: 2,
    });
    expect(pages).toEqual([]);
    expect(error.code).toBe('Throttled');
    expect(error.retryable).toBe(true);
    expect(error.operation).toBe('ListTensorboards');
  });

  it('yields the pages before a failing page, then fails with a retryable Unavailable (never a short list)', async () => {
    const { error, pages } = await failure(vertexCustomJobsDiscoverer, simTarget(faulty), {
      pageSize: 2,
      maxAttempts: 2,
    });
    expect(pages).toEqual([2]);
    expect(error.code).toBe('Unavailable');
    expect(error.retryable).toBe(true);
    expect(error.message).toContain('ListCustomJobs');
  });

  it('stops with Aborted when the caller aborts', async () => {
    const controller = new AbortController();
    controller.abort();
    const { error } = await failure(vertexDatasetsDiscoverer, simTarget(sim), { signal: controller.signal });
    expect(error.code).toBe('Aborted');
  });
});
