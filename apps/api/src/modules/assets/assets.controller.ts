import { Controller, Inject } from '@nestjs/common';
import { Endpoint } from '../../common/endpoint';
import { routes, type TAssetQuery, type TUpdateAsset } from '@aispm/contracts';
import { Body, Params, Query } from '../../common/zod-params';
import { Meta, TenantId, type RequestMeta } from '../../common/tenant';
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

  @Endpoint(routes.updateAsset)
  update(
    @TenantId() tenantId: string,
    @Params(routes.updateAsset.params) p: { id: string },
    @Body(routes.updateAsset.body) body: TUpdateAsset,
    @Meta() meta: RequestMeta,
  ) {
    return this.assets.update(tenantId, p.id, body, meta);
  }
}
