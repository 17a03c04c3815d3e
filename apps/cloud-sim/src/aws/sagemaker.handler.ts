import { SIM_ACCOUNT_ID, type DescribeNotebookInstanceBody, type Estate, type SimTag } from '../estate';
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
  'ListNotebookInstanceLifecycleConfigs',
  'DescribeNotebookInstanceLifecycleConfig',
  'ListDomains',
  'DescribeDomain',
  'ListUserProfiles',
  'DescribeUserProfile',
  'ListProcessingJobs',
  'DescribeProcessingJob',
  'ListModelPackageGroups',
  'DescribeModelPackageGroup',
  'ListModelPackages',
  'DescribeModelPackage',
  'ListFeatureGroups',
  'DescribeFeatureGroup',
  'ListPipelines',
  'DescribePipeline',
  'ListMonitoringSchedules',
  'DescribeMonitoringSchedule',
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

type SimResource = { region: string; name: string; arn: string; describe: object; tags: SimTag[] };
type Getter = (r: SimResource) => unknown;

/** A listing filter: the request member, how it matches, and the resource value it looks at. */
type FilterDef =
  /** Case-insensitive substring (SageMaker's `NameContains`). */
  | { param: string; match: 'contains' | 'prefix'; get: Getter }
  | { param: string; match: 'equals'; get: Getter; values?: readonly string[] }
  /** Strictly before / after an epoch-seconds timestamp. */
  | { param: string; match: 'before' | 'after'; get: Getter };

/** One kind of SageMaker resource with a paged List and a Describe; the handlers below are generic. */
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
  /** Describe lookup key of a resource (lower-cased): its name unless said otherwise. */
  keyOf?: (r: SimResource) => string;
  /** Describe lookup key asked for by a request (lower-cased), validating the required members. */
  requestKey?: (input: JsonObject) => string;
  /** The List summary of a resource: these Describe members, or a custom projection. */
  summaryFields: readonly string[];
  summary?: (describe: JsonObject) => JsonObject;
  /** SortBy values the List accepts, with the value each sorts on; empty when the List takes no SortBy. */
  sortKeys: Readonly<Record<string, Getter>>;
  defaultSort: { by: string; order: 'Ascending' | 'Descending' };
  filters: readonly FilterDef[];
  /**
   * A filter served from an index instead of a scan (a model group's versions, a domain's profiles, an
   * endpoint's schedules), so listing one parent's children costs O(page) like a plain listing.
   */
  partition?: { param: string; keyOf: (r: SimResource) => string };
  /** Filters only this kind has, applied after the others. */
  extraFilter?: (input: JsonObject) => ((r: SimResource) => boolean) | undefined;
  /** The error real SageMaker gives for a resource that does not exist. */
  notFound: (arn: string, input: JsonObject) => AwsJsonError;
  /** The resource an IAM denial names, when not `<arnType>/<name>`. */
  deniedArn?: (input: JsonObject, region: string) => string;
}

const field =
  (...path: string[]): Getter =>
  (r) => {
    let v: unknown = r.describe;
    for (const key of path) v = (v as JsonObject | undefined)?.[key];
    return v;
  };
const byName: Getter = (r) => r.name;
const nameContains: FilterDef = { param: 'NameContains', match: 'contains', get: byName };
const createdFilters: readonly FilterDef[] = [
  { param: 'CreationTimeBefore', match: 'before', get: field('CreationTime') },
  { param: 'CreationTimeAfter', match: 'after', get: field('CreationTime') },
];
const modifiedFilters: readonly FilterDef[] = [
  { param: 'LastModifiedTimeBefore', match: 'before', get: field('LastModifiedTime') },
  { param: 'LastModifiedTimeAfter', match: 'after', get: field('LastModifiedTime') },
];
const statusFilter = (member: string): FilterDef => ({
  param: 'StatusEquals',
  match: 'equals',
  get: field(member),
});
const resourceNotFound = (message: string) => new AwsJsonError(400, 'ResourceNotFound', message);

const RESOURCE_KINDS: readonly ResourceKind[] = [
  {
    listOp: 'ListNotebookInstances',
    describeOp: 'DescribeNotebookInstance',
    arnType: 'notebook-instance',
    resources: (e) => e.notebooks,
    listKey: 'NotebookInstances',
    nameParam: 'NotebookInstanceName',
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
    sortKeys: { Name: byName, CreationTime: field('CreationTime'), Status: field('NotebookInstanceStatus') },
    defaultSort: { by: 'Name', order: 'Ascending' },
    filters: [nameContains, statusFilter('NotebookInstanceStatus'), ...createdFilters, ...modifiedFilters],
    extraFilter: notebookFilter,
    // Real SageMaker answers an unknown notebook with this terse ValidationException, not a 404.
    notFound: () => validationError('RecordNotFound'),
  },
  {
    listOp: 'ListModels',
    describeOp: 'DescribeModel',
    arnType: 'model',
    resources: (e) => e.models,
    listKey: 'Models',
    nameParam: 'ModelName',
    summaryFields: ['ModelName', 'ModelArn', 'CreationTime'],
    sortKeys: { Name: byName, CreationTime: field('CreationTime') },
    defaultSort: { by: 'CreationTime', order: 'Descending' },
    filters: [nameContains, ...createdFilters],
    notFound: (arn) => validationError(`Could not find model "${arn}".`),
  },
  {
    listOp: 'ListEndpointConfigs',
    describeOp: 'DescribeEndpointConfig',
    arnType: 'endpoint-config',
    resources: (e) => e.endpointConfigs,
    listKey: 'EndpointConfigs',
    nameParam: 'EndpointConfigName',
    summaryFields: ['EndpointConfigName', 'EndpointConfigArn', 'CreationTime'],
    sortKeys: { Name: byName, CreationTime: field('CreationTime') },
    defaultSort: { by: 'CreationTime', order: 'Descending' },
    filters: [nameContains, ...createdFilters],
    notFound: (arn) => validationError(`Could not find endpoint configuration "${arn}".`),
  },
  {
    listOp: 'ListEndpoints',
    describeOp: 'DescribeEndpoint',
    arnType: 'endpoint',
    resources: (e) => e.endpoints,
    listKey: 'Endpoints',
    nameParam: 'EndpointName',
    summaryFields: ['EndpointName', 'EndpointArn', 'CreationTime', 'LastModifiedTime', 'EndpointStatus'],
    sortKeys: { Name: byName, CreationTime: field('CreationTime'), Status: field('EndpointStatus') },
    defaultSort: { by: 'CreationTime', order: 'Descending' },
    filters: [nameContains, statusFilter('EndpointStatus'), ...createdFilters, ...modifiedFilters],
    notFound: (arn) => validationError(`Could not find endpoint "${arn}".`),
  },
  {
    listOp: 'ListTrainingJobs',
    describeOp: 'DescribeTrainingJob',
    arnType: 'training-job',
    resources: (e) => e.trainingJobs,
    listKey: 'TrainingJobSummaries',
    nameParam: 'TrainingJobName',
    summaryFields: [
      'TrainingJobName',
      'TrainingJobArn',
      'CreationTime',
      'TrainingEndTime',
      'LastModifiedTime',
      'TrainingJobStatus',
      'SecondaryStatus',
    ],
    sortKeys: { Name: byName, CreationTime: field('CreationTime'), Status: field('TrainingJobStatus') },
    defaultSort: { by: 'CreationTime', order: 'Descending' },
    filters: [nameContains, statusFilter('TrainingJobStatus'), ...createdFilters, ...modifiedFilters],
    notFound: () => validationError('Requested resource not found.'),
  },
  {
    listOp: 'ListNotebookInstanceLifecycleConfigs',
    describeOp: 'DescribeNotebookInstanceLifecycleConfig',
    arnType: 'notebook-instance-lifecycle-config',
    resources: (e) => e.lifecycleConfigs,
    listKey: 'NotebookInstanceLifecycleConfigs',
    nameParam: 'NotebookInstanceLifecycleConfigName',
    summaryFields: [
      'NotebookInstanceLifecycleConfigName',
      'NotebookInstanceLifecycleConfigArn',
      'CreationTime',
      'LastModifiedTime',
    ],
    sortKeys: {
      Name: byName,
      CreationTime: field('CreationTime'),
      LastModifiedTime: field('LastModifiedTime'),
    },
    defaultSort: { by: 'CreationTime', order: 'Descending' },
    filters: [nameContains, ...createdFilters, ...modifiedFilters],
    notFound: (arn) =>
      validationError(
        `Unable to describe Notebook Instance Lifecycle Config '${arn}'. (Details: Notebook Instance Lifecycle Config does not exist.)`,
      ),
  },
  {
    listOp: 'ListDomains',
    describeOp: 'DescribeDomain',
    arnType: 'domain',
    resources: (e) => e.domains,
    listKey: 'Domains',
    nameParam: 'DomainId',
    keyOf: (r) => (field('DomainId')(r) as string).toLowerCase(),
    summaryFields: [
      'DomainArn',
      'DomainId',
      'DomainName',
      'Status',
      'CreationTime',
      'LastModifiedTime',
      'Url',
    ],
    // ListDomains takes no filter and no sort order.
    sortKeys: {},
    defaultSort: { by: 'CreationTime', order: 'Descending' },
    filters: [],
    notFound: (arn) => resourceNotFound(`Cannot find Domain ${arn}`),
  },
  {
    listOp: 'ListUserProfiles',
    describeOp: 'DescribeUserProfile',
    arnType: 'user-profile',
    resources: (e) => e.userProfiles,
    listKey: 'UserProfiles',
    nameParam: 'UserProfileName',
    keyOf: (r) => `${field('DomainId')(r) as string}/${r.name}`.toLowerCase(),
    requestKey: (input) =>
      `${requiredString(input, 'DomainId')}/${requiredString(input, 'UserProfileName')}`.toLowerCase(),
    summaryFields: ['DomainId', 'UserProfileName', 'Status', 'CreationTime', 'LastModifiedTime'],
    sortKeys: { CreationTime: field('CreationTime'), LastModifiedTime: field('LastModifiedTime') },
    defaultSort: { by: 'CreationTime', order: 'Ascending' },
    filters: [{ param: 'UserProfileNameContains', match: 'contains', get: byName }],
    partition: { param: 'DomainIdEquals', keyOf: (r) => field('DomainId')(r) as string },
    notFound: (arn) => resourceNotFound(`User profile ${arn} does not exist.`),
    deniedArn: (input, region) =>
      `arn:aws:sagemaker:${region}:${SIM_ACCOUNT_ID}:user-profile/${stringOr(input.DomainId, '*')}/${stringOr(input.UserProfileName, '*').toLowerCase()}`,
  },
  {
    listOp: 'ListProcessingJobs',
    describeOp: 'DescribeProcessingJob',
    arnType: 'processing-job',
    resources: (e) => e.processingJobs,
    listKey: 'ProcessingJobSummaries',
    nameParam: 'ProcessingJobName',
    summaryFields: [
      'ProcessingJobName',
      'ProcessingJobArn',
      'CreationTime',
      'ProcessingEndTime',
      'LastModifiedTime',
      'ProcessingJobStatus',
      'FailureReason',
      'ExitMessage',
    ],
    sortKeys: { Name: byName, CreationTime: field('CreationTime'), Status: field('ProcessingJobStatus') },
    defaultSort: { by: 'CreationTime', order: 'Ascending' },
    filters: [nameContains, statusFilter('ProcessingJobStatus'), ...createdFilters, ...modifiedFilters],
    notFound: (_arn, input) =>
      validationError(`Could not find requested job with name ${stringOr(input.ProcessingJobName, '')}`),
  },
  {
    listOp: 'ListModelPackageGroups',
    describeOp: 'DescribeModelPackageGroup',
    arnType: 'model-package-group',
    resources: (e) => e.modelPackageGroups,
    listKey: 'ModelPackageGroupSummaryList',
    nameParam: 'ModelPackageGroupName',
    summaryFields: [
      'ModelPackageGroupName',
      'ModelPackageGroupArn',
      'ModelPackageGroupDescription',
      'CreationTime',
      'ModelPackageGroupStatus',
    ],
    sortKeys: { Name: byName, CreationTime: field('CreationTime') },
    defaultSort: { by: 'CreationTime', order: 'Ascending' },
    filters: [nameContains, ...createdFilters],
    // Groups shared by other accounts: this account shares none with itself.
    extraFilter: (input) =>
      optionalEnum(input, 'CrossAccountFilterOption', ['SameAccount', 'CrossAccount']) === 'CrossAccount'
        ? () => false
        : undefined,
    notFound: (arn) => validationError(`ModelPackageGroup ${arn} does not exist.`),
  },
  {
    listOp: 'ListModelPackages',
    describeOp: 'DescribeModelPackage',
    arnType: 'model-package',
    resources: (e) => e.modelPackages,
    listKey: 'ModelPackageSummaryList',
    nameParam: 'ModelPackageName',
    // A versioned package is described by its ARN: its name is the group's, shared by every version.
    keyOf: (r) => r.arn,
    summaryFields: [
      'ModelPackageName',
      'ModelPackageGroupName',
      'ModelPackageVersion',
      'ModelPackageArn',
      'ModelPackageDescription',
      'CreationTime',
      'ModelPackageStatus',
      'ModelApprovalStatus',
    ],
    sortKeys: { Name: byName, CreationTime: field('CreationTime') },
    defaultSort: { by: 'CreationTime', order: 'Ascending' },
    filters: [
      nameContains,
      ...createdFilters,
      {
        param: 'ModelApprovalStatus',
        match: 'equals',
        get: field('ModelApprovalStatus'),
        values: ['Approved', 'Rejected', 'PendingManualApproval'],
      },
    ],
    partition: { param: 'ModelPackageGroupName', keyOf: (r) => field('ModelPackageGroupName')(r) as string },
    extraFilter: modelPackageTypeFilter,
    notFound: (arn, input) => {
      const asked = stringOr(input.ModelPackageName, '');
      return validationError(`ModelPackage ${asked.startsWith('arn:') ? asked : arn} does not exist.`);
    },
    deniedArn: (input, region) => {
      const asked = stringOr(input.ModelPackageName, '*');
      return asked.startsWith('arn:')
        ? asked
        : `arn:aws:sagemaker:${region}:${SIM_ACCOUNT_ID}:model-package/${asked.toLowerCase()}`;
    },
  },
  {
    listOp: 'ListFeatureGroups',
    describeOp: 'DescribeFeatureGroup',
    arnType: 'feature-group',
    resources: (e) => e.featureGroups,
    listKey: 'FeatureGroupSummaries',
    nameParam: 'FeatureGroupName',
    summaryFields: [
      'FeatureGroupName',
      'FeatureGroupArn',
      'CreationTime',
      'FeatureGroupStatus',
      'OfflineStoreStatus',
    ],
    sortKeys: {
      Name: byName,
      FeatureGroupStatus: field('FeatureGroupStatus'),
      OfflineStoreStatus: field('OfflineStoreStatus', 'Status'),
      CreationTime: field('CreationTime'),
    },
    defaultSort: { by: 'CreationTime', order: 'Descending' },
    filters: [
      nameContains,
      { param: 'FeatureGroupStatusEquals', match: 'equals', get: field('FeatureGroupStatus') },
      { param: 'OfflineStoreStatusEquals', match: 'equals', get: field('OfflineStoreStatus', 'Status') },
      ...createdFilters,
    ],
    notFound: (_arn, input) =>
      resourceNotFound(
        `Resource Not Found: Amazon SageMaker can't find a FeatureGroup with name ${stringOr(input.FeatureGroupName, '')}`,
      ),
  },
  {
    listOp: 'ListPipelines',
    describeOp: 'DescribePipeline',
    arnType: 'pipeline',
    resources: (e) => e.pipelines,
    listKey: 'PipelineSummaries',
    nameParam: 'PipelineName',
    summaryFields: [],
    // The summary names the last run LastExecutionTime; DescribePipeline calls it LastRunTime.
    summary: (d) => ({
      ...pickPresent(d, [
        'PipelineArn',
        'PipelineName',
        'PipelineDisplayName',
        'PipelineDescription',
        'RoleArn',
        'CreationTime',
        'LastModifiedTime',
      ]),
      ...(d.LastRunTime !== undefined && { LastExecutionTime: d.LastRunTime }),
    }),
    sortKeys: { Name: byName, CreationTime: field('CreationTime') },
    defaultSort: { by: 'CreationTime', order: 'Descending' },
    filters: [
      { param: 'PipelineNamePrefix', match: 'prefix', get: byName },
      { param: 'CreatedBefore', match: 'before', get: field('CreationTime') },
      { param: 'CreatedAfter', match: 'after', get: field('CreationTime') },
    ],
    notFound: (arn) => resourceNotFound(`Pipeline '${arn}' does not exist.`),
  },
  {
    listOp: 'ListMonitoringSchedules',
    describeOp: 'DescribeMonitoringSchedule',
    arnType: 'monitoring-schedule',
    resources: (e) => e.monitoringSchedules,
    listKey: 'MonitoringScheduleSummaries',
    nameParam: 'MonitoringScheduleName',
    summaryFields: [],
    summary: (d) => ({
      ...pickPresent(d, [
        'MonitoringScheduleName',
        'MonitoringScheduleArn',
        'CreationTime',
        'LastModifiedTime',
        'MonitoringScheduleStatus',
        'EndpointName',
      ]),
      ...pickPresent((d.MonitoringScheduleConfig ?? {}) as JsonObject, ['MonitoringJobDefinitionName']),
      ...pickPresent(d, ['MonitoringType']),
    }),
    sortKeys: {
      Name: byName,
      CreationTime: field('CreationTime'),
      Status: field('MonitoringScheduleStatus'),
    },
    defaultSort: { by: 'CreationTime', order: 'Descending' },
    filters: [
      nameContains,
      statusFilter('MonitoringScheduleStatus'),
      ...createdFilters,
      ...modifiedFilters,
      {
        param: 'MonitoringJobDefinitionName',
        match: 'equals',
        get: field('MonitoringScheduleConfig', 'MonitoringJobDefinitionName'),
      },
      {
        param: 'MonitoringTypeEquals',
        match: 'equals',
        get: field('MonitoringType'),
        values: ['DataQuality', 'ModelQuality', 'ModelBias', 'ModelExplainability'],
      },
    ],
    partition: { param: 'EndpointName', keyOf: (r) => field('EndpointName')(r) as string },
    notFound: (arn) => resourceNotFound(`Monitoring Schedule ${arn} does not exist.`),
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
  if (op === kind.describeOp && kind.deniedArn) return kind.deniedArn(input, region);
  const name = input[kind.nameParam];
  return resourceArn(kind, region, op === kind.describeOp && typeof name === 'string' ? name : '*');
}

function resourceArn(kind: ResourceKind, region: string, name: string): string {
  return `arn:aws:sagemaker:${region}:${SIM_ACCOUNT_ID}:${kind.arnType}/${name.toLowerCase()}`;
}

/**
 * The resources of one kind in one region, indexed once: by Describe key, by partition, and sorted per sort
 * key on first use. Listing a page then costs O(page) (plus a scan only when a non-indexed filter is given),
 * even with 100k resources. An index is rebuilt when its array changes length (tests delete resources to
 * simulate a deletion between List and Describe); replacing an element in place is not noticed.
 */
interface RegionIndex {
  items: SimResource[];
  byKey: Map<string, SimResource>;
  partitions?: Map<string, SimResource[]>;
  sorted: Map<string, SimResource[]>;
}

const kindIndexes = new WeakMap<
  readonly SimResource[],
  { length: number; regions: Map<string, RegionIndex> }
>();

function regionIndex(kind: ResourceKind, estate: Estate, region: string): RegionIndex {
  const all = kind.resources(estate);
  let index = kindIndexes.get(all);
  if (!index || index.length !== all.length) {
    const regions = new Map<string, RegionIndex>();
    const keyOf = kind.keyOf ?? ((r: SimResource) => r.name.toLowerCase());
    for (const r of all) {
      let ri = regions.get(r.region);
      if (!ri) regions.set(r.region, (ri = { items: [], byKey: new Map(), sorted: new Map() }));
      ri.items.push(r);
      ri.byKey.set(keyOf(r), r);
    }
    index = { length: all.length, regions };
    kindIndexes.set(all, index);
  }
  return index.regions.get(region) ?? { items: [], byKey: new Map(), sorted: new Map() };
}

/** The region's resources (of one partition when given), in ascending order of the sort key. */
function sortedResources(
  kind: ResourceKind,
  ri: RegionIndex,
  sortBy: string,
  partition?: string,
): SimResource[] {
  const cacheKey = `${sortBy}\0${partition ?? ''}`;
  let sorted = ri.sorted.get(cacheKey);
  if (!sorted) {
    let base = ri.items;
    if (partition !== undefined && kind.partition) {
      if (!ri.partitions) {
        ri.partitions = new Map();
        for (const r of ri.items) {
          const key = kind.partition.keyOf(r).toLowerCase();
          const list = ri.partitions.get(key);
          if (list) list.push(r);
          else ri.partitions.set(key, [r]);
        }
      }
      base = ri.partitions.get(partition) ?? [];
    }
    const get = kind.sortKeys[sortBy] ?? field(sortBy);
    // Each sort key is read once, not once per comparison.
    const keyed = base.map((r) => ({ r, v: get(r), lower: r.name.toLowerCase() }));
    keyed.sort((a, b) => compareValues(a.v, b.v) || compareNames(a.lower, a.r.name, b.lower, b.r.name));
    sorted = keyed.map((k) => k.r);
    ri.sorted.set(cacheKey, sorted);
  }
  return sorted;
}

function listResources(kind: ResourceKind, input: JsonObject, ctx: SageMakerContext): JsonObject {
  const maxResults = optionalInteger(input, 'MaxResults', 1, 100) ?? 10;
  const sortable = Object.keys(kind.sortKeys);
  const sortBy = (sortable.length > 0 && optionalEnum(input, 'SortBy', sortable)) || kind.defaultSort.by;
  const sortOrder =
    (sortable.length > 0 && optionalEnum(input, 'SortOrder', ['Ascending', 'Descending'])) ||
    kind.defaultSort.order;
  const predicates = kind.filters.flatMap((f) => {
    const p = filterPredicate(f, input);
    return p ? [p] : [];
  });
  const extra = kind.extraFilter?.(input);
  if (extra) predicates.push(extra);
  const partition = kind.partition ? optionalString(input, kind.partition.param)?.toLowerCase() : undefined;
  const rawToken = optionalString(input, 'NextToken');
  const position = rawToken ? decodePageToken(rawToken) : { offset: 0, page: 1 };
  if (!position) throw validationError('Invalid pagination token');

  const ri = regionIndex(kind, ctx.estate, ctx.region);
  let ordered = sortedResources(kind, ri, sortBy, partition);
  // Only a filter outside the index makes a listing scan the region.
  if (predicates.length > 0) ordered = ordered.filter((r) => predicates.every((p) => p(r)));
  const total = ordered.length;
  const at = (i: number) => ordered[sortOrder === 'Ascending' ? i : total - 1 - i]!;
  const end = Math.min(total, position.offset + maxResults);
  const page: SimResource[] = [];
  for (let i = position.offset; i < end; i++) page.push(at(i));
  return {
    [kind.listKey]: page.map((r) =>
      kind.summary
        ? kind.summary(r.describe as JsonObject)
        : pickPresent(r.describe as JsonObject, kind.summaryFields),
    ),
    ...(end < total && { NextToken: encodePageToken({ offset: end, page: position.page + 1 }) }),
  };
}

function filterPredicate(f: FilterDef, input: JsonObject): ((r: SimResource) => boolean) | undefined {
  switch (f.match) {
    case 'contains':
    case 'prefix': {
      const wanted = optionalString(input, f.param)?.toLowerCase();
      if (wanted === undefined) return undefined;
      return (r) => {
        const v = f.get(r);
        if (typeof v !== 'string') return false;
        const lower = v.toLowerCase();
        return f.match === 'contains' ? lower.includes(wanted) : lower.startsWith(wanted);
      };
    }
    case 'equals': {
      const wanted = f.values ? optionalEnum(input, f.param, f.values) : optionalString(input, f.param);
      return wanted === undefined ? undefined : (r) => f.get(r) === wanted;
    }
    case 'before':
    case 'after': {
      const t = optionalTimestamp(input, f.param);
      if (t === undefined) return undefined;
      return (r) => {
        const v = f.get(r);
        return typeof v === 'number' && (f.match === 'before' ? v < t : v > t);
      };
    }
  }
}

function notebookFilter(input: JsonObject): (r: SimResource) => boolean {
  const lifecycleContains = optionalString(
    input,
    'NotebookInstanceLifecycleConfigNameContains',
  )?.toLowerCase();
  const repoContains = optionalString(input, 'DefaultCodeRepositoryContains')?.toLowerCase();
  const additionalRepo = optionalString(input, 'AdditionalCodeRepositoryEquals');
  return (r) => {
    const d = r.describe as Partial<DescribeNotebookInstanceBody>;
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

/**
 * ListModelPackages lists unversioned packages unless asked otherwise; naming a group lists its versions. The
 * simulated registry holds versioned packages only, so a bare listing is empty, as it is on AWS.
 */
function modelPackageTypeFilter(input: JsonObject): ((r: SimResource) => boolean) | undefined {
  const type = optionalEnum(input, 'ModelPackageType', ['Versioned', 'Unversioned', 'Both']);
  const group = optionalString(input, 'ModelPackageGroupName');
  const effective = type ?? (group !== undefined ? 'Versioned' : 'Unversioned');
  if (effective === 'Unversioned') return () => false;
  return undefined;
}

function compareValues(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? -1 : 1;
  return compareStrings(String(a), String(b));
}

function compareStrings(a: string, b: string): number {
  return compareNames(a.toLowerCase(), a, b.toLowerCase(), b);
}

/** Case-insensitive order, then case-sensitive to break ties (lower-cased forms given precomputed). */
function compareNames(la: string, a: string, lb: string, b: string): number {
  return la < lb ? -1 : la > lb ? 1 : a < b ? -1 : a > b ? 1 : 0;
}

function describeResource(kind: ResourceKind, input: JsonObject, ctx: SageMakerContext): object {
  // SageMaker names are unique regardless of case (the ARN holds the lower-cased name).
  const key = kind.requestKey ? kind.requestKey(input) : requiredString(input, kind.nameParam).toLowerCase();
  const found = regionIndex(kind, ctx.estate, ctx.region).byKey.get(key);
  if (!found) {
    const name = input[kind.nameParam];
    throw kind.notFound(resourceArn(kind, ctx.region, typeof name === 'string' ? name : ''), input);
  }
  return found.describe;
}

const arnIndexes = new WeakMap<Estate, { length: number; byArn: Map<string, SimResource> }>();

function listTags(input: JsonObject, ctx: SageMakerContext): JsonObject {
  const arn = requiredString(input, 'ResourceArn');
  optionalInteger(input, 'MaxResults', 50, 100);
  const length = RESOURCE_KINDS.reduce((n, k) => n + k.resources(ctx.estate).length, 0);
  let index = arnIndexes.get(ctx.estate);
  if (!index || index.length !== length) {
    index = { length, byArn: new Map() };
    for (const k of RESOURCE_KINDS) for (const r of k.resources(ctx.estate)) index.byArn.set(r.arn, r);
    arnIndexes.set(ctx.estate, index);
  }
  const resource = index.byArn.get(arn.toLowerCase());
  if (!resource || resource.region !== ctx.region) {
    throw validationError(`Resource ${arn} does not exist.`);
  }
  // A resource has at most 50 tags, so one page always holds them all.
  return { Tags: resource.tags.map((t) => ({ Key: t.Key, Value: t.Value })) };
}

function stringOr(value: unknown, fallback: string): string {
  return typeof value === 'string' ? value : fallback;
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
