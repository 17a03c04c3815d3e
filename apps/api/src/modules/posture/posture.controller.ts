import { Controller, Inject } from '@nestjs/common';
import { routes, type TPostureTrendQuery } from '@aispm/contracts';
import { Endpoint } from '../../common/endpoint';
import { TenantId } from '../../common/tenant';
import { Query } from '../../common/zod-params';
import { PostureService } from './posture.service';

@Controller()
export class PostureController {
  constructor(@Inject(PostureService) private readonly posture: PostureService) {}

  @Endpoint(routes.postureSummary)
  summary(@TenantId() tenantId: string) {
    return this.posture.summary(tenantId);
  }

  @Endpoint(routes.postureTrend)
  trend(@TenantId() tenantId: string, @Query(routes.postureTrend.query) q: TPostureTrendQuery) {
    return this.posture.trend(tenantId, q.days);
  }
}
