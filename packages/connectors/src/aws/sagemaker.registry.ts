import type { ServiceDiscoverer } from '../types';
import { sagemakerDomainsDiscoverer } from './sagemaker-domains.discoverer';
import { sagemakerEndpointConfigsDiscoverer } from './sagemaker-endpoint-configs.discoverer';
import { sagemakerEndpointsDiscoverer } from './sagemaker-endpoints.discoverer';
import { sagemakerFeatureGroupsDiscoverer } from './sagemaker-feature-groups.discoverer';
import { sagemakerLifecycleConfigsDiscoverer } from './sagemaker-lifecycle-configs.discoverer';
import { sagemakerModelPackageGroupsDiscoverer } from './sagemaker-model-package-groups.discoverer';
import { sagemakerModelPackagesDiscoverer } from './sagemaker-model-packages.discoverer';
import { sagemakerModelsDiscoverer } from './sagemaker-models.discoverer';
import { sagemakerMonitoringSchedulesDiscoverer } from './sagemaker-monitoring-schedules.discoverer';
import { sagemakerNotebooksDiscoverer } from './sagemaker-notebooks.discoverer';
import { sagemakerPipelinesDiscoverer } from './sagemaker-pipelines.discoverer';
import { sagemakerProcessingJobsDiscoverer } from './sagemaker-processing-jobs.discoverer';
import { sagemakerTrainingJobsDiscoverer } from './sagemaker-training-jobs.discoverer';
import { sagemakerUserProfilesDiscoverer } from './sagemaker-user-profiles.discoverer';

/** Every SageMaker listing; a scan runs each in each region of the account. */
export const sagemakerDiscoverers: ServiceDiscoverer<'aws'>[] = [
  sagemakerNotebooksDiscoverer,
  sagemakerModelsDiscoverer,
  sagemakerEndpointConfigsDiscoverer,
  sagemakerEndpointsDiscoverer,
  sagemakerTrainingJobsDiscoverer,
  sagemakerLifecycleConfigsDiscoverer,
  sagemakerDomainsDiscoverer,
  sagemakerUserProfilesDiscoverer,
  sagemakerProcessingJobsDiscoverer,
  sagemakerModelPackageGroupsDiscoverer,
  sagemakerModelPackagesDiscoverer,
  sagemakerFeatureGroupsDiscoverer,
  sagemakerPipelinesDiscoverer,
  sagemakerMonitoringSchedulesDiscoverer,
];
