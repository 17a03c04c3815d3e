import { describeTrainingDataCheck, pipelineJobAsset, wellConfiguredPipelineJob } from './testing';
import { vertexPipelineJobPublicTrainingData } from './vertex-pipeline-job-public-training-data.check';

describeTrainingDataCheck(
  vertexPipelineJobPublicTrainingData,
  pipelineJobAsset,
  wellConfiguredPipelineJob,
  'name',
);
