import { Inject, Injectable } from '@nestjs/common';
import type { TRole } from '@aispm/contracts';
import { newId, type Database, type Session, type User } from '@aispm/db';
import { DATABASE } from '../../infra/tokens';

export interface MembershipRow {
  tenantId: string;
  role: TRole;
  orgName: string;
  orgSlug: string;
}

export interface TokenRow {
  id: string;
  tenantId: string;
  scopes: string[];
  createdById: string;
  expiresAt: Date;
  revokedAt: Date | null;
}

/** Identity data: users and sessions are global; memberships and tokens are read through the database's
 * narrow SECURITY DEFINER functions, the only cross-tenant reads the application role has. */
@Injectable()
export class AuthRepository {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  findUserByEmail(email: string): Promise<User | null> {
    return this.db.prisma.user.findUnique({ where: { email: email.toLowerCase() } });
  }

  findUser(id: string): Promise<User | null> {
    return this.db.prisma.user.findUnique({ where: { id } });
  }

  async memberships(userId: string): Promise<MembershipRow[]> {
    const rows = await this.db.prisma.$queryRaw<
      { tenant_id: string; role: TRole; org_name: string; org_slug: string }[]
    >`SELECT tenant_id, role::text AS role, org_name, org_slug FROM app_user_memberships(${userId}::uuid)`;
    return rows.map((r) => ({
      tenantId: r.tenant_id,
      role: r.role,
      orgName: r.org_name,
      orgSlug: r.org_slug,
    }));
  }

  async createSession(s: {
    userId: string;
    tokenHash: string;
    csrfHash: string;
    ip: string | undefined;
    userAgent: string | undefined;
    expiresAt: Date;
  }): Promise<Session> {
    const [session] = await this.db.prisma.$transaction([
      this.db.prisma.session.create({
        data: { id: newId(), ...s, ip: s.ip ?? null, userAgent: s.userAgent ?? null },
      }),
      this.db.prisma.user.update({ where: { id: s.userId }, data: { lastLoginAt: new Date() } }),
    ]);
    return session;
  }

  findSession(tokenHash: string): Promise<(Session & { user: User }) | null> {
    return this.db.prisma.session.findUnique({ where: { tokenHash }, include: { user: true } });
  }

  async touchSession(id: string, at: Date): Promise<void> {
    await this.db.prisma.session.updateMany({ where: { id }, data: { lastSeenAt: at } });
  }

  async deleteSession(id: string): Promise<number> {
    return (await this.db.prisma.session.deleteMany({ where: { id } })).count;
  }

  async deleteUserSessions(userId: string): Promise<number> {
    return (await this.db.prisma.session.deleteMany({ where: { userId } })).count;
  }

  async findApiToken(tokenHash: string): Promise<TokenRow | null> {
    const [row] = await this.db.prisma.$queryRaw<
      {
        id: string;
        tenant_id: string;
        scopes: string[];
        created_by_id: string;
        expires_at: Date;
        revoked_at: Date | null;
      }[]
    >`SELECT id, tenant_id, scopes, created_by_id, expires_at, revoked_at FROM app_api_token(${tokenHash})`;
    if (!row) return null;
    return {
      id: row.id,
      tenantId: row.tenant_id,
      scopes: row.scopes,
      createdById: row.created_by_id,
      expiresAt: row.expires_at,
      revokedAt: row.revoked_at,
    };
  }

  async markTokenUsed(tenantId: string, tokenId: string, at: Date): Promise<void> {
    await this.db.tenant(tenantId, (tx) =>
      tx.apiToken.updateMany({ where: { id: tokenId }, data: { lastUsedAt: at } }),
    );
  }
}
