import { Controller, Inject } from '@nestjs/common';
import { Endpoint } from '../../common/endpoint';
import { routes, type TFindingQuery } from '@aispm/contracts';
import { Query } from '../../common/zod-params';
import { TenantId } from '../../common/tenant';
import { FindingsService } from './findings.service';

@Controller()
export class FindingsController {
  constructor(@Inject(FindingsService) private readonly findings: FindingsService) {}

  @Endpoint(routes.listFindings)
  list(@TenantId() tenantId: string, @Query(routes.listFindings.query) q: TFindingQuery) {
    return this.findings.page(tenantId, q);
  }

  @Endpoint(routes.listChecks)
  checks() {
    return { items: this.findings.listChecks() };
  }
}
