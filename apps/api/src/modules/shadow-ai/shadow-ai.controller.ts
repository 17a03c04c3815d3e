import { Controller, Inject } from '@nestjs/common';
import { routes, type TCreateSanctionedAi } from '@aispm/contracts';
import { Endpoint } from '../../common/endpoint';
import { Meta, TenantId, type RequestMeta } from '../../common/tenant';
import { Body, Params } from '../../common/zod-params';
import { ShadowAiService } from './shadow-ai.service';

@Controller()
export class ShadowAiController {
  constructor(@Inject(ShadowAiService) private readonly shadow: ShadowAiService) {}

  @Endpoint(routes.listSanctionedAi)
  async list(@TenantId() tenantId: string) {
    return { items: await this.shadow.list(tenantId) };
  }

  @Endpoint(routes.createSanctionedAi)
  create(
    @TenantId() tenantId: string,
    @Body(routes.createSanctionedAi.body) body: TCreateSanctionedAi,
    @Meta() meta: RequestMeta,
  ) {
    return this.shadow.create(tenantId, body, meta);
  }

  @Endpoint(routes.deleteSanctionedAi)
  remove(
    @TenantId() tenantId: string,
    @Params(routes.deleteSanctionedAi.params) p: { id: string },
    @Meta() meta: RequestMeta,
  ) {
    return this.shadow.remove(tenantId, p.id, meta);
  }

  @Endpoint(routes.shadowAiSummary)
  summary(@TenantId() tenantId: string) {
    return this.shadow.summary(tenantId);
  }
}
