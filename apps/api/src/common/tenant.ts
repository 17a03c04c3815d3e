import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { AuthenticatedRequest } from '../modules/auth/principal';

/** The tenant the AuthGuard resolved for this request; repositories require it as their first argument. */
export const TenantId = createParamDecorator((_data: unknown, ctx: ExecutionContext): string => {
  const id = ctx.switchToHttp().getRequest<AuthenticatedRequest>().tenantId;
  if (!id) throw new Error('AuthGuard did not resolve a tenant for this route');
  return id;
});

export interface RequestMeta {
  ip: string | undefined;
  userAgent: string | undefined;
  requestId: string | undefined;
  /** Who acted, for the audit log: the user, and the API token when one was used. */
  actor: { type: 'user' | 'token' | 'anonymous'; id: string | undefined; email: string | undefined };
}

export const Meta = createParamDecorator((_data: unknown, ctx: ExecutionContext): RequestMeta => {
  const req = ctx.switchToHttp().getRequest<AuthenticatedRequest>();
  const p = req.principal;
  return {
    ip: req.ip,
    userAgent: req.header('user-agent')?.slice(0, 300),
    requestId: req.id === undefined ? undefined : String(req.id),
    actor: p
      ? {
          type: p.kind === 'token' ? 'token' : 'user',
          id: p.kind === 'token' ? p.tokenId : p.userId,
          email: p.email,
        }
      : { type: 'anonymous', id: undefined, email: undefined },
  };
});
