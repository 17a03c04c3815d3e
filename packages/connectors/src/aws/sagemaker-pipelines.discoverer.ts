import { DescribePipelineCommand, paginateListPipelines } from '@aws-sdk/client-sagemaker';
import type { ServiceDiscoverer } from '../types';
import { roleRelation, sageMakerResourceDiscoverer, listedVersion } from './sagemaker-resource.discoverer';

export const PIPELINE_ASSET_TYPE = 'aws.sagemaker.pipeline';

/**
 * SageMaker Pipelines of one region; PipelineDefinition is kept as the JSON string SageMaker returns (a check
 * can parse it, e.g. for a RegisterModel step that approves automatically). Relation: `uses_role`.
 */
export const sagemakerPipelinesDiscoverer: ServiceDiscoverer<'aws'> = sageMakerResourceDiscoverer({
  service: 'sagemaker.pipelines',
  assetType: PIPELINE_ASSET_TYPE,
  listOperation: 'ListPipelines',
  describeOperation: 'DescribePipeline',
  list: (client, pageSize, sendOptions) => paginateListPipelines({ client, pageSize }, {}, sendOptions),
  summaries: (page) => page.PipelineSummaries,
  nameOf: (summary) => summary.PipelineName,
  describe: (client, name, sendOptions) =>
    client.send(new DescribePipelineCommand({ PipelineName: name }), sendOptions),
  changeOf: (s) => listedVersion(s.PipelineArn, s.LastModifiedTime),
  arnOf: (described, summary) => described.PipelineArn ?? summary.PipelineArn,
  displayName: (described) => described.PipelineName,
  relations: (described) => Promise.resolve(roleRelation(described.RoleArn)),
});
