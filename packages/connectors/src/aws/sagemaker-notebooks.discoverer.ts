import {
  DescribeNotebookInstanceCommand,
  DescribeNotebookInstanceLifecycleConfigCommand,
  paginateListNotebookInstances,
} from '@aws-sdk/client-sagemaker';
import type { ServiceDiscoverer } from '../types';
import { LIFECYCLE_CONFIG_ASSET_TYPE } from './sagemaker-lifecycle-configs.discoverer';
import {
  kmsRelation,
  roleRelation,
  sageMakerResourceDiscoverer,
  type TAssetRelation,
  listedVersion,
} from './sagemaker-resource.discoverer';

export const NOTEBOOK_ASSET_TYPE = 'aws.sagemaker.notebook_instance';

/**
 * SageMaker notebook instances of one region: ListNotebookInstances page by page, then DescribeNotebookInstance
 * and ListTags for each notebook, yielding one array of records per listing page. Relations: `uses_role`,
 * `encrypted_by` (KmsKeyId) and `uses_config` the lifecycle config it names, whose ARN comes from
 * DescribeNotebookInstanceLifecycleConfig (once per config and run; a deleted config gets no edge). Needs
 * sagemaker:DescribeNotebookInstanceLifecycleConfig too.
 */
export const sagemakerNotebooksDiscoverer: ServiceDiscoverer<'aws'> = sageMakerResourceDiscoverer({
  service: 'sagemaker.notebooks',
  assetType: NOTEBOOK_ASSET_TYPE,
  listOperation: 'ListNotebookInstances',
  describeOperation: 'DescribeNotebookInstance',
  list: (client, pageSize, sendOptions) =>
    paginateListNotebookInstances({ client, pageSize }, {}, sendOptions),
  summaries: (page) => page.NotebookInstances,
  nameOf: (summary) => summary.NotebookInstanceName,
  describe: (client, name, sendOptions) =>
    client.send(new DescribeNotebookInstanceCommand({ NotebookInstanceName: name }), sendOptions),
  changeOf: (s) => listedVersion(s.NotebookInstanceArn, s.LastModifiedTime, s.NotebookInstanceStatus),
  arnOf: (described, summary) => described.NotebookInstanceArn ?? summary.NotebookInstanceArn,
  displayName: (described) => described.NotebookInstanceName,
  relations: async (described, lookups, client, sendOptions) => {
    const relations: TAssetRelation[] = [
      ...roleRelation(described.RoleArn),
      ...kmsRelation(described.KmsKeyId),
    ];
    const name = described.NotebookInstanceLifecycleConfigName;
    if (name) {
      const config = await lookups.lookup('DescribeNotebookInstanceLifecycleConfig', name, () =>
        client.send(
          new DescribeNotebookInstanceLifecycleConfigCommand({ NotebookInstanceLifecycleConfigName: name }),
          sendOptions,
        ),
      );
      if (config?.NotebookInstanceLifecycleConfigArn) {
        relations.push({
          kind: 'uses_config',
          toAssetType: LIFECYCLE_CONFIG_ASSET_TYPE,
          toNativeId: config.NotebookInstanceLifecycleConfigArn,
        });
      }
    }
    return relations;
  },
});
