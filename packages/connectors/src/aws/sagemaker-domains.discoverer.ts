import { DescribeDomainCommand, paginateListDomains } from '@aws-sdk/client-sagemaker';
import type { ServiceDiscoverer } from '../types';
import {
  kmsRelation,
  roleRelation,
  sageMakerResourceDiscoverer,
  uniqueRelations,
  listedVersion,
} from './sagemaker-resource.discoverer';

export const DOMAIN_ASSET_TYPE = 'aws.sagemaker.domain';

/**
 * SageMaker Studio domains of one region (AppNetworkAccessType, AuthMode, KmsKeyId as returned). Domains are
 * described by DomainId. Relations: `uses_role` (DefaultUserSettings.ExecutionRole), `encrypted_by` (KmsKeyId).
 */
export const sagemakerDomainsDiscoverer: ServiceDiscoverer<'aws'> = sageMakerResourceDiscoverer({
  service: 'sagemaker.domains',
  assetType: DOMAIN_ASSET_TYPE,
  listOperation: 'ListDomains',
  describeOperation: 'DescribeDomain',
  list: (client, pageSize, sendOptions) => paginateListDomains({ client, pageSize }, {}, sendOptions),
  summaries: (page) => page.Domains,
  nameOf: (summary) => summary.DomainId,
  describe: (client, id, sendOptions) =>
    client.send(new DescribeDomainCommand({ DomainId: id }), sendOptions),
  changeOf: (s) => listedVersion(s.DomainArn, s.LastModifiedTime, s.Status),
  arnOf: (described, summary) => described.DomainArn ?? summary.DomainArn,
  displayName: (described) => described.DomainName,
  relations: (described) =>
    Promise.resolve(
      uniqueRelations([
        ...roleRelation(described.DefaultUserSettings?.ExecutionRole),
        ...kmsRelation(described.KmsKeyId),
      ]),
    ),
});
