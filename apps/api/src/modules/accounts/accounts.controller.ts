import { Controller, Inject } from '@nestjs/common';
import { Endpoint } from '../../common/endpoint';
import { routes, type TCreateCloudAccount, type TProvider } from '@aispm/contracts';
import { accountSetupFor } from '@aispm/connectors';
import { Body, Params } from '../../common/zod-params';
import { Meta, TenantId, type RequestMeta } from '../../common/tenant';
import { AccountsService } from './accounts.service';

@Controller()
export class AccountsController {
  constructor(@Inject(AccountsService) private readonly accounts: AccountsService) {}

  @Endpoint(routes.listAccounts)
  async list(@TenantId() tenantId: string) {
    return { items: await this.accounts.list(tenantId) };
  }

  @Endpoint(routes.createAccount)
  create(
    @TenantId() tenantId: string,
    @Body(routes.createAccount.body) body: TCreateCloudAccount,
    @Meta() meta: RequestMeta,
  ) {
    return this.accounts.create(tenantId, body, meta);
  }

  @Endpoint(routes.accountSetup)
  setup(@Params(routes.accountSetup.params) p: { provider: TProvider }) {
    return accountSetupFor(p.provider);
  }

  @Endpoint(routes.getAccount)
  get(@TenantId() tenantId: string, @Params(routes.getAccount.params) p: { id: string }) {
    return this.accounts.get(tenantId, p.id);
  }
}
