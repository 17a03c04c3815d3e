import { Controller, Inject } from '@nestjs/common';
import { routes, type TMember, type TRole } from '@aispm/contracts';
import type { Database } from '@aispm/db';
import { Endpoint } from '../../common/endpoint';
import { TenantId } from '../../common/tenant';
import { DATABASE } from '../../infra/tokens';

@Controller()
export class MembersController {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  @Endpoint(routes.listMembers)
  async list(@TenantId() tenantId: string): Promise<{ items: TMember[] }> {
    const rows = await this.db.tenant(tenantId, (tx) =>
      tx.membership.findMany({ include: { user: true }, orderBy: { createdAt: 'asc' } }),
    );
    return {
      items: rows.map((m) => ({
        userId: m.userId,
        email: m.user.email,
        name: m.user.name,
        role: m.role as TRole,
        joinedAt: m.createdAt.toISOString(),
      })),
    };
  }
}
