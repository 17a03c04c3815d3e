import { describe, expect, it } from 'vitest';
import { PERMISSIONS, permissionsOf, ROLES, TOKEN_SCOPES, type TTokenScope } from './auth';

describe('the permission matrix', () => {
  it('gives members:write to owners and admins only', () => {
    expect(ROLES.filter((role) => permissionsOf(role).includes('members:write'))).toEqual(['owner', 'admin']);
  });

  it('gives owners and admins every permission', () => {
    expect(permissionsOf('owner')).toEqual([...PERMISSIONS]);
    expect(permissionsOf('admin')).toEqual([...PERMISSIONS]);
  });

  it('lets no API token scope manage members or tokens, whatever its creator’s role', () => {
    const allScopes = Object.keys(TOKEN_SCOPES) as TTokenScope[];
    const granted = permissionsOf('owner', allScopes);
    expect(granted).not.toContain('members:write');
    expect(granted).not.toContain('members:read');
    expect(granted).not.toContain('tokens:write');
  });
});
