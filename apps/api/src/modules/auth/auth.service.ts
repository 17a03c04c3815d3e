import { Inject, Injectable } from '@nestjs/common';
import type { TLogin, TMe } from '@aispm/contracts';
import { permissionsOf } from '@aispm/contracts';
import type { Env } from '../../config/env';
import { ProblemException } from '../../common/problem';
import type { RequestMeta } from '../../common/tenant';
import { ENV } from '../../infra/tokens';
import { AuthRepository, type MembershipRow } from './auth.repository';
import { newSecret, sha256, verifyPassword } from './credentials';
import { LoginThrottle } from './login-throttle';
import type { Principal } from './principal';
import { SecurityEvents, type AuthProtocol } from './security-events';

export interface IssuedSession {
  me: TMe;
  sessionToken: string;
  csrfToken: string;
  expiresAt: Date;
}

@Injectable()
export class AuthService {
  constructor(
    @Inject(AuthRepository) private readonly repo: AuthRepository,
    @Inject(LoginThrottle) private readonly throttle: LoginThrottle,
    @Inject(SecurityEvents) private readonly events: SecurityEvents,
    @Inject(ENV) private readonly env: Env,
  ) {}

  async login(input: TLogin, meta: RequestMeta): Promise<IssuedSession> {
    const email = input.email.toLowerCase();
    await this.refuseWhenThrottled(email, meta);
    const user = await this.repo.findUserByEmail(email);
    const ok = await verifyPassword(user?.passwordHash ?? null, input.password);
    const memberships = ok && user ? await this.repo.memberships(user.id) : [];
    if (!ok || !user || memberships.length === 0) {
      await this.throttle.failed(email);
      this.events.authentication('logon', false, { userId: user?.id, email }, meta, 'invalid credentials');
      // One answer for unknown email, wrong password and no organization: nothing to enumerate.
      throw new ProblemException({
        status: 401,
        title: 'Unauthorized',
        detail: 'Invalid email or password.',
      });
    }
    await this.throttle.succeeded(email);
    return this.startSession(user, meta);
  }

  /**
   * Signs in a user who has just proved who they are (a password sign-in, an accepted invitation, single
   * sign-on: `protocol` names which in the security event): stores the hashes of a new session and CSRF token
   * and returns the tokens for the cookies (see session-cookies.ts).
   * `me` describes `tenantId` when given (and the user belongs to it), otherwise their first organization.
   */
  async startSession(
    user: { id: string; email: string; name: string },
    meta: RequestMeta,
    tenantId?: string,
    protocol: AuthProtocol = 'Password',
  ): Promise<IssuedSession> {
    const memberships = await this.repo.memberships(user.id);
    const current = memberships.find((m) => m.tenantId === tenantId) ?? memberships[0];
    if (!current) throw new Error(`startSession: user ${user.id} belongs to no organization`);
    const sessionToken = newSecret('');
    const csrfToken = newSecret('');
    const expiresAt = new Date(Date.now() + this.env.SESSION_TTL_HOURS * 3600_000);
    await this.repo.createSession({
      userId: user.id,
      tokenHash: sha256(sessionToken),
      csrfHash: sha256(csrfToken),
      ip: meta.ip,
      userAgent: meta.userAgent,
      expiresAt,
    });
    this.events.authentication(
      'logon',
      true,
      { userId: user.id, email: user.email },
      meta,
      undefined,
      protocol,
    );
    return {
      me: toMe(user, memberships, current, 'session'),
      sessionToken,
      csrfToken,
      expiresAt,
    };
  }

  /**
   * Checks the password of an existing account outside the sign-in form (accepting an invitation), under the
   * same lockout as sign-in so it cannot be used to guess passwords around it.
   */
  async checkPassword(
    user: { id: string; email: string; passwordHash: string | null },
    password: string,
    meta: RequestMeta,
  ): Promise<boolean> {
    await this.refuseWhenThrottled(user.email, meta);
    const ok = await verifyPassword(user.passwordHash, password);
    if (ok) {
      await this.throttle.succeeded(user.email);
    } else {
      await this.throttle.failed(user.email);
      this.events.authentication(
        'logon',
        false,
        { userId: user.id, email: user.email },
        meta,
        'invalid credentials',
      );
    }
    return ok;
  }

  private async refuseWhenThrottled(email: string, meta: RequestMeta): Promise<void> {
    const wait = await this.throttle.retryAfter(email, meta.ip);
    if (wait > 0) {
      this.events.authentication('logon', false, { email }, meta, 'throttled');
      throw new ProblemException(
        {
          status: 429,
          title: 'Too many requests',
          detail: `Too many failed sign-ins. Try again in ${wait} seconds.`,
        },
        { 'Retry-After': String(wait) },
      );
    }
  }

  async me(principal: Principal): Promise<TMe> {
    const [user, memberships] = await Promise.all([
      this.repo.findUser(principal.userId),
      this.repo.memberships(principal.userId),
    ]);
    const current = memberships.find((m) => m.tenantId === principal.tenantId);
    if (!user || !current) {
      throw new ProblemException({
        status: 403,
        title: 'Forbidden',
        detail: 'You are not a member of any organization.',
      });
    }
    return toMe(user, memberships, current, principal.kind);
  }

  async logout(principal: Principal, meta: RequestMeta, everywhere: boolean): Promise<number> {
    const ended = everywhere
      ? await this.repo.deleteUserSessions(principal.userId)
      : await this.repo.deleteSession(principal.sessionId ?? '');
    this.events.authentication('logoff', true, { userId: principal.userId, email: principal.email }, meta);
    return ended;
  }
}

function toMe(
  user: { id: string; email: string; name: string },
  memberships: MembershipRow[],
  current: MembershipRow,
  via: 'session' | 'token',
): TMe {
  const org = (m: MembershipRow) => ({ id: m.tenantId, name: m.orgName, slug: m.orgSlug, role: m.role });
  return {
    user: { id: user.id, email: user.email, name: user.name },
    organizations: memberships.map(org),
    organization: org(current),
    permissions: permissionsOf(current.role),
    via,
  };
}
