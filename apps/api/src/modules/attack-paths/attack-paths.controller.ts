import { Controller, Inject } from '@nestjs/common';
import { routes, type TAttackPathQuery } from '@aispm/contracts';
import { Endpoint } from '../../common/endpoint';
import { TenantId } from '../../common/tenant';
import { Params, Query } from '../../common/zod-params';
import { AttackPathsService } from './attack-paths.service';

@Controller()
export class AttackPathsController {
  constructor(@Inject(AttackPathsService) private readonly paths: AttackPathsService) {}

  @Endpoint(routes.listAttackPaths)
  list(@TenantId() tenantId: string, @Query(routes.listAttackPaths.query) q: TAttackPathQuery) {
    return this.paths.page(tenantId, q);
  }

  @Endpoint(routes.getAttackPath)
  get(@TenantId() tenantId: string, @Params(routes.getAttackPath.params) p: { id: string }) {
    return this.paths.get(tenantId, p.id);
  }
}
