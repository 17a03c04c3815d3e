import { defineCheck } from '../../check';
import { armProperties, isManagedIdentityType, managedIdentity, unknown, verdict } from './arm';
import {
  assignmentOf,
  assignmentsOf,
  isBroadScope,
  PRIVILEGED_ROLES,
  ROLE_ASSIGNMENT_ASSET_TYPE,
  roleGuid,
} from './rbac';

export const mlWorkspaceIdentityPrivilegedRole = defineCheck({
  id: 'azure.ml.workspace.identity_privileged_role',
  title:
    'Azure Machine Learning workspace identity holds Owner or Contributor on a subscription or resource group',
  severity: 'high',
  provider: 'azure',
  assetType: 'azure.ml.workspace',
  rationale:
    "The workspace's managed identity acts for the service on behalf of everyone who can use the workspace " +
    '(image builds, data access, deployments). It needs roles on its own storage account, key vault and ' +
    'registry only; Owner, Contributor or an access-administration role over a whole subscription or resource ' +
    'group turns any workspace user who can abuse that identity into an administrator of everything in that ' +
    'scope, AI or not.',
  reads: [
    'Microsoft.MachineLearningServices/workspaces.identity.principalId',
    'Microsoft.MachineLearningServices/workspaces.identity.userAssignedIdentities',
    'Microsoft.Authorization/roleAssignments.properties.principalId',
    'Microsoft.Authorization/roleAssignments.properties.roleDefinitionId',
    'Microsoft.Authorization/roleAssignments.properties.scope',
  ],
  remediation: {
    console:
      'In the subscription or resource group named in the evidence open Access control (IAM) > Role ' +
      "assignments, remove the workspace identity's Owner/Contributor assignment, and grant it only the roles " +
      "it needs on the workspace's own storage account, key vault and container registry.",
    cli:
      'az role assignment delete --assignee <principal-id> --role <role> --scope <scope> && ' +
      'az role assignment create --assignee-object-id <principal-id> --assignee-principal-type ServicePrincipal ' +
      '--role "Storage Blob Data Contributor" --scope <storage-account-id>',
    terraform:
      'resource "azurerm_role_assignment" "ws_storage" {\n  scope                = azurerm_storage_account.ws.id\n' +
      '  role_definition_name = "Storage Blob Data Contributor"\n' +
      '  principal_id         = azurerm_machine_learning_workspace.this.identity[0].principal_id\n}',
  },
  controls: [
    { ref: 'mitre-atlas@5.6.0:AML.T0012', relationship: 'intersects-with' },
    { ref: 'mitre-atlas@5.6.0:AML.M0019', relationship: 'intersects-with' },
    { ref: 'nist-ai-600-1@2024:GAI-2.9', relationship: 'intersects-with' },
    { ref: 'iso-42001@2023:A.4.5', relationship: 'intersects-with' },
    { ref: 'owasp-llm@2025:LLM06', relationship: 'intersects-with' },
    { ref: 'nist-ai-rmf@1.0:MEASURE 2.7', relationship: 'subset-of' },
    { ref: 'eu-ai-act@2024:Art. 15', relationship: 'intersects-with' },
  ],
  evaluate(asset, ctx) {
    if (!armProperties(asset)) return unknown('properties');
    // ARM omits `identity` from a workspace without one.
    const identity = managedIdentity(asset);
    if (!identity || !isManagedIdentityType(identity.type)) {
      return { status: 'not_applicable', reason: 'the workspace runs as no managed identity' };
    }
    if (identity.principalIds.length === 0) return unknown('identity.principalId');
    // The subscription's role assignments are one listing; an inventory without any never read it.
    if (ctx.inAccount(ROLE_ASSIGNMENT_ASSET_TYPE).length === 0) {
      return unknown('Microsoft.Authorization/roleAssignments');
    }
    const held = identity.principalIds.flatMap((id) => assignmentsOf(ctx, id).map(assignmentOf));
    const privileged = held.filter(
      (a) =>
        a.roleDefinitionId !== undefined &&
        a.scope !== undefined &&
        PRIVILEGED_ROLES.has(roleGuid(a.roleDefinitionId)) &&
        isBroadScope(a.scope),
    );
    const shown = (list: typeof held) =>
      list.map((a) => ({
        roleDefinitionId: a.roleDefinitionId ?? null,
        role: PRIVILEGED_ROLES.get(roleGuid(a.roleDefinitionId ?? '')) ?? null,
        scope: a.scope ?? null,
      }));
    return verdict(privileged.length > 0, {
      principalIds: identity.principalIds,
      roleAssignments: shown(privileged.length > 0 ? privileged : held),
    });
  },
});
