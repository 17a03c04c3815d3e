import { azureCognitiveDiscoverers } from './cognitive-services.discoverers';
import { azureMlDiscoverers } from './ml.discoverers';
import { azureRoleAssignmentsDiscoverer } from './role-assignments.discoverer';
import { azureStorageAccountsDiscoverer } from './storage-accounts.discoverer';

type WithActions = { actions?: readonly string[] };

/**
 * The exact Azure RBAC actions the Azure discoverers call, sorted: every one is a `read` of a listing
 * (workspaces, computes, endpoints and deployments, datastores, registries, Cognitive Services accounts,
 * deployments and RAI policies, storage accounts, role assignments). No data actions, no listKeys.
 */
export const AZURE_READ_ACTIONS: readonly string[] = [
  ...new Set(
    [
      ...azureMlDiscoverers,
      ...azureCognitiveDiscoverers,
      azureStorageAccountsDiscoverer,
      azureRoleAssignmentsDiscoverer,
    ].flatMap((d) => (d as WithActions).actions ?? []),
  ),
].sort();

/** An Azure custom role definition, as `az role definition create --role-definition` takes it. */
export interface AzureRoleDefinition {
  Name: string;
  IsCustom: true;
  Description: string;
  Actions: string[];
  NotActions: string[];
  DataActions: string[];
  NotDataActions: string[];
  AssignableScopes: string[];
}

/**
 * A custom role granting exactly AZURE_READ_ACTIONS, assignable at the given subscriptions (a placeholder
 * scope when none is given). Assign it to the scanner's service principal at subscription scope.
 */
export function azureReaderRoleDefinition(subscriptionIds: readonly string[] = []): AzureRoleDefinition {
  const scopes = subscriptionIds.length > 0 ? subscriptionIds : ['<subscription-id>'];
  return {
    Name: 'aispm AI posture reader',
    IsCustom: true,
    Description:
      'Read-only inventory of Azure Machine Learning, Azure OpenAI / AI Services, storage accounts and role assignments for aispm.',
    Actions: [...AZURE_READ_ACTIONS],
    NotActions: [],
    DataActions: [],
    NotDataActions: [],
    AssignableScopes: scopes.map((id) => `/subscriptions/${id}`),
  };
}
