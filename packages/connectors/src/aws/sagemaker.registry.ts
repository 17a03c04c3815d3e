import type { ServiceDiscoverer } from '../types';
import { sagemakerEndpointConfigsDiscoverer } from './sagemaker-endpoint-configs.discoverer';
import { sagemakerEndpointsDiscoverer } from './sagemaker-endpoints.discoverer';
import { sagemakerModelsDiscoverer } from './sagemaker-models.discoverer';
import { sagemakerNotebooksDiscoverer } from './sagemaker-notebooks.discoverer';
import { sagemakerTrainingJobsDiscoverer } from './sagemaker-training-jobs.discoverer';

/** Every SageMaker listing; a scan runs each in each region of the account. */
export const sagemakerDiscoverers: ServiceDiscoverer<'aws'>[] = [
  sagemakerNotebooksDiscoverer,
  sagemakerModelsDiscoverer,
  sagemakerEndpointConfigsDiscoverer,
  sagemakerEndpointsDiscoverer,
  sagemakerTrainingJobsDiscoverer,
];
