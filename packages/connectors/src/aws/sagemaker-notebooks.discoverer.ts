import { DescribeNotebookInstanceCommand, paginateListNotebookInstances } from '@aws-sdk/client-sagemaker';
import type { ServiceDiscoverer } from '../types';
import { roleRelation, sageMakerResourceDiscoverer } from './sagemaker-resource.discoverer';

export const NOTEBOOK_ASSET_TYPE = 'aws.sagemaker.notebook_instance';

/**
 * SageMaker notebook instances of one region: ListNotebookInstances page by page, then DescribeNotebookInstance
 * and ListTags for each notebook, yielding one array of records per listing page. Relation: `uses_role`.
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
  arnOf: (described, summary) => described.NotebookInstanceArn ?? summary.NotebookInstanceArn,
  displayName: (described) => described.NotebookInstanceName,
  relations: (described) => Promise.resolve(roleRelation(described.RoleArn)),
});
