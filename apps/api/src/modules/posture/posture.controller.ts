import { Controller, Inject } from '@nestjs/common';
import { routes } from '@aispm/contracts';
import { Endpoint } from '../../common/endpoint';
import { TenantId } from '../../common/tenant';
import { PostureService } from './posture.service';

@Controller()
export class PostureController {
  constructor(@Inject(PostureService) private readonly posture: PostureService) {}

  @Endpoint(routes.postureSummary)
  summary(@TenantId() tenantId: string) {
    return this.posture.summary(tenantId);
  }
}
