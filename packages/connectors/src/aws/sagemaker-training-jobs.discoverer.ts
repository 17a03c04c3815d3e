import { DescribeTrainingJobCommand, paginateListTrainingJobs } from '@aws-sdk/client-sagemaker';
import type { ServiceDiscoverer } from '../types';
import {
  kmsRelation,
  roleRelation,
  s3Relation,
  sageMakerResourceDiscoverer,
  uniqueRelations,
  listedVersion,
} from './sagemaker-resource.discoverer';

export const TRAINING_JOB_ASSET_TYPE = 'aws.sagemaker.training_job';

/**
 * SageMaker training jobs of one region (every status, as listed). Relations: `uses_role` (RoleArn),
 * `reads_data` (each S3 input channel's bucket), `writes_output` (the S3OutputPath bucket), `encrypted_by`
 * (the output key and the volume key, when given as key ARNs).
 */
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
  changeOf: (s) =>
    listedVersion(s.TrainingJobArn, s.LastModifiedTime, s.TrainingJobStatus, s.SecondaryStatus),
  arnOf: (described, summary) => described.TrainingJobArn ?? summary.TrainingJobArn,
  displayName: (described) => described.TrainingJobName,
  relations: (d) =>
    Promise.resolve(
      uniqueRelations([
        ...roleRelation(d.RoleArn),
        ...(d.InputDataConfig ?? []).flatMap((c) =>
          s3Relation('reads_data', c.DataSource?.S3DataSource?.S3Uri),
        ),
        ...s3Relation('writes_output', d.OutputDataConfig?.S3OutputPath),
        ...kmsRelation(d.OutputDataConfig?.KmsKeyId),
        ...kmsRelation(d.ResourceConfig?.VolumeKmsKeyId),
      ]),
    ),
});
