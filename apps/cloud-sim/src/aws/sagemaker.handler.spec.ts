import { describe, expect, it } from 'vitest';
import { buildEstate, notebooksInRegion } from '../estate';
import { buildMlEstate } from '../ml-estate';
import { AwsJsonError } from './aws-json.protocol';
import {
  handleSageMaker,
  requestedPage,
  type JsonObject,
  type SageMakerOperation,
} from './sagemaker.handler';

const estate = buildEstate();
const usEast = notebooksInRegion(estate, 'us-east-1');

const call = (op: SageMakerOperation, input: JsonObject = {}, region = 'us-east-1') =>
  handleSageMaker(op, input, { estate, region }) as JsonObject;

type Summary = { NotebookInstanceName: string; NotebookInstanceArn: string; CreationTime: number };
const list = (input: JsonObject = {}, region = 'us-east-1') =>
  call('ListNotebookInstances', input, region) as { NotebookInstances: Summary[]; NextToken?: string };

function errorOf(fn: () => unknown): AwsJsonError {
  try {
    fn();
  } catch (err) {
    if (err instanceof AwsJsonError) return err;
    throw err;
  }
  throw new Error('expected an AwsJsonError');
}

describe('ListNotebookInstances', () => {
  it('returns 10 by default, then the rest behind NextToken', () => {
    const big = buildEstate({ notebooks: 30 });
    const first = handleSageMaker(
      'ListNotebookInstances',
      {},
      { estate: big, region: 'us-east-1' },
    ) as ReturnType<typeof list>;
    expect(first.NotebookInstances).toHaveLength(10);
    expect(first.NextToken).toEqual(expect.any(String));
  });

  it('walks every notebook of the region exactly once through the tokens', () => {
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = list({ MaxResults: 3, ...(token && { NextToken: token }) });
      seen.push(...page.NotebookInstances.map((n) => n.NotebookInstanceArn));
      token = page.NextToken;
      pages += 1;
    } while (token);
    expect(pages).toBe(3);
    expect(seen.sort()).toEqual(usEast.map((n) => n.arn).sort());
  });

  it('answers only for the region of the request', () => {
    const eu = list({ MaxResults: 100 }, 'eu-west-1').NotebookInstances.map((n) => n.NotebookInstanceArn);
    expect(eu.sort()).toEqual(
      notebooksInRegion(estate, 'eu-west-1')
        .map((n) => n.arn)
        .sort(),
    );
    expect(eu.every((arn) => arn.startsWith('arn:aws:sagemaker:eu-west-1:'))).toBe(true);
    expect(list({}, 'ap-south-1')).toEqual({ NotebookInstances: [] });
  });

  it('sorts by name ascending by default and by creation time when asked', () => {
    const names = list({ MaxResults: 100 }).NotebookInstances.map((n) =>
      n.NotebookInstanceName.toLowerCase(),
    );
    expect(names).toEqual([...names].sort());
    const times = list({
      MaxResults: 100,
      SortBy: 'CreationTime',
      SortOrder: 'Descending',
    }).NotebookInstances.map((n) => n.CreationTime);
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('filters by NameContains, ignoring case', () => {
    const target = usEast[0]!;
    const fragment = target.name.slice(2, 8).toUpperCase();
    const found = list({ NameContains: fragment, MaxResults: 100 }).NotebookInstances;
    expect(found.map((n) => n.NotebookInstanceName)).toContain(target.name);
    expect(found.every((n) => n.NotebookInstanceName.toUpperCase().includes(fragment))).toBe(true);
  });

  it('returns summaries, not full descriptions', () => {
    const summary = list({ MaxResults: 100 }).NotebookInstances[0] as unknown as JsonObject;
    expect(summary).toHaveProperty('NotebookInstanceArn');
    expect(summary).not.toHaveProperty('RootAccess');
    expect(summary).not.toHaveProperty('KmsKeyId');
  });

  it.each([
    [
      { MaxResults: 0 },
      /Value '0' at 'maxResults' failed to satisfy constraint: Member must have value greater/,
    ],
    [{ MaxResults: 101 }, /less than or equal to 100/],
    [{ SortBy: 'Size' }, /Member must satisfy enum value set: \[Name, CreationTime, Status\]/],
    [{ NextToken: 'bogus' }, /Invalid pagination token/],
  ])('rejects %j with a ValidationException', (input, message) => {
    const err = errorOf(() => list(input));
    expect(err.type).toBe('ValidationException');
    expect(err.message).toMatch(message);
  });

  it('rejects a wrongly typed member with a SerializationException', () => {
    expect(errorOf(() => list({ MaxResults: '5' })).type).toBe('SerializationException');
  });
});

describe('DescribeNotebookInstance', () => {
  it('returns the estate body, optional fields left out', () => {
    const withoutRoot = estate.notebooks.find((n) => n.omittedFields.includes('RootAccess'))!;
    const body = call(
      'DescribeNotebookInstance',
      { NotebookInstanceName: withoutRoot.name },
      withoutRoot.region,
    );
    expect(body).toEqual(withoutRoot.describe);
    expect(Object.keys(body)).not.toContain('RootAccess');
  });

  it('answers an unknown name, or a name from another region, with ValidationException RecordNotFound', () => {
    const eu = notebooksInRegion(estate, 'eu-west-1').find((n) => !usEast.some((u) => u.name === n.name))!;
    for (const name of ['no-such-notebook', eu.name]) {
      const err = errorOf(() => call('DescribeNotebookInstance', { NotebookInstanceName: name }));
      expect([err.status, err.type, err.message]).toEqual([400, 'ValidationException', 'RecordNotFound']);
    }
  });

  it('requires NotebookInstanceName', () => {
    expect(errorOf(() => call('DescribeNotebookInstance')).message).toMatch(
      /'notebookInstanceName'.*must not be null/,
    );
  });
});

describe('ListTags', () => {
  it('returns the tags of the ARN', () => {
    const tagged = usEast.find((n) => n.tags.length > 0)!;
    expect(call('ListTags', { ResourceArn: tagged.arn })).toEqual({ Tags: tagged.tags });
  });

  it('rejects an unknown ARN', () => {
    expect(errorOf(() => call('ListTags', { ResourceArn: 'arn:aws:sagemaker:us-east-1:1:x/y' })).type).toBe(
      'ValidationException',
    );
  });
});

describe('requestedPage', () => {
  it('is 1 without a token, the token page with one, and undefined for other operations', () => {
    const next = list({ MaxResults: 2 }).NextToken!;
    expect(requestedPage('ListNotebookInstances', {})).toBe(1);
    expect(requestedPage('ListNotebookInstances', { NextToken: next })).toBe(2);
    expect(requestedPage('DescribeNotebookInstance', {})).toBeUndefined();
  });
});

describe.each([
  {
    listOp: 'ListModels',
    describeOp: 'DescribeModel',
    key: 'Models',
    param: 'ModelName',
    arnField: 'ModelArn',
    kind: 'models',
    notFound: /^Could not find model "arn:aws:sagemaker:us-east-1:123456789012:model\/nope"\.$/,
  },
  {
    listOp: 'ListEndpointConfigs',
    describeOp: 'DescribeEndpointConfig',
    key: 'EndpointConfigs',
    param: 'EndpointConfigName',
    arnField: 'EndpointConfigArn',
    kind: 'endpointConfigs',
    notFound: /^Could not find endpoint configuration "arn:.*:endpoint-config\/nope"\.$/,
  },
  {
    listOp: 'ListEndpoints',
    describeOp: 'DescribeEndpoint',
    key: 'Endpoints',
    param: 'EndpointName',
    arnField: 'EndpointArn',
    kind: 'endpoints',
    notFound: /^Could not find endpoint "arn:.*:endpoint\/nope"\.$/,
  },
  {
    listOp: 'ListTrainingJobs',
    describeOp: 'DescribeTrainingJob',
    key: 'TrainingJobSummaries',
    param: 'TrainingJobName',
    arnField: 'TrainingJobArn',
    kind: 'trainingJobs',
    notFound: /^Requested resource not found\.$/,
  },
] as const)('$listOp / $describeOp', ({ listOp, describeOp, key, param, arnField, kind, notFound }) => {
  const resources = estate[kind].filter((r) => r.region === 'us-east-1');

  it('walks every resource of the region once through NextToken, newest first by default', () => {
    const seen: string[] = [];
    const created: number[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = call(listOp, { MaxResults: 2, ...(token && { NextToken: token }) }) as Record<
        string,
        unknown
      >;
      const items = page[key] as Record<string, unknown>[];
      expect(items.length).toBeLessThanOrEqual(2);
      seen.push(...items.map((i) => i[arnField] as string));
      created.push(...items.map((i) => i.CreationTime as number));
      token = page.NextToken as string | undefined;
      expect(requestedPage(listOp, { NextToken: token })).toBe(token ? pages + 2 : 1);
      pages++;
    } while (token);
    expect(seen.sort()).toEqual(resources.map((r) => r.arn).sort());
    expect(pages).toBe(Math.ceil(resources.length / 2));
    expect(created).toEqual([...created].sort((a, b) => b - a));
  });

  it('answers only for the region of the request', () => {
    const eu = call(listOp, {}, 'eu-west-1')[key] as Record<string, unknown>[];
    expect(eu.map((i) => i[arnField]).sort()).toEqual(
      estate[kind]
        .filter((r) => r.region === 'eu-west-1')
        .map((r) => r.arn)
        .sort(),
    );
    expect(call(listOp, {}, 'ap-south-1')[key]).toEqual([]);
  });

  it('describes by name, case-insensitively, and rejects an unknown name with a ValidationException', () => {
    const r = resources[0]!;
    expect(call(describeOp, { [param]: r.name.toUpperCase() })).toBe(r.describe);
    const err = errorOf(() => call(describeOp, { [param]: 'nope' }));
    expect(err).toMatchObject({ status: 400, type: 'ValidationException' });
    expect(err.message).toMatch(notFound);
    expect(errorOf(() => call(describeOp, { [param]: r.name }, 'eu-west-1')).type).toBe(
      'ValidationException',
    );
  });

  it('returns the tags of the resource ARN', () => {
    const r = resources[0]!;
    expect(call('ListTags', { ResourceArn: r.arn })).toEqual({ Tags: r.tags });
  });
});

describe.each([
  {
    listOp: 'ListNotebookInstanceLifecycleConfigs',
    describeOp: 'DescribeNotebookInstanceLifecycleConfig',
    key: 'NotebookInstanceLifecycleConfigs',
    arnField: 'NotebookInstanceLifecycleConfigArn',
    kind: 'lifecycleConfigs',
    describeInput: (r: { name: string }) => ({ NotebookInstanceLifecycleConfigName: r.name }),
    missing: { NotebookInstanceLifecycleConfigName: 'nope' },
    notFound: [
      'ValidationException',
      /^Unable to describe Notebook Instance Lifecycle Config 'arn:aws:sagemaker:us-east-1:123456789012:notebook-instance-lifecycle-config\/nope'\. \(Details: Notebook Instance Lifecycle Config does not exist\.\)$/,
    ],
  },
  {
    listOp: 'ListDomains',
    describeOp: 'DescribeDomain',
    key: 'Domains',
    arnField: 'DomainArn',
    kind: 'domains',
    describeInput: (r: { describe: object }) => ({ DomainId: (r.describe as JsonObject).DomainId }),
    missing: { DomainId: 'd-000000000000' },
    notFound: ['ResourceNotFound', /domain\/d-000000000000/],
  },
  {
    listOp: 'ListUserProfiles',
    describeOp: 'DescribeUserProfile',
    key: 'UserProfiles',
    arnField: 'UserProfileName',
    kind: 'userProfiles',
    describeInput: (r: { name: string; describe: object }) => ({
      DomainId: (r.describe as JsonObject).DomainId,
      UserProfileName: r.name,
    }),
    missing: { DomainId: 'd-000000000000', UserProfileName: 'nobody' },
    notFound: ['ResourceNotFound', /does not exist/],
  },
  {
    listOp: 'ListProcessingJobs',
    describeOp: 'DescribeProcessingJob',
    key: 'ProcessingJobSummaries',
    arnField: 'ProcessingJobArn',
    kind: 'processingJobs',
    describeInput: (r: { name: string }) => ({ ProcessingJobName: r.name }),
    missing: { ProcessingJobName: 'nope' },
    notFound: ['ValidationException', /^Could not find requested job with name nope$/],
  },
  {
    listOp: 'ListModelPackageGroups',
    describeOp: 'DescribeModelPackageGroup',
    key: 'ModelPackageGroupSummaryList',
    arnField: 'ModelPackageGroupArn',
    kind: 'modelPackageGroups',
    describeInput: (r: { name: string }) => ({ ModelPackageGroupName: r.name }),
    missing: { ModelPackageGroupName: 'nope' },
    notFound: [
      'ValidationException',
      /^ModelPackageGroup arn:.*:model-package-group\/nope does not exist\.$/,
    ],
  },
  {
    listOp: 'ListFeatureGroups',
    describeOp: 'DescribeFeatureGroup',
    key: 'FeatureGroupSummaries',
    arnField: 'FeatureGroupArn',
    kind: 'featureGroups',
    describeInput: (r: { name: string }) => ({ FeatureGroupName: r.name }),
    missing: { FeatureGroupName: 'nope' },
    notFound: ['ResourceNotFound', /can't find a FeatureGroup with name nope$/],
  },
  {
    listOp: 'ListPipelines',
    describeOp: 'DescribePipeline',
    key: 'PipelineSummaries',
    arnField: 'PipelineArn',
    kind: 'pipelines',
    describeInput: (r: { name: string }) => ({ PipelineName: r.name }),
    missing: { PipelineName: 'nope' },
    notFound: ['ResourceNotFound', /pipeline\/nope' does not exist\.$/],
  },
  {
    listOp: 'ListMonitoringSchedules',
    describeOp: 'DescribeMonitoringSchedule',
    key: 'MonitoringScheduleSummaries',
    arnField: 'MonitoringScheduleArn',
    kind: 'monitoringSchedules',
    describeInput: (r: { name: string }) => ({ MonitoringScheduleName: r.name }),
    missing: { MonitoringScheduleName: 'nope' },
    notFound: ['ResourceNotFound', /monitoring-schedule\/nope does not exist\.$/],
  },
] as const)(
  '$listOp / $describeOp',
  ({ listOp, describeOp, key, arnField, kind, describeInput, missing, notFound }) => {
    const resources = (
      estate[kind] as readonly { region: string; name: string; arn: string; describe: object }[]
    ).filter((r) => r.region === 'us-east-1');
    const idOf = (r: { name: string; arn: string }) => (arnField === 'UserProfileName' ? r.name : r.arn);

    it('walks every resource of the region once through NextToken, one item per page', () => {
      const seen: string[] = [];
      let token: string | undefined;
      let pages = 0;
      do {
        const page = call(listOp, { MaxResults: 1, ...(token && { NextToken: token }) });
        seen.push(...(page[key] as JsonObject[]).map((i) => i[arnField] as string));
        token = page.NextToken as string | undefined;
        pages++;
      } while (token);
      expect(pages).toBe(resources.length);
      expect(seen.sort()).toEqual(resources.map(idOf).sort());
      expect(call(listOp, {}, 'ap-south-1')[key]).toEqual([]);
    });

    it('describes a listed resource and answers an unknown one as SageMaker does', () => {
      const r = resources[0]!;
      expect(call(describeOp, describeInput(r as never))).toBe(r.describe);
      const err = errorOf(() => call(describeOp, missing));
      expect(err.status).toBe(400);
      expect(err.type).toBe(notFound[0]);
      expect(err.message).toMatch(notFound[1]);
    });

    it('returns summaries without the security details of Describe', () => {
      const summary = (call(listOp, { MaxResults: 100 })[key] as JsonObject[])[0]!;
      for (const detail of ['KmsKeyId', 'OnStart', 'UserSettings', 'NetworkConfig', 'PipelineDefinition'])
        expect(summary).not.toHaveProperty(detail);
    });
  },
);

describe('ListModelPackages / DescribeModelPackage', () => {
  const groups = estate.modelPackageGroups.filter((g) => g.region === 'us-east-1');
  const versionsOf = (group: string) =>
    (
      call('ListModelPackages', { ModelPackageGroupName: group, MaxResults: 100 })
        .ModelPackageSummaryList as JsonObject[]
    ).map((s) => s.ModelPackageArn);

  it('lists a group versions when the group is named, and no unversioned packages otherwise', () => {
    for (const g of groups) {
      expect(versionsOf(g.name).sort()).toEqual(
        estate.modelPackages
          .filter((p) => p.region === 'us-east-1' && p.name === g.name)
          .map((p) => p.arn)
          .sort(),
      );
      // The group filter ignores case, like the rest of SageMaker's names.
      expect(versionsOf(g.name.toUpperCase())).toEqual(versionsOf(g.name));
    }
    expect(call('ListModelPackages').ModelPackageSummaryList).toEqual([]);
    expect(
      (
        call('ListModelPackages', { ModelPackageType: 'Versioned', MaxResults: 100 })
          .ModelPackageSummaryList as unknown[]
      ).length,
    ).toBe(estate.modelPackages.filter((p) => p.region === 'us-east-1').length);
  });

  it('filters by approval status and pages within a group', () => {
    const approved = call('ListModelPackages', {
      ModelPackageType: 'Both',
      ModelApprovalStatus: 'Approved',
      MaxResults: 100,
    }).ModelPackageSummaryList as JsonObject[];
    expect(approved.length).toBeGreaterThan(0);
    expect(approved.every((s) => s.ModelApprovalStatus === 'Approved')).toBe(true);
    const first = call('ListModelPackages', { ModelPackageGroupName: groups[0]!.name, MaxResults: 1 });
    expect(first.NextToken).toEqual(expect.any(String));
    expect(requestedPage('ListModelPackages', { NextToken: first.NextToken })).toBe(2);
  });

  it('describes a version by ARN; a bare name of a versioned package is not found', () => {
    const p = estate.modelPackages.find((x) => x.region === 'us-east-1')!;
    expect(call('DescribeModelPackage', { ModelPackageName: p.arn })).toBe(p.describe);
    const err = errorOf(() => call('DescribeModelPackage', { ModelPackageName: `${p.arn.slice(0, -1)}99` }));
    expect([err.type, err.message]).toEqual([
      'ValidationException',
      `ModelPackage ${p.arn.slice(0, -1)}99 does not exist.`,
    ]);
  });
});

describe('filters and sorting of the new listings', () => {
  it('lists a domain user profiles, sorted by creation time ascending by default', () => {
    const domain = estate.domains.find((d) => d.region === 'us-east-1')!;
    const listed = call('ListUserProfiles', { DomainIdEquals: domain.describe.DomainId, MaxResults: 100 })
      .UserProfiles as { DomainId: string; CreationTime: number }[];
    expect(listed.length).toBe(
      estate.userProfiles.filter((u) => u.describe.DomainId === domain.describe.DomainId).length,
    );
    expect(listed.every((u) => u.DomainId === domain.describe.DomainId)).toBe(true);
    const times = listed.map((u) => u.CreationTime);
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('lists the monitoring schedules of one endpoint, and filters pipelines by name prefix', () => {
    const schedule = estate.monitoringSchedules.find((m) => m.region === 'us-east-1')!;
    const forEndpoint = call('ListMonitoringSchedules', { EndpointName: schedule.describe.EndpointName })
      .MonitoringScheduleSummaries as JsonObject[];
    expect(forEndpoint.map((s) => s.MonitoringScheduleArn)).toContain(schedule.arn);
    expect(forEndpoint.every((s) => s.EndpointName === schedule.describe.EndpointName)).toBe(true);
    expect(forEndpoint[0]).toHaveProperty('MonitoringJobDefinitionName');
    const pipeline = estate.pipelines.find((p) => p.region === 'us-east-1')!;
    const prefixed = call('ListPipelines', { PipelineNamePrefix: pipeline.name.slice(0, 6) })
      .PipelineSummaries as JsonObject[];
    expect(prefixed.map((p) => p.PipelineArn)).toContain(pipeline.arn);
    expect(call('ListPipelines', { PipelineNamePrefix: 'zzz' }).PipelineSummaries).toEqual([]);
  });

  it('sorts lifecycle configs by name when asked, and rejects an unknown SortBy with the allowed values', () => {
    const names = (
      call('ListNotebookInstanceLifecycleConfigs', {
        SortBy: 'Name',
        SortOrder: 'Ascending',
        MaxResults: 100,
      }).NotebookInstanceLifecycleConfigs as JsonObject[]
    ).map((c) => (c.NotebookInstanceLifecycleConfigName as string).toLowerCase());
    expect(names).toEqual([...names].sort());
    expect(errorOf(() => call('ListNotebookInstanceLifecycleConfigs', { SortBy: 'Status' })).message).toMatch(
      /enum value set: \[Name, CreationTime, LastModifiedTime\]/,
    );
  });

  it('holds every lifecycle config a notebook names, in the notebook region', () => {
    for (const nb of estate.notebooks) {
      const name = nb.describe.NotebookInstanceLifecycleConfigName;
      if (name)
        expect(
          call(
            'DescribeNotebookInstanceLifecycleConfig',
            { NotebookInstanceLifecycleConfigName: name },
            nb.region,
          ),
        ).toBeDefined();
    }
  });

  it('returns the tags of a user profile and a model package by ARN, region-scoped', () => {
    for (const r of [estate.userProfiles[0]!, estate.modelPackages[0]!]) {
      expect(call('ListTags', { ResourceArn: r.arn }, r.region)).toEqual({ Tags: r.tags });
      const other = r.region === 'us-east-1' ? 'eu-west-1' : 'us-east-1';
      expect(errorOf(() => call('ListTags', { ResourceArn: r.arn }, other)).type).toBe('ValidationException');
    }
  });
});

// The sized tests build 36,000 resources: the limits below only keep a loaded machine from failing them.
describe('sized SageMaker estate', () => {
  it('builds about the asked number of assets, with unique names per region and kind', () => {
    const ml = buildMlEstate(42, 36_000);
    const kinds = Object.keys(ml) as (keyof typeof ml)[];
    const total = kinds.reduce((n, k) => n + ml[k].length, 0);
    expect(Math.abs(total - 36_000)).toBeLessThanOrEqual(36_000 * 0.05);
    // Training jobs and model versions dominate.
    expect(ml.trainingJobs.length).toBeGreaterThan(ml.models.length);
    expect(ml.modelPackages.length).toBeGreaterThan(ml.processingJobs.length);
    for (const k of kinds) {
      if (k === 'modelPackages') continue; // versions share their group's name; their ARNs differ
      for (const region of ['us-east-1', 'eu-west-1']) {
        const here = (ml[k] as { region: string; name: string; describe: object }[]).filter(
          (r) => r.region === region,
        );
        const key = (r: (typeof here)[number]) =>
          k === 'userProfiles' ? `${(r.describe as JsonObject).DomainId}/${r.name}` : r.name;
        expect(new Set(here.map((r) => key(r).toLowerCase())).size, `${k} ${region}`).toBe(here.length);
      }
    }
    expect(new Set(ml.modelPackages.map((p) => p.arn)).size).toBe(ml.modelPackages.length);
  }, 60_000);

  it('walks a kind of a sized estate exactly once through NextToken', () => {
    // The SageMaker share of a 100k-asset estate, on top of the small default estate of the other families.
    const big = { ...estate, ...buildMlEstate(42, 36_000) };
    const ctx = { estate: big, region: 'us-east-1' };
    const expected = big.trainingJobs.filter((j) => j.region === 'us-east-1').length;
    let token: string | undefined;
    let seen = 0;
    do {
      const page = handleSageMaker(
        'ListTrainingJobs',
        { MaxResults: 100, ...(token && { NextToken: token }) },
        ctx,
      ) as JsonObject;
      seen += (page.TrainingJobSummaries as unknown[]).length;
      token = page.NextToken as string | undefined;
    } while (token);
    expect(seen).toBe(expected);
  }, 60_000);
});
