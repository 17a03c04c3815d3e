import { Inject, Injectable } from '@nestjs/common';
import type { CloudAccount, Database, Prisma } from '@aispm/db';
import { DATABASE } from '../../infra/tokens';

/** The only place that talks to Postgres about cloud accounts; every method is tenant-scoped. */
@Injectable()
export class AccountsRepository {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  list(tenantId: string): Promise<CloudAccount[]> {
    return this.db.prisma.cloudAccount.findMany({ where: { tenantId }, orderBy: { createdAt: 'asc' } });
  }

  find(tenantId: string, id: string): Promise<CloudAccount | null> {
    return this.db.prisma.cloudAccount.findFirst({ where: { tenantId, id } });
  }

  findByName(tenantId: string, name: string): Promise<CloudAccount | null> {
    return this.db.prisma.cloudAccount.findFirst({ where: { tenantId, name } });
  }

  async create(
    tenantId: string,
    data: Omit<Prisma.CloudAccountUncheckedCreateInput, 'tenantId'>,
    audit: Prisma.AuditEventCreateManyInput,
  ): Promise<CloudAccount> {
    const [account] = await this.db.prisma.$transaction([
      this.db.prisma.cloudAccount.create({ data: { ...data, tenantId } }),
      this.db.prisma.auditEvent.create({ data: audit }),
    ]);
    return account;
  }
}
