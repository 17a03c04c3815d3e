import { Controller, Inject } from '@nestjs/common';
import {
  routes,
  type TFindingQuery,
  type TSuppressFindings,
  type TUnsuppressFindings,
} from '@aispm/contracts';
import { Endpoint } from '../../common/endpoint';
import { Meta, TenantId, type RequestMeta } from '../../common/tenant';
import { Body, Params, Query } from '../../common/zod-params';
import { FindingsService } from './findings.service';

@Controller()
export class FindingsController {
  constructor(@Inject(FindingsService) private readonly findings: FindingsService) {}

  @Endpoint(routes.listFindings)
  list(@TenantId() tenantId: string, @Query(routes.listFindings.query) q: TFindingQuery) {
    return this.findings.page(tenantId, q);
  }

  @Endpoint(routes.getFinding)
  get(@TenantId() tenantId: string, @Params(routes.getFinding.params) p: { id: string }) {
    return this.findings.detail(tenantId, p.id);
  }

  @Endpoint(routes.suppressFindings)
  suppress(
    @TenantId() tenantId: string,
    @Body(routes.suppressFindings.body) body: TSuppressFindings,
    @Meta() meta: RequestMeta,
  ) {
    return this.findings.suppress(tenantId, body, meta);
  }

  @Endpoint(routes.unsuppressFindings)
  unsuppress(
    @TenantId() tenantId: string,
    @Body(routes.unsuppressFindings.body) body: TUnsuppressFindings,
    @Meta() meta: RequestMeta,
  ) {
    return this.findings.unsuppress(tenantId, body, meta);
  }

  @Endpoint(routes.listChecks)
  checks() {
    return { items: this.findings.listChecks() };
  }
}
