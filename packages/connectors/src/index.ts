import { closeAwsClients } from './aws/clients';
import { closeAzureClients } from './azure';
import { closeGcpClients } from './gcp';
import { bedrockDiscoverers } from './aws/bedrock';
import { awsInfraDiscoverers } from './aws/infra';
import { sagemakerDiscoverers } from './aws/sagemaker.registry';
import { azureDiscoverers } from './azure';
import { gcpDiscoverers } from './gcp';
import type { AnyDiscoverer, ServiceDiscoverer } from './types';

export {
  ConnectorError,
  GLOBAL_REGION,
  type AnyDiscoverer,
  type AwsTarget,
  type AzureTarget,
  type CallLimiter,
  type ConnectorErrorCode,
  type DiscoveryOptions,
  type DiscoveryTarget,
  type GcpTarget,
  type ServiceDiscoverer,
  type TargetOf,
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
export { closeAzureClients } from './azure';
export { closeGcpClients } from './gcp';

/** Destroys every cached SDK client of every cloud (process shutdown, tests). */
export function closeCloudClients(): void {
  closeAwsClients();
  closeAzureClients();
  closeGcpClients();
}
export { AccountLimiters, AdaptiveLimiter, isThrottle, type LimiterStats } from './adaptive-limiter';
export { accountSetupFor, awsReadActions } from './least-privilege';
export { buildTarget, discoverTarget, regionsFor, testConnection, type TargetSource } from './targets';

/** Every AWS service discoverer; a scan runs each regional one in each region of the account. */
export const awsDiscoverers: ServiceDiscoverer<'aws'>[] = [
  ...sagemakerDiscoverers,
  ...bedrockDiscoverers,
  ...awsInfraDiscoverers,
];

/** Every discoverer of every provider. */
export const allDiscoverers: AnyDiscoverer[] = [...awsDiscoverers, ...azureDiscoverers, ...gcpDiscoverers];
