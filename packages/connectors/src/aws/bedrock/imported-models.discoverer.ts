import { GetImportedModelCommand, paginateListImportedModels } from '@aws-sdk/client-bedrock';
import type { ServiceDiscoverer } from '../../types';
import { toAssetAttributes } from '../aws-attributes.mapper';
import { controlPlaneTags } from './bedrock-tags';
import { bedrockClientFor, bedrockListingDiscoverer, missingArn, nameOr } from './bedrock-listing';
import { BEDROCK_ASSET_TYPES, bucketRelations, kmsRelations } from './bedrock-relations.mapper';

const SERVICE = 'bedrock.imported_models';

/**
 * Imported (Custom Model Import) models of one region: ListImportedModels, then GetImportedModel by ARN.
 * Relations: `reads_data` the bucket the weights were imported from, `encrypted_by` modelKmsKeyArn when set.
 */
export const bedrockImportedModelsDiscoverer: ServiceDiscoverer<'aws'> = bedrockListingDiscoverer({
  service: SERVICE,
  assetTypes: [BEDROCK_ASSET_TYPES.importedModel],
  listOperation: 'ListImportedModels',
  client: bedrockClientFor,
  list: (client, pageSize, sendOptions) => paginateListImportedModels({ client, pageSize }, {}, sendOptions),
  summaries: (page) => page.modelSummaries,
  // An imported model is immutable: a new import makes a new model.
  changeToken: (s) =>
    s.modelArn && s.creationTime ? { nativeId: s.modelArn, token: s.creationTime.toISOString() } : undefined,
  async records(summary, ctx) {
    const identifier = summary.modelArn ?? summary.modelName ?? '';
    const model = await ctx.call('GetImportedModel', () =>
      ctx.client.send(new GetImportedModelCommand({ modelIdentifier: identifier }), ctx.sendOptions),
    );
    if (!model) return [];
    if (!model.modelArn) missingArn(SERVICE, 'GetImportedModel', ctx.target, `Imported model ${identifier}`);
    const tags = await controlPlaneTags(ctx, ctx.client, model.modelArn);
    if (!tags) return [];
    return [
      {
        assetType: BEDROCK_ASSET_TYPES.importedModel,
        nativeId: model.modelArn,
        name: nameOr(model.modelName, model.modelArn),
        region: ctx.target.region,
        attributes: toAssetAttributes(model),
        tags,
        relations: [
          ...bucketRelations('reads_data', model.modelDataSource?.s3DataSource?.s3Uri),
          ...kmsRelations(model.modelKmsKeyArn),
        ],
      },
    ];
  },
});
