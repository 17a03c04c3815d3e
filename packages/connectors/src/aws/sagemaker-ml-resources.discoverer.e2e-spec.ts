import {
  inRegion,
  ML_COUNTS,
  SIM_AWS_ACCESS_KEY_ID,
  SIM_AWS_SECRET_ACCESS_KEY,
  SIM_READONLY_ACCESS_KEY_ID,
  SIM_READONLY_SECRET_ACCESS_KEY,
  startSimulator,
  type Estate,
  type RunningSimulator,
} from '@aispm/cloud-sim';
import type { TAssetRecord, TAwsCredentials } from '@aispm/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConnectorError, type AwsTarget, type DiscoveryOptions, type ServiceDiscoverer } from '../types';
import { closeAwsClients } from './clients';
import { sagemakerEndpointConfigsDiscoverer } from './sagemaker-endpoint-configs.discoverer';
import { sagemakerEndpointsDiscoverer } from './sagemaker-endpoints.discoverer';
import { sagemakerLifecycleConfigsDiscoverer } from './sagemaker-lifecycle-configs.discoverer';
import { sagemakerModelsDiscoverer } from './sagemaker-models.discoverer';
import { sagemakerNotebooksDiscoverer } from './sagemaker-notebooks.discoverer';
import { sagemakerTrainingJobsDiscoverer } from './sagemaker-training-jobs.discoverer';
import { sagemakerDiscoverers } from './sagemaker.registry';

const demoKeys: TAwsCredentials = {
  kind: 'access_key',
  accessKeyId: SIM_AWS_ACCESS_KEY_ID,
  secretAccessKey: SIM_AWS_SECRET_ACCESS_KEY,
};
const readOnlyKeys: TAwsCredentials = {
  kind: 'access_key',
  accessKeyId: SIM_READONLY_ACCESS_KEY_ID,
  secretAccessKey: SIM_READONLY_SECRET_ACCESS_KEY,
};
const REGIONS = ['us-east-1', 'eu-west-1'] as const;

type SimResource = {
  region: string;
  name: string;
  arn: string;
  describe: object;
  tags: { Key: string; Value: string }[];
};

interface Case {
  discoverer: ServiceDiscoverer<'aws'>;
  service: string;
  assetType: string;
  listOperation: string;
  resources: (estate: Estate) => SimResource[];
  countKey: keyof (typeof ML_COUNTS)['us-east-1'];
}

const CASES: Case[] = [
  {
    discoverer: sagemakerModelsDiscoverer,
    service: 'sagemaker.models',
    assetType: 'aws.sagemaker.model',
    listOperation: 'ListModels',
    resources: (e) => e.models,
    countKey: 'models',
  },
  {
    discoverer: sagemakerEndpointConfigsDiscoverer,
    service: 'sagemaker.endpoint_configs',
    assetType: 'aws.sagemaker.endpoint_config',
    listOperation: 'ListEndpointConfigs',
    resources: (e) => e.endpointConfigs,
    countKey: 'endpointConfigs',
  },
  {
    discoverer: sagemakerEndpointsDiscoverer,
    service: 'sagemaker.endpoints',
    assetType: 'aws.sagemaker.endpoint',
    listOperation: 'ListEndpoints',
    resources: (e) => e.endpoints,
    countKey: 'endpoints',
  },
  {
    discoverer: sagemakerTrainingJobsDiscoverer,
    service: 'sagemaker.training_jobs',
    assetType: 'aws.sagemaker.training_job',
    listOperation: 'ListTrainingJobs',
    resources: (e) => e.trainingJobs,
    countKey: 'trainingJobs',
  },
];

function targetFor(sim: RunningSimulator, region: string, credentials = demoKeys): AwsTarget {
  return { provider: 'aws', accountId: '123456789012', region, endpoint: sim.url, credentials };
}

async function collect(
  discoverer: ServiceDiscoverer<'aws'>,
  target: AwsTarget,
  opts?: DiscoveryOptions,
): Promise<TAssetRecord[][]> {
  const pages: TAssetRecord[][] = [];
  // These discoverers are given no change tokens, so every item is a full record.
  for await (const page of discoverer.discover(target, opts)) pages.push(page as TAssetRecord[]);
  return pages;
}

async function failure(discoverer: ServiceDiscoverer<'aws'>, target: AwsTarget, opts?: DiscoveryOptions) {
  try {
    for await (const page of discoverer.discover(target, opts)) void page;
  } catch (error) {
    if (error instanceof ConnectorError) return error;
    throw error;
  }
  throw new Error('the discovery was expected to fail');
}

/** The SDK turns epoch seconds into Dates, which the connector stores as ISO strings. */
const TIME_FIELDS = new Set(['CreationTime', 'LastModifiedTime', 'TrainingStartTime', 'TrainingEndTime']);
function expectedAttributes(body: object): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(body).map(([k, v]) => [
      k,
      TIME_FIELDS.has(k) ? new Date(Math.round((v as number) * 1000)).toISOString() : v,
    ]),
  );
}

function chunks(total: number, size: number): number[] {
  return Array.from({ length: Math.ceil(total / size) }, (_, i) => Math.min(size, total - i * size));
}

describe('SageMaker model, endpoint config, endpoint and training job discoverers against cloud-sim', () => {
  let sim: RunningSimulator;
  /** Every record of every discoverer and region, gathered once. */
  const all = new Map<string, TAssetRecord[]>();

  beforeAll(async () => {
    sim = await startSimulator({ port: 0 });
    for (const c of [
      ...CASES.map((x) => x.discoverer),
      sagemakerNotebooksDiscoverer,
      sagemakerLifecycleConfigsDiscoverer,
    ]) {
      for (const region of REGIONS) {
        all.set(`${c.service}|${region}`, (await collect(c, targetFor(sim, region))).flat());
      }
    }
  });
  afterAll(async () => {
    closeAwsClients();
    await sim.close();
  });

  const records = (service: string, region: string) => all.get(`${service}|${region}`)!;
  const allRecords = () => [...all.values()].flat();

  it('runs every SageMaker discoverer in a scan', () => {
    expect(sagemakerDiscoverers.map((d) => d.service)).toEqual([
      'sagemaker.notebooks',
      'sagemaker.models',
      'sagemaker.endpoint_configs',
      'sagemaker.endpoints',
      'sagemaker.training_jobs',
      'sagemaker.notebook_lifecycle_configs',
      'sagemaker.domains',
      'sagemaker.user_profiles',
      'sagemaker.processing_jobs',
      'sagemaker.model_package_groups',
      'sagemaker.model_packages',
      'sagemaker.feature_groups',
      'sagemaker.pipelines',
      'sagemaker.monitoring_schedules',
    ]);
  });

  for (const c of CASES) {
    describe(c.service, () => {
      it('declares its service and asset type', () => {
        expect(c.discoverer).toMatchObject({
          provider: 'aws',
          service: c.service,
          assetTypes: [c.assetType],
        });
      });

      for (const region of REGIONS) {
        it(`returns every ${region} resource exactly once with its exact ARN, in pages of the asked size`, async () => {
          const expected = inRegion(c.resources(sim.estate), region);
          expect(expected).toHaveLength(ML_COUNTS[region][c.countKey]);
          const pages = await collect(c.discoverer, targetFor(sim, region), { pageSize: 2 });
          expect(pages.map((p) => p.length)).toEqual(chunks(expected.length, 2));
          const got = pages.flat();
          expect(got.map((r) => r.nativeId).sort()).toEqual(expected.map((r) => r.arn).sort());
          expect(new Set(got.map((r) => r.nativeId)).size).toBe(got.length);
          for (const r of got) {
            const sim = expected.find((e) => e.arn === r.nativeId)!;
            expect(r).toMatchObject({ assetType: c.assetType, region, name: sim.name });
          }
        });
      }

      it('stores the Describe output as returned (ISO dates, no $metadata, absent stays absent) and the tags', () => {
        for (const region of REGIONS) {
          for (const resource of inRegion(c.resources(sim.estate), region)) {
            const record = records(c.service, region).find((r) => r.nativeId === resource.arn)!;
            expect(record.attributes, resource.name).toStrictEqual(expectedAttributes(resource.describe));
            expect(record.tags).toEqual(Object.fromEntries(resource.tags.map((t) => [t.Key, t.Value])));
          }
        }
      });

      it(`fails with AccessDenied naming sagemaker:${c.listOperation} for the key without SageMaker rights`, async () => {
        const error = await failure(c.discoverer, targetFor(sim, 'eu-west-1', readOnlyKeys));
        expect(error).toMatchObject({
          code: 'AccessDenied',
          retryable: false,
          service: c.service,
          operation: c.listOperation,
        });
        expect(error.message).toMatch(
          new RegExp(`^The credentials lack sagemaker:${c.listOperation} in eu-west-1`),
        );
      });
    });
  }

  it('leaves out fields SageMaker did not return', () => {
    const models = REGIONS.flatMap((r) => records('sagemaker.models', r));
    const noIsolation = sim.estate.models.find((m) => m.describe.EnableNetworkIsolation === undefined)!;
    expect(noIsolation).toBeDefined();
    const record = models.find((r) => r.nativeId === noIsolation.arn)!;
    expect(Object.keys(record.attributes)).not.toContain('EnableNetworkIsolation');
    expect(models.some((r) => 'EnableNetworkIsolation' in r.attributes)).toBe(true);

    const configs = REGIONS.flatMap((r) => records('sagemaker.endpoint_configs', r));
    const noKms = sim.estate.endpointConfigs.find((c) => c.describe.KmsKeyId === undefined)!;
    expect(Object.keys(configs.find((r) => r.nativeId === noKms.arn)!.attributes)).not.toContain('KmsKeyId');

    const running = sim.estate.trainingJobs.find((j) => j.describe.TrainingJobStatus === 'InProgress')!;
    const job = records('sagemaker.training_jobs', running.region).find((r) => r.nativeId === running.arn)!;
    expect(Object.keys(job.attributes)).not.toContain('ModelArtifacts');
    expect(Object.keys(job.attributes)).not.toContain('TrainingEndTime');
  });

  it('points every declared relation at the ARN of a resource in the estate, or at a role, key or bucket ARN', () => {
    const known = new Map(allRecords().map((r) => [r.nativeId, r.assetType]));
    const relations = allRecords().flatMap((r) => r.relations ?? []);
    expect(relations.length).toBeGreaterThan(0);
    for (const rel of relations) {
      if (rel.kind === 'uses_role') {
        expect(rel).toMatchObject({ toAssetType: 'aws.iam.role' });
        expect(rel.toNativeId).toMatch(/^arn:aws:iam::123456789012:role\//);
      } else if (rel.kind === 'encrypted_by') {
        expect(rel).toMatchObject({ toAssetType: 'aws.kms.key' });
        expect(rel.toNativeId).toMatch(/^arn:aws:kms:(us-east-1|eu-west-1):123456789012:key\/[0-9a-f-]{36}$/);
      } else if (rel.kind === 'reads_data' || rel.kind === 'writes_output') {
        expect(rel).toMatchObject({ toAssetType: 'aws.s3.bucket' });
        expect(rel.toNativeId).toMatch(/^arn:aws:s3:::[a-z0-9.-]+$/);
      } else {
        expect(known.get(rel.toNativeId), `${rel.kind} -> ${rel.toNativeId}`).toBe(rel.toAssetType);
      }
    }
  });

  it('records exactly the estate links: uses_config, serves_model, trained_by and uses_role', () => {
    const relationsOf = (service: string, region: string, arn: string, kind: string) =>
      records(service, region)
        .find((r) => r.nativeId === arn)!
        .relations!.filter((rel) => rel.kind === kind)
        .map((rel) => rel.toNativeId)
        .sort();
    const e = sim.estate;
    for (const ep of e.endpoints) {
      const config = e.endpointConfigs.find(
        (c) => c.region === ep.region && c.name === ep.describe.EndpointConfigName,
      )!;
      expect(relationsOf('sagemaker.endpoints', ep.region, ep.arn, 'uses_config')).toEqual([config.arn]);
    }
    for (const config of e.endpointConfigs) {
      const models = config.describe.ProductionVariants.map(
        (v) => e.models.find((m) => m.region === config.region && m.name === v.ModelName)!.arn,
      );
      expect(relationsOf('sagemaker.endpoint_configs', config.region, config.arn, 'serves_model')).toEqual(
        [...new Set(models)].sort(),
      );
    }
    for (const model of e.models) {
      expect(relationsOf('sagemaker.models', model.region, model.arn, 'trained_by')).toEqual(
        model.trainedBy ? [model.trainedBy] : [],
      );
      expect(relationsOf('sagemaker.models', model.region, model.arn, 'uses_role')).toEqual([
        model.describe.ExecutionRoleArn,
      ]);
    }
    for (const job of e.trainingJobs) {
      expect(relationsOf('sagemaker.training_jobs', job.region, job.arn, 'uses_role')).toEqual([
        job.describe.RoleArn,
      ]);
    }
    for (const nb of e.notebooks) {
      expect(relationsOf('sagemaker.notebooks', nb.region, nb.arn, 'uses_role')).toEqual([
        nb.describe.RoleArn,
      ]);
    }
    // Imported artifacts have no training job to point at.
    expect(e.models.filter((m) => !m.trainedBy)).toHaveLength(REGIONS.length);
  });

  it('follows each endpoint to its config, its models and the training jobs behind them', () => {
    const byArn = new Map(allRecords().map((r) => [r.nativeId, r]));
    const follow = (r: TAssetRecord, kind: string) =>
      (r.relations ?? []).filter((rel) => rel.kind === kind).map((rel) => byArn.get(rel.toNativeId)!);
    let trained = 0;
    for (const region of REGIONS) {
      for (const endpoint of records('sagemaker.endpoints', region)) {
        const [config] = follow(endpoint, 'uses_config');
        expect(config?.assetType).toBe('aws.sagemaker.endpoint_config');
        const models = follow(config!, 'serves_model');
        expect(models.length).toBeGreaterThan(0);
        for (const model of models) {
          expect(model.assetType).toBe('aws.sagemaker.model');
          for (const job of follow(model, 'trained_by')) {
            expect(job.assetType).toBe('aws.sagemaker.training_job');
            expect((model.attributes.PrimaryContainer as { ModelDataUrl: string }).ModelDataUrl).toBe(
              (job.attributes.ModelArtifacts as { S3ModelArtifacts: string }).S3ModelArtifacts,
            );
            trained++;
          }
        }
      }
    }
    expect(trained).toBeGreaterThan(0);
  });
});

describe('SageMaker resource discoverers under injected faults', () => {
  afterAll(() => closeAwsClients());

  it('maps a failing page of ListTrainingJobs to a retryable Unavailable after the first page', async () => {
    const sim = await startSimulator({
      port: 0,
      faults: [{ service: 'sagemaker', operation: 'ListTrainingJobs', kind: 'fail-page', page: 2 }],
    });
    try {
      const pages: number[] = [];
      let caught: unknown;
      try {
        for await (const page of sagemakerTrainingJobsDiscoverer.discover(targetFor(sim, 'us-east-1'), {
          pageSize: 2,
          maxAttempts: 1,
        })) {
          pages.push(page.length);
        }
      } catch (err) {
        caught = err;
      }
      expect(pages).toEqual([2]);
      expect(caught).toMatchObject({ code: 'Unavailable', retryable: true, operation: 'ListTrainingJobs' });
      // The fault targets one operation: the other listings are unaffected.
      const models = await collect(sagemakerModelsDiscoverer, targetFor(sim, 'us-east-1'), { pageSize: 2 });
      expect(models.flat()).toHaveLength(ML_COUNTS['us-east-1'].models);
    } finally {
      await sim.close();
    }
  });

  it('names the lookup that was throttled when resolving an endpoint config fails', async () => {
    const sim = await startSimulator({
      port: 0,
      faults: [{ service: 'sagemaker', operation: 'DescribeEndpointConfig', kind: 'throttle', rate: 1 }],
    });
    try {
      const error = await failure(sagemakerEndpointsDiscoverer, targetFor(sim, 'us-east-1'), {
        maxAttempts: 1,
      });
      expect(error).toMatchObject({
        code: 'Throttled',
        retryable: true,
        service: 'sagemaker.endpoints',
        operation: 'DescribeEndpointConfig',
      });
    } finally {
      await sim.close();
    }
  });
});
