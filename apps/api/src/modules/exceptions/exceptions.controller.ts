import { Controller, Inject } from '@nestjs/common';
import { routes, type TCreateFindingException } from '@aispm/contracts';
import { Endpoint } from '../../common/endpoint';
import { Meta, TenantId, type RequestMeta } from '../../common/tenant';
import { Body, Params } from '../../common/zod-params';
import { ExceptionsService } from './exceptions.service';

@Controller()
export class ExceptionsController {
  constructor(@Inject(ExceptionsService) private readonly exceptions: ExceptionsService) {}

  @Endpoint(routes.listFindingExceptions)
  async list(@TenantId() tenantId: string) {
    return { items: await this.exceptions.list(tenantId) };
  }

  @Endpoint(routes.createFindingException)
  create(
    @TenantId() tenantId: string,
    @Body(routes.createFindingException.body) body: TCreateFindingException,
    @Meta() meta: RequestMeta,
  ) {
    return this.exceptions.create(tenantId, body, meta);
  }

  @Endpoint(routes.deleteFindingException)
  remove(
    @TenantId() tenantId: string,
    @Params(routes.deleteFindingException.params) p: { id: string },
    @Meta() meta: RequestMeta,
  ) {
    return this.exceptions.remove(tenantId, p.id, meta);
  }
}
