import { describe, expect, it } from 'vitest';
import { run } from '../../testing';
import { mlWorkspaceIdentityPrivilegedRole as check } from './ml-workspace-identity-privileged-role.check';
import { armAsset, mlWorkspace, RG, roleAssignment, ROLE_IDS, SUB, without } from './testing';

const workspace = armAsset(mlWorkspace);
const principal = '22222222-0000-4000-8000-000000000002';
const storage = `${RG}/providers/Microsoft.Storage/storageAccounts/stmlprod`;
const someoneElse = armAsset(roleAssignment(SUB, 'Owner', '99999999-0000-4000-8000-000000000009', 'User'));

describe(check.id, () => {
  it('passes when the identity only holds roles on single resources', () => {
    const onStorage = armAsset(roleAssignment(storage, 'Contributor', principal));
    expect(run(check, workspace, { assets: [onStorage, someoneElse] })).toEqual({
      status: 'pass',
      evidence: {
        principalIds: [principal],
        roleAssignments: [
          {
            roleDefinitionId: `${SUB}/providers/Microsoft.Authorization/roleDefinitions/${ROLE_IDS.Contributor}`,
            role: 'Contributor',
            scope: storage,
          },
        ],
      },
    });
  });

  it('fails when the identity is Contributor on the subscription', () => {
    const broad = armAsset(roleAssignment(SUB, 'Contributor', principal));
    const r = run(check, workspace, { assets: [broad, someoneElse] });
    expect(r).toMatchObject({
      status: 'fail',
      evidence: { roleAssignments: [{ role: 'Contributor', scope: SUB }] },
    });
  });

  it('fails for Owner on a resource group, matching a user-assigned identity', () => {
    const uaiPrincipal = '55555555-0000-4000-8000-000000000005';
    const body = {
      ...mlWorkspace,
      identity: {
        type: 'UserAssigned',
        userAssignedIdentities: {
          [`${RG}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/ws`]: {
            principalId: uaiPrincipal,
          },
        },
      },
    };
    const owner = armAsset(roleAssignment(RG, 'Owner', uaiPrincipal));
    expect(run(check, armAsset(body), { assets: [owner] }).status).toBe('fail');
  });

  it('passes a broad Reader assignment', () => {
    const reader = armAsset(roleAssignment(SUB, 'Reader', principal));
    expect(run(check, workspace, { assets: [reader] }).status).toBe('pass');
  });

  it('is unknown when no role assignment was inventoried at all', () => {
    expect(run(check, workspace)).toEqual({
      status: 'unknown',
      missing: ['Microsoft.Authorization/roleAssignments'],
    });
  });

  it('is unknown when the identity came back without a principal id', () => {
    const body = { ...mlWorkspace, identity: { type: 'SystemAssigned' } };
    expect(run(check, armAsset(body), { assets: [someoneElse] })).toEqual({
      status: 'unknown',
      missing: ['identity.principalId'],
    });
  });

  it('does not concern a workspace without a managed identity', () => {
    const r = run(check, armAsset(without(mlWorkspace, 'identity')), { assets: [someoneElse] });
    expect(r.status).toBe('not_applicable');
  });
});
