import {
  inRegion,
  SIM_ACCOUNT_ID,
  type DescribeNotebookInstanceBody,
  type Estate,
  type SimTag,
} from '../estate';
import { AwsJsonError, validationError } from './aws-json.protocol';
import { decodePageToken, encodePageToken } from './page-token.codec';

/** Operations the simulator implements; any other `SageMaker.<Op>` target is an UnknownOperationException. */
export const SAGEMAKER_OPERATIONS = [
  'ListNotebookInstances',
  'DescribeNotebookInstance',
  'ListModels',
  'DescribeModel',
  'ListEndpointConfigs',
  'DescribeEndpointConfig',
  'ListEndpoints',
  'DescribeEndpoint',
  'ListTrainingJobs',
  'DescribeTrainingJob',
  'ListTags',
] as const;
export type SageMakerOperation = (typeof SAGEMAKER_OPERATIONS)[number];

export function isSageMakerOperation(op: string): op is SageMakerOperation {
  return (SAGEMAKER_OPERATIONS as readonly string[]).includes(op);
}

export type JsonObject = Record<string, unknown>;

export interface SageMakerContext {
  estate: Estate;
  /** The region from the request's SigV4 credential scope. */
  region: string;
}

type SortKey = 'Name' | 'CreationTime' | 'Status';
type SimResource = { region: string; name: string; arn: string; describe: object; tags: SimTag[] };

/** One kind of SageMaker resource with a paged List and a Describe by name; the handlers below are generic. */
interface ResourceKind {
  listOp: SageMakerOperation;
  describeOp: SageMakerOperation;
  /** The ARN's resource type, e.g. `model` in `arn:aws:sagemaker:<region>:<account>:model/<name>`. */
  arnType: string;
  resources: (estate: Estate) => readonly SimResource[];
  /** Member of the List response holding the summaries, e.g. `Models`. */
  listKey: string;
  /** Describe request member naming the resource, e.g. `ModelName`. */
  nameParam: string;
  statusField?: string;
  summaryFields: readonly string[];
  sortKeys: readonly SortKey[];
  defaultSort: { by: SortKey; order: 'Ascending' | 'Descending' };
  /** Whether the List takes LastModifiedTimeBefore/After. */
  modifiedFilters: boolean;
  /** Listing filters only this kind has (the notebook's lifecycle config and repository filters). */
  extraFilter?: (input: JsonObject) => (describe: JsonObject) => boolean;
  /** The ValidationException message real SageMaker gives for an unknown name. */
  notFound: (arn: string) => string;
}

const RESOURCE_KINDS: readonly ResourceKind[] = [
  {
    listOp: 'ListNotebookInstances',
    describeOp: 'DescribeNotebookInstance',
    arnType: 'notebook-instance',
    resources: (e) => e.notebooks,
    listKey: 'NotebookInstances',
    nameParam: 'NotebookInstanceName',
    statusField: 'NotebookInstanceStatus',
    summaryFields: [
      'NotebookInstanceName',
      'NotebookInstanceArn',
      'NotebookInstanceStatus',
      'Url',
      'InstanceType',
      'CreationTime',
      'LastModifiedTime',
      'NotebookInstanceLifecycleConfigName',
      'DefaultCodeRepository',
      'AdditionalCodeRepositories',
    ],
    sortKeys: ['Name', 'CreationTime', 'Status'],
    defaultSort: { by: 'Name', order: 'Ascending' },
    modifiedFilters: true,
    extraFilter: notebookFilter,
    // Real SageMaker answers an unknown notebook with this terse ValidationException, not a 404.
    notFound: () => 'RecordNotFound',
  },
  {
    listOp: 'ListModels',
    describeOp: 'DescribeModel',
    arnType: 'model',
    resources: (e) => e.models,
    listKey: 'Models',
    nameParam: 'ModelName',
    summaryFields: ['ModelName', 'ModelArn', 'CreationTime'],
    sortKeys: ['Name', 'CreationTime'],
    defaultSort: { by: 'CreationTime', order: 'Descending' },
    modifiedFilters: false,
    notFound: (arn) => `Could not find model "${arn}".`,
  },
  {
    listOp: 'ListEndpointConfigs',
    describeOp: 'DescribeEndpointConfig',
    arnType: 'endpoint-config',
    resources: (e) => e.endpointConfigs,
    listKey: 'EndpointConfigs',
    nameParam: 'EndpointConfigName',
    summaryFields: ['EndpointConfigName', 'EndpointConfigArn', 'CreationTime'],
    sortKeys: ['Name', 'CreationTime'],
    defaultSort: { by: 'CreationTime', order: 'Descending' },
    modifiedFilters: false,
    notFound: (arn) => `Could not find endpoint configuration "${arn}".`,
  },
  {
    listOp: 'ListEndpoints',
    describeOp: 'DescribeEndpoint',
    arnType: 'endpoint',
    resources: (e) => e.endpoints,
    listKey: 'Endpoints',
    nameParam: 'EndpointName',
    statusField: 'EndpointStatus',
    summaryFields: ['EndpointName', 'EndpointArn', 'CreationTime', 'LastModifiedTime', 'EndpointStatus'],
    sortKeys: ['Name', 'CreationTime', 'Status'],
    defaultSort: { by: 'CreationTime', order: 'Descending' },
    modifiedFilters: true,
    notFound: (arn) => `Could not find endpoint "${arn}".`,
  },
  {
    listOp: 'ListTrainingJobs',
    describeOp: 'DescribeTrainingJob',
    arnType: 'training-job',
    resources: (e) => e.trainingJobs,
    listKey: 'TrainingJobSummaries',
    nameParam: 'TrainingJobName',
    statusField: 'TrainingJobStatus',
    summaryFields: [
      'TrainingJobName',
      'TrainingJobArn',
      'CreationTime',
      'TrainingEndTime',
      'LastModifiedTime',
      'TrainingJobStatus',
      'SecondaryStatus',
    ],
    sortKeys: ['Name', 'CreationTime', 'Status'],
    defaultSort: { by: 'CreationTime', order: 'Descending' },
    modifiedFilters: true,
    notFound: () => 'Requested resource not found.',
  },
];

/** The paged listing operations (the ones a "fail on page N" fault can target). */
export const SAGEMAKER_LISTING_OPERATIONS: readonly SageMakerOperation[] = RESOURCE_KINDS.map(
  (k) => k.listOp,
);

/** Answers one SageMaker operation with the response body, or throws an AwsJsonError. */
export function handleSageMaker(op: SageMakerOperation, input: JsonObject, ctx: SageMakerContext): object {
  if (op === 'ListTags') return listTags(input, ctx);
  const listed = RESOURCE_KINDS.find((k) => k.listOp === op);
  if (listed) return listResources(listed, input, ctx);
  return describeResource(
    RESOURCE_KINDS.find((k) => k.describeOp === op)!,
    input,
    ctx,
  );
}

/** The 1-based page a listing request asks for, for "fail on page N" faults; undefined for other operations. */
export function requestedPage(op: SageMakerOperation, input: JsonObject): number | undefined {
  if (!SAGEMAKER_LISTING_OPERATIONS.includes(op)) return undefined;
  const token = input.NextToken;
  if (typeof token !== 'string' || token === '') return 1;
  return decodePageToken(token)?.page;
}

/** The resource an IAM denial names, as AWS words it for each operation. */
export function deniedResourceArn(op: SageMakerOperation, input: JsonObject, region: string): string {
  if (op === 'ListTags' && typeof input.ResourceArn === 'string') return input.ResourceArn;
  const kind = RESOURCE_KINDS.find((k) => k.listOp === op || k.describeOp === op) ?? RESOURCE_KINDS[0]!;
  const name = input[kind.nameParam];
  return resourceArn(kind, region, op === kind.describeOp && typeof name === 'string' ? name : '*');
}

function resourceArn(kind: ResourceKind, region: string, name: string): string {
  return `arn:aws:sagemaker:${region}:${SIM_ACCOUNT_ID}:${kind.arnType}/${name.toLowerCase()}`;
}

function listResources(kind: ResourceKind, input: JsonObject, ctx: SageMakerContext): JsonObject {
  const maxResults = optionalInteger(input, 'MaxResults', 1, 100) ?? 10;
  const sortBy = optionalEnum(input, 'SortBy', kind.sortKeys) ?? kind.defaultSort.by;
  const sortOrder = optionalEnum(input, 'SortOrder', ['Ascending', 'Descending']) ?? kind.defaultSort.order;
  const nameContains = optionalString(input, 'NameContains')?.toLowerCase();
  const statusEquals = kind.statusField ? optionalString(input, 'StatusEquals') : undefined;
  const createdBefore = optionalTimestamp(input, 'CreationTimeBefore');
  const createdAfter = optionalTimestamp(input, 'CreationTimeAfter');
  const modifiedBefore = kind.modifiedFilters
    ? optionalTimestamp(input, 'LastModifiedTimeBefore')
    : undefined;
  const modifiedAfter = kind.modifiedFilters ? optionalTimestamp(input, 'LastModifiedTimeAfter') : undefined;
  const extra = kind.extraFilter?.(input);
  const rawToken = optionalString(input, 'NextToken');
  const position = rawToken ? decodePageToken(rawToken) : { offset: 0, page: 1 };
  if (!position) throw validationError('Invalid pagination token');

  const matching = inRegion(kind.resources(ctx.estate), ctx.region).filter((r) => {
    const d = r.describe as JsonObject;
    const created = d.CreationTime as number;
    const modified = d.LastModifiedTime as number;
    if (nameContains && !r.name.toLowerCase().includes(nameContains)) return false;
    if (statusEquals && d[kind.statusField!] !== statusEquals) return false;
    if (createdBefore !== undefined && !(created < createdBefore)) return false;
    if (createdAfter !== undefined && !(created > createdAfter)) return false;
    if (modifiedBefore !== undefined && !(modified < modifiedBefore)) return false;
    if (modifiedAfter !== undefined && !(modified > modifiedAfter)) return false;
    return extra ? extra(d) : true;
  });
  const direction = sortOrder === 'Ascending' ? 1 : -1;
  const sorted = matching.sort((a, b) => direction * compareResources(kind, a, b, sortBy));

  const page = sorted.slice(position.offset, position.offset + maxResults);
  const nextOffset = position.offset + page.length;
  return {
    [kind.listKey]: page.map((r) => pickPresent(r.describe as JsonObject, kind.summaryFields)),
    ...(nextOffset < sorted.length && {
      NextToken: encodePageToken({ offset: nextOffset, page: position.page + 1 }),
    }),
  };
}

function notebookFilter(input: JsonObject): (describe: JsonObject) => boolean {
  const lifecycleContains = optionalString(
    input,
    'NotebookInstanceLifecycleConfigNameContains',
  )?.toLowerCase();
  const repoContains = optionalString(input, 'DefaultCodeRepositoryContains')?.toLowerCase();
  const additionalRepo = optionalString(input, 'AdditionalCodeRepositoryEquals');
  return (describe) => {
    const d = describe as Partial<DescribeNotebookInstanceBody>;
    if (
      lifecycleContains &&
      !d.NotebookInstanceLifecycleConfigName?.toLowerCase().includes(lifecycleContains)
    ) {
      return false;
    }
    if (repoContains && !d.DefaultCodeRepository?.toLowerCase().includes(repoContains)) return false;
    if (additionalRepo && !d.AdditionalCodeRepositories?.includes(additionalRepo)) return false;
    return true;
  };
}

function compareResources(kind: ResourceKind, a: SimResource, b: SimResource, sortBy: SortKey): number {
  const da = a.describe as JsonObject;
  const db = b.describe as JsonObject;
  const byName = compareStrings(a.name, b.name);
  if (sortBy === 'CreationTime') return (da.CreationTime as number) - (db.CreationTime as number) || byName;
  if (sortBy === 'Status' && kind.statusField) {
    return compareStrings(da[kind.statusField] as string, db[kind.statusField] as string) || byName;
  }
  return byName;
}

function compareStrings(a: string, b: string): number {
  const la = a.toLowerCase();
  const lb = b.toLowerCase();
  return la < lb ? -1 : la > lb ? 1 : a < b ? -1 : a > b ? 1 : 0;
}

function describeResource(kind: ResourceKind, input: JsonObject, ctx: SageMakerContext): object {
  const name = requiredString(input, kind.nameParam);
  // SageMaker names are unique regardless of case (the ARN holds the lower-cased name).
  const found = inRegion(kind.resources(ctx.estate), ctx.region).find(
    (r) => r.name.toLowerCase() === name.toLowerCase(),
  );
  if (!found) throw validationError(kind.notFound(resourceArn(kind, ctx.region, name)));
  return found.describe;
}

function listTags(input: JsonObject, ctx: SageMakerContext): JsonObject {
  const arn = requiredString(input, 'ResourceArn');
  optionalInteger(input, 'MaxResults', 50, 100);
  const resource = RESOURCE_KINDS.flatMap((k) => inRegion(k.resources(ctx.estate), ctx.region)).find(
    (r) => r.arn === arn.toLowerCase(),
  );
  if (!resource) throw validationError(`Resource ${arn} does not exist.`);
  // A resource has at most 50 tags, so one page always holds them all.
  return { Tags: resource.tags.map((t) => ({ Key: t.Key, Value: t.Value })) };
}

function pickPresent(source: JsonObject, keys: readonly string[]): JsonObject {
  const out: JsonObject = {};
  for (const key of keys) if (source[key] !== undefined) out[key] = structuredClone(source[key]);
  return out;
}

// Validation messages follow the AWS (Coral) wording, which clients sometimes show to users verbatim.
function memberName(key: string): string {
  return key.charAt(0).toLowerCase() + key.slice(1);
}

function wrongType(key: string, value: unknown): AwsJsonError {
  return new AwsJsonError(
    400,
    'SerializationException',
    `Unexpected value type for '${key}': ${JSON.stringify(value)?.slice(0, 60) ?? 'undefined'}`,
  );
}

function requiredString(input: JsonObject, key: string): string {
  const value = optionalString(input, key);
  if (value === undefined) {
    throw validationError(
      `1 validation error detected: Value null at '${memberName(key)}' failed to satisfy constraint: Member must not be null`,
    );
  }
  return value;
}

function optionalString(input: JsonObject, key: string): string | undefined {
  const value = input[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw wrongType(key, value);
  return value;
}

function optionalInteger(input: JsonObject, key: string, min: number, max: number): number | undefined {
  const value = input[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value)) throw wrongType(key, value);
  if (value < min || value > max) {
    const bound = value < min ? `greater than or equal to ${min}` : `less than or equal to ${max}`;
    throw validationError(
      `1 validation error detected: Value '${value}' at '${memberName(key)}' failed to satisfy constraint: Member must have value ${bound}`,
    );
  }
  return value;
}

function optionalEnum<E extends string>(
  input: JsonObject,
  key: string,
  allowed: readonly E[],
): E | undefined {
  const value = optionalString(input, key);
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) {
    throw validationError(
      `1 validation error detected: Value '${value}' at '${memberName(key)}' failed to satisfy constraint: Member must satisfy enum value set: [${allowed.join(', ')}]`,
    );
  }
  return value as E;
}

/** awsJson1_1 timestamps are epoch seconds; anything else is a serialization error, as on AWS. */
function optionalTimestamp(input: JsonObject, key: string): number | undefined {
  const value = input[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw wrongType(key, value);
  return value;
}
