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
  type SimulatorOptions,
} from '@aispm/cloud-sim';
import type { TAssetRecord, TAwsCredentials } from '@aispm/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConnectorError, type AwsTarget, type DiscoveryOptions, type ServiceDiscoverer } from '../types';
import { closeAwsClients } from './clients';
import { sagemakerDomainsDiscoverer } from './sagemaker-domains.discoverer';
import { sagemakerFeatureGroupsDiscoverer } from './sagemaker-feature-groups.discoverer';
import { sagemakerLifecycleConfigsDiscoverer } from './sagemaker-lifecycle-configs.discoverer';
import { sagemakerModelPackageGroupsDiscoverer } from './sagemaker-model-package-groups.discoverer';
import { sagemakerModelPackagesDiscoverer } from './sagemaker-model-packages.discoverer';
import { sagemakerMonitoringSchedulesDiscoverer } from './sagemaker-monitoring-schedules.discoverer';
import { sagemakerPipelinesDiscoverer } from './sagemaker-pipelines.discoverer';
import { sagemakerProcessingJobsDiscoverer } from './sagemaker-processing-jobs.discoverer';
import { sagemakerUserProfilesDiscoverer } from './sagemaker-user-profiles.discoverer';
import { SAGEMAKER_READ_ACTIONS } from './sagemaker.permissions';
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

type J = Record<string, unknown>;
type SimResource = {
  region: string;
  name: string;
  arn: string;
  describe: object;
  tags: { Key: string; Value: string }[];
};
type CountKey = keyof (typeof ML_COUNTS)['us-east-1'];

interface Case {
  discoverer: ServiceDiscoverer<'aws'>;
  service: string;
  assetType: string;
  /** The first listing call (a parent listing for model packages). */
  firstList: string;
  listOperation: string;
  describeOperation: string;
  kind: CountKey & keyof Estate;
}

const CASES: Case[] = [
  {
    discoverer: sagemakerLifecycleConfigsDiscoverer,
    service: 'sagemaker.notebook_lifecycle_configs',
    assetType: 'aws.sagemaker.notebook_lifecycle_config',
    firstList: 'ListNotebookInstanceLifecycleConfigs',
    listOperation: 'ListNotebookInstanceLifecycleConfigs',
    describeOperation: 'DescribeNotebookInstanceLifecycleConfig',
    kind: 'lifecycleConfigs',
  },
  {
    discoverer: sagemakerDomainsDiscoverer,
    service: 'sagemaker.domains',
    assetType: 'aws.sagemaker.domain',
    firstList: 'ListDomains',
    listOperation: 'ListDomains',
    describeOperation: 'DescribeDomain',
    kind: 'domains',
  },
  {
    discoverer: sagemakerUserProfilesDiscoverer,
    service: 'sagemaker.user_profiles',
    assetType: 'aws.sagemaker.user_profile',
    firstList: 'ListUserProfiles',
    listOperation: 'ListUserProfiles',
    describeOperation: 'DescribeUserProfile',
    kind: 'userProfiles',
  },
  {
    discoverer: sagemakerProcessingJobsDiscoverer,
    service: 'sagemaker.processing_jobs',
    assetType: 'aws.sagemaker.processing_job',
    firstList: 'ListProcessingJobs',
    listOperation: 'ListProcessingJobs',
    describeOperation: 'DescribeProcessingJob',
    kind: 'processingJobs',
  },
  {
    discoverer: sagemakerModelPackageGroupsDiscoverer,
    service: 'sagemaker.model_package_groups',
    assetType: 'aws.sagemaker.model_package_group',
    firstList: 'ListModelPackageGroups',
    listOperation: 'ListModelPackageGroups',
    describeOperation: 'DescribeModelPackageGroup',
    kind: 'modelPackageGroups',
  },
  {
    discoverer: sagemakerModelPackagesDiscoverer,
    service: 'sagemaker.model_packages',
    assetType: 'aws.sagemaker.model_package',
    firstList: 'ListModelPackageGroups',
    listOperation: 'ListModelPackages',
    describeOperation: 'DescribeModelPackage',
    kind: 'modelPackages',
  },
  {
    discoverer: sagemakerFeatureGroupsDiscoverer,
    service: 'sagemaker.feature_groups',
    assetType: 'aws.sagemaker.feature_group',
    firstList: 'ListFeatureGroups',
    listOperation: 'ListFeatureGroups',
    describeOperation: 'DescribeFeatureGroup',
    kind: 'featureGroups',
  },
  {
    discoverer: sagemakerPipelinesDiscoverer,
    service: 'sagemaker.pipelines',
    assetType: 'aws.sagemaker.pipeline',
    firstList: 'ListPipelines',
    listOperation: 'ListPipelines',
    describeOperation: 'DescribePipeline',
    kind: 'pipelines',
  },
  {
    discoverer: sagemakerMonitoringSchedulesDiscoverer,
    service: 'sagemaker.monitoring_schedules',
    assetType: 'aws.sagemaker.monitoring_schedule',
    firstList: 'ListMonitoringSchedules',
    listOperation: 'ListMonitoringSchedules',
    describeOperation: 'DescribeMonitoringSchedule',
    kind: 'monitoringSchedules',
  },
];

const resourcesOf = (estate: Estate, c: Case) => estate[c.kind] as unknown as SimResource[];

function targetFor(sim: RunningSimulator, region: string, credentials = demoKeys): AwsTarget {
  return { provider: 'aws', accountId: '123456789012', region, endpoint: sim.url, credentials };
}

async function collect(
  discoverer: ServiceDiscoverer<'aws'>,
  target: AwsTarget,
  opts?: DiscoveryOptions,
): Promise<TAssetRecord[][]> {
  const pages: TAssetRecord[][] = [];
  // No change tokens are given, so every item is a full record.
  for await (const page of discoverer.discover(target, opts)) pages.push(page as TAssetRecord[]);
  return pages;
}

async function failure(
  discoverer: ServiceDiscoverer<'aws'>,
  target: AwsTarget,
  opts?: DiscoveryOptions,
): Promise<{ error: ConnectorError; pages: number[] }> {
  const pages: number[] = [];
  try {
    for await (const page of discoverer.discover(target, opts)) pages.push(page.length);
  } catch (error) {
    if (error instanceof ConnectorError) return { error, pages };
    throw error;
  }
  throw new Error('the discovery was expected to fail');
}

async function withSimulator<T>(
  options: SimulatorOptions,
  fn: (sim: RunningSimulator) => Promise<T>,
): Promise<T> {
  const sim = await startSimulator({ port: 0, ...options });
  try {
    return await fn(sim);
  } finally {
    await sim.close();
  }
}

/** awsJson1_1 sends epoch seconds; the SDK makes Dates, the connector ISO strings (nested ones too). */
const TIME_FIELDS = new Set([
  'CreationTime',
  'LastModifiedTime',
  'ProcessingStartTime',
  'ProcessingEndTime',
  'LastRunTime',
  'ScheduledTime',
]);
function withIsoTimes(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withIsoTimes);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [
      k,
      TIME_FIELDS.has(k) && typeof v === 'number'
        ? new Date(Math.round(v * 1000)).toISOString()
        : withIsoTimes(v),
    ]),
  );
}
const decode = (b64: string) => Buffer.from(b64, 'base64').toString('utf8');

describe('SageMaker Studio, registry and MLOps discoverers against cloud-sim', () => {
  let sim: RunningSimulator;
  const all = new Map<string, TAssetRecord[]>();
  const records = (service: string, region: string) => all.get(`${service}|${region}`)!;
  const find = (service: string, arn: string) =>
    REGIONS.flatMap((r) => records(service, r)).find((r) => r.nativeId === arn)!;
  const edges = (record: TAssetRecord, kind: string) =>
    (record.relations ?? [])
      .filter((r) => r.kind === kind)
      .map((r) => r.toNativeId)
      .sort();

  beforeAll(async () => {
    sim = await startSimulator({ port: 0 });
    for (const d of sagemakerDiscoverers) {
      for (const region of REGIONS)
        all.set(`${d.service}|${region}`, (await collect(d, targetFor(sim, region))).flat());
    }
  });
  afterAll(async () => {
    closeAwsClients();
    await sim.close();
  });

  for (const c of CASES) {
    describe(c.service, () => {
      it('declares its service and asset type and is registered', () => {
        expect(c.discoverer).toMatchObject({
          provider: 'aws',
          service: c.service,
          assetTypes: [c.assetType],
        });
        expect(sagemakerDiscoverers).toContain(c.discoverer);
      });

      it('returns every resource of each region once, with its exact ARN, one page per listed page', async () => {
        for (const region of REGIONS) {
          const expected = inRegion(resourcesOf(sim.estate, c), region);
          expect(expected).toHaveLength(ML_COUNTS[region][c.kind]);
          const pages = await collect(c.discoverer, targetFor(sim, region), { pageSize: 1 });
          if (c.kind === 'modelPackages') {
            // Listed per group, several groups at once: a page holds every version of a batch of groups.
            expect(pages.every((p) => p.length > 0)).toBe(true);
          } else {
            expect(pages.map((p) => p.length)).toEqual(expected.map(() => 1));
          }
          const got = pages.flat();
          expect(got.map((r) => r.nativeId).sort()).toEqual(expected.map((r) => r.arn).sort());
          for (const r of got) expect(r).toMatchObject({ assetType: c.assetType, region });
        }
      });

      it('stores the tags and, apart from documented rewrites, the Describe output as returned', () => {
        for (const resource of resourcesOf(sim.estate, c)) {
          const record = find(c.service, resource.arn);
          expect(record.tags).toEqual(Object.fromEntries(resource.tags.map((t) => [t.Key, t.Value])));
          if (c.kind === 'lifecycleConfigs') continue; // decoded and redacted: tested below
          const body = { ...(resource.describe as J) };
          if (c.kind === 'featureGroups') delete body.NextToken;
          expect(record.attributes, resource.name).toStrictEqual(withIsoTimes(body));
        }
      });

      it(`fails with AccessDenied naming sagemaker:${c.firstList} for a key without SageMaker rights`, async () => {
        const { error, pages } = await failure(c.discoverer, targetFor(sim, 'us-east-1', readOnlyKeys));
        expect(pages).toEqual([]);
        expect(error).toMatchObject({
          code: 'AccessDenied',
          retryable: false,
          service: c.service,
          operation: c.firstList,
        });
        expect(error.message).toMatch(
          new RegExp(`^The credentials lack sagemaker:${c.firstList} in us-east-1`),
        );
      });

      it('fails with InvalidCredentials for an unknown key, never echoing the secret', async () => {
        const secret = 'unknown-key-secret-111111';
        const { error } = await failure(
          c.discoverer,
          targetFor(sim, 'us-east-1', {
            kind: 'access_key',
            accessKeyId: 'SIMNOSUCHKEY000002',
            secretAccessKey: secret,
          }),
        );
        expect(error).toMatchObject({ code: 'InvalidCredentials', service: c.service });
        expect(error.message).not.toContain(secret);
      });
    });
  }

  it('decodes lifecycle scripts, redacts the planted secrets and records where they were', () => {
    const leaky = sim.estate.lifecycleConfigs.filter((l) => l.plantedSecrets.length > 0);
    // The bootstrap script nobody runs, and the us-east-1 auto-stop script notebooks run (a Slack token).
    expect(leaky.map((l) => `${l.region} ${l.name}`).sort()).toEqual([
      'us-east-1 auto-stop-idle-1h',
      'us-east-1 bootstrap-data-access',
    ]);
    for (const config of sim.estate.lifecycleConfigs) {
      const record = find('sagemaker.notebook_lifecycle_configs', config.arn);
      const d = config.describe;
      for (const hook of ['OnCreate', 'OnStart'] as const) {
        if (!d[hook]) expect(Object.keys(record.attributes)).not.toContain(hook);
      }
      if (config.plantedSecrets.length > 0) continue;
      expect(record.attributes.detectedSecrets).toEqual([]);
      for (const hook of ['OnCreate', 'OnStart'] as const) {
        if (d[hook])
          expect(record.attributes[hook]).toEqual(d[hook].map((h) => ({ Content: decode(h.Content) })));
      }
    }
    const slack = leaky.find((l) => l.name === 'auto-stop-idle-1h')!;
    const slackScript = decode(slack.describe.OnStart![0]!.Content);
    const token = /SLACK_BOT_TOKEN="([^"]+)"/.exec(slackScript)![1]!;
    expect(JSON.stringify([...all.values()])).not.toContain(token);
    expect(find('sagemaker.notebook_lifecycle_configs', slack.arn).attributes.detectedSecrets).toEqual([
      { hook: 'OnStart', kind: 'generic-secret', line: 4 },
    ]);
    const config = leaky.find((l) => l.name === 'bootstrap-data-access')!;
    const record = find('sagemaker.notebook_lifecycle_configs', config.arn);
    const script = decode(config.describe.OnStart![0]!.Content);
    const secrets = [
      /aws_access_key_id = (\S+)/.exec(script)![1]!,
      /aws_secret_access_key = (\S+)/.exec(script)![1]!,
      /HF_TOKEN=(\S+)'/.exec(script)![1]!,
      /PASSWORD="([^"]+)"/.exec(script)![1]!,
    ];
    const everything = JSON.stringify([...all.values()]);
    for (const secret of secrets) expect(everything).not.toContain(secret);
    const stored = (record.attributes.OnStart as { Content: string }[])[0]!.Content;
    expect(stored).toContain('[redacted:aws-secret-access-key]');
    expect(stored.split('\n')).toHaveLength(script.split('\n').length);
    expect((record.attributes.detectedSecrets as { kind: string }[]).map((s) => s.kind).sort()).toEqual(
      [...config.plantedSecrets].sort(),
    );
    expect(record.attributes.detectedSecrets).toContainEqual({ hook: 'OnStart', kind: 'hf-token', line: 10 });
  });

  it('leaves out what SageMaker did not return', () => {
    const e = sim.estate;
    const absent = (service: string, arn: string, key: string) =>
      expect(Object.keys(find(service, arn).attributes), `${arn} ${key}`).not.toContain(key);
    absent('sagemaker.domains', e.domains.find((d) => !d.describe.KmsKeyId)!.arn, 'KmsKeyId');
    absent(
      'sagemaker.user_profiles',
      e.userProfiles.find((u) => !u.describe.UserSettings)!.arn,
      'UserSettings',
    );
    absent(
      'sagemaker.processing_jobs',
      e.processingJobs.find((j) => !j.describe.NetworkConfig)!.arn,
      'NetworkConfig',
    );
    absent(
      'sagemaker.feature_groups',
      e.featureGroups.find((f) => !f.describe.OnlineStoreConfig)!.arn,
      'OnlineStoreConfig',
    );
    absent(
      'sagemaker.notebook_lifecycle_configs',
      e.lifecycleConfigs.find((l) => !l.describe.OnCreate)!.arn,
      'OnCreate',
    );
    const noApprover = e.modelPackages.find((p) => p.approval === 'approved-no-approver')!;
    absent('sagemaker.model_packages', noApprover.arn, 'LastModifiedBy');
    absent('sagemaker.model_packages', noApprover.arn, 'ApprovalDescription');
    expect(find('sagemaker.model_packages', noApprover.arn).attributes.ModelApprovalStatus).toBe('Approved');
    const auto = e.modelPackages.find((p) => p.approval === 'auto-approved-metadata')!;
    expect(find('sagemaker.model_packages', auto.arn).attributes.CustomerMetadataProperties).toMatchObject({
      'approval-mode': 'auto',
    });
    const domains = REGIONS.flatMap((r) => records('sagemaker.domains', r)).map(
      (d) => d.attributes.AppNetworkAccessType,
    );
    expect(new Set(domains)).toEqual(new Set(['PublicInternetOnly', 'VpcOnly']));
  });

  it('records exactly the estate links of the new kinds', () => {
    const e = sim.estate;
    const s3 = (uri: string) => `arn:aws:s3:::${/^s3:\/\/([^/]+)/.exec(uri)![1]}`;
    const set = (xs: (string | undefined)[]) => [...new Set(xs.filter((x): x is string => !!x))].sort();
    for (const d of e.domains) {
      const r = find('sagemaker.domains', d.arn);
      expect(edges(r, 'uses_role')).toEqual([d.describe.DefaultUserSettings.ExecutionRole]);
      expect(edges(r, 'encrypted_by')).toEqual(set([d.describe.KmsKeyId]));
    }
    for (const u of e.userProfiles) {
      const r = find('sagemaker.user_profiles', u.arn);
      const domain = e.domains.find((d) => d.describe.DomainId === u.describe.DomainId)!;
      expect(edges(r, 'part_of')).toEqual([domain.arn]);
      expect(edges(r, 'uses_role')).toEqual(set([u.describe.UserSettings?.ExecutionRole]));
    }
    for (const j of e.processingJobs) {
      const r = find('sagemaker.processing_jobs', j.arn);
      expect(edges(r, 'reads_data')).toEqual(
        set(j.describe.ProcessingInputs.map((i) => s3(i.S3Input.S3Uri))),
      );
      expect(edges(r, 'writes_output')).toEqual(
        set(j.describe.ProcessingOutputConfig.Outputs.map((o) => s3(o.S3Output.S3Uri))),
      );
      expect(edges(r, 'encrypted_by')).toEqual(
        set([
          j.describe.ProcessingOutputConfig.KmsKeyId,
          j.describe.ProcessingResources.ClusterConfig.VolumeKmsKeyId,
        ]),
      );
      expect(edges(r, 'uses_role')).toEqual([j.describe.RoleArn]);
    }
    for (const p of e.modelPackages) {
      const r = find('sagemaker.model_packages', p.arn);
      const group = e.modelPackageGroups.find(
        (g) => g.region === p.region && g.name === p.describe.ModelPackageGroupName,
      )!;
      expect(edges(r, 'part_of')).toEqual([group.arn]);
      expect(edges(r, 'encrypted_by')).toEqual(set([p.describe.SecurityConfig?.KmsKeyId]));
    }
    for (const f of e.featureGroups) {
      const r = find('sagemaker.feature_groups', f.arn);
      const offline = f.describe.OfflineStoreConfig?.S3StorageConfig;
      expect(edges(r, 'writes_output')).toEqual(offline ? [s3(offline.S3Uri)] : []);
      expect(edges(r, 'encrypted_by')).toEqual(
        set([f.describe.OnlineStoreConfig?.SecurityConfig?.KmsKeyId, offline?.KmsKeyId]),
      );
    }
    for (const p of e.pipelines)
      expect(edges(find('sagemaker.pipelines', p.arn), 'uses_role')).toEqual([p.describe.RoleArn]);
    for (const m of e.monitoringSchedules) {
      const endpoint = e.endpoints.find((x) => x.region === m.region && x.name === m.describe.EndpointName)!;
      expect(edges(find('sagemaker.monitoring_schedules', m.arn), 'monitors')).toEqual([endpoint.arn]);
    }
  });

  it('adds config, key and bucket links to notebooks, endpoint configs and training jobs', () => {
    const e = sim.estate;
    const s3 = (uri: string) => `arn:aws:s3:::${/^s3:\/\/([^/]+)/.exec(uri)![1]}`;
    const set = (xs: (string | undefined)[]) => [...new Set(xs.filter((x): x is string => !!x))].sort();
    let configured = 0;
    for (const nb of e.notebooks) {
      const r = find('sagemaker.notebooks', nb.arn);
      const name = nb.describe.NotebookInstanceLifecycleConfigName;
      const config = e.lifecycleConfigs.find((l) => l.region === nb.region && l.name === name);
      if (name) configured++;
      expect(edges(r, 'uses_config')).toEqual(config ? [config.arn] : []);
      if (name) expect(config).toBeDefined();
      expect(edges(r, 'encrypted_by')).toEqual(set([nb.describe.KmsKeyId]));
    }
    expect(configured).toBeGreaterThan(0);
    for (const c of e.endpointConfigs) {
      const r = find('sagemaker.endpoint_configs', c.arn);
      expect(edges(r, 'encrypted_by')).toEqual(
        set([c.describe.KmsKeyId, c.describe.DataCaptureConfig?.KmsKeyId]),
      );
    }
    for (const j of e.trainingJobs) {
      const r = find('sagemaker.training_jobs', j.arn);
      expect(edges(r, 'reads_data')).toEqual(
        set(j.describe.InputDataConfig.map((ch) => s3(ch.DataSource.S3DataSource.S3Uri))),
      );
      expect(edges(r, 'writes_output')).toEqual([s3(j.describe.OutputDataConfig.S3OutputPath)]);
      expect(edges(r, 'encrypted_by')).toEqual(
        set([j.describe.OutputDataConfig.KmsKeyId, j.describe.ResourceConfig.VolumeKmsKeyId]),
      );
    }
  });
});

describe('SageMaker discoverers: permissions, deletions and faults', () => {
  afterAll(() => closeAwsClients());

  it('calls exactly the actions SAGEMAKER_READ_ACTIONS lists', async () => {
    const lines: string[] = [];
    await withSimulator({ log: (l) => lines.push(l) }, async (sim) => {
      for (const d of sagemakerDiscoverers) await collect(d, targetFor(sim, 'us-east-1'));
    });
    const called = new Set(
      lines.flatMap((l) => /SageMaker\.(\w+)/.exec(l)?.[1] ?? []).map((op) => `sagemaker:${op}`),
    );
    expect([...called].sort()).toEqual([...SAGEMAKER_READ_ACTIONS].sort());
  });

  it('skips a resource deleted between the listing and its Describe', async () => {
    for (const c of CASES) {
      const lines: string[] = [];
      let removed = false;
      let victim: SimResource | undefined;
      let list: SimResource[] = [];
      await withSimulator(
        {
          log: (line) => {
            lines.push(line);
            // The List answer is on its way: delete one listed resource before any Describe can arrive.
            if (!removed && victim && line.includes(`SageMaker.${c.listOperation} `)) {
              list.splice(list.indexOf(victim), 1);
              removed = true;
            }
          },
        },
        async (sim) => {
          list = resourcesOf(sim.estate, c);
          const here = inRegion(list, 'us-east-1');
          // Model versions are listed group by group: take a version of the group listed first.
          victim =
            c.kind === 'modelPackages'
              ? here.find(
                  (p) =>
                    p.name ===
                    [...inRegion(sim.estate.modelPackageGroups, 'us-east-1')].sort(
                      (a, b) => a.describe.CreationTime - b.describe.CreationTime,
                    )[0]!.name,
                )!
              : here[0]!;
          const expected = here.filter((r) => r !== victim).map((r) => r.arn);
          const got = (await collect(c.discoverer, targetFor(sim, 'us-east-1'))).flat();
          expect(removed, c.service).toBe(true);
          expect(got.map((r) => r.nativeId).sort(), c.service).toEqual(expected.sort());
        },
      );
      expect(
        lines.some(
          (l) =>
            l.includes(`SageMaker.${c.describeOperation} `) &&
            /-> 400 (ValidationException|ResourceNotFound)/.test(l),
        ),
        c.service,
      ).toBe(true);
    }
  });

  it('fails with a retryable Unavailable when a listing page fails, after yielding the pages before it', async () => {
    const faults: SimulatorOptions['faults'] = CASES.map((c) => ({
      service: 'sagemaker',
      operation: c.listOperation,
      kind: 'fail-page' as const,
      page: 2,
    }));
    await withSimulator({ faults }, async (sim) => {
      for (const c of CASES) {
        const { error, pages } = await failure(c.discoverer, targetFor(sim, 'us-east-1'), {
          pageSize: 1,
          maxAttempts: 1,
        });
        // Model versions are listed for a batch of groups at once, so the failing page fails its whole batch.
        expect(pages, c.service).toEqual(c.kind === 'modelPackages' ? [] : [1]);
        expect(error, c.service).toMatchObject({
          code: 'Unavailable',
          retryable: true,
          operation: c.listOperation,
        });
      }
    });
  });

  it('completes through throttling with retries, and reports Throttled when retries are not allowed', async () => {
    const lines: string[] = [];
    await withSimulator(
      { faults: [{ service: 'sagemaker', kind: 'throttle', rate: 0.2 }], log: (l) => lines.push(l) },
      async (sim) => {
        for (const c of CASES) {
          const got = (
            await collect(c.discoverer, targetFor(sim, 'us-east-1'), { pageSize: 2, maxAttempts: 8 })
          ).flat();
          expect(got.map((r) => r.nativeId).sort(), c.service).toEqual(
            inRegion(resourcesOf(sim.estate, c), 'us-east-1')
              .map((r) => r.arn)
              .sort(),
          );
        }
      },
    );
    expect(lines.filter((l) => l.includes('ThrottlingException')).length).toBeGreaterThan(0);
    await withSimulator({ faults: [{ service: 'sagemaker', kind: 'throttle', rate: 1 }] }, async (sim) => {
      for (const c of CASES) {
        const { error } = await failure(c.discoverer, targetFor(sim, 'us-east-1'), { maxAttempts: 1 });
        expect(error, c.service).toMatchObject({
          code: 'Throttled',
          retryable: true,
          operation: c.firstList,
        });
      }
    });
  });
});
