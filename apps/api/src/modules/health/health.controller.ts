import { PublicRoute } from '../auth/auth.guard';
import { Controller, Get, Inject } from '@nestjs/common';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorService,
  PrismaHealthIndicator,
} from '@nestjs/terminus';
import type { Redis } from 'ioredis';
import type { Database } from '@aispm/db';
import { DATABASE, REDIS } from '../../infra/tokens';

@Controller()
@PublicRoute()
export class HealthController {
  constructor(
    @Inject(HealthCheckService) private readonly health: HealthCheckService,
    @Inject(PrismaHealthIndicator) private readonly prismaIndicator: PrismaHealthIndicator,
    @Inject(HealthIndicatorService) private readonly indicators: HealthIndicatorService,
    @Inject(DATABASE) private readonly db: Database,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  /** Liveness: the process answers. Dependencies are readiness's business. */
  @Get('healthz')
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  /** Readiness: Postgres and Redis both answer; 503 with the failing one named otherwise. */
  @Get('readyz')
  @HealthCheck()
  ready() {
    return this.health.check([
      () => this.prismaIndicator.pingCheck('postgres', this.db.prisma, { timeout: 2000 }),
      async () => {
        const check = this.indicators.check('redis');
        try {
          const pong = await Promise.race([
            this.redis.ping(),
            new Promise<never>((_, reject) =>
              setTimeout(() => reject(new Error('timeout after 2000ms')), 2000),
            ),
          ]);
          return pong === 'PONG' ? check.up() : check.down({ message: `unexpected reply ${pong}` });
        } catch (e) {
          return check.down({ message: e instanceof Error ? e.message : String(e) });
        }
      },
    ]);
  }
}
