import type * as ServiceUsage from '@google-cloud/service-usage';
import type { TAssetRecord } from '@aispm/contracts';
import { GLOBAL_REGION, type DiscoveryOptions, type GcpTarget, type ServiceDiscoverer } from '../types';
import { gcpClientFor, sharedProtoGax } from './clients';
import { get } from './gcp-attributes.mapper';
import { listPages } from './gcp-listing';
import { gaxOptions } from './vertex.discoverers';

export const ENABLED_SERVICE_ASSET_TYPE = 'gcp.serviceusage.service';
/** The API's maximum. */
const DEFAULT_PAGE_SIZE = 200;

type Module = typeof ServiceUsage;
let module: Promise<Module> | undefined;
function load(): Promise<Module> {
  module ??= import('@google-cloud/service-usage');
  return module;
}

/**
 * The APIs enabled on the project (Service Usage, `state:ENABLED`), once per project: which AI services
 * (aiplatform, generativelanguage, notebooks, ml, dialogflow, ...) are switched on, whether or not anything was
 * listed in them. Native id: the service `name` as returned (`projects/<number>/services/<api>`); the record's
 * name is the API (`aiplatform.googleapis.com`).
 */
export const enabledServicesDiscoverer: ServiceDiscoverer<'gcp'> = {
  provider: 'gcp',
  service: 'serviceusage.services',
  scope: 'global',
  assetTypes: [ENABLED_SERVICE_ASSET_TYPE],
  discover: (target, opts) => discover(target, opts ?? {}),
};

async function* discover(target: GcpTarget, opts: DiscoveryOptions): AsyncGenerator<TAssetRecord[]> {
  const { ServiceUsageClient } = await load();
  const client = gcpClientFor(
    target,
    'serviceusage.v1',
    (ctx) => new ServiceUsageClient(gaxOptions(ctx, 'serviceusage.googleapis.com'), sharedProtoGax),
  );
  const parent = `projects/${target.projectId}`;
  const pageSize = opts.pageSize ?? DEFAULT_PAGE_SIZE;
  const pages = listPages(
    {
      ctx: {
        service: 'serviceusage.services',
        operation: 'ListServices',
        permission: 'serviceusage.services.list',
        target,
      },
      itemsKey: 'services',
      fetchPage: (pageToken) =>
        client.listServices(
          { parent, filter: 'state:ENABLED', pageSize, ...(pageToken && { pageToken }) },
          { autoPaginate: false },
        ),
    },
    opts,
  );
  for await (const page of pages) {
    yield page.map((r) => {
      const name = String(r.name);
      const api = get(r, 'config', 'name');
      return {
        assetType: ENABLED_SERVICE_ASSET_TYPE,
        nativeId: name,
        name: typeof api === 'string' && api ? api : name.slice(name.lastIndexOf('/') + 1),
        region: GLOBAL_REGION,
        attributes: r,
        tags: {},
        relations: [],
      };
    });
  }
}
