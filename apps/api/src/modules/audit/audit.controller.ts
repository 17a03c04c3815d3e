import { Controller, Inject } from '@nestjs/common';
import { z } from 'zod';
import { routes, type TAuditEvent } from '@aispm/contracts';
import type { Database } from '@aispm/db';
import { decodeCursor, encodeCursor } from '../../common/cursor';
import { Endpoint } from '../../common/endpoint';
import { TenantId } from '../../common/tenant';
import { Query } from '../../common/zod-params';
import { DATABASE } from '../../infra/tokens';

const ZAuditKey = z.tuple([z.uuid()]);

@Controller()
export class AuditController {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  /** Newest first; ids are UUIDv7, so id order is time order. */
  @Endpoint(routes.listAuditEvents)
  async list(
    @TenantId() tenantId: string,
    @Query(routes.listAuditEvents.query) q: { limit: number; cursor?: string },
  ) {
    const before = q.cursor ? decodeCursor(q.cursor, ZAuditKey)[0] : undefined;
    const rows = await this.db.tenant(tenantId, (tx) =>
      tx.auditEvent.findMany({
        where: before ? { id: { lt: before } } : {},
        orderBy: { id: 'desc' },
        take: q.limit + 1,
      }),
    );
    const items: TAuditEvent[] = rows.slice(0, q.limit).map((e) => {
      const metadata = (e.metadata ?? {}) as Record<string, unknown>;
      return {
        id: e.id,
        actorType: e.actorType,
        actorId: e.actorId,
        actor: typeof metadata.actorEmail === 'string' ? metadata.actorEmail : null,
        action: e.action,
        targetType: e.targetType,
        targetId: e.targetId,
        ip: e.ip,
        userAgent: e.userAgent,
        requestId: e.requestId,
        metadata,
        createdAt: e.createdAt.toISOString(),
      };
    });
    const last = items.at(-1);
    return { items, nextCursor: rows.length > q.limit && last ? encodeCursor([last.id]) : null };
  }
}
