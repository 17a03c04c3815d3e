import { Controller, Inject } from '@nestjs/common';
import { routes, type TCreateApiToken } from '@aispm/contracts';
import { Endpoint } from '../../common/endpoint';
import { Meta, TenantId, type RequestMeta } from '../../common/tenant';
import { Body, Params } from '../../common/zod-params';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { TokensService } from './tokens.service';

@Controller()
export class TokensController {
  constructor(@Inject(TokensService) private readonly tokens: TokensService) {}

  @Endpoint(routes.listTokens)
  async list(@TenantId() tenantId: string) {
    return { items: await this.tokens.list(tenantId) };
  }

  @Endpoint(routes.createToken)
  create(
    @TenantId() tenantId: string,
    @CurrentPrincipal() principal: Principal,
    @Body(routes.createToken.body) body: TCreateApiToken,
    @Meta() meta: RequestMeta,
  ) {
    return this.tokens.create(tenantId, principal, body, meta);
  }

  @Endpoint(routes.revokeToken)
  revoke(
    @TenantId() tenantId: string,
    @Params(routes.revokeToken.params) p: { id: string },
    @Meta() meta: RequestMeta,
  ) {
    return this.tokens.revoke(tenantId, p.id, meta);
  }
}
