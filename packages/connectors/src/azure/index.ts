import type { ServiceDiscoverer } from '../types';
import { azureCognitiveDiscoverers } from './cognitive-services.discoverers';
import { azureMlDiscoverers } from './ml.discoverers';
import { azureRoleAssignmentsDiscoverer } from './role-assignments.discoverer';
import { azureStorageAccountsDiscoverer } from './storage-accounts.discoverer';

export { testAzureConnection } from './connection-test';
export { closeAzureClients } from './clients';
export { AZURE_READ_ACTIONS, azureReaderRoleDefinition, type AzureRoleDefinition } from './least-privilege';
export * from './ml.discoverers';
export * from './cognitive-services.discoverers';
export { azureStorageAccountsDiscoverer, STORAGE_ACCOUNT_ASSET_TYPE } from './storage-accounts.discoverer';
export { azureRoleAssignmentsDiscoverer, ROLE_ASSIGNMENT_ASSET_TYPE } from './role-assignments.discoverer';

/**
 * Every Azure listing (Machine Learning, Cognitive Services / OpenAI, storage, role assignments). Each runs
 * once per subscription (scope `global`) and keeps the account's locations.
 */
export const azureDiscoverers: ServiceDiscoverer<'azure'>[] = [
  ...azureMlDiscoverers,
  ...azureCognitiveDiscoverers,
  azureStorageAccountsDiscoverer,
  azureRoleAssignmentsDiscoverer,
];
