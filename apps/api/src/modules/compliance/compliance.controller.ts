import { Controller, Inject, Req } from '@nestjs/common';
import type { Request } from 'express';
import { routes, type TControlAssetsQuery, type TFrameworkQuery } from '@aispm/contracts';
import { Endpoint } from '../../common/endpoint';
import { Meta, TenantId, type RequestMeta } from '../../common/tenant';
import { Params, Query } from '../../common/zod-params';
import { ComplianceService } from './compliance.service';
import { frameworkUpload } from './framework-upload';

@Controller()
export class ComplianceController {
  constructor(@Inject(ComplianceService) private readonly compliance: ComplianceService) {}

  @Endpoint(routes.listFrameworks)
  async list(@TenantId() tenantId: string) {
    return { items: await this.compliance.list(tenantId) };
  }

  @Endpoint(routes.getFramework)
  get(
    @TenantId() tenantId: string,
    @Params(routes.getFramework.params) p: { key: string },
    @Query(routes.getFramework.query) q: TFrameworkQuery,
  ) {
    return this.compliance.get(tenantId, p.key, q.accountId);
  }

  @Endpoint(routes.listControlAssets)
  assets(
    @TenantId() tenantId: string,
    @Params(routes.listControlAssets.params) p: { key: string; controlId: string },
    @Query(routes.listControlAssets.query) q: TControlAssetsQuery,
  ) {
    return this.compliance.controlAssets(tenantId, p.key, p.controlId, q);
  }

  @Endpoint(routes.createFramework)
  async create(@TenantId() tenantId: string, @Req() req: Request, @Meta() meta: RequestMeta) {
    return this.compliance.create(tenantId, await frameworkUpload(req), meta);
  }

  @Endpoint(routes.deleteFramework)
  remove(
    @TenantId() tenantId: string,
    @Params(routes.deleteFramework.params) p: { key: string },
    @Meta() meta: RequestMeta,
  ) {
    return this.compliance.remove(tenantId, p.key, meta);
  }
}
