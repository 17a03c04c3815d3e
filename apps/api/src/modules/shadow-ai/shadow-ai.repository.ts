import { Inject, Injectable } from '@nestjs/common';
import type { TProvider, TShadowEvaluation, TShadowReasonCode } from '@aispm/contracts';
import { evaluateShadowAi, Prisma, type Database, type SanctionedAi } from '@aispm/db';
import { detectShadowAiBatch } from '@aispm/risk';
import { DATABASE } from '../../infra/tokens';

export interface ShadowFigures {
  byReasonAndProvider: { code: TShadowReasonCode; provider: TProvider; assets: number }[];
  byProvider: { provider: TProvider; assets: number }[];
  registerByKind: { kind: SanctionedAi['kind']; entries: number }[];
}

/** The only place that talks to Postgres about the register and the shadow-AI flags; every call runs under its tenant. */
@Injectable()
export class ShadowAiRepository {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  list(tenantId: string): Promise<SanctionedAi[]> {
    return this.db.tenant(tenantId, (tx) =>
      tx.sanctionedAi.findMany({ orderBy: [{ provider: 'asc' }, { kind: 'asc' }, { value: 'asc' }] }),
    );
  }

  /** Inserts the entry and its audit row together; null when the same entry is already registered. */
  async create(
    tenantId: string,
    data: Omit<Prisma.SanctionedAiUncheckedCreateInput, 'tenantId'>,
    audit: Prisma.AuditEventCreateManyInput,
  ): Promise<SanctionedAi | null> {
    try {
      return await this.db.tenant(tenantId, async (tx) => {
        const entry = await tx.sanctionedAi.create({ data: { ...data, tenantId } });
        await tx.auditEvent.create({ data: audit });
        return entry;
      });
    } catch (e) {
      if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002') return null;
      throw e;
    }
  }

  /** Deletes the entry and writes its audit row together; null when there is no such entry in this tenant. */
  remove(
    tenantId: string,
    id: string,
    audit: (entry: SanctionedAi) => Prisma.AuditEventCreateManyInput,
  ): Promise<SanctionedAi | null> {
    return this.db.tenant(tenantId, async (tx) => {
      const entry = await tx.sanctionedAi.findFirst({ where: { id } });
      if (!entry) return null;
      await tx.sanctionedAi.delete({ where: { id } });
      await tx.auditEvent.create({ data: audit(entry) });
      return entry;
    });
  }

  /** Re-evaluates the flags of the tenant's current assets of one provider, in batches, before returning. */
  reevaluate(tenantId: string, provider: TProvider): Promise<TShadowEvaluation> {
    return evaluateShadowAi(this.db, { tenantId, provider }, detectShadowAiBatch);
  }

  figures(tenantId: string): Promise<ShadowFigures> {
    return this.db.tenant(tenantId, async (tx) => {
      const byReasonAndProvider = await tx.$queryRawUnsafe<ShadowFigures['byReasonAndProvider']>(
        `SELECT r->>'code' AS code, a.provider::text AS provider, count(DISTINCT a.id)::int AS assets
           FROM assets a CROSS JOIN LATERAL jsonb_array_elements(a.shadow_reasons) AS r
          WHERE a.tenant_id = $1::uuid AND a.is_shadow AND a.deleted_at IS NULL
          GROUP BY 1, 2 ORDER BY 1, 2`,
        tenantId,
      );
      const byProvider = await tx.$queryRawUnsafe<ShadowFigures['byProvider']>(
        `SELECT provider::text AS provider, count(*)::int AS assets FROM assets
          WHERE tenant_id = $1::uuid AND is_shadow AND deleted_at IS NULL GROUP BY provider`,
        tenantId,
      );
      const registerByKind = (
        await tx.sanctionedAi.groupBy({ by: ['kind'], _count: { _all: true }, orderBy: { kind: 'asc' } })
      ).map((g) => ({ kind: g.kind, entries: g._count._all }));
      return { byReasonAndProvider, byProvider, registerByKind };
    });
  }
}
