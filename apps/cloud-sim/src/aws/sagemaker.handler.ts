import { notebooksInRegion, type Estate, type SimNotebook } from '../estate';
import { AwsJsonError, validationError } from './aws-json.protocol';
import { decodePageToken, encodePageToken } from './page-token.codec';

/** Operations the simulator implements; any other `SageMaker.<Op>` target is an UnknownOperationException. */
export const SAGEMAKER_OPERATIONS = [
  'ListNotebookInstances',
  'DescribeNotebookInstance',
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

/** Answers one SageMaker operation with the response body, or throws an AwsJsonError. */
export function handleSageMaker(op: SageMakerOperation, input: JsonObject, ctx: SageMakerContext): object {
  switch (op) {
    case 'ListNotebookInstances':
      return listNotebookInstances(input, ctx);
    case 'DescribeNotebookInstance':
      return describeNotebookInstance(input, ctx);
    case 'ListTags':
      return listTags(input, ctx);
  }
}

/** The 1-based page a listing request asks for, for "fail on page N" faults; undefined for other operations. */
export function requestedPage(op: SageMakerOperation, input: JsonObject): number | undefined {
  if (op !== 'ListNotebookInstances') return undefined;
  const token = input.NextToken;
  if (typeof token !== 'string' || token === '') return 1;
  return decodePageToken(token)?.page;
}

const SUMMARY_FIELDS = [
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
] as const;

function listNotebookInstances(input: JsonObject, ctx: SageMakerContext): JsonObject {
  const maxResults = optionalInteger(input, 'MaxResults', 1, 100) ?? 10;
  const sortBy = optionalEnum(input, 'SortBy', ['Name', 'CreationTime', 'Status']) ?? 'Name';
  const sortOrder = optionalEnum(input, 'SortOrder', ['Ascending', 'Descending']) ?? 'Ascending';
  const nameContains = optionalString(input, 'NameContains')?.toLowerCase();
  const statusEquals = optionalString(input, 'StatusEquals');
  const lifecycleContains = optionalString(
    input,
    'NotebookInstanceLifecycleConfigNameContains',
  )?.toLowerCase();
  const repoContains = optionalString(input, 'DefaultCodeRepositoryContains')?.toLowerCase();
  const additionalRepo = optionalString(input, 'AdditionalCodeRepositoryEquals');
  const createdBefore = optionalTimestamp(input, 'CreationTimeBefore');
  const createdAfter = optionalTimestamp(input, 'CreationTimeAfter');
  const modifiedBefore = optionalTimestamp(input, 'LastModifiedTimeBefore');
  const modifiedAfter = optionalTimestamp(input, 'LastModifiedTimeAfter');
  const rawToken = optionalString(input, 'NextToken');
  const position = rawToken ? decodePageToken(rawToken) : { offset: 0, page: 1 };
  if (!position) throw validationError('Invalid pagination token');

  const matching = notebooksInRegion(ctx.estate, ctx.region).filter(({ describe: d }) => {
    if (nameContains && !d.NotebookInstanceName.toLowerCase().includes(nameContains)) return false;
    if (statusEquals && d.NotebookInstanceStatus !== statusEquals) return false;
    if (
      lifecycleContains &&
      !d.NotebookInstanceLifecycleConfigName?.toLowerCase().includes(lifecycleContains)
    ) {
      return false;
    }
    if (repoContains && !d.DefaultCodeRepository?.toLowerCase().includes(repoContains)) return false;
    if (additionalRepo && !d.AdditionalCodeRepositories?.includes(additionalRepo)) return false;
    if (createdBefore !== undefined && !(d.CreationTime < createdBefore)) return false;
    if (createdAfter !== undefined && !(d.CreationTime > createdAfter)) return false;
    if (modifiedBefore !== undefined && !(d.LastModifiedTime < modifiedBefore)) return false;
    if (modifiedAfter !== undefined && !(d.LastModifiedTime > modifiedAfter)) return false;
    return true;
  });
  const direction = sortOrder === 'Ascending' ? 1 : -1;
  const sorted = matching.sort((a, b) => direction * compareNotebooks(a, b, sortBy));

  const page = sorted.slice(position.offset, position.offset + maxResults);
  const nextOffset = position.offset + page.length;
  return {
    NotebookInstances: page.map((n) => pickPresent(n.describe, SUMMARY_FIELDS)),
    ...(nextOffset < sorted.length && {
      NextToken: encodePageToken({ offset: nextOffset, page: position.page + 1 }),
    }),
  };
}

function compareNotebooks(
  a: SimNotebook,
  b: SimNotebook,
  sortBy: 'Name' | 'CreationTime' | 'Status',
): number {
  const byName = compareStrings(a.describe.NotebookInstanceName, b.describe.NotebookInstanceName);
  if (sortBy === 'CreationTime') return a.describe.CreationTime - b.describe.CreationTime || byName;
  if (sortBy === 'Status') {
    return compareStrings(a.describe.NotebookInstanceStatus, b.describe.NotebookInstanceStatus) || byName;
  }
  return byName;
}

function compareStrings(a: string, b: string): number {
  const la = a.toLowerCase();
  const lb = b.toLowerCase();
  return la < lb ? -1 : la > lb ? 1 : a < b ? -1 : a > b ? 1 : 0;
}

function describeNotebookInstance(input: JsonObject, ctx: SageMakerContext): object {
  const name = requiredString(input, 'NotebookInstanceName');
  // SageMaker names are unique regardless of case (the ARN holds the lower-cased name).
  const notebook = notebooksInRegion(ctx.estate, ctx.region).find(
    (n) => n.name.toLowerCase() === name.toLowerCase(),
  );
  // Real SageMaker answers an unknown notebook with this terse ValidationException, not a 404.
  if (!notebook) throw validationError('RecordNotFound');
  return notebook.describe;
}

function listTags(input: JsonObject, ctx: SageMakerContext): JsonObject {
  const arn = requiredString(input, 'ResourceArn');
  optionalInteger(input, 'MaxResults', 50, 100);
  const notebook = notebooksInRegion(ctx.estate, ctx.region).find((n) => n.arn === arn.toLowerCase());
  if (!notebook) throw validationError(`Resource ${arn} does not exist.`);
  // A resource has at most 50 tags, so one page always holds them all.
  return { Tags: notebook.tags.map((t) => ({ Key: t.Key, Value: t.Value })) };
}

function pickPresent<T extends object, K extends keyof T>(source: T, keys: readonly K[]): JsonObject {
  const out: JsonObject = {};
  for (const key of keys) if (source[key] !== undefined) out[key as string] = structuredClone(source[key]);
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
