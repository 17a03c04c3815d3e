import type { RequestMeta } from '../../common/tenant';

/**
 * How finding history and exception rules name who acted: `user:<email>` for a person, `token:<id>` for an API
 * token (the audit log records the token's creator beside it).
 */
export function findingActor(meta: RequestMeta): string {
  if (meta.actor.type === 'token' && meta.actor.id) return `token:${meta.actor.id}`;
  if (meta.actor.email) return `user:${meta.actor.email}`;
  return meta.actor.id ? `user:${meta.actor.id}` : 'unknown';
}
