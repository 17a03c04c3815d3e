import { describe, expect, it } from 'vitest';
import { buildEstate, notebooksInRegion } from '../estate';
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
