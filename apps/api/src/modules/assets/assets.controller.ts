import { Controller, Inject } from '@nestjs/common';
import { Endpoint } from '../../common/endpoint';
import { routes, type TAssetQuery } from '@aispm/contracts';
import { Params, Query } from '../../common/zod-params';
import { TenantId } from '../../common/tenant';
import { AssetsService } from './assets.service';

@Controller()
export class AssetsController {
  constructor(@Inject(AssetsService) private readonly assets: AssetsService) {}

  @Endpoint(routes.listAssets)
  list(@TenantId() tenantId: string, @Query(routes.listAssets.query) q: TAssetQuery) {
    return this.assets.page(tenantId, q);
  }

  @Endpoint(routes.getAsset)
  get(@TenantId() tenantId: string, @Params(routes.getAsset.params) p: { id: string }) {
    return this.assets.get(tenantId, p.id);
  }
}
