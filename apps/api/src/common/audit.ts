import type { Prisma } from '@aispm/db';
import { newId } from '@aispm/db';
import type { RequestMeta } from './tenant';

/** An audit row for a state-changing action, written in the same transaction as the change. */
export function auditEvent(
  tenantId: string,
  meta: RequestMeta,
  action: string,
  target: { type: string; id: string },
  metadata: Record<string, unknown> = {},
): Prisma.AuditEventCreateManyInput {
  return {
    id: newId(),
    tenantId,
    actorType: meta.actor.type,
    actorId: meta.actor.id ?? null,
    action,
    targetType: target.type,
    targetId: target.id,
    ip: meta.ip ?? null,
    userAgent: meta.userAgent ?? null,
    requestId: meta.requestId ?? null,
    metadata: {
      ...metadata,
      ...(meta.actor.email ? { actorEmail: meta.actor.email } : {}),
    } as Prisma.InputJsonValue,
  };
}
