import { defineCheck, type CheckAsset } from '../../check';
import { unknown, verdict } from './arm';
import { lookup } from './inventory-index';
import { assignmentOf, COGNITIVE_SERVICES_CONTRIBUTOR, PRIVILEGED_ROLES, roleGuid } from './rbac';

/** A scope at or under an AI resource: a Machine Learning workspace or registry, or a Cognitive Services account. */
const AI_RESOURCE_SCOPE =
  /\/providers\/(Microsoft\.MachineLearningServices\/(workspaces|registries)|Microsoft\.CognitiveServices\/accounts)\/[^/]+(\/|$)/i;
const RESOURCE_GROUP_SCOPE = /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/?$/i;
const AI_ASSET_TYPES = ['azure.ml.workspace', 'azure.ml.registry', 'azure.cognitiveservices.account'];

const byResourceGroup = (a: CheckAsset) => {
  const rg = /^(\/subscriptions\/[^/]+\/resourceGroups\/[^/]+)\//i.exec(a.nativeId)?.[1];
  return rg ? [rg.toLowerCase()] : [];
};

export const authorizationRoleAssignmentPrivilegedOnAiResource = defineCheck({
  id: 'azure.authorization.role_assignment.privileged_on_ai_resource',
  title: 'Owner, Contributor or access-administration role granted on AI resources',
  severity: 'medium',
  provider: 'azure',
  assetType: 'azure.authorization.role_assignment',
  rationale:
    'Owner, Contributor, User Access Administrator, Role Based Access Control Administrator and Cognitive ' +
    'Services Contributor on an AI resource (or on the resource group holding it) can list the API keys of ' +
    'OpenAI accounts and endpoints, turn off content filters and network restrictions, replace deployed ' +
    'models, or grant themselves more. Standing grants like these should be rare and named: users and apps ' +
    'need data-plane roles such as Cognitive Services OpenAI User or AzureML Data Scientist.',
  reads: [
    'Microsoft.Authorization/roleAssignments.properties.roleDefinitionId',
    'Microsoft.Authorization/roleAssignments.properties.scope',
    'Microsoft.Authorization/roleAssignments.properties.principalId',
    'Microsoft.Authorization/roleAssignments.properties.principalType',
  ],
  remediation: {
    console:
      'Open the AI resource (or resource group) named in the evidence, Access control (IAM) > Role assignments, ' +
      'remove the privileged assignment and grant the narrowest role the principal needs; use PIM eligible ' +
      'assignments for administrators.',
    cli:
      'az role assignment delete --ids <role-assignment-id> && az role assignment create --assignee-object-id ' +
      '<principal-id> --assignee-principal-type <type> --role "Cognitive Services OpenAI User" --scope <scope>',
    terraform:
      'resource "azurerm_role_assignment" "openai_user" {\n  scope                = azurerm_cognitive_account.openai.id\n' +
      '  role_definition_name = "Cognitive Services OpenAI User"\n  principal_id         = var.principal_id\n}',
  },
  controls: [
    { ref: 'mitre-atlas@5.6.0:AML.T0012', relationship: 'intersects-with' },
    { ref: 'mitre-atlas@5.6.0:AML.M0019', relationship: 'intersects-with' },
    { ref: 'iso-42001@2023:A.3.2', relationship: 'intersects-with' },
    { ref: 'nist-ai-600-1@2024:GAI-2.9', relationship: 'intersects-with' },
    { ref: 'owasp-llm@2025:LLM06', relationship: 'intersects-with' },
    { ref: 'nist-ai-rmf@1.0:MEASURE 2.7', relationship: 'subset-of' },
    { ref: 'eu-ai-act@2024:Art. 15', relationship: 'intersects-with' },
  ],
  evaluate(asset, ctx) {
    const a = assignmentOf(asset);
    if (!a.scope) return unknown('properties.scope');
    let aiResources: string[] | undefined;
    if (!AI_RESOURCE_SCOPE.test(a.scope)) {
      if (!RESOURCE_GROUP_SCOPE.test(a.scope)) {
        return {
          status: 'not_applicable',
          reason: 'the scope is neither an AI resource nor a resource group',
        };
      }
      const group = a.scope.replace(/\/$/, '').toLowerCase();
      aiResources = AI_ASSET_TYPES.flatMap((t) => lookup(ctx.inAccount(t), byResourceGroup, group)).map(
        (r) => r.nativeId,
      );
      if (aiResources.length === 0) {
        return { status: 'not_applicable', reason: 'no inventoried AI resource is in this resource group' };
      }
    }
    if (!a.roleDefinitionId) return unknown('properties.roleDefinitionId');
    const guid = roleGuid(a.roleDefinitionId);
    const role =
      PRIVILEGED_ROLES.get(guid) ??
      (guid === COGNITIVE_SERVICES_CONTRIBUTOR ? 'Cognitive Services Contributor' : null);
    return verdict(role !== null, {
      'properties.roleDefinitionId': a.roleDefinitionId,
      role,
      'properties.scope': a.scope,
      'properties.principalId': a.principalId ?? null,
      'properties.principalType': a.principalType ?? null,
      ...(aiResources && { aiResources }),
    });
  },
});
