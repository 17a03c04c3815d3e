import { Controller, Inject } from '@nestjs/common';
import { Endpoint } from '../../common/endpoint';
import { routes } from '@aispm/contracts';
import type { z } from 'zod';
import { Params, Query } from '../../common/zod-params';
import { Meta, TenantId, type RequestMeta } from '../../common/tenant';
import { ScansService } from './scans.service';

@Controller()
export class ScansController {
  constructor(@Inject(ScansService) private readonly scans: ScansService) {}

  @Endpoint(routes.startScan)
  start(
    @TenantId() tenantId: string,
    @Params(routes.startScan.params) p: { id: string },
    @Meta() meta: RequestMeta,
  ) {
    return this.scans.start(tenantId, p.id, meta);
  }

  @Endpoint(routes.listScans)
  async list(
    @TenantId() tenantId: string,
    @Query(routes.listScans.query) q: z.infer<typeof routes.listScans.query>,
  ) {
    return { items: await this.scans.list(tenantId, q) };
  }

  @Endpoint(routes.getScan)
  get(@TenantId() tenantId: string, @Params(routes.getScan.params) p: { id: string }) {
    return this.scans.get(tenantId, p.id);
  }
}
