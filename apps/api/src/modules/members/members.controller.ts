import { Controller, Inject } from '@nestjs/common';
import { routes, type TUpdateMember } from '@aispm/contracts';
import { Endpoint } from '../../common/endpoint';
import { Meta, TenantId, type RequestMeta } from '../../common/tenant';
import { Body, Params } from '../../common/zod-params';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { MembersService } from './members.service';

@Controller()
export class MembersController {
  constructor(@Inject(MembersService) private readonly members: MembersService) {}

  @Endpoint(routes.listMembers)
  async list(@TenantId() tenantId: string) {
    return { items: await this.members.list(tenantId) };
  }

  @Endpoint(routes.updateMember)
  update(
    @TenantId() tenantId: string,
    @CurrentPrincipal() principal: Principal,
    @Params(routes.updateMember.params) p: { id: string },
    @Body(routes.updateMember.body) body: TUpdateMember,
    @Meta() meta: RequestMeta,
  ) {
    return this.members.updateRole(tenantId, principal, p.id, body, meta);
  }

  @Endpoint(routes.removeMember)
  remove(
    @TenantId() tenantId: string,
    @CurrentPrincipal() principal: Principal,
    @Params(routes.removeMember.params) p: { id: string },
    @Meta() meta: RequestMeta,
  ) {
    return this.members.remove(tenantId, principal, p.id, meta);
  }
}
