import { describe, expect, it } from 'vitest';
import { ZCreateFindingException } from '@aispm/contracts';
import type { FindingException } from '@aispm/db';
import type { RequestMeta } from '../../common/tenant';
import type { ExceptionsRepository } from './exceptions.repository';
import { ExceptionsService } from './exceptions.service';

const TENANT = '01a00000-0000-7000-8000-000000000001';
const ACCOUNT = '01a00000-0000-7000-8000-000000000002';
const meta: RequestMeta = {
  ip: '127.0.0.1',
  userAgent: 'test',
  requestId: 'r1',
  actor: { type: 'user', id: 'u1', email: 'admin@example.test' },
};

function fakeRepo({ accountExists = true, taken = false } = {}) {
  const created: Record<string, unknown>[] = [];
  const repo = {
    accountExists: async () => accountExists,
    create: async (_t: string, data: Record<string, unknown>) => {
      if (taken) return null;
      created.push(data);
      return {
        ...data,
        tenantId: TENANT,
        createdAt: new Date(),
        suppressedFindings: 3,
      } as FindingException & {
        suppressedFindings: number;
      };
    },
  };
  return { service: new ExceptionsService(repo as unknown as ExceptionsRepository), created };
}

const input = (extra: Record<string, unknown>) =>
  ZCreateFindingException.parse({
    name: 'sandbox',
    reason: 'no data there',
    owner: 'o@example.test',
    ...extra,
  });

describe('ExceptionsService', () => {
  it('refuses an unknown check before writing anything (400 on checkId)', async () => {
    const { service, created } = fakeRepo();
    await expect(
      service.create(TENANT, input({ tagKey: 'env', checkId: 'aws.nope' }), meta),
    ).rejects.toMatchObject({ problem: { status: 400, errors: [{ path: 'checkId' }] } });
    expect(created).toEqual([]);
  });

  it('refuses an account the organization does not have (400 on accountId)', async () => {
    const { service, created } = fakeRepo({ accountExists: false });
    await expect(service.create(TENANT, input({ accountId: ACCOUNT }), meta)).rejects.toMatchObject({
      problem: { status: 400, errors: [{ path: 'accountId' }] },
    });
    expect(created).toEqual([]);
  });

  it('answers 409 when the name is taken', async () => {
    await expect(
      fakeRepo({ taken: true }).service.create(TENANT, input({ tagKey: 'env' }), meta),
    ).rejects.toMatchObject({ problem: { status: 409 } });
  });

  it('stores empty optional fields as absent and reports what the rule suppressed', async () => {
    const { service, created } = fakeRepo();
    const res = await service.create(TENANT, input({ tagKey: 'env', tagValue: '', checkId: '' }), meta);
    expect(created[0]).toMatchObject({
      checkId: null,
      accountId: null,
      tagKey: 'env',
      tagValue: null,
      createdBy: 'user:admin@example.test',
    });
    expect(res.suppressed).toBe(3);
  });
});
