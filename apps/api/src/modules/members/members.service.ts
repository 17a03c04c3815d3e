import { Inject, Injectable } from '@nestjs/common';
import type { TMember, TRole, TUpdateMember } from '@aispm/contracts';
import type { Database, Membership, TenantTx } from '@aispm/db';
import { auditEvent } from '../../common/audit';
import { notFound, ProblemException } from '../../common/problem';
import type { RequestMeta } from '../../common/tenant';
import { DATABASE } from '../../infra/tokens';
import type { Principal } from '../auth/principal';

type MemberRow = Membership & { user: { email: string; name: string } };

function toDto(m: MemberRow): TMember {
  return {
    userId: m.userId,
    email: m.user.email,
    name: m.user.name,
    role: m.role as TRole,
    joinedAt: m.createdAt.toISOString(),
  };
}

const INCLUDE = { user: { select: { email: true, name: true } } } as const;

function onlyOwners(): ProblemException {
  return new ProblemException({
    status: 403,
    title: 'Forbidden',
    detail: 'Only owners can grant or remove the owner role.',
  });
}

function lastOwner(email: string, action: string): ProblemException {
  return new ProblemException({
    status: 409,
    title: 'Conflict',
    detail: `${email} is the organization's last owner and cannot be ${action}. Make another member an owner first.`,
  });
}

/**
 * Roles and membership. The rules: only owners grant or take away the owner role (so an admin cannot promote
 * themselves or remove an owner), and an organization always keeps at least one owner. A removed member's
 * sessions stay (they are per user, across organizations); the AuthGuard refuses their next request here.
 */
@Injectable()
export class MembersService {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  async list(tenantId: string): Promise<TMember[]> {
    const rows = await this.db.tenant(tenantId, (tx) =>
      tx.membership.findMany({ include: INCLUDE, orderBy: { createdAt: 'asc' } }),
    );
    return rows.map(toDto);
  }

  async updateRole(
    tenantId: string,
    principal: Principal,
    userId: string,
    input: TUpdateMember,
    meta: RequestMeta,
  ): Promise<TMember> {
    return this.db.tenant(tenantId, async (tx) => {
      const owners = await lockOwners(tx, tenantId);
      const member = await tx.membership.findFirst({ where: { userId }, include: INCLUDE });
      if (!member) throw notFound('member', userId);
      const from = member.role as TRole;
      if (from === input.role) return toDto(member);
      if ((from === 'owner' || input.role === 'owner') && principal.role !== 'owner') throw onlyOwners();
      if (from === 'owner' && owners <= 1) throw lastOwner(member.user.email, 'demoted');
      const updated = await tx.membership.update({
        where: { id: member.id },
        data: { role: input.role },
        include: INCLUDE,
      });
      await tx.auditEvent.create({
        data: auditEvent(
          tenantId,
          meta,
          'member.role_change',
          { type: 'member', id: userId },
          { email: member.user.email, from, to: input.role },
        ),
      });
      return toDto(updated);
    });
  }

  /**
   * Also revokes the API tokens the member created in this organization: the guard already refuses them while
   * their creator is not a member, and they must not come back to life if the person is invited again.
   */
  async remove(tenantId: string, principal: Principal, userId: string, meta: RequestMeta): Promise<TMember> {
    return this.db.tenant(tenantId, async (tx) => {
      const owners = await lockOwners(tx, tenantId);
      const member = await tx.membership.findFirst({ where: { userId }, include: INCLUDE });
      if (!member) throw notFound('member', userId);
      if (member.role === 'owner') {
        if (principal.role !== 'owner') throw onlyOwners();
        if (owners <= 1) throw lastOwner(member.user.email, 'removed');
      }
      await tx.membership.delete({ where: { id: member.id } });
      const revoked = await tx.apiToken.updateMany({
        where: { createdById: userId, revokedAt: null },
        data: { revokedAt: new Date() },
      });
      await tx.auditEvent.create({
        data: auditEvent(
          tenantId,
          meta,
          'member.remove',
          { type: 'member', id: userId },
          { email: member.user.email, role: member.role, apiTokensRevoked: revoked.count },
        ),
      });
      return toDto(member);
    });
  }
}

/**
 * Locks the organization's owner memberships until the transaction ends and counts them. Two owners demoting
 * each other at the same moment then run one after the other, and the second sees that only one owner is left.
 */
async function lockOwners(tx: TenantTx, tenantId: string): Promise<number> {
  const rows = await tx.$queryRaw<{ user_id: string }[]>`
    SELECT user_id FROM memberships WHERE tenant_id = ${tenantId}::uuid AND role = 'owner' FOR UPDATE`;
  return rows.length;
}
