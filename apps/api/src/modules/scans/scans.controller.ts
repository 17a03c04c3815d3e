import { Controller, Get, HttpCode, Inject, Post, UseGuards } from '@nestjs/common';
import { routes } from '@aispm/contracts';
import type { z } from 'zod';
import { Params, Query } from '../../common/zod-params';
import { Meta, TenantGuard, TenantId, type RequestMeta } from '../../common/tenant';
import { ScansService } from './scans.service';

@Controller()
@UseGuards(TenantGuard)
export class ScansController {
  constructor(@Inject(ScansService) private readonly scans: ScansService) {}

  @Post('api/v1/accounts/:id/scans')
  @HttpCode(routes.startScan.status)
  start(
    @TenantId() tenantId: string,
    @Params(routes.startScan.params) p: { id: string },
    @Meta() meta: RequestMeta,
  ) {
    return this.scans.start(tenantId, p.id, meta);
  }

  @Get('api/v1/scans')
  async list(
    @TenantId() tenantId: string,
    @Query(routes.listScans.query) q: z.infer<typeof routes.listScans.query>,
  ) {
    return { items: await this.scans.list(tenantId, q) };
  }

  @Get('api/v1/scans/:id')
  get(@TenantId() tenantId: string, @Params(routes.getScan.params) p: { id: string }) {
    return this.scans.get(tenantId, p.id);
  }
}
