import { describe, expect, it } from 'vitest';
import { run } from '../../testing';
import { authorizationRoleAssignmentPrivilegedOnAiResource as check } from './authorization-role-assignment-privileged-on-ai-resource.check';
import {
  armAsset,
  mlWorkspace,
  openAiAccount,
  RG,
  roleAssignment,
  ROLE_IDS,
  SUB,
  withProps,
} from './testing';

const account = String(openAiAccount.id);
const user = '66666666-0000-4000-8000-000000000006';

describe(check.id, () => {
  it('fails Contributor on an Azure OpenAI account, naming the role and the principal', () => {
    expect(run(check, armAsset(roleAssignment(account, 'Contributor', user, 'User')))).toEqual({
      status: 'fail',
      evidence: {
        'properties.roleDefinitionId': `${SUB}/providers/Microsoft.Authorization/roleDefinitions/${ROLE_IDS.Contributor}`,
        role: 'Contributor',
        'properties.scope': account,
        'properties.principalId': user,
        'properties.principalType': 'User',
      },
    });
  });

  it('passes a data-plane role on the account', () => {
    const r = run(check, armAsset(roleAssignment(account, 'Cognitive Services OpenAI User', user)));
    expect(r).toMatchObject({ status: 'pass', evidence: { role: null } });
  });

  it('fails Owner on a resource group that holds a workspace, listing it', () => {
    const workspace = armAsset(mlWorkspace);
    const r = run(check, armAsset(roleAssignment(RG, 'Owner', user, 'User')), { assets: [workspace] });
    expect(r).toMatchObject({
      status: 'fail',
      evidence: { role: 'Owner', aiResources: [workspace.nativeId] },
    });
  });

  it('does not concern a resource group without AI resources, nor the subscription', () => {
    expect(run(check, armAsset(roleAssignment(RG, 'Owner', user))).status).toBe('not_applicable');
    const workspace = armAsset(mlWorkspace);
    expect(run(check, armAsset(roleAssignment(SUB, 'Owner', user)), { assets: [workspace] }).status).toBe(
      'not_applicable',
    );
  });

  it('is unknown when the assignment came back without its scope or role', () => {
    const noScope = withProps(roleAssignment(account, 'Owner', user), { scope: undefined });
    expect(run(check, armAsset(noScope))).toEqual({ status: 'unknown', missing: ['properties.scope'] });
    const noRole = withProps(roleAssignment(account, 'Owner', user), { roleDefinitionId: undefined });
    expect(run(check, armAsset(noRole))).toEqual({
      status: 'unknown',
      missing: ['properties.roleDefinitionId'],
    });
  });
});
