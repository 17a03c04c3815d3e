import { DescribeTrainingJobCommand, paginateListTrainingJobs } from '@aws-sdk/client-sagemaker';
import type { ServiceDiscoverer } from '../types';
import { roleRelation, sageMakerResourceDiscoverer } from './sagemaker-resource.discoverer';

export const TRAINING_JOB_ASSET_TYPE = 'aws.sagemaker.training_job';

/** SageMaker training jobs of one region (every status, as listed). Relation: `uses_role` (RoleArn). */
export const sagemakerTrainingJobsDiscoverer: ServiceDiscoverer<'aws'> = sageMakerResourceDiscoverer({
  service: 'sagemaker.training_jobs',
  assetType: TRAINING_JOB_ASSET_TYPE,
  listOperation: 'ListTrainingJobs',
  describeOperation: 'DescribeTrainingJob',
  list: (client, pageSize, sendOptions) => paginateListTrainingJobs({ client, pageSize }, {}, sendOptions),
  summaries: (page) => page.TrainingJobSummaries,
  nameOf: (summary) => summary.TrainingJobName,
  describe: (client, name, sendOptions) =>
    client.send(new DescribeTrainingJobCommand({ TrainingJobName: name }), sendOptions),
  arnOf: (described, summary) => described.TrainingJobArn ?? summary.TrainingJobArn,
  displayName: (described) => described.TrainingJobName,
  relations: (described) => Promise.resolve(roleRelation(described.RoleArn)),
});
