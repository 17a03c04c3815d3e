import {
  DescribeEndpointConfigCommand,
  DescribeModelCommand,
  paginateListEndpointConfigs,
} from '@aws-sdk/client-sagemaker';
import type { ServiceDiscoverer } from '../types';
import { MODEL_ASSET_TYPE } from './sagemaker-models.discoverer';
import {
  kmsRelation,
  s3Relation,
  sageMakerResourceDiscoverer,
  uniqueRelations,
  type TAssetRelation,
  listedVersion,
} from './sagemaker-resource.discoverer';

export const ENDPOINT_CONFIG_ASSET_TYPE = 'aws.sagemaker.endpoint_config';

/**
 * SageMaker endpoint configs of one region. Relation: `serves_model` for each production variant's model.
 * A variant names its model only by ModelName, and an ARN built from a name would be a guess (SageMaker
 * lower-cases names in ARNs, and partitions differ), so the model's ARN is taken from DescribeModel, once per
 * model and run. The edge is recorded here rather than as model `served_by` because a config lists its
 * models, while a model would have to scan every config. A variant whose model was deleted (SageMaker allows
 * that) gets no edge. Needs sagemaker:DescribeModel besides the endpoint config permissions. Also
 * `encrypted_by` (KmsKeyId, DataCaptureConfig.KmsKeyId) and `writes_output` (the data capture bucket).
 */
export const sagemakerEndpointConfigsDiscoverer: ServiceDiscoverer<'aws'> = sageMakerResourceDiscoverer({
  service: 'sagemaker.endpoint_configs',
  assetType: ENDPOINT_CONFIG_ASSET_TYPE,
  listOperation: 'ListEndpointConfigs',
  describeOperation: 'DescribeEndpointConfig',
  list: (client, pageSize, sendOptions) => paginateListEndpointConfigs({ client, pageSize }, {}, sendOptions),
  summaries: (page) => page.EndpointConfigs,
  nameOf: (summary) => summary.EndpointConfigName,
  describe: (client, name, sendOptions) =>
    client.send(new DescribeEndpointConfigCommand({ EndpointConfigName: name }), sendOptions),
  changeOf: (s) => listedVersion(s.EndpointConfigArn, s.CreationTime),
  arnOf: (described, summary) => described.EndpointConfigArn ?? summary.EndpointConfigArn,
  displayName: (described) => described.EndpointConfigName,
  relations: async (described, lookups, client, sendOptions) => {
    const names = [...new Set((described.ProductionVariants ?? []).map((v) => v.ModelName))];
    const relations: TAssetRelation[] = [
      ...kmsRelation(described.KmsKeyId),
      ...kmsRelation(described.DataCaptureConfig?.KmsKeyId),
      ...s3Relation('writes_output', described.DataCaptureConfig?.DestinationS3Uri),
    ];
    for (const name of names) {
      if (!name) continue;
      const model = await lookups.lookup('DescribeModel', name, () =>
        client.send(new DescribeModelCommand({ ModelName: name }), sendOptions),
      );
      if (model?.ModelArn) {
        relations.push({ kind: 'serves_model', toAssetType: MODEL_ASSET_TYPE, toNativeId: model.ModelArn });
      }
    }
    return uniqueRelations(relations);
  },
});
