import { describe, expect, it } from 'vitest';
import type { CheckCounts } from '@aispm/compliance';
import type { CustomFramework } from '@aispm/db';
import type { RequestMeta } from '../../common/tenant';
import { ProblemException } from '../../common/problem';
import type { ComplianceRepository } from './compliance.repository';
import { ComplianceService } from './compliance.service';

const TENANT = '01a00000-0000-7000-8000-000000000001';
const meta: RequestMeta = {
  ip: '127.0.0.1',
  userAgent: 'test',
  requestId: 'r1',
  actor: { type: 'user', id: 'u1', email: 'admin@example.test' },
};

function fakeRepo(counts: CheckCounts[], custom: CustomFramework[] = []) {
  const created: unknown[] = [];
  const repo = {
    checkCounts: async () => counts,
    listCustom: async () => custom,
    findCustom: async (_t: string, key: string) => custom.find((c) => c.key === key) ?? null,
    accountExists: async () => true,
    createCustom: async (_t: string, data: Omit<CustomFramework, 'tenantId' | 'createdAt'>) => {
      if (custom.some((c) => c.key === data.key)) return null;
      created.push(data);
      return { ...data, tenantId: TENANT, createdAt: new Date('2026-01-01T00:00:00Z') } as CustomFramework;
    },
  };
  return { repo: repo as unknown as ComplianceRepository, created };
}

const failing: CheckCounts = {
  checkId: 'aws.sagemaker.notebook.direct_internet_access',
  failing: 2,
  passing: 1,
  unknown: 0,
  suppressed: 0,
};

describe('ComplianceService', () => {
  it('lists the built-in frameworks before the custom ones, each counted from the same summaries', async () => {
    const row: CustomFramework = {
      id: '01a00000-0000-7000-8000-000000000002',
      tenantId: TENANT,
      key: 'acme',
      name: 'ACME',
      version: '1',
      controls: [
        {
          id: 'A',
          title: 'Off the internet',
          checks: [{ checkId: failing.checkId, relationship: 'subset-of' }],
        },
        // A check aispm no longer has does not count (nor fail the read).
        { id: 'B', title: 'Gone', checks: [{ checkId: 'aws.removed.check', relationship: 'subset-of' }] },
      ],
      createdBy: 'admin@example.test',
      createdAt: new Date('2026-01-01T00:00:00Z'),
    };
    const service = new ComplianceService(fakeRepo([failing], [row]).repo);
    const list = await service.list(TENANT);
    expect(list.map((f) => f.key)).toEqual([
      'owasp-llm',
      'mitre-atlas',
      'nist-ai-rmf',
      'nist-ai-600-1',
      'iso-42001',
      'eu-ai-act',
      'acme',
    ]);
    expect(list.at(-1)).toEqual({
      key: 'acme',
      name: 'ACME',
      version: '1',
      builtIn: false,
      controls: { total: 2, failing: 1, passing: 0, manual: 1 },
      createdBy: 'admin@example.test',
      createdAt: '2026-01-01T00:00:00.000Z',
    });
    // Every built-in framework has a control this check fails.
    expect(list.slice(0, 6).every((f) => f.controls.failing > 0)).toBe(true);
  });

  it('refuses an invalid file with 400 and every problem; an existing key with 409', async () => {
    const { repo, created } = fakeRepo([], [{ key: 'taken' } as CustomFramework]);
    const service = new ComplianceService(repo);
    const invalid = await service
      .create(TENANT, { format: 'yaml', text: 'key: acme\nname: A\nversion: "1"\ncontrols: []\n' }, meta)
      .catch((e: unknown) => e);
    expect(invalid).toBeInstanceOf(ProblemException);
    expect((invalid as ProblemException).problem).toMatchObject({
      status: 400,
      title: 'Invalid framework',
      errors: [{ path: 'controls', message: expect.any(String) }],
    });
    const body = { key: 'taken', name: 'T', version: '1', controls: [{ id: 'A', title: 'a', checks: [] }] };
    const conflict = await service
      .create(TENANT, { format: 'json', text: JSON.stringify(body) }, meta)
      .catch((e: unknown) => e);
    expect((conflict as ProblemException).problem.status).toBe(409);
    expect(created).toEqual([]);
  });
});
