import {
  DescribeModelPackageCommand,
  DescribeModelPackageGroupCommand,
  paginateListModelPackageGroups,
  paginateListModelPackages,
} from '@aws-sdk/client-sagemaker';
import type { ServiceDiscoverer } from '../types';
import { MODEL_PACKAGE_GROUP_ASSET_TYPE } from './sagemaker-model-package-groups.discoverer';
import {
  kmsRelation,
  sageMakerResourceDiscoverer,
  type TAssetRelation,
  listedVersion,
} from './sagemaker-resource.discoverer';

export const MODEL_PACKAGE_ASSET_TYPE = 'aws.sagemaker.model_package';

/**
 * Model versions of the registry, group by group: ListModelPackages without a group lists only unversioned
 * packages, so the groups are listed first (ListModelPackageGroups) and each group's versions after. A version
 * is described by its ARN (its name is the group's). ModelApprovalStatus, ApprovalDescription,
 * CustomerMetadataProperties and LastModifiedBy are kept as returned, so a check can tell an approval with no
 * approver from an auto-approval. Relations: `part_of` the group (its ARN from DescribeModelPackageGroup, once
 * per group and run) and `encrypted_by` (SecurityConfig.KmsKeyId). Needs sagemaker:ListModelPackageGroups and
 * sagemaker:DescribeModelPackageGroup too.
 */
export const sagemakerModelPackagesDiscoverer: ServiceDiscoverer<'aws'> = sageMakerResourceDiscoverer({
  service: 'sagemaker.model_packages',
  assetType: MODEL_PACKAGE_ASSET_TYPE,
  listOperation: 'ListModelPackages',
  describeOperation: 'DescribeModelPackage',
  parents: {
    listOperation: 'ListModelPackageGroups',
    async *list(client, pageSize, sendOptions) {
      for await (const page of paginateListModelPackageGroups({ client, pageSize }, {}, sendOptions)) {
        yield (page.ModelPackageGroupSummaryList ?? []).flatMap((g) =>
          g.ModelPackageGroupName ? [g.ModelPackageGroupName] : [],
        );
      }
    },
  },
  list: (client, pageSize, sendOptions, group) =>
    paginateListModelPackages({ client, pageSize }, { ModelPackageGroupName: group }, sendOptions),
  summaries: (page) => page.ModelPackageSummaryList,
  nameOf: (summary) => summary.ModelPackageArn ?? summary.ModelPackageName,
  describe: (client, arn, sendOptions) =>
    client.send(new DescribeModelPackageCommand({ ModelPackageName: arn }), sendOptions),
  changeOf: (s) =>
    listedVersion(s.ModelPackageArn, s.CreationTime, s.ModelPackageStatus, s.ModelApprovalStatus),
  arnOf: (described, summary) => described.ModelPackageArn ?? summary.ModelPackageArn,
  displayName: (described) =>
    described.ModelPackageVersion !== undefined
      ? `${described.ModelPackageGroupName ?? described.ModelPackageName}/${described.ModelPackageVersion}`
      : described.ModelPackageName,
  relations: async (described, lookups, client, sendOptions) => {
    const relations: TAssetRelation[] = [...kmsRelation(described.SecurityConfig?.KmsKeyId)];
    const group = described.ModelPackageGroupName;
    if (group) {
      const found = await lookups.lookup('DescribeModelPackageGroup', group, () =>
        client.send(new DescribeModelPackageGroupCommand({ ModelPackageGroupName: group }), sendOptions),
      );
      if (found?.ModelPackageGroupArn) {
        relations.push({
          kind: 'part_of',
          toAssetType: MODEL_PACKAGE_GROUP_ASSET_TYPE,
          toNativeId: found.ModelPackageGroupArn,
        });
      }
    }
    return relations;
  },
});
