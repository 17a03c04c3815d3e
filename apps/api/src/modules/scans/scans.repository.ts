import { Inject, Injectable } from '@nestjs/common';
import type { Database, Prisma, Scan } from '@aispm/db';
import { DATABASE } from '../../infra/tokens';

const ACTIVE = ['queued', 'running', 'evaluating'] as const;

@Injectable()
export class ScansRepository {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  find(tenantId: string, id: string): Promise<Scan | null> {
    return this.db.tenant(tenantId, (tx) => tx.scan.findFirst({ where: { tenantId, id } }));
  }

  list(tenantId: string, filter: { accountId?: string | undefined; limit: number }): Promise<Scan[]> {
    return this.db.tenant(tenantId, (tx) =>
      tx.scan.findMany({
        where: { tenantId, ...(filter.accountId ? { accountId: filter.accountId } : {}) },
        orderBy: { createdAt: 'desc' },
        take: filter.limit,
      }),
    );
  }

  /**
   * Creates a queued scan unless one is already active for the account. The account row is locked for the
   * check-then-insert, so two clicks on "Scan now" start one scan.
   */
  async createUnlessActive(
    tenantId: string,
    accountId: string,
    scan: { id: string; trigger: string },
    audit: Prisma.AuditEventCreateManyInput,
  ): Promise<{ scan: Scan; created: boolean }> {
    return this.db.tenant(tenantId, async (tx) => {
      await tx.$queryRaw`SELECT id FROM cloud_accounts WHERE id = ${accountId}::uuid AND tenant_id = ${tenantId}::uuid FOR UPDATE`;
      const active = await tx.scan.findFirst({
        where: { tenantId, accountId, status: { in: [...ACTIVE] } },
        orderBy: { createdAt: 'desc' },
      });
      if (active) return { scan: active, created: false };
      const created = await tx.scan.create({ data: { ...scan, tenantId, accountId, status: 'queued' } });
      await tx.auditEvent.create({ data: audit });
      return { scan: created, created: true };
    });
  }
}
