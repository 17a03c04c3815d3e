import type { ServiceDiscoverer } from '../types';
import { prop, stringProp, type RawResource } from './arm-attributes.mapper';
import { armDiscoverer, partOf, type TAssetRelation } from './arm-listing';
import { LIST, LIST_UNDER } from './listings';

export const AZURE_COGNITIVE_ASSET_TYPES = {
  account: 'azure.cognitiveservices.account',
  deployment: 'azure.cognitiveservices.deployment',
  raiPolicy: 'azure.cognitiveservices.rai_policy',
} as const;
const T = AZURE_COGNITIVE_ASSET_TYPES;

/**
 * Cognitive Services accounts of every kind (OpenAI, AIServices, TextAnalytics, ...). Relation: `uses_storage`
 * each user-owned storage account.
 */
export const azureCognitiveAccountsDiscoverer = armDiscoverer({
  service: 'azure.cognitiveservices.accounts',
  assetTypes: [T.account],
  actions: [LIST.cognitiveAccounts.action],
  async *discover(run) {
    for await (const page of run.pages(LIST.cognitiveAccounts)) {
      yield page
        .filter((a) => run.keeps(a))
        .map((a) => run.record(T.account, a, { relations: accountRelations(a) }));
    }
  },
});

function accountRelations(account: RawResource): TAssetRelation[] {
  const storage = prop(account, 'properties', 'userOwnedStorage');
  if (!Array.isArray(storage)) return [];
  return storage.flatMap((s) => {
    const id = stringProp(s, 'resourceId');
    return id ? [{ kind: 'uses_storage', toAssetType: 'azure.storage.account', toNativeId: id }] : [];
  });
}

/**
 * Model deployments of every account. Relations: `part_of` the account; `uses_guardrail` the RAI policy (content
 * filter) it names. A deployment naming none runs the default filters: no edge, and raiPolicyName stays absent.
 */
export const azureCognitiveDeploymentsDiscoverer = armDiscoverer({
  service: 'azure.cognitiveservices.deployments',
  assetTypes: [T.deployment],
  actions: [LIST.cognitiveAccounts.action, LIST_UNDER.cognitiveDeployments({ id: '' }).action],
  async *discover(run) {
    yield* run.eachParent(run.parents(LIST.cognitiveAccounts), async function* (account) {
      for await (const page of run.children(LIST_UNDER.cognitiveDeployments(account), account)) {
        yield page
          .filter((d) => run.keeps(d, account))
          .map((d) => {
            const policy = stringProp(d, 'properties', 'raiPolicyName');
            const relations: TAssetRelation[] = [partOf(T.account, account)];
            if (policy) {
              relations.push({
                kind: 'uses_guardrail',
                toAssetType: T.raiPolicy,
                toNativeId: `${account.id}/raiPolicies/${policy}`,
              });
            }
            return run.record(T.deployment, d, { parent: account, relations });
          });
      }
    });
  },
});

/** RAI policies (content filters) of every account, system and custom. Relation: `part_of` the account. */
export const azureCognitiveRaiPoliciesDiscoverer = armDiscoverer({
  service: 'azure.cognitiveservices.rai_policies',
  assetTypes: [T.raiPolicy],
  actions: [LIST.cognitiveAccounts.action, LIST_UNDER.raiPolicies({ id: '' }).action],
  async *discover(run) {
    yield* run.eachParent(run.parents(LIST.cognitiveAccounts), async function* (account) {
      for await (const page of run.children(LIST_UNDER.raiPolicies(account), account)) {
        yield page
          .filter((p) => run.keeps(p, account))
          .map((p) =>
            run.record(T.raiPolicy, p, { parent: account, relations: [partOf(T.account, account)] }),
          );
      }
    });
  },
});

export const azureCognitiveDiscoverers: ServiceDiscoverer<'azure'>[] = [
  azureCognitiveAccountsDiscoverer,
  azureCognitiveDeploymentsDiscoverer,
  azureCognitiveRaiPoliciesDiscoverer,
];
