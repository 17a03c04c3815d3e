import { defineCheck } from '../../check';
import { publicTrainingData, publicTrainingDataVerdict } from './bucket-exposure.util';
import { requireFields } from './gcp-fields.util';

/** Custom jobs, including those Vertex AI Pipelines and training pipelines launch for their training steps. */
export const vertexTrainingPublicTrainingData = defineCheck({
  ...publicTrainingData,
  id: 'gcp.vertex.training.public_training_data',
  title: 'Vertex AI training job reads training data from a public Cloud Storage bucket',
  assetType: 'gcp.vertex.custom_job',
  reads: [
    'projects.locations.customJobs.jobSpec (gs:// URIs outside output fields)',
    'storage.buckets.getIamPolicy.bindings[].members',
    'storage.buckets.iamConfiguration.publicAccessPrevention',
  ],
  evaluate: (asset, ctx) => requireFields(asset, 'jobSpec') ?? publicTrainingDataVerdict(ctx),
});
