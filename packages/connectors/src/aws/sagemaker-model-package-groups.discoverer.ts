import { DescribeModelPackageGroupCommand, paginateListModelPackageGroups } from '@aws-sdk/client-sagemaker';
import type { ServiceDiscoverer } from '../types';
import { sageMakerResourceDiscoverer, listedVersion } from './sagemaker-resource.discoverer';

export const MODEL_PACKAGE_GROUP_ASSET_TYPE = 'aws.sagemaker.model_package_group';

/** Model registry groups of one region (this account's own; groups shared by other accounts are not listed). */
export const sagemakerModelPackageGroupsDiscoverer: ServiceDiscoverer<'aws'> = sageMakerResourceDiscoverer({
  service: 'sagemaker.model_package_groups',
  assetType: MODEL_PACKAGE_GROUP_ASSET_TYPE,
  listOperation: 'ListModelPackageGroups',
  describeOperation: 'DescribeModelPackageGroup',
  list: (client, pageSize, sendOptions) =>
    paginateListModelPackageGroups({ client, pageSize }, {}, sendOptions),
  summaries: (page) => page.ModelPackageGroupSummaryList,
  nameOf: (summary) => summary.ModelPackageGroupName,
  describe: (client, name, sendOptions) =>
    client.send(new DescribeModelPackageGroupCommand({ ModelPackageGroupName: name }), sendOptions),
  changeOf: (s) => listedVersion(s.ModelPackageGroupArn, s.CreationTime, s.ModelPackageGroupStatus),
  arnOf: (described, summary) => described.ModelPackageGroupArn ?? summary.ModelPackageGroupArn,
  displayName: (described) => described.ModelPackageGroupName,
});
