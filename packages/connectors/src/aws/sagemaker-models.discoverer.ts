import {
  DescribeModelCommand,
  DescribeTrainingJobCommand,
  paginateListModels,
  type DescribeModelCommandOutput,
  type SageMakerClient,
} from '@aws-sdk/client-sagemaker';
import type { ServiceDiscoverer } from '../types';
import { isUnderS3Path, trainingJobNameCandidate } from './sagemaker-lineage';
import {
  roleRelation,
  sageMakerResourceDiscoverer,
  type RelationLookups,
  type SendOptions,
  type TAssetRelation,
  listedVersion,
} from './sagemaker-resource.discoverer';
import { TRAINING_JOB_ASSET_TYPE } from './sagemaker-training-jobs.discoverer';

export const MODEL_ASSET_TYPE = 'aws.sagemaker.model';

/**
 * SageMaker models of one region. Relations: `uses_role` (ExecutionRoleArn) and `trained_by` the training job
 * whose artifact the model serves. DescribeModel does not name the job, so the job name is read from the
 * artifact URL's SageMaker layout and then confirmed with DescribeTrainingJob: the edge is recorded only when
 * that job's returned S3ModelArtifacts is exactly the ModelDataUrl (under its S3OutputPath), and it points at
 * the TrainingJobArn the API returned. Needs sagemaker:DescribeTrainingJob besides the model permissions.
 */
export const sagemakerModelsDiscoverer: ServiceDiscoverer<'aws'> = sageMakerResourceDiscoverer({
  service: 'sagemaker.models',
  assetType: MODEL_ASSET_TYPE,
  listOperation: 'ListModels',
  describeOperation: 'DescribeModel',
  list: (client, pageSize, sendOptions) => paginateListModels({ client, pageSize }, {}, sendOptions),
  summaries: (page) => page.Models,
  nameOf: (summary) => summary.ModelName,
  describe: (client, name, sendOptions) =>
    client.send(new DescribeModelCommand({ ModelName: name }), sendOptions),
  changeOf: (s) => listedVersion(s.ModelArn, s.CreationTime),
  arnOf: (described, summary) => described.ModelArn ?? summary.ModelArn,
  displayName: (described) => described.ModelName,
  relations: async (described, lookups, client, sendOptions) => [
    ...roleRelation(described.ExecutionRoleArn),
    ...(await trainedBy(described, lookups, client, sendOptions)),
  ],
});

async function trainedBy(
  model: DescribeModelCommandOutput,
  lookups: RelationLookups,
  client: SageMakerClient,
  sendOptions: SendOptions,
): Promise<TAssetRelation[]> {
  const url = model.PrimaryContainer?.ModelDataUrl;
  const candidate = trainingJobNameCandidate(url);
  if (!url || !candidate) return [];
  const job = await lookups.lookup('DescribeTrainingJob', candidate, () =>
    client.send(new DescribeTrainingJobCommand({ TrainingJobName: candidate }), sendOptions),
  );
  const outputPath = job?.OutputDataConfig?.S3OutputPath;
  const confirmed =
    job?.TrainingJobArn &&
    job.ModelArtifacts?.S3ModelArtifacts === url &&
    outputPath !== undefined &&
    isUnderS3Path(url, outputPath);
  return confirmed
    ? [{ kind: 'trained_by', toAssetType: TRAINING_JOB_ASSET_TYPE, toNativeId: job.TrainingJobArn! }]
    : [];
}
