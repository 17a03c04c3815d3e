import {
  createParamDecorator,
  Inject,
  Injectable,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import type { Request } from 'express';
import { z } from 'zod';
import { newId, type Database } from '@aispm/db';
import type { Env } from '../config/env';
import { DATABASE, ENV } from '../infra/tokens';
import { ProblemException } from './problem';

type TenantRequest = Request & { tenantId?: string };

/** Looks organizations up for the guard, and creates the default one on first use (shared, cached). */
@Injectable()
export class TenantDirectory {
  private defaultTenant: Promise<string> | undefined;

  constructor(
    @Inject(DATABASE) private readonly db: Database,
    @Inject(ENV) private readonly env: Env,
  ) {}

  async exists(id: string): Promise<boolean> {
    return (await this.db.prisma.organization.count({ where: { id } })) > 0;
  }

  defaultTenantId(): Promise<string> {
    this.defaultTenant ??= this.ensureDefaultOrg().catch((e: unknown) => {
      this.defaultTenant = undefined;
      throw e;
    });
    return this.defaultTenant;
  }

  private async ensureDefaultOrg(): Promise<string> {
    const slug = this.env.DEFAULT_ORG_SLUG;
    const org = await this.db.prisma.organization.upsert({
      where: { slug },
      create: { id: newId(), slug, name: slug === 'default' ? 'Default organization' : slug },
      update: {},
      select: { id: true },
    });
    return org.id;
  }
}

/**
 * Decides which organization a request acts for. Until sign-in exists (issue 3) the API serves the default
 * organization, or the one named by the X-Org-Id header; every repository still takes the tenant id explicitly.
 */
@Injectable()
export class TenantGuard implements CanActivate {
  constructor(@Inject(TenantDirectory) private readonly directory: TenantDirectory) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const req = ctx.switchToHttp().getRequest<TenantRequest>();
    const header = req.header('x-org-id');
    if (header === undefined) {
      req.tenantId = await this.directory.defaultTenantId();
      return true;
    }
    if (!z.uuid().safeParse(header).success) {
      throw new ProblemException({
        status: 400,
        title: 'Invalid request',
        detail: 'X-Org-Id must be a UUID.',
      });
    }
    if (!(await this.directory.exists(header))) {
      throw new ProblemException({
        status: 404,
        title: 'Not found',
        detail: `No organization with id ${header}.`,
      });
    }
    req.tenantId = header;
    return true;
  }
}

/** The tenant the TenantGuard resolved; repositories require it as their first argument. */
export const TenantId = createParamDecorator((_data: unknown, ctx: ExecutionContext): string => {
  const id = ctx.switchToHttp().getRequest<TenantRequest>().tenantId;
  if (!id) throw new Error('TenantGuard did not run for this route');
  return id;
});

export interface RequestMeta {
  ip: string | undefined;
  userAgent: string | undefined;
  requestId: string | undefined;
}

export const Meta = createParamDecorator((_data: unknown, ctx: ExecutionContext): RequestMeta => {
  const req = ctx.switchToHttp().getRequest<Request & { id?: unknown }>();
  return {
    ip: req.ip,
    userAgent: req.header('user-agent')?.slice(0, 300),
    requestId: req.id === undefined ? undefined : String(req.id),
  };
});
