import { defineCheck } from '../../check';
import { publicTrainingData, publicTrainingDataVerdict } from './bucket-exposure.util';
import { requireFields } from './gcp-fields.util';

/** The pipeline-job side of gcp.vertex.training.public_training_data (one asset type per check). */
export const vertexPipelineJobPublicTrainingData = defineCheck({
  ...publicTrainingData,
  id: 'gcp.vertex.pipeline_job.public_training_data',
  title: 'Vertex AI pipeline job reads training data from a public Cloud Storage bucket',
  assetType: 'gcp.vertex.pipeline_job',
  reads: [
    'projects.locations.pipelineJobs.runtimeConfig.parameterValues (gs:// URIs)',
    'storage.buckets.getIamPolicy.bindings[].members',
    'storage.buckets.iamConfiguration.publicAccessPrevention',
  ],
  evaluate: (asset, ctx) => requireFields(asset, 'name') ?? publicTrainingDataVerdict(ctx),
});
