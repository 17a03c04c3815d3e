import { z, ZUuid } from './common';

/** Organization roles, most powerful first. The permission matrix below is documented in the README. */
export const ROLES = ['owner', 'admin', 'analyst', 'viewer', 'auditor'] as const;
export const ZRole = z.enum(ROLES);
export type TRole = z.infer<typeof ZRole>;

export const PERMISSIONS = [
  'accounts:read',
  'accounts:write',
  'scans:run',
  'inventory:read',
  'findings:read',
  'findings:write',
  'members:read',
  'members:write',
  'tokens:read',
  'tokens:write',
  'audit:read',
] as const;
export const ZPermission = z.enum(PERMISSIONS);
export type TPermission = z.infer<typeof ZPermission>;

const READ: TPermission[] = ['accounts:read', 'inventory:read', 'findings:read'];

/** What each role may do. Every endpoint names the one permission it needs (routes.ts). */
export const ROLE_PERMISSIONS: Record<TRole, readonly TPermission[]> = {
  owner: PERMISSIONS,
  admin: PERMISSIONS,
  analyst: [...READ, 'scans:run', 'findings:write', 'members:read', 'tokens:read', 'tokens:write'],
  viewer: READ,
  auditor: [...READ, 'members:read', 'tokens:read', 'audit:read'],
};

/**
 * API token scopes and the permissions each grants. A token can never do more than the role its creator
 * holds when the token is used, and no scope lets a token manage tokens or members.
 */
export const TOKEN_SCOPES = {
  'read:inventory': ['accounts:read', 'inventory:read', 'findings:read'],
  'write:accounts': ['accounts:read', 'accounts:write'],
  'write:findings': ['findings:read', 'findings:write'],
  'run:scans': ['scans:run'],
  'read:audit': ['audit:read'],
} as const satisfies Record<string, readonly TPermission[]>;
export const ZTokenScope = z.enum(Object.keys(TOKEN_SCOPES) as [keyof typeof TOKEN_SCOPES]);
export type TTokenScope = z.infer<typeof ZTokenScope>;

export function permissionsOf(role: TRole, scopes?: readonly TTokenScope[]): TPermission[] {
  const granted = ROLE_PERMISSIONS[role];
  if (!scopes) return [...granted];
  const scoped = new Set<TPermission>(scopes.flatMap((s) => TOKEN_SCOPES[s]));
  return granted.filter((p) => scoped.has(p));
}

export const ZLogin = z
  .object({
    email: z.email().max(320),
    password: z.string().min(1).max(1024),
  })
  .openapi('Login');
export type TLogin = z.infer<typeof ZLogin>;

export const ZOrganizationMembership = z.object({
  id: ZUuid,
  name: z.string(),
  slug: z.string(),
  role: ZRole,
});

export const ZMe = z
  .object({
    user: z.object({ id: ZUuid, email: z.string(), name: z.string() }),
    organizations: z.array(ZOrganizationMembership),
    /** The organization this request acted for (X-Org-Id, or the first membership). */
    organization: ZOrganizationMembership,
    permissions: z.array(ZPermission),
    via: z.enum(['session', 'token']),
  })
  .openapi('Me');
export type TMe = z.infer<typeof ZMe>;

export const ZSignedOut = z.object({ sessionsEnded: z.number().int() }).openapi('SignedOut');

export const ZMember = z
  .object({ userId: ZUuid, email: z.string(), name: z.string(), role: ZRole, joinedAt: z.iso.datetime() })
  .openapi('Member');
export const ZMemberList = z.object({ items: z.array(ZMember) }).openapi('MemberList');
export type TMember = z.infer<typeof ZMember>;

export const ZApiToken = z
  .object({
    id: ZUuid,
    name: z.string(),
    prefix: z.string(),
    scopes: z.array(ZTokenScope),
    createdBy: z.string(),
    createdAt: z.iso.datetime(),
    expiresAt: z.iso.datetime(),
    revokedAt: z.iso.datetime().nullable(),
    lastUsedAt: z.iso.datetime().nullable(),
  })
  .openapi('ApiToken');
export type TApiToken = z.infer<typeof ZApiToken>;
export const ZApiTokenList = z.object({ items: z.array(ZApiToken) }).openapi('ApiTokenList');

export const ZCreateApiToken = z
  .object({
    name: z.string().trim().min(1).max(100),
    scopes: z.array(ZTokenScope).min(1).max(10),
    expiresInDays: z.number().int().min(1).max(365).default(90),
  })
  .openapi('CreateApiToken');
export type TCreateApiToken = z.infer<typeof ZCreateApiToken>;

/** The only time the token itself is shown. */
export const ZCreatedApiToken = ZApiToken.extend({ token: z.string() }).openapi('CreatedApiToken');
export type TCreatedApiToken = z.infer<typeof ZCreatedApiToken>;

export const ZAuditEvent = z
  .object({
    id: ZUuid,
    actorType: z.string(),
    actorId: z.string().nullable(),
    actor: z.string().nullable(),
    action: z.string(),
    targetType: z.string(),
    targetId: z.string().nullable(),
    ip: z.string().nullable(),
    userAgent: z.string().nullable(),
    requestId: z.string().nullable(),
    metadata: z.record(z.string(), z.unknown()),
    createdAt: z.iso.datetime(),
  })
  .openapi('AuditEvent');
export type TAuditEvent = z.infer<typeof ZAuditEvent>;
