import { customJobAsset, describeTrainingDataCheck, wellConfiguredCustomJob } from './testing';
import { vertexTrainingPublicTrainingData } from './vertex-training-public-training-data.check';

describeTrainingDataCheck(
  vertexTrainingPublicTrainingData,
  customJobAsset,
  wellConfiguredCustomJob,
  'jobSpec',
);
