import { Inject, Injectable } from '@nestjs/common';
import {
  EXISTING_ACCOUNT_PROBLEM,
  INVITATION_TTL_DAYS,
  type TAcceptInvitation,
  type TCreatedInvitation,
  type TCreateInvitation,
  type TInvitation,
  type TRole,
} from '@aispm/contracts';
import { newId, Prisma, type Database, type Invitation } from '@aispm/db';
import { auditEvent } from '../../common/audit';
import { notFound, ProblemException } from '../../common/problem';
import type { RequestMeta } from '../../common/tenant';
import { DATABASE } from '../../infra/tokens';
import { AuthService, type IssuedSession } from '../auth/auth.service';
import { hashPassword, newSecret, sha256 } from '../auth/credentials';
import type { Principal } from '../auth/principal';

/** Recognisable in a leaked log or chat message, like API tokens. */
export const INVITATION_TOKEN_PREFIX = 'aispm_inv_';

type InvitationRow = Invitation & { invitedBy: { email: string } };

interface FoundInvitation {
  id: string;
  tenantId: string;
  email: string;
  role: TRole;
  expiresAt: Date;
  acceptedAt: Date | null;
  revokedAt: Date | null;
}

function toDto(i: InvitationRow): TInvitation {
  return {
    id: i.id,
    email: i.email,
    role: i.role as TRole,
    invitedBy: i.invitedBy.email,
    createdAt: i.createdAt.toISOString(),
    expiresAt: i.expiresAt.toISOString(),
    acceptedAt: i.acceptedAt?.toISOString() ?? null,
    revokedAt: i.revokedAt?.toISOString() ?? null,
  };
}

function conflict(detail: string): ProblemException {
  return new ProblemException({ status: 409, title: 'Conflict', detail });
}

function gone(detail: string): ProblemException {
  return new ProblemException({
    status: 410,
    title: 'Gone',
    detail,
    type: 'https://aispm.dev/problems/invitation-unusable',
  });
}

/** Why an invitation can no longer be accepted, or undefined while it can. */
function unusable(i: Pick<FoundInvitation, 'acceptedAt' | 'revokedAt' | 'expiresAt'>, now: Date) {
  if (i.acceptedAt) return 'This invitation has already been accepted. Sign in instead.';
  if (i.revokedAt) return 'This invitation was revoked. Ask for a new one.';
  if (i.expiresAt <= now) return 'This invitation has expired. Ask for a new one.';
  return undefined;
}

const INCLUDE = { invitedBy: { select: { email: true } } } as const;

@Injectable()
export class InvitationsService {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    @Inject(AuthService) private readonly auth: AuthService,
  ) {}

  /** Invitations that can still be accepted, newest first. */
  async listPending(tenantId: string): Promise<TInvitation[]> {
    const rows = await this.db.tenant(tenantId, (tx) =>
      tx.invitation.findMany({
        where: { acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
        include: INCLUDE,
        orderBy: { createdAt: 'desc' },
      }),
    );
    return rows.map(toDto);
  }

  /** The plaintext token exists only in this response's link; Postgres keeps its SHA-256. */
  async create(
    tenantId: string,
    principal: Principal,
    input: TCreateInvitation,
    meta: RequestMeta,
  ): Promise<TCreatedInvitation> {
    if (input.role === 'owner' && principal.role !== 'owner') {
      throw new ProblemException({
        status: 403,
        title: 'Forbidden',
        detail: 'Only owners can invite an owner.',
      });
    }
    const email = input.email.trim().toLowerCase();
    const token = newSecret(INVITATION_TOKEN_PREFIX);
    const id = newId();
    const now = new Date();
    const row = await this.db.tenant(tenantId, async (tx) => {
      if (await tx.membership.findFirst({ where: { user: { email } } }))
        throw conflict(`${email} is already a member of this organization.`);
      const pending = await tx.invitation.findFirst({
        where: { email, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
      });
      if (pending) throw conflict(`${email} already has a pending invitation. Revoke it to send a new one.`);
      const created = await tx.invitation.create({
        data: {
          id,
          tenantId,
          email,
          role: input.role,
          tokenHash: sha256(token),
          invitedById: principal.userId,
          createdAt: now,
          expiresAt: new Date(now.getTime() + INVITATION_TTL_DAYS * 86_400_000),
        },
        include: INCLUDE,
      });
      await tx.auditEvent.create({
        data: auditEvent(
          tenantId,
          meta,
          'invitation.create',
          { type: 'invitation', id },
          { email, role: input.role, expiresAt: created.expiresAt.toISOString() },
        ),
      });
      return created;
    });
    return { ...toDto(row), acceptUrl: `/accept-invitation?token=${encodeURIComponent(token)}` };
  }

  async revoke(tenantId: string, id: string, meta: RequestMeta): Promise<TInvitation> {
    return this.db.tenant(tenantId, async (tx) => {
      const existing = await tx.invitation.findFirst({ where: { id } });
      if (!existing) throw notFound('invitation', id);
      if (existing.acceptedAt)
        throw conflict('This invitation has already been accepted; remove the member instead.');
      const row = await tx.invitation.update({
        where: { id },
        data: { revokedAt: existing.revokedAt ?? new Date() },
        include: INCLUDE,
      });
      if (!existing.revokedAt) {
        await tx.auditEvent.create({
          data: auditEvent(
            tenantId,
            meta,
            'invitation.revoke',
            { type: 'invitation', id },
            { email: row.email, role: row.role },
          ),
        });
      }
      return toDto(row);
    });
  }

  /**
   * Joins the invitation's organization with its role, creating the account when the email has none (and
   * otherwise requiring that account's password), then signs the user in. The invitation is claimed, the
   * account and membership created and the audit event written in one transaction, so a link works once.
   */
  async accept(input: TAcceptInvitation, meta: RequestMeta): Promise<IssuedSession> {
    const invitation = await this.findByToken(input.token);
    if (!invitation)
      throw new ProblemException({
        status: 404,
        title: 'Not found',
        detail: 'No invitation matches this link. Check that it was copied whole.',
        type: 'https://aispm.dev/problems/not-found',
      });
    const reason = unusable(invitation, new Date());
    if (reason) throw gone(reason);

    const existing = await this.db.prisma.user.findUnique({ where: { email: invitation.email } });
    if (existing && !(await this.auth.checkPassword(existing, input.password, meta))) {
      throw new ProblemException({
        status: 401,
        title: 'Unauthorized',
        detail: `${invitation.email} already has an aispm account: enter that account's password to accept.`,
        type: EXISTING_ACCOUNT_PROBLEM,
      });
    }
    // argon2 is slow on purpose: hash before the transaction, not inside it.
    const newUser = existing
      ? null
      : {
          id: newId(),
          email: invitation.email,
          name: input.name,
          passwordHash: await hashPassword(input.password),
        };
    const user = existing ?? newUser!;
    const actor: RequestMeta = { ...meta, actor: { type: 'user', id: user.id, email: user.email } };

    try {
      await this.db.tenant(invitation.tenantId, async (tx) => {
        const now = new Date();
        // Claiming the row first makes a concurrent second accept wait here, then find nothing to claim.
        const claimed = await tx.invitation.updateMany({
          where: { id: invitation.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
          data: { acceptedAt: now },
        });
        if (claimed.count === 0) {
          const current = await tx.invitation.findFirst({ where: { id: invitation.id } });
          throw gone((current && unusable(current, now)) ?? 'This invitation can no longer be accepted.');
        }
        if (newUser) {
          await tx.user.create({ data: newUser });
        } else if (await tx.membership.findFirst({ where: { userId: user.id } })) {
          throw conflict(`${user.email} is already a member of this organization. Sign in instead.`);
        }
        await tx.membership.create({
          data: { id: newId(), tenantId: invitation.tenantId, userId: user.id, role: invitation.role },
        });
        await tx.auditEvent.create({
          data: auditEvent(
            invitation.tenantId,
            actor,
            'invitation.accept',
            { type: 'invitation', id: invitation.id },
            { email: user.email, role: invitation.role, userId: user.id, newAccount: newUser !== null },
          ),
        });
      });
    } catch (e) {
      // A concurrent request won a unique key: another invitation for the same new email created the
      // account a moment earlier, or the same user joined this organization.
      if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002') {
        throw conflict(
          newUser
            ? `An account for ${user.email} was just created. Accept again with its password.`
            : `${user.email} is already a member of this organization. Sign in instead.`,
        );
      }
      throw e;
    }
    return this.auth.startSession(user, meta, invitation.tenantId);
  }

  /** The caller has no tenant yet: the token's hash is the only way in (a SECURITY DEFINER function). */
  private async findByToken(token: string): Promise<FoundInvitation | null> {
    if (!token.startsWith(INVITATION_TOKEN_PREFIX)) return null;
    const [row] = await this.db.prisma.$queryRaw<
      {
        id: string;
        tenant_id: string;
        email: string;
        role: TRole;
        expires_at: Date;
        accepted_at: Date | null;
        revoked_at: Date | null;
      }[]
    >`SELECT id, tenant_id, email, role::text AS role, expires_at, accepted_at, revoked_at
        FROM app_invitation(${sha256(token)})`;
    if (!row) return null;
    return {
      id: row.id,
      tenantId: row.tenant_id,
      email: row.email,
      role: row.role,
      expiresAt: row.expires_at,
      acceptedAt: row.accepted_at,
      revokedAt: row.revoked_at,
    };
  }
}
