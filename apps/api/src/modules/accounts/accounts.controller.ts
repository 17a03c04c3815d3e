import { Controller, Get, HttpCode, Inject, Post, UseGuards } from '@nestjs/common';
import { routes, type TCreateCloudAccount } from '@aispm/contracts';
import { Body, Params } from '../../common/zod-params';
import { Meta, TenantGuard, TenantId, type RequestMeta } from '../../common/tenant';
import { AccountsService } from './accounts.service';

@Controller()
@UseGuards(TenantGuard)
export class AccountsController {
  constructor(@Inject(AccountsService) private readonly accounts: AccountsService) {}

  @Get('api/v1/accounts')
  async list(@TenantId() tenantId: string) {
    return { items: await this.accounts.list(tenantId) };
  }

  @Post('api/v1/accounts')
  @HttpCode(routes.createAccount.status)
  create(
    @TenantId() tenantId: string,
    @Body(routes.createAccount.body) body: TCreateCloudAccount,
    @Meta() meta: RequestMeta,
  ) {
    return this.accounts.create(tenantId, body, meta);
  }

  @Get('api/v1/accounts/:id')
  get(@TenantId() tenantId: string, @Params(routes.getAccount.params) p: { id: string }) {
    return this.accounts.get(tenantId, p.id);
  }
}
