import {
  DescribeEndpointCommand,
  DescribeEndpointConfigCommand,
  paginateListEndpoints,
} from '@aws-sdk/client-sagemaker';
import type { ServiceDiscoverer } from '../types';
import { ENDPOINT_CONFIG_ASSET_TYPE } from './sagemaker-endpoint-configs.discoverer';
import { sageMakerResourceDiscoverer, listedVersion } from './sagemaker-resource.discoverer';

export const ENDPOINT_ASSET_TYPE = 'aws.sagemaker.endpoint';

/**
 * SageMaker endpoints of one region. Relation: `uses_config`. DescribeEndpoint names the config only, so its
 * ARN comes from DescribeEndpointConfig (once per config and run); a config deleted after deployment, which
 * SageMaker allows, gets no edge. Needs sagemaker:DescribeEndpointConfig besides the endpoint permissions.
 */
export const sagemakerEndpointsDiscoverer: ServiceDiscoverer<'aws'> = sageMakerResourceDiscoverer({
  service: 'sagemaker.endpoints',
  assetType: ENDPOINT_ASSET_TYPE,
  listOperation: 'ListEndpoints',
  describeOperation: 'DescribeEndpoint',
  list: (client, pageSize, sendOptions) => paginateListEndpoints({ client, pageSize }, {}, sendOptions),
  summaries: (page) => page.Endpoints,
  nameOf: (summary) => summary.EndpointName,
  describe: (client, name, sendOptions) =>
    client.send(new DescribeEndpointCommand({ EndpointName: name }), sendOptions),
  changeOf: (s) => listedVersion(s.EndpointArn, s.LastModifiedTime, s.EndpointStatus),
  arnOf: (described, summary) => described.EndpointArn ?? summary.EndpointArn,
  displayName: (described) => described.EndpointName,
  relations: async (described, lookups, client, sendOptions) => {
    const name = described.EndpointConfigName;
    if (!name) return [];
    const config = await lookups.lookup('DescribeEndpointConfig', name, () =>
      client.send(new DescribeEndpointConfigCommand({ EndpointConfigName: name }), sendOptions),
    );
    return config?.EndpointConfigArn
      ? [
          {
            kind: 'uses_config',
            toAssetType: ENDPOINT_CONFIG_ASSET_TYPE,
            toNativeId: config.EndpointConfigArn,
          },
        ]
      : [];
  },
});
