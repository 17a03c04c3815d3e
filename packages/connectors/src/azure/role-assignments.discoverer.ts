import { stringProp } from './arm-attributes.mapper';
import { armDiscoverer, type TAssetRelation } from './arm-listing';
import { LIST } from './listings';

export const ROLE_ASSIGNMENT_ASSET_TYPE = 'azure.authorization.role_assignment';

/** Resource types an assignment's scope can name, by the end of the scope (type segments after the provider). */
const SCOPE_TYPES: readonly [RegExp, string][] = [
  [/\/providers\/Microsoft\.MachineLearningServices\/workspaces\/[^/]+$/i, 'azure.ml.workspace'],
  [
    /\/providers\/Microsoft\.MachineLearningServices\/workspaces\/[^/]+\/computes\/[^/]+$/i,
    'azure.ml.compute',
  ],
  [
    /\/providers\/Microsoft\.MachineLearningServices\/workspaces\/[^/]+\/onlineEndpoints\/[^/]+$/i,
    'azure.ml.online_endpoint',
  ],
  [
    /\/providers\/Microsoft\.MachineLearningServices\/workspaces\/[^/]+\/batchEndpoints\/[^/]+$/i,
    'azure.ml.batch_endpoint',
  ],
  [/\/providers\/Microsoft\.MachineLearningServices\/registries\/[^/]+$/i, 'azure.ml.registry'],
  [/\/providers\/Microsoft\.CognitiveServices\/accounts\/[^/]+$/i, 'azure.cognitiveservices.account'],
  [/\/providers\/Microsoft\.Storage\/storageAccounts\/[^/]+$/i, 'azure.storage.account'],
];

/** The `assigned_to` edge of an assignment whose scope is an inventoried resource (not a subscription or group). */
export function assignmentScopeRelation(scope: string | undefined): TAssetRelation[] {
  if (!scope) return [];
  const type = SCOPE_TYPES.find(([re]) => re.test(scope))?.[1];
  return type ? [{ kind: 'assigned_to', toAssetType: type, toNativeId: scope }] : [];
}

/**
 * Role assignments visible from the subscription: at its scope, its resource groups and its resources. The
 * principal stays an id (principalId, principalType); the role a definition id. Relation: `assigned_to` the
 * resource the scope names.
 */
export const azureRoleAssignmentsDiscoverer = armDiscoverer({
  service: 'azure.authorization.role_assignments',
  assetTypes: [ROLE_ASSIGNMENT_ASSET_TYPE],
  actions: [LIST.roleAssignments.action],
  async *discover(run) {
    for await (const page of run.pages(LIST.roleAssignments)) {
      yield page.map((a) =>
        run.record(ROLE_ASSIGNMENT_ASSET_TYPE, a, {
          relations: assignmentScopeRelation(stringProp(a, 'properties', 'scope')),
        }),
      );
    }
  },
});
