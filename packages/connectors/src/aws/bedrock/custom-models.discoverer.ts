import { GetCustomModelCommand, paginateListCustomModels } from '@aws-sdk/client-bedrock';
import type { ServiceDiscoverer } from '../../types';
import { toAssetAttributes } from '../aws-attributes.mapper';
import { controlPlaneTags } from './bedrock-tags';
import { bedrockClientFor, bedrockListingDiscoverer, missingArn, nameOr } from './bedrock-listing';
import {
  BEDROCK_ASSET_TYPES,
  bucketRelations,
  kmsRelations,
  modelRelation,
} from './bedrock-relations.mapper';

const SERVICE = 'bedrock.custom_models';

/**
 * Custom (fine-tuned, continued pre-training, distilled) models of one region: ListCustomModels, then
 * GetCustomModel by ARN. Relations: `uses_model` the base model, `encrypted_by` modelKmsKeyArn (absent when an
 * AWS-owned key is used), `reads_data` the training and validation buckets, `writes_output` the output bucket.
 * Tags come from ListTagsForResource. GetCustomModel returns no role (the customization job's role is only on GetModelCustomizationJob).
 */
export const bedrockCustomModelsDiscoverer: ServiceDiscoverer<'aws'> = bedrockListingDiscoverer({
  service: SERVICE,
  assetTypes: [BEDROCK_ASSET_TYPES.customModel],
  listOperation: 'ListCustomModels',
  client: bedrockClientFor,
  list: (client, pageSize, sendOptions) => paginateListCustomModels({ client, pageSize }, {}, sendOptions),
  summaries: (page) => page.modelSummaries,
  // A custom model never changes once created, but for its status (Creating -> Active or Failed).
  changeToken: (s) =>
    s.modelArn && s.creationTime
      ? { nativeId: s.modelArn, token: `${s.creationTime.toISOString()}|${s.modelStatus ?? ''}` }
      : undefined,
  async records(summary, ctx) {
    const identifier = summary.modelArn ?? summary.modelName ?? '';
    const model = await ctx.call('GetCustomModel', () =>
      ctx.client.send(new GetCustomModelCommand({ modelIdentifier: identifier }), ctx.sendOptions),
    );
    if (!model) return [];
    if (!model.modelArn) missingArn(SERVICE, 'GetCustomModel', ctx.target, `Custom model ${identifier}`);
    const tags = await controlPlaneTags(ctx, ctx.client, model.modelArn);
    if (!tags) return [];
    return [
      {
        assetType: BEDROCK_ASSET_TYPES.customModel,
        nativeId: model.modelArn,
        name: nameOr(model.modelName, model.modelArn),
        region: ctx.target.region,
        attributes: toAssetAttributes(model),
        tags,
        relations: [
          ...modelRelation(model.baseModelArn),
          ...kmsRelations(model.modelKmsKeyArn),
          ...bucketRelations(
            'reads_data',
            model.trainingDataConfig?.s3Uri,
            ...(model.validationDataConfig?.validators ?? []).map((v) => v.s3Uri),
          ),
          ...bucketRelations('writes_output', model.outputDataConfig?.s3Uri),
        ],
      },
    ];
  },
});
