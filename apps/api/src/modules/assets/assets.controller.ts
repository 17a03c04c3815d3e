import { Controller, Get, Inject, UseGuards } from '@nestjs/common';
import { routes, type TAssetQuery } from '@aispm/contracts';
import { Params, Query } from '../../common/zod-params';
import { TenantGuard, TenantId } from '../../common/tenant';
import { AssetsService } from './assets.service';

@Controller()
@UseGuards(TenantGuard)
export class AssetsController {
  constructor(@Inject(AssetsService) private readonly assets: AssetsService) {}

  @Get('api/v1/assets')
  list(@TenantId() tenantId: string, @Query(routes.listAssets.query) q: TAssetQuery) {
    return this.assets.page(tenantId, q);
  }

  @Get('api/v1/assets/:id')
  get(@TenantId() tenantId: string, @Params(routes.getAsset.params) p: { id: string }) {
    return this.assets.get(tenantId, p.id);
  }
}
