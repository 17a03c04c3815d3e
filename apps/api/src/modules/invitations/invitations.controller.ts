import { Controller, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import { routes, type TAcceptInvitation, type TCreateInvitation } from '@aispm/contracts';
import type { Env } from '../../config/env';
import { Endpoint } from '../../common/endpoint';
import { Meta, TenantId, type RequestMeta } from '../../common/tenant';
import { Body, Params } from '../../common/zod-params';
import { ENV } from '../../infra/tokens';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { setSessionCookies } from '../auth/session-cookies';
import { InvitationsService } from './invitations.service';

@Controller()
export class InvitationsController {
  constructor(
    @Inject(InvitationsService) private readonly invitations: InvitationsService,
    @Inject(ENV) private readonly env: Env,
  ) {}

  @Endpoint(routes.listInvitations)
  async list(@TenantId() tenantId: string) {
    return { items: await this.invitations.listPending(tenantId) };
  }

  @Endpoint(routes.createInvitation)
  create(
    @TenantId() tenantId: string,
    @CurrentPrincipal() principal: Principal,
    @Body(routes.createInvitation.body) body: TCreateInvitation,
    @Meta() meta: RequestMeta,
  ) {
    return this.invitations.create(tenantId, principal, body, meta);
  }

  @Endpoint(routes.revokeInvitation)
  revoke(
    @TenantId() tenantId: string,
    @Params(routes.revokeInvitation.params) p: { id: string },
    @Meta() meta: RequestMeta,
  ) {
    return this.invitations.revoke(tenantId, p.id, meta);
  }

  @Endpoint(routes.acceptInvitation)
  async accept(
    @Body(routes.acceptInvitation.body) body: TAcceptInvitation,
    @Meta() meta: RequestMeta,
    @Res({ passthrough: true }) res: Response,
  ) {
    const issued = await this.invitations.accept(body, meta);
    setSessionCookies(res, this.env, issued);
    return issued.me;
  }
}
