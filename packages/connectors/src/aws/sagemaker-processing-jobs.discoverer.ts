import { DescribeProcessingJobCommand, paginateListProcessingJobs } from '@aws-sdk/client-sagemaker';
import type { ServiceDiscoverer } from '../types';
import {
  kmsRelation,
  roleRelation,
  s3Relation,
  sageMakerResourceDiscoverer,
  uniqueRelations,
  listedVersion,
} from './sagemaker-resource.discoverer';

export const PROCESSING_JOB_ASSET_TYPE = 'aws.sagemaker.processing_job';

/**
 * SageMaker processing jobs of one region (every status). Relations: `uses_role`, `reads_data` (each S3 input's
 * bucket), `writes_output` (each S3 output's bucket), `encrypted_by` (the volume key and the output key, when
 * given as key ARNs). NetworkConfig stays absent when the job has none: no VPC and no isolation.
 */
export const sagemakerProcessingJobsDiscoverer: ServiceDiscoverer<'aws'> = sageMakerResourceDiscoverer({
  service: 'sagemaker.processing_jobs',
  assetType: PROCESSING_JOB_ASSET_TYPE,
  listOperation: 'ListProcessingJobs',
  describeOperation: 'DescribeProcessingJob',
  list: (client, pageSize, sendOptions) => paginateListProcessingJobs({ client, pageSize }, {}, sendOptions),
  summaries: (page) => page.ProcessingJobSummaries,
  nameOf: (summary) => summary.ProcessingJobName,
  describe: (client, name, sendOptions) =>
    client.send(new DescribeProcessingJobCommand({ ProcessingJobName: name }), sendOptions),
  changeOf: (s) => listedVersion(s.ProcessingJobArn, s.LastModifiedTime, s.ProcessingJobStatus),
  arnOf: (described, summary) => described.ProcessingJobArn ?? summary.ProcessingJobArn,
  displayName: (described) => described.ProcessingJobName,
  relations: (d) =>
    Promise.resolve(
      uniqueRelations([
        ...roleRelation(d.RoleArn),
        ...(d.ProcessingInputs ?? []).flatMap((i) => s3Relation('reads_data', i.S3Input?.S3Uri)),
        ...(d.ProcessingOutputConfig?.Outputs ?? []).flatMap((o) =>
          s3Relation('writes_output', o.S3Output?.S3Uri),
        ),
        ...kmsRelation(d.ProcessingResources?.ClusterConfig?.VolumeKmsKeyId),
        ...kmsRelation(d.ProcessingOutputConfig?.KmsKeyId),
      ]),
    ),
});
