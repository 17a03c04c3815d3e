import { sagemakerNotebooksDiscoverer } from './aws/sagemaker-notebooks.discoverer';
import type { ServiceDiscoverer } from './types';

export {
  ConnectorError,
  type AwsTarget,
  type ConnectorErrorCode,
  type DiscoveryOptions,
  type ServiceDiscoverer,
} from './types';
export { sagemakerNotebooksDiscoverer, NOTEBOOK_ASSET_TYPE } from './aws/sagemaker-notebooks.discoverer';
export { testAwsConnection, type ConnectionTestResult } from './aws/connection-test';
export { closeAwsClients } from './aws/clients';

/** Every AWS service discoverer; a scan runs each of them in each region of the account. */
export const awsDiscoverers: ServiceDiscoverer[] = [sagemakerNotebooksDiscoverer];
