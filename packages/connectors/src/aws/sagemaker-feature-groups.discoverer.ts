import { DescribeFeatureGroupCommand, paginateListFeatureGroups } from '@aws-sdk/client-sagemaker';
import type { ServiceDiscoverer } from '../types';
import { toAssetAttributes } from './aws-attributes.mapper';
import {
  kmsRelation,
  roleRelation,
  s3Relation,
  sageMakerResourceDiscoverer,
  uniqueRelations,
  listedVersion,
} from './sagemaker-resource.discoverer';

export const FEATURE_GROUP_ASSET_TYPE = 'aws.sagemaker.feature_group';

/**
 * Feature Store feature groups of one region. OnlineStoreConfig.SecurityConfig.KmsKeyId and
 * OfflineStoreConfig.S3StorageConfig.KmsKeyId stay absent when no customer key was set. The response's
 * NextToken pages the feature definitions, not the group: it is left out of the attributes. Relations:
 * `uses_role`, `writes_output` (the offline store's bucket), `encrypted_by` (online and offline keys).
 */
export const sagemakerFeatureGroupsDiscoverer: ServiceDiscoverer<'aws'> = sageMakerResourceDiscoverer({
  service: 'sagemaker.feature_groups',
  assetType: FEATURE_GROUP_ASSET_TYPE,
  listOperation: 'ListFeatureGroups',
  describeOperation: 'DescribeFeatureGroup',
  list: (client, pageSize, sendOptions) => paginateListFeatureGroups({ client, pageSize }, {}, sendOptions),
  summaries: (page) => page.FeatureGroupSummaries,
  nameOf: (summary) => summary.FeatureGroupName,
  describe: (client, name, sendOptions) =>
    client.send(new DescribeFeatureGroupCommand({ FeatureGroupName: name }), sendOptions),
  changeOf: (s) =>
    listedVersion(s.FeatureGroupArn, s.CreationTime, s.FeatureGroupStatus, s.OfflineStoreStatus),
  arnOf: (described, summary) => described.FeatureGroupArn ?? summary.FeatureGroupArn,
  displayName: (described) => described.FeatureGroupName,
  attributes: ({ NextToken: _page, ...described }) => toAssetAttributes(described),
  relations: (d) =>
    Promise.resolve(
      uniqueRelations([
        ...roleRelation(d.RoleArn),
        ...s3Relation('writes_output', d.OfflineStoreConfig?.S3StorageConfig?.S3Uri),
        ...kmsRelation(d.OnlineStoreConfig?.SecurityConfig?.KmsKeyId),
        ...kmsRelation(d.OfflineStoreConfig?.S3StorageConfig?.KmsKeyId),
      ]),
    ),
});
