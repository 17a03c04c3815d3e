import {
  DescribeNotebookInstanceCommand,
  paginateListNotebookInstances,
  paginateListTags,
  type NotebookInstanceSummary,
  type SageMakerClient,
} from '@aws-sdk/client-sagemaker';
import type { TAssetRecord } from '@aispm/contracts';
import { mapWithConcurrency } from '../concurrency.util';
import { ConnectorError, type AwsTarget, type DiscoveryOptions, type ServiceDiscoverer } from '../types';
import { tagsToRecord, toAssetAttributes } from './aws-attributes.mapper';
import { toConnectorError, type AwsCallContext } from './aws-error.mapper';
import { sageMakerClientFor } from './clients';

const SERVICE = 'sagemaker.notebooks';
export const NOTEBOOK_ASSET_TYPE = 'aws.sagemaker.notebook_instance';
/** The API's maximum; fewer round trips for large accounts. */
const DEFAULT_PAGE_SIZE = 100;
/** Describe + ListTags calls in flight per page: fast, yet well under SageMaker's per-account rate limits. */
const DESCRIBE_CONCURRENCY = 8;

/**
 * SageMaker notebook instances of one region: ListNotebookInstances page by page, then DescribeNotebookInstance
 * and ListTags for each notebook, yielding one array of records per listing page.
 */
export const sagemakerNotebooksDiscoverer: ServiceDiscoverer = {
  provider: 'aws',
  service: SERVICE,
  assetTypes: [NOTEBOOK_ASSET_TYPE],
  discover: (target, opts) => discoverNotebooks(target, opts ?? {}),
};

async function* discoverNotebooks(target: AwsTarget, opts: DiscoveryOptions): AsyncGenerator<TAssetRecord[]> {
  const client = sageMakerClientFor(target, { maxAttempts: opts.maxAttempts });
  const sendOptions = opts.signal ? { abortSignal: opts.signal } : {};
  const ctx = (operation: string): AwsCallContext => ({
    service: SERVICE,
    iamPrefix: 'sagemaker',
    operation,
    target,
  });

  const pages = paginateListNotebookInstances(
    { client, pageSize: opts.pageSize ?? DEFAULT_PAGE_SIZE },
    {},
    sendOptions,
  );
  try {
    for await (const page of pages) {
      opts.signal?.throwIfAborted();
      const records = await mapWithConcurrency(
        page.NotebookInstances ?? [],
        DESCRIBE_CONCURRENCY,
        (summary) => describeNotebook(client, summary, target, sendOptions, ctx),
      );
      yield records.filter((r): r is TAssetRecord => r !== null);
    }
  } catch (err) {
    if (opts.signal?.aborted && !(err instanceof ConnectorError)) {
      // The signal's reason can be any value; the caller asked to stop, whatever it says.
      throw new ConnectorError({
        code: 'Aborted',
        service: SERVICE,
        message: 'Discovery was cancelled',
        cause: err,
      });
    }
    // Errors of Describe and ListTags arrive already mapped; anything else came from the listing itself.
    throw toConnectorError(err, ctx('ListNotebookInstances'));
  }
}

/** The notebook's record, or null when it was deleted between the listing and the describe. */
async function describeNotebook(
  client: SageMakerClient,
  summary: NotebookInstanceSummary,
  target: AwsTarget,
  sendOptions: { abortSignal?: AbortSignal },
  ctx: (operation: string) => AwsCallContext,
): Promise<TAssetRecord | null> {
  const listedName = summary.NotebookInstanceName ?? '';
  let described;
  try {
    described = await client.send(
      new DescribeNotebookInstanceCommand({ NotebookInstanceName: listedName }),
      sendOptions,
    );
  } catch (err) {
    if (isGone(err)) return null;
    throw toConnectorError(err, ctx('DescribeNotebookInstance'));
  }
  const arn = described.NotebookInstanceArn ?? summary.NotebookInstanceArn;
  if (!arn) {
    throw toConnectorError(
      new Error(`notebook ${listedName} came back without an ARN`),
      ctx('DescribeNotebookInstance'),
    );
  }

  const tags: Record<string, string> = {};
  try {
    for await (const page of paginateListTags({ client }, { ResourceArn: arn }, sendOptions)) {
      Object.assign(tags, tagsToRecord(page.Tags));
    }
  } catch (err) {
    if (isGone(err)) return null;
    throw toConnectorError(err, ctx('ListTags'));
  }

  return {
    assetType: NOTEBOOK_ASSET_TYPE,
    nativeId: arn,
    name: described.NotebookInstanceName ?? listedName,
    region: target.region,
    attributes: toAssetAttributes(described),
    tags,
  };
}

/** SageMaker reports a notebook that no longer exists as a ValidationException, not a 404. */
function isGone(err: unknown): boolean {
  const e = err as { name?: unknown; message?: unknown };
  return (
    e?.name === 'ValidationException' &&
    typeof e.message === 'string' &&
    /RecordNotFound|does not exist|not found/i.test(e.message)
  );
}
