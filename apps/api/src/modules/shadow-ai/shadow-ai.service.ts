import { Inject, Injectable } from '@nestjs/common';
import {
  SHADOW_REASON_CODES,
  type TCreateSanctionedAi,
  type TSanctionedAi,
  type TSanctionedAiChange,
  type TShadowAiSummary,
  type TShadowReasonCode,
} from '@aispm/contracts';
import { newId, type SanctionedAi } from '@aispm/db';
import { auditEvent } from '../../common/audit';
import { notFound, ProblemException } from '../../common/problem';
import type { RequestMeta } from '../../common/tenant';
import { ShadowAiRepository } from './shadow-ai.repository';

function toDto(e: SanctionedAi): TSanctionedAi {
  return {
    id: e.id,
    kind: e.kind,
    provider: e.provider,
    value: e.value,
    note: e.note,
    createdBy: e.createdBy,
    createdAt: e.createdAt.toISOString(),
  };
}

function auditMetadata(e: Pick<SanctionedAi, 'kind' | 'provider' | 'value' | 'note'>) {
  return { kind: e.kind, provider: e.provider, value: e.value, note: e.note };
}

/**
 * The register of sanctioned AI. Every change re-evaluates the flags of the organization's current assets of
 * the entry's provider synchronously (batches of 1,000, one short transaction each) before answering, so the
 * inventory a client reads next already reflects the change. Scans re-evaluate their own account afterwards.
 */
@Injectable()
export class ShadowAiService {
  constructor(@Inject(ShadowAiRepository) private readonly repo: ShadowAiRepository) {}

  async list(tenantId: string): Promise<TSanctionedAi[]> {
    return (await this.repo.list(tenantId)).map(toDto);
  }

  async create(
    tenantId: string,
    input: TCreateSanctionedAi,
    meta: RequestMeta,
  ): Promise<TSanctionedAiChange> {
    const id = newId();
    const note = input.note ? input.note : null;
    const entry = await this.repo.create(
      tenantId,
      {
        id,
        kind: input.kind,
        provider: input.provider,
        value: input.value,
        note,
        createdBy: meta.actor.email ?? meta.actor.id ?? meta.actor.type,
      },
      auditEvent(
        tenantId,
        meta,
        'sanctioned_ai.create',
        { type: 'sanctioned_ai', id },
        auditMetadata({ ...input, note }),
      ),
    );
    if (!entry) {
      throw new ProblemException({
        status: 409,
        title: 'Conflict',
        detail: `The register already has the ${input.provider} ${input.kind} "${input.value}".`,
        type: 'https://aispm.dev/problems/conflict',
        errors: [{ path: 'value', message: 'already registered' }],
      });
    }
    const evaluation = await this.repo.reevaluate(tenantId, entry.provider);
    return { entry: toDto(entry), evaluation };
  }

  async remove(tenantId: string, id: string, meta: RequestMeta): Promise<TSanctionedAiChange> {
    const entry = await this.repo.remove(tenantId, id, (e) =>
      auditEvent(tenantId, meta, 'sanctioned_ai.delete', { type: 'sanctioned_ai', id }, auditMetadata(e)),
    );
    if (!entry) throw notFound('register entry', id);
    const evaluation = await this.repo.reevaluate(tenantId, entry.provider);
    return { entry: toDto(entry), evaluation };
  }

  async summary(tenantId: string): Promise<TShadowAiSummary> {
    const f = await this.repo.figures(tenantId);
    const byReason = Object.fromEntries(SHADOW_REASON_CODES.map((c) => [c, 0])) as Record<
      TShadowReasonCode,
      number
    >;
    for (const r of f.byReasonAndProvider) if (r.code in byReason) byReason[r.code] += r.assets;
    const byProvider = { aws: 0, azure: 0, gcp: 0 };
    for (const p of f.byProvider) byProvider[p.provider] = p.assets;
    const registerEntries = { service: 0, model: 0, account: 0, region: 0 };
    for (const k of f.registerByKind) registerEntries[k.kind] = k.entries;
    return {
      shadowAssets: byProvider.aws + byProvider.azure + byProvider.gcp,
      byReason,
      byProvider,
      byReasonAndProvider: f.byReasonAndProvider,
      registerEntries,
    };
  }
}
