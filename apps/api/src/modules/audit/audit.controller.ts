import { Controller, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import { z } from 'zod';
import { routes, type TAuditEvent } from '@aispm/contracts';
import type { AuditEvent, Database, Prisma } from '@aispm/db';
import { decodeCursor, encodeCursor } from '../../common/cursor';
import { Endpoint } from '../../common/endpoint';
import { TenantId } from '../../common/tenant';
import { Query } from '../../common/zod-params';
import { DATABASE } from '../../infra/tokens';

const ZAuditKey = z.tuple([z.uuid()]);
const EXPORT_BATCH = 1000;
/** Enough for years of a busy organization; a larger export should use a time range. */
export const EXPORT_MAX_ROWS = 100_000;
const CSV_COLUMNS = [
  'createdAt',
  'actorType',
  'actorId',
  'actor',
  'action',
  'targetType',
  'targetId',
  'ip',
  'userAgent',
  'requestId',
  'metadata',
] as const;

function toDto(e: AuditEvent): TAuditEvent {
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
}

/**
 * RFC 4180 quoting, and a leading apostrophe on cells a spreadsheet would run as a formula (CSV injection:
 * user agents and names are attacker-controlled).
 */
export function csvCell(value: unknown): string {
  let text =
    value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

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
    const items: TAuditEvent[] = rows.slice(0, q.limit).map(toDto);
    const last = items.at(-1);
    return { items, nextCursor: rows.length > q.limit && last ? encodeCursor([last.id]) : null };
  }

  /** Streams the log in batches, so a large export never sits in memory whole. */
  @Endpoint(routes.exportAuditEvents)
  async export(
    @TenantId() tenantId: string,
    @Query(routes.exportAuditEvents.query) q: { format: 'csv' | 'json'; from?: string; to?: string },
    @Res() res: Response,
  ): Promise<void> {
    const range: Prisma.AuditEventWhereInput = {
      ...(q.from || q.to
        ? {
            createdAt: {
              ...(q.from ? { gte: new Date(q.from) } : {}),
              ...(q.to ? { lt: new Date(q.to) } : {}),
            },
          }
        : {}),
    };
    const total = await this.db.tenant(tenantId, (tx) => tx.auditEvent.count({ where: range }));
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    res.status(200);
    res.setHeader(
      'Content-Type',
      q.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
    );
    res.setHeader('Content-Disposition', `attachment; filename="aispm-audit-${stamp}.${q.format}"`);
    res.setHeader('X-Total-Count', String(total));
    if (total > EXPORT_MAX_ROWS) res.setHeader('X-Export-Truncated', `first ${EXPORT_MAX_ROWS} of ${total}`);
    res.write(q.format === 'csv' ? `${CSV_COLUMNS.join(',')}\r\n` : '[');
    let before: string | undefined;
    let written = 0;
    while (written < EXPORT_MAX_ROWS) {
      const batch = await this.db.tenant(tenantId, (tx) =>
        tx.auditEvent.findMany({
          where: { ...range, ...(before ? { id: { lt: before } } : {}) },
          orderBy: { id: 'desc' },
          take: Math.min(EXPORT_BATCH, EXPORT_MAX_ROWS - written),
        }),
      );
      if (batch.length === 0) break;
      for (const e of batch.map(toDto)) {
        if (q.format === 'csv') res.write(`${CSV_COLUMNS.map((c) => csvCell(e[c])).join(',')}\r\n`);
        else res.write(`${written === 0 ? '' : ','}${JSON.stringify(e)}`);
        written += 1;
      }
      before = batch.at(-1)!.id;
    }
    res.end(q.format === 'csv' ? '' : ']');
  }
}
