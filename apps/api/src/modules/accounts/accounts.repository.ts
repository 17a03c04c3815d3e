import { Inject, Injectable } from '@nestjs/common';
import type { CloudAccount, Database, Prisma } from '@aispm/db';
import { DATABASE } from '../../infra/tokens';

/** The only place that talks to Postgres about cloud accounts; every method runs under its tenant. */
@Injectable()
export class AccountsRepository {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  list(tenantId: string): Promise<CloudAccount[]> {
    return this.db.tenant(tenantId, (tx) => tx.cloudAccount.findMany({ orderBy: { createdAt: 'asc' } }));
  }

  find(tenantId: string, id: string): Promise<CloudAccount | null> {
    return this.db.tenant(tenantId, (tx) => tx.cloudAccount.findFirst({ where: { tenantId, id } }));
  }

  findByName(tenantId: string, name: string): Promise<CloudAccount | null> {
    return this.db.tenant(tenantId, (tx) => tx.cloudAccount.findFirst({ where: { tenantId, name } }));
  }

  create(
    tenantId: string,
    data: Omit<Prisma.CloudAccountUncheckedCreateInput, 'tenantId'>,
    audit: Prisma.AuditEventCreateManyInput,
  ): Promise<CloudAccount> {
    return this.db.tenant(tenantId, async (tx) => {
      const account = await tx.cloudAccount.create({ data: { ...data, tenantId } });
      await tx.auditEvent.create({ data: audit });
      return account;
    });
  }
}
