import { Controller, Get, Inject, UseGuards } from '@nestjs/common';
import { routes, type TFindingQuery } from '@aispm/contracts';
import { Query } from '../../common/zod-params';
import { TenantGuard, TenantId } from '../../common/tenant';
import { FindingsService } from './findings.service';

@Controller()
@UseGuards(TenantGuard)
export class FindingsController {
  constructor(@Inject(FindingsService) private readonly findings: FindingsService) {}

  @Get('api/v1/findings')
  list(@TenantId() tenantId: string, @Query(routes.listFindings.query) q: TFindingQuery) {
    return this.findings.page(tenantId, q);
  }

  @Get('api/v1/checks')
  checks() {
    return { items: this.findings.listChecks() };
  }
}
