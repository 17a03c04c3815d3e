import {
  GetProvisionedModelThroughputCommand,
  paginateListProvisionedModelThroughputs,
} from '@aws-sdk/client-bedrock';
import type { ServiceDiscoverer } from '../../types';
import { toAssetAttributes } from '../aws-attributes.mapper';
import { controlPlaneTags } from './bedrock-tags';
import { bedrockClientFor, bedrockListingDiscoverer, missingArn, nameOr } from './bedrock-listing';
import { BEDROCK_ASSET_TYPES, modelRelation } from './bedrock-relations.mapper';

const SERVICE = 'bedrock.provisioned_throughput';

/**
 * Provisioned Throughput of one region: ListProvisionedModelThroughputs, then GetProvisionedModelThroughput
 * by ARN. Relation: `uses_model` the model it serves (a custom model ARN, or a foundation model ARN).
 */
export const bedrockProvisionedThroughputDiscoverer: ServiceDiscoverer<'aws'> = bedrockListingDiscoverer({
  service: SERVICE,
  assetTypes: [BEDROCK_ASSET_TYPES.provisionedThroughput],
  listOperation: 'ListProvisionedModelThroughputs',
  client: bedrockClientFor,
  list: (client, pageSize, sendOptions) =>
    paginateListProvisionedModelThroughputs({ client, pageSize }, {}, sendOptions),
  summaries: (page) => page.provisionedModelSummaries,
  // Every update (model, units) moves lastModifiedTime; the status and commitment are listed too.
  changeToken: (s) =>
    s.provisionedModelArn && s.lastModifiedTime
      ? {
          nativeId: s.provisionedModelArn,
          token: [
            s.lastModifiedTime.toISOString(),
            s.status,
            s.modelArn,
            s.modelUnits,
            s.commitmentExpirationTime?.toISOString(),
          ].join('|'),
        }
      : undefined,
  async records(summary, ctx) {
    const identifier = summary.provisionedModelArn ?? summary.provisionedModelName ?? '';
    const pt = await ctx.call('GetProvisionedModelThroughput', () =>
      ctx.client.send(
        new GetProvisionedModelThroughputCommand({ provisionedModelId: identifier }),
        ctx.sendOptions,
      ),
    );
    if (!pt) return [];
    if (!pt.provisionedModelArn) {
      missingArn(SERVICE, 'GetProvisionedModelThroughput', ctx.target, `Provisioned model ${identifier}`);
    }
    const tags = await controlPlaneTags(ctx, ctx.client, pt.provisionedModelArn);
    if (!tags) return [];
    return [
      {
        assetType: BEDROCK_ASSET_TYPES.provisionedThroughput,
        nativeId: pt.provisionedModelArn,
        name: nameOr(pt.provisionedModelName, pt.provisionedModelArn),
        region: ctx.target.region,
        attributes: toAssetAttributes(pt),
        tags,
        relations: modelRelation(pt.modelArn),
      },
    ];
  },
});
