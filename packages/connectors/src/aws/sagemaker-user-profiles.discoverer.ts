import {
  DescribeDomainCommand,
  DescribeUserProfileCommand,
  paginateListUserProfiles,
} from '@aws-sdk/client-sagemaker';
import type { ServiceDiscoverer } from '../types';
import { DOMAIN_ASSET_TYPE } from './sagemaker-domains.discoverer';
import {
  roleRelation,
  sageMakerResourceDiscoverer,
  type TAssetRelation,
} from './sagemaker-resource.discoverer';

export const USER_PROFILE_ASSET_TYPE = 'aws.sagemaker.user_profile';

/**
 * SageMaker Studio user profiles of one region, across every domain (ListUserProfiles without a domain filter
 * lists them all; each summary names its DomainId, which DescribeUserProfile needs). Relations: `uses_role`
 * (UserSettings.ExecutionRole, absent when the profile inherits the domain's) and `part_of` its domain, whose ARN
 * comes from DescribeDomain (once per domain and run). Needs sagemaker:DescribeDomain too.
 */
export const sagemakerUserProfilesDiscoverer: ServiceDiscoverer<'aws'> = sageMakerResourceDiscoverer({
  service: 'sagemaker.user_profiles',
  assetType: USER_PROFILE_ASSET_TYPE,
  listOperation: 'ListUserProfiles',
  describeOperation: 'DescribeUserProfile',
  list: (client, pageSize, sendOptions) => paginateListUserProfiles({ client, pageSize }, {}, sendOptions),
  summaries: (page) => page.UserProfiles,
  nameOf: (summary) => summary.UserProfileName,
  describe: (client, name, sendOptions, summary) =>
    client.send(
      new DescribeUserProfileCommand({ DomainId: summary.DomainId, UserProfileName: name }),
      sendOptions,
    ),
  arnOf: (described) => described.UserProfileArn,
  displayName: (described) => described.UserProfileName,
  relations: async (described, lookups, client, sendOptions) => {
    const relations: TAssetRelation[] = [...roleRelation(described.UserSettings?.ExecutionRole)];
    const domainId = described.DomainId;
    if (domainId) {
      const domain = await lookups.lookup('DescribeDomain', domainId, () =>
        client.send(new DescribeDomainCommand({ DomainId: domainId }), sendOptions),
      );
      if (domain?.DomainArn) {
        relations.push({ kind: 'part_of', toAssetType: DOMAIN_ASSET_TYPE, toNativeId: domain.DomainArn });
      }
    }
    return relations;
  },
});
