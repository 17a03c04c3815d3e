import { Inject, Injectable } from '@nestjs/common';
import {
  applyException,
  Prisma,
  recountFindings,
  removeException,
  type Database,
  type FindingException,
} from '@aispm/db';
import { DATABASE } from '../../infra/tokens';

/** A rule with the number of findings it suppresses now. */
export type ExceptionWithCount = FindingException & { suppressedFindings: number };

/** The only file that talks to Postgres about exception rules; every call runs under its tenant. */
@Injectable()
export class ExceptionsRepository {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  list(tenantId: string): Promise<ExceptionWithCount[]> {
    return this.db.tenant(tenantId, async (tx) => {
      const rules = await tx.findingException.findMany({
        where: { tenantId },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      });
      const counts = await tx.finding.groupBy({
        by: ['exceptionId'],
        where: { tenantId, status: 'suppressed', exceptionId: { in: rules.map((r) => r.id) } },
        _count: { _all: true },
      });
      const byRule = new Map(counts.map((c) => [c.exceptionId, c._count._all]));
      return rules.map((r) => ({ ...r, suppressedFindings: byRule.get(r.id) ?? 0 }));
    });
  }

  async accountExists(tenantId: string, accountId: string): Promise<boolean> {
    const n = await this.db.tenant(tenantId, (tx) =>
      tx.cloudAccount.count({ where: { tenantId, id: accountId } }),
    );
    return n > 0;
  }

  /**
   * Inserts the rule, suppresses the open findings it covers, re-counts their accounts' summary rows and writes
   * the audit row, in one transaction; null when the organization already has a rule of that name.
   */
  async create(
    tenantId: string,
    data: Omit<Prisma.FindingExceptionUncheckedCreateInput, 'tenantId'> & { id: string },
    actor: string,
    audit: (rule: FindingException, suppressed: number) => Prisma.AuditEventCreateManyInput,
  ): Promise<ExceptionWithCount | null> {
    try {
      return await this.db.tenant(tenantId, async (tx) => {
        const rule = await tx.findingException.create({ data: { ...data, tenantId } });
        const at = rule.createdAt;
        const changed = await applyException(tx, tenantId, rule, actor, at);
        await recountFindings(
          tx,
          tenantId,
          changed.map((c) => c.accountId),
          at,
          changed.map((c) => c.assetId),
        );
        await tx.auditEvent.create({ data: audit(rule, changed.length) });
        return { ...rule, suppressedFindings: changed.length };
      });
    } catch (e) {
      if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002') return null;
      throw e;
    }
  }

  /**
   * Reopens the findings the rule suppresses, deletes it, re-counts and audits, in one transaction; null when the
   * organization has no such rule. Returns the rule with the number of findings reopened.
   */
  remove(
    tenantId: string,
    id: string,
    actor: string,
    audit: (rule: FindingException, reopened: number) => Prisma.AuditEventCreateManyInput,
  ): Promise<{ rule: FindingException; reopened: number } | null> {
    return this.db.tenant(tenantId, async (tx) => {
      const rule = await tx.findingException.findFirst({ where: { tenantId, id } });
      if (!rule) return null;
      const at = new Date();
      const changed = await removeException(tx, tenantId, id, actor, at);
      await tx.findingException.delete({ where: { id } });
      await recountFindings(
        tx,
        tenantId,
        changed.map((c) => c.accountId),
        at,
        changed.map((c) => c.assetId),
      );
      await tx.auditEvent.create({ data: audit(rule, changed.length) });
      return { rule, reopened: changed.length };
    });
  }
}
