import type { CheckAsset, CheckContext } from '../../check';
import { armProperties } from './arm';
import { lookup } from './inventory-index';

/** The connector's asset type for role assignments (listed subscription-wide). */
export const ROLE_ASSIGNMENT_ASSET_TYPE = 'azure.authorization.role_assignment';

/**
 * Built-in roles (their definition GUIDs are the same in every tenant) that can change every resource in their
 * scope, read its keys, or grant others access to it.
 */
export const PRIVILEGED_ROLES: ReadonlyMap<string, string> = new Map([
  ['8e3af657-a8ff-443c-a75c-2fe8c4bcb635', 'Owner'],
  ['b24988ac-6180-42a0-ab88-20f7382dd24c', 'Contributor'],
  ['18d7d88d-d35e-4fb5-a5c3-7773c20a72d9', 'User Access Administrator'],
  ['f58310d9-a9f6-439a-9e8d-f62e7b41a168', 'Role Based Access Control Administrator'],
]);

/** Cognitive Services Contributor: manages accounts and lists their API keys. */
export const COGNITIVE_SERVICES_CONTRIBUTOR = '25fbc0a9-bd7c-42a3-aa1a-3b75d497ee68';

/** A role assignment's members as ARM listed them (`properties.*`), each undefined when absent. */
export interface Assignment {
  roleDefinitionId: string | undefined;
  principalId: string | undefined;
  principalType: string | undefined;
  scope: string | undefined;
}

export function assignmentOf(asset: CheckAsset): Assignment {
  const p = armProperties(asset) ?? {};
  const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
  return {
    roleDefinitionId: str(p.roleDefinitionId),
    principalId: str(p.principalId),
    principalType: str(p.principalType),
    scope: str(p.scope),
  };
}

/** The GUID a role definition id ends with, lower-cased. */
export function roleGuid(roleDefinitionId: string): string {
  return (roleDefinitionId.split('/').at(-1) ?? '').toLowerCase();
}

/** A scope above single resources: the tenant root, a management group, a subscription or a resource group. */
export function isBroadScope(scope: string): boolean {
  return (
    scope === '/' ||
    /^\/providers\/Microsoft\.Management\/managementGroups\/[^/]+\/?$/i.test(scope) ||
    /^\/subscriptions\/[^/]+(\/resourceGroups\/[^/]+)?\/?$/i.test(scope)
  );
}

const byPrincipal = (a: CheckAsset) => {
  const id = assignmentOf(a).principalId;
  return id ? [id.toLowerCase()] : [];
};

/** The role assignments of the account's inventory that name this principal. */
export function assignmentsOf(ctx: CheckContext, principalId: string): readonly CheckAsset[] {
  return lookup(ctx.inAccount(ROLE_ASSIGNMENT_ASSET_TYPE), byPrincipal, principalId.toLowerCase());
}
