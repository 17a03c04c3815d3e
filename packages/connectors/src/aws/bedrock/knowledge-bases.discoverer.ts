import {
  GetDataSourceCommand,
  GetKnowledgeBaseCommand,
  paginateListDataSources,
  paginateListKnowledgeBases,
  type DataSource,
  type KnowledgeBase,
} from '@aws-sdk/client-bedrock-agent';
import type { TAssetRecord } from '@aispm/contracts';
import { mapWithConcurrency } from '../../concurrency.util';
import type { ServiceDiscoverer } from '../../types';
import { toAssetAttributes } from '../aws-attributes.mapper';
import {
  bedrockAgentClientFor,
  bedrockListingDiscoverer,
  collectPages,
  missingArn,
  nameOr,
} from './bedrock-listing';
import { agentPlaneTags } from './bedrock-tags';
import {
  BEDROCK_ASSET_TYPES,
  bucketArn,
  bucketRelations,
  dataSourceNativeId,
  kmsRelations,
  modelRelation,
  roleRelation,
  type TAssetRelation,
} from './bedrock-relations.mapper';

const SERVICE = 'bedrock.knowledge_bases';
const DATA_SOURCE_CONCURRENCY = 4;

/**
 * Knowledge bases of one region and their data sources, in one listing (complete for both types):
 * ListKnowledgeBases, GetKnowledgeBase, then ListDataSources and GetDataSource of each knowledge base.
 * Knowledge base relations: `uses_role` roleArn, `uses_model` the embedding model, `encrypted_by` a managed
 * knowledge base's KMS key, `writes_output` supplemental S3 storage. Data sources have no ARN: their native id
 * is `<knowledgeBaseArn>/datasource/<dataSourceId>`; relations `part_of` the knowledge base, `reads_data` the
 * S3 bucket (bucketArn as returned), `encrypted_by` serverSideEncryptionConfiguration.kmsKeyArn when set.
 */
export const bedrockKnowledgeBasesDiscoverer: ServiceDiscoverer<'aws'> = bedrockListingDiscoverer({
  service: SERVICE,
  assetTypes: [BEDROCK_ASSET_TYPES.knowledgeBase, BEDROCK_ASSET_TYPES.dataSource],
  listOperation: 'ListKnowledgeBases',
  client: bedrockAgentClientFor,
  list: (client, pageSize, sendOptions) => paginateListKnowledgeBases({ client, pageSize }, {}, sendOptions),
  summaries: (page) => page.knowledgeBaseSummaries,
  async records(summary, ctx): Promise<TAssetRecord[]> {
    const knowledgeBaseId = summary.knowledgeBaseId ?? '';
    const got = await ctx.call('GetKnowledgeBase', () =>
      ctx.client.send(new GetKnowledgeBaseCommand({ knowledgeBaseId }), ctx.sendOptions),
    );
    const kb = got?.knowledgeBase;
    if (!kb) return [];
    const kbArn = kb.knowledgeBaseArn;
    if (!kbArn) missingArn(SERVICE, 'GetKnowledgeBase', ctx.target, `Knowledge base ${knowledgeBaseId}`);
    const tags = await agentPlaneTags(ctx, ctx.client, kbArn);
    if (!tags) return [];
    const listed = await ctx.call('ListDataSources', () =>
      collectPages(
        paginateListDataSources(
          { client: ctx.client, pageSize: ctx.pageSize },
          { knowledgeBaseId },
          ctx.sendOptions,
        ),
        (page) => page.dataSourceSummaries,
      ),
    );
    // The knowledge base was deleted after GetKnowledgeBase: neither it nor its data sources exist any more.
    if (!listed) return [];
    const dataSources = await mapWithConcurrency(listed, DATA_SOURCE_CONCURRENCY, async (s) => {
      const dataSourceId = s.dataSourceId ?? '';
      const ds = await ctx.call('GetDataSource', () =>
        ctx.client.send(new GetDataSourceCommand({ knowledgeBaseId, dataSourceId }), ctx.sendOptions),
      );
      return ds?.dataSource ? dataSourceRecord(ds.dataSource, kbArn, ctx.target.region) : null;
    });
    return [
      {
        assetType: BEDROCK_ASSET_TYPES.knowledgeBase,
        nativeId: kbArn,
        name: nameOr(kb.name, kbArn),
        region: ctx.target.region,
        attributes: toAssetAttributes(kb),
        tags,
        relations: knowledgeBaseRelations(kb),
      },
      ...dataSources.filter((r): r is TAssetRecord => r !== null),
    ];
  },
});

function knowledgeBaseRelations(kb: KnowledgeBase): TAssetRelation[] {
  const config = kb.knowledgeBaseConfiguration;
  const vector = config?.vectorKnowledgeBaseConfiguration;
  const managed = config?.managedKnowledgeBaseConfiguration;
  const supplemental = [
    ...(vector?.supplementalDataStorageConfiguration?.storageLocations ?? []),
    ...(managed?.supplementalDataStorageConfiguration?.storageLocations ?? []),
  ];
  return [
    ...roleRelation(kb.roleArn),
    ...modelRelation(vector?.embeddingModelArn),
    ...modelRelation(managed?.embeddingModelArn),
    ...kmsRelations(managed?.serverSideEncryptionConfiguration?.kmsKeyArn),
    ...bucketRelations('writes_output', ...supplemental.map((l) => l.s3Location?.uri)),
  ];
}

function dataSourceRecord(ds: DataSource, knowledgeBaseArn: string, region: string): TAssetRecord {
  const nativeId = dataSourceNativeId(knowledgeBaseArn, ds.dataSourceId ?? '');
  const bucket = bucketArn(ds.dataSourceConfiguration?.s3Configuration?.bucketArn);
  return {
    assetType: BEDROCK_ASSET_TYPES.dataSource,
    nativeId,
    name: nameOr(ds.name, nativeId),
    region,
    attributes: toAssetAttributes(ds),
    tags: {},
    relations: [
      { kind: 'part_of', toAssetType: BEDROCK_ASSET_TYPES.knowledgeBase, toNativeId: knowledgeBaseArn },
      ...(bucket ? [{ kind: 'reads_data', toAssetType: 'aws.s3.bucket', toNativeId: bucket }] : []),
      ...kmsRelations(ds.serverSideEncryptionConfiguration?.kmsKeyArn),
    ],
  };
}
