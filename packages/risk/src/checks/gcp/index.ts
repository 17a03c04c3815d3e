import type { CheckDefinition } from '../../check';
import { geminiApiKeyAccessEnabled } from './gemini-api-key-access-enabled.check';
import { storageBucketVertexNoUniformAccess } from './storage-bucket-vertex-no-uniform-access.check';
import { vertexCustomJobNoCmek } from './vertex-custom-job-no-cmek.check';
import { vertexCustomJobNoVpc } from './vertex-custom-job-no-vpc.check';
import { vertexCustomJobWebAccessEnabled } from './vertex-custom-job-web-access-enabled.check';
import { vertexDatasetNoCmek } from './vertex-dataset-no-cmek.check';
import { vertexEndpointNoCmek } from './vertex-endpoint-no-cmek.check';
import { vertexEndpointPublic } from './vertex-endpoint-public.check';
import { vertexEndpointRequestResponseLoggingDisabled } from './vertex-endpoint-request-response-logging-disabled.check';
import { vertexFeaturestoreNoCmek } from './vertex-featurestore-no-cmek.check';
import { vertexIndexEndpointPublic } from './vertex-index-endpoint-public.check';
import { vertexModelNoCmek } from './vertex-model-no-cmek.check';
import { vertexNotebookRuntimeInternetAccess } from './vertex-notebook-runtime-internet-access.check';
import { vertexNotebookRuntimeSecureBootDisabled } from './vertex-notebook-runtime-secure-boot-disabled.check';
import { vertexPipelineJobDefaultServiceAccount } from './vertex-pipeline-job-default-service-account.check';
import { vertexPipelineJobPublicTrainingData } from './vertex-pipeline-job-public-training-data.check';
import { vertexTensorboardNoCmek } from './vertex-tensorboard-no-cmek.check';
import { vertexTrainingPublicTrainingData } from './vertex-training-public-training-data.check';
import { workbenchInstanceDefaultServiceAccount } from './workbench-instance-default-service-account.check';
import { workbenchInstanceFileDownloadEnabled } from './workbench-instance-file-download-enabled.check';
import { workbenchInstanceNoCmek } from './workbench-instance-no-cmek.check';
import { workbenchInstancePublicIp } from './workbench-instance-public-ip.check';
import { workbenchInstanceRootAccess } from './workbench-instance-root-access.check';
import { workbenchInstanceSecureBootDisabled } from './workbench-instance-secure-boot-disabled.check';
import { workbenchInstanceTerminalEnabled } from './workbench-instance-terminal-enabled.check';

/** Google Cloud Vertex AI, Workbench and Gemini API checks, grouped by asset type. */
export const gcpChecks: readonly CheckDefinition[] = [
  workbenchInstancePublicIp,
  workbenchInstanceRootAccess,
  workbenchInstanceNoCmek,
  workbenchInstanceSecureBootDisabled,
  workbenchInstanceDefaultServiceAccount,
  workbenchInstanceFileDownloadEnabled,
  workbenchInstanceTerminalEnabled,
  vertexNotebookRuntimeInternetAccess,
  vertexNotebookRuntimeSecureBootDisabled,
  vertexEndpointPublic,
  vertexEndpointNoCmek,
  vertexEndpointRequestResponseLoggingDisabled,
  vertexIndexEndpointPublic,
  vertexDatasetNoCmek,
  vertexFeaturestoreNoCmek,
  vertexModelNoCmek,
  vertexTensorboardNoCmek,
  vertexTrainingPublicTrainingData,
  vertexCustomJobNoVpc,
  vertexCustomJobNoCmek,
  vertexCustomJobWebAccessEnabled,
  vertexPipelineJobPublicTrainingData,
  vertexPipelineJobDefaultServiceAccount,
  storageBucketVertexNoUniformAccess,
  geminiApiKeyAccessEnabled,
];
