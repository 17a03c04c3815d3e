import { PublicRoute } from '../auth/auth.guard';
import { Controller, Get, Header, Inject } from '@nestjs/common';
import type { Registry } from 'prom-client';
import { METRICS } from '../../infra/tokens';

@Controller()
@PublicRoute()
export class MetricsController {
  constructor(@Inject(METRICS) private readonly registry: Registry) {}

  /** Prometheus exposition format. */
  @Get('metrics')
  @Header('Cache-Control', 'no-store')
  async metrics(): Promise<string> {
    return this.registry.metrics();
  }
}
