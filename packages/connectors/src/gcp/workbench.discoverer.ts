import type * as Notebooks from '@google-cloud/notebooks';
import type { TAssetRecord } from '@aispm/contracts';
import type { DiscoveryOptions, GcpTarget, ServiceDiscoverer } from '../types';
import { gcpClientFor, sharedProtoGax } from './clients';
import {
  arrayAt,
  bucketRelations,
  get,
  kmsRelations,
  labelsToTags,
  lastSegment,
  serviceAccountRelation,
  uniqueRelations,
} from './gcp-attributes.mapper';
import { listPages } from './gcp-listing';
import { gaxOptions } from './vertex.discoverers';

export const WORKBENCH_INSTANCE_ASSET_TYPE = 'gcp.notebooks.instance';
const DEFAULT_PAGE_SIZE = 100;

type V2 = typeof Notebooks.v2;
let v2Module: Promise<V2> | undefined;
function loadV2(): Promise<V2> {
  v2Module ??= import('@google-cloud/notebooks').then((m) => m.v2);
  return v2Module;
}

/** The zone of a Workbench instance name (`projects/p/locations/us-central1-a/instances/x`). */
export function zoneOf(name: string): string | undefined {
  return /\/locations\/([^/]+)\/instances\//.exec(name)?.[1];
}

/**
 * Workbench instances (Notebooks API v2) of one region: instances live in zones, so the listing asks for every
 * location at once (`locations/-`) and keeps the instances whose zone belongs to `target.region`
 * (`us-central1-a` belongs to `us-central1`). Native id: the instance `name`, exactly as returned. Relations:
 * `uses_role` for each service account of the VM, `encrypted_by` for disk keys, buckets named in metadata.
 */
export const workbenchInstancesDiscoverer: ServiceDiscoverer<'gcp'> = {
  provider: 'gcp',
  service: 'notebooks.instances',
  scope: 'regional',
  assetTypes: [WORKBENCH_INSTANCE_ASSET_TYPE],
  discover: (target, opts) => discover(target, opts ?? {}),
};

async function* discover(target: GcpTarget, opts: DiscoveryOptions): AsyncGenerator<TAssetRecord[]> {
  const v2 = await loadV2();
  const client = gcpClientFor(
    target,
    'notebooks.v2',
    (ctx) => new v2.NotebookServiceClient(gaxOptions(ctx, 'notebooks.googleapis.com'), sharedProtoGax),
  );
  const parent = `projects/${target.projectId}/locations/-`;
  const pageSize = opts.pageSize ?? DEFAULT_PAGE_SIZE;
  const pages = listPages(
    {
      ctx: {
        service: 'notebooks.instances',
        operation: 'ListInstances',
        permission: 'notebooks.instances.list',
        target,
        where: 'all zones',
      },
      itemsKey: 'instances',
      fetchPage: (pageToken) =>
        client.listInstances({ parent, pageSize, ...(pageToken && { pageToken }) }, { autoPaginate: false }),
    },
    opts,
  );
  const inRegion = (name: string) => zoneOf(name)?.startsWith(`${target.region}-`) ?? false;
  for await (const page of pages) {
    yield page.filter((r) => inRegion(String(r.name))).map((r) => toRecord(r, target.region));
  }
}

function toRecord(r: Record<string, unknown>, region: string): TAssetRecord {
  const name = String(r.name);
  return {
    assetType: WORKBENCH_INSTANCE_ASSET_TYPE,
    nativeId: name,
    name: lastSegment(name),
    region,
    attributes: r,
    tags: labelsToTags(r.labels),
    relations: uniqueRelations([
      ...arrayAt(r, 'gceSetup', 'serviceAccounts').flatMap((sa) => serviceAccountRelation(get(sa, 'email'))),
      ...kmsRelations(r),
      ...bucketRelations(r),
    ]),
  };
}
