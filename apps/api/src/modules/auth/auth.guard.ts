import { Inject, Injectable, SetMetadata, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { z } from 'zod';
import { permissionsOf, ZTokenScope, type RouteContract, type TPermission } from '@aispm/contracts';
import { ProblemException } from '../../common/problem';
import { ROUTE_CONTRACT } from '../../common/endpoint';
import { AuthRepository, type MembershipRow } from './auth.repository';
import { API_TOKEN_PREFIX, CSRF_HEADER, SESSION_COOKIE, sameHash, sha256 } from './credentials';
import type { AuthenticatedRequest, Principal } from './principal';
import { RequestRateLimit } from './request-rate-limit';
import { SecurityEvents } from './security-events';

const PUBLIC = Symbol('PUBLIC');
/** Marks a controller outside the route table that anyone may call (health probes, metrics). */
export const PublicRoute = () => SetMetadata(PUBLIC, true);

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const TOUCH_EVERY_MS = 60_000;

function unauthorized(detail: string): ProblemException {
  return new ProblemException({ status: 401, title: 'Unauthorized', detail });
}
function forbidden(detail: string): ProblemException {
  return new ProblemException({ status: 403, title: 'Forbidden', detail });
}

/**
 * Global guard. Every route either comes from the route table (and carries its access rule) or is marked
 * public; anything else is refused, so a new controller cannot be reachable by accident. It authenticates
 * the caller (session cookie with CSRF check, or bearer API token), picks the organization the request acts
 * for, and checks the permission the route needs.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly tokenMarkedAt = new Map<string, number>();

  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(AuthRepository) private readonly repo: AuthRepository,
    @Inject(SecurityEvents) private readonly events: SecurityEvents,
    @Inject(RequestRateLimit) private readonly rateLimit: RequestRateLimit,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC, targets)) return true;
    const route = this.reflector.get<RouteContract | undefined>(ROUTE_CONTRACT, ctx.getHandler());
    if (!route) throw forbidden('This route is not in the route table.');
    if (route.access === 'public') return true;

    const req = ctx.switchToHttp().getRequest<AuthenticatedRequest>();
    const principal = await this.authenticate(req);
    await this.rateLimit.consume(
      principal.kind === 'token' ? `token:${principal.tokenId}` : `user:${principal.userId}`,
    );
    req.principal = principal;
    if (principal.tenantId) req.tenantId = principal.tenantId;

    if (route.access === 'session') {
      if (principal.kind !== 'session')
        throw forbidden('This action needs a signed-in session, not an API token.');
      return true;
    }
    if (!principal.tenantId) throw forbidden('You are not a member of any organization.');
    if (!principal.permissions.has(route.access as TPermission)) {
      this.events.apiActivity(
        false,
        { userId: principal.userId, email: principal.email, tokenId: principal.tokenId },
        this.source(req),
        { method: req.method, path: route.path },
        `missing permission ${route.access}`,
      );
      throw forbidden(
        principal.kind === 'token'
          ? `This API token does not grant ${route.access} (its scopes or its creator's role do not allow it).`
          : `Your role (${principal.role}) does not allow ${route.access}.`,
      );
    }
    return true;
  }

  private async authenticate(req: AuthenticatedRequest): Promise<Principal> {
    const header = req.header('authorization');
    if (header !== undefined) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      if (!match?.[1]?.startsWith(API_TOKEN_PREFIX))
        throw unauthorized('The Authorization header must be "Bearer aispm_pat_…".');
      return this.fromToken(req, match[1]);
    }
    const cookie = (req.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
    if (cookie) return this.fromSession(req, cookie);
    throw unauthorized('Sign in, or send an API token as "Authorization: Bearer …".');
  }

  private async fromToken(req: AuthenticatedRequest, token: string): Promise<Principal> {
    const row = await this.repo.findApiToken(sha256(token));
    const now = new Date();
    if (!row || row.revokedAt || row.expiresAt <= now) {
      this.events.apiActivity(
        false,
        {},
        this.source(req),
        { method: req.method, path: req.path },
        'invalid api token',
      );
      throw unauthorized('The API token is invalid, expired or revoked.');
    }
    const orgHeader = req.header('x-org-id');
    if (orgHeader !== undefined && orgHeader !== row.tenantId) {
      throw forbidden('This API token belongs to another organization.');
    }
    const [user, memberships] = await Promise.all([
      this.repo.findUser(row.createdById),
      this.repo.memberships(row.createdById),
    ]);
    const membership = memberships.find((m) => m.tenantId === row.tenantId);
    if (!user || !membership)
      throw unauthorized('The API token’s creator is no longer a member of its organization.');
    const scopes = z.array(ZTokenScope).catch([]).parse(row.scopes);
    // last_used_at is for people ("was this token used this week?"): a write per request would make every
    // token call a write transaction, so record it at most once a minute per token and process.
    const marked = this.tokenMarkedAt.get(row.id);
    if (marked === undefined || now.getTime() - marked > TOUCH_EVERY_MS) {
      if (this.tokenMarkedAt.size > 10_000) this.tokenMarkedAt.clear();
      this.tokenMarkedAt.set(row.id, now.getTime());
      await this.repo.markTokenUsed(row.tenantId, row.id, now);
    }
    this.events.apiActivity(true, { userId: user.id, email: user.email, tokenId: row.id }, this.source(req), {
      method: req.method,
      path: req.path,
    });
    return {
      kind: 'token',
      userId: user.id,
      email: user.email,
      tokenId: row.id,
      tenantId: row.tenantId,
      role: membership.role,
      permissions: new Set(permissionsOf(membership.role, scopes)),
    };
  }

  private async fromSession(req: AuthenticatedRequest, cookie: string): Promise<Principal> {
    const session = await this.repo.findSession(sha256(cookie));
    const now = new Date();
    if (!session || session.expiresAt <= now) {
      if (session) await this.repo.deleteSession(session.id);
      throw unauthorized('Your session has ended; sign in again.');
    }
    if (UNSAFE.has(req.method)) this.checkCsrf(req, session.csrfHash);
    if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS)
      await this.repo.touchSession(session.id, now);
    const memberships = await this.repo.memberships(session.userId);
    const membership = this.chooseOrganization(req, memberships);
    return {
      kind: 'session',
      userId: session.userId,
      email: session.user.email,
      sessionId: session.id,
      ...(membership ? { tenantId: membership.tenantId, role: membership.role } : {}),
      permissions: new Set(membership ? permissionsOf(membership.role) : []),
    };
  }

  /** X-Org-Id picks among the user's organizations; without it, the first one they joined. */
  private chooseOrganization(
    req: AuthenticatedRequest,
    memberships: MembershipRow[],
  ): MembershipRow | undefined {
    const wanted = req.header('x-org-id');
    if (wanted === undefined) return memberships[0];
    if (!z.uuid().safeParse(wanted).success) {
      throw new ProblemException({
        status: 400,
        title: 'Invalid request',
        detail: 'X-Org-Id must be a UUID.',
      });
    }
    const found = memberships.find((m) => m.tenantId === wanted);
    if (!found) throw forbidden(`You are not a member of organization ${wanted}.`);
    return found;
  }

  /** Cookies ride along on cross-site requests; the CSRF token (readable only by our own pages) does not. */
  private checkCsrf(req: AuthenticatedRequest, csrfHash: string): void {
    const origin = req.header('origin');
    if (origin !== undefined && origin !== 'null') {
      const host = req.header('host');
      let originHost: string | undefined;
      try {
        originHost = new URL(origin).host;
      } catch {
        originHost = undefined;
      }
      if (originHost !== host) throw forbidden(`Cross-origin request from ${origin} refused.`);
    }
    const token = req.header(CSRF_HEADER);
    if (!token || !sameHash(sha256(token), csrfHash)) {
      throw forbidden(
        `Missing or wrong CSRF token: send the ${CSRF_HEADER} header with the aispm_csrf cookie's value.`,
      );
    }
  }

  private source(req: AuthenticatedRequest) {
    return {
      ip: req.ip,
      userAgent: req.header('user-agent')?.slice(0, 300),
      requestId: req.id === undefined ? undefined : String(req.id),
    };
  }
}
