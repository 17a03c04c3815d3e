import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { TPermission, TRole } from '@aispm/contracts';

/** Who is calling, established by the AuthGuard from a session cookie or a bearer API token. */
export interface Principal {
  kind: 'session' | 'token';
  userId: string;
  email: string;
  sessionId?: string;
  tokenId?: string;
  /** The organization this request acts for; undefined only on `session` routes of a user with no membership. */
  tenantId?: string;
  role?: TRole;
  permissions: ReadonlySet<TPermission>;
}

export type AuthenticatedRequest = Request & { principal?: Principal; tenantId?: string; id?: unknown };

export const CurrentPrincipal = createParamDecorator((_data: unknown, ctx: ExecutionContext): Principal => {
  const principal = ctx.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (!principal) throw new Error('AuthGuard did not run for this route');
  return principal;
});
