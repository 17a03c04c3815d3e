import { Inject, Injectable } from '@nestjs/common';
import type { TApiToken, TCreateApiToken, TCreatedApiToken, TTokenScope } from '@aispm/contracts';
import { newId, type ApiToken, type Database } from '@aispm/db';
import { auditEvent } from '../../common/audit';
import { notFound } from '../../common/problem';
import type { RequestMeta } from '../../common/tenant';
import { DATABASE } from '../../infra/tokens';
import { API_TOKEN_PREFIX, newSecret, sha256 } from '../auth/credentials';
import type { Principal } from '../auth/principal';

type TokenRow = ApiToken & { createdBy: { email: string } };

function toDto(t: TokenRow): TApiToken {
  return {
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    scopes: t.scopes as TTokenScope[],
    createdBy: t.createdBy.email,
    createdAt: t.createdAt.toISOString(),
    expiresAt: t.expiresAt.toISOString(),
    revokedAt: t.revokedAt?.toISOString() ?? null,
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
  };
}

@Injectable()
export class TokensService {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  async list(tenantId: string): Promise<TApiToken[]> {
    const rows = await this.db.tenant(tenantId, (tx) =>
      tx.apiToken.findMany({
        include: { createdBy: { select: { email: true } } },
        orderBy: { createdAt: 'desc' },
      }),
    );
    return rows.map(toDto);
  }

  /** The plaintext token exists only in this response; Postgres keeps its SHA-256. */
  async create(
    tenantId: string,
    principal: Principal,
    input: TCreateApiToken,
    meta: RequestMeta,
  ): Promise<TCreatedApiToken> {
    const token = newSecret(API_TOKEN_PREFIX);
    const id = newId();
    const row = await this.db.tenant(tenantId, async (tx) => {
      const created = await tx.apiToken.create({
        data: {
          id,
          tenantId,
          name: input.name,
          prefix: token.slice(0, API_TOKEN_PREFIX.length + 4),
          tokenHash: sha256(token),
          scopes: input.scopes,
          createdById: principal.userId,
          expiresAt: new Date(Date.now() + input.expiresInDays * 86_400_000),
        },
        include: { createdBy: { select: { email: true } } },
      });
      await tx.auditEvent.create({
        data: auditEvent(
          tenantId,
          meta,
          'api_token.create',
          { type: 'api_token', id },
          {
            name: input.name,
            scopes: input.scopes,
            expiresAt: created.expiresAt.toISOString(),
          },
        ),
      });
      return created;
    });
    return { ...toDto(row), token };
  }

  async revoke(tenantId: string, id: string, meta: RequestMeta): Promise<TApiToken> {
    return this.db.tenant(tenantId, async (tx) => {
      const existing = await tx.apiToken.findFirst({ where: { id } });
      if (!existing) throw notFound('API token', id);
      const row = await tx.apiToken.update({
        where: { id },
        data: { revokedAt: existing.revokedAt ?? new Date() },
        include: { createdBy: { select: { email: true } } },
      });
      if (!existing.revokedAt) {
        await tx.auditEvent.create({
          data: auditEvent(tenantId, meta, 'api_token.revoke', { type: 'api_token', id }, { name: row.name }),
        });
      }
      return toDto(row);
    });
  }
}
