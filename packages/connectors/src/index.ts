import { sagemakerEndpointConfigsDiscoverer } from './aws/sagemaker-endpoint-configs.discoverer';
import { sagemakerEndpointsDiscoverer } from './aws/sagemaker-endpoints.discoverer';
import { sagemakerModelsDiscoverer } from './aws/sagemaker-models.discoverer';
import { sagemakerNotebooksDiscoverer } from './aws/sagemaker-notebooks.discoverer';
import { sagemakerTrainingJobsDiscoverer } from './aws/sagemaker-training-jobs.discoverer';
import type { ServiceDiscoverer } from './types';

export {
  ConnectorError,
  type AwsTarget,
  type ConnectorErrorCode,
  type DiscoveryOptions,
  type ServiceDiscoverer,
} from './types';
export { sagemakerNotebooksDiscoverer, NOTEBOOK_ASSET_TYPE } from './aws/sagemaker-notebooks.discoverer';
export { sagemakerModelsDiscoverer, MODEL_ASSET_TYPE } from './aws/sagemaker-models.discoverer';
export {
  sagemakerEndpointConfigsDiscoverer,
  ENDPOINT_CONFIG_ASSET_TYPE,
} from './aws/sagemaker-endpoint-configs.discoverer';
export { sagemakerEndpointsDiscoverer, ENDPOINT_ASSET_TYPE } from './aws/sagemaker-endpoints.discoverer';
export {
  sagemakerTrainingJobsDiscoverer,
  TRAINING_JOB_ASSET_TYPE,
} from './aws/sagemaker-training-jobs.discoverer';
export { testAwsConnection, type ConnectionTestResult } from './aws/connection-test';
export { closeAwsClients } from './aws/clients';

/** Every AWS service discoverer; a scan runs each of them in each region of the account. */
export const awsDiscoverers: ServiceDiscoverer[] = [
  sagemakerNotebooksDiscoverer,
  sagemakerModelsDiscoverer,
  sagemakerEndpointConfigsDiscoverer,
  sagemakerEndpointsDiscoverer,
  sagemakerTrainingJobsDiscoverer,
];
