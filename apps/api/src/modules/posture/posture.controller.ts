import { Controller, Get, Inject, UseGuards } from '@nestjs/common';
import { TenantGuard, TenantId } from '../../common/tenant';
import { PostureService } from './posture.service';

@Controller()
@UseGuards(TenantGuard)
export class PostureController {
  constructor(@Inject(PostureService) private readonly posture: PostureService) {}

  @Get('api/v1/posture/summary')
  summary(@TenantId() tenantId: string) {
    return this.posture.summary(tenantId);
  }
}
