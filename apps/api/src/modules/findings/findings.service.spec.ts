import { describe, expect, it } from 'vitest';
import { ZFindingQuery, type TFindingQuery } from '@aispm/contracts';
import { ProblemException } from '../../common/problem';
import type { RequestMeta } from '../../common/tenant';
import type {
  FindingDetailRow,
  FindingKey,
  FindingRow,
  FindingsRepository,
  SuppressionChange,
} from './findings.repository';
import { FindingsService } from './findings.service';

const TENANT = '01a00000-0000-7000-8000-000000000001';
const user: RequestMeta = {
  ip: '127.0.0.1',
  userAgent: 'test',
  requestId: 'r1',
  actor: { type: 'user', id: 'u1', email: 'lead@example.test' },
};
const token: RequestMeta = { ...user, actor: { type: 'token', id: 'tok-1', email: 'lead@example.test' } };

function row(i: number, extra: Partial<FindingRow> = {}): FindingRow {
  return {
    id: `01a00000-0000-7000-8000-0000000000${String(10 + i)}`,
    account_id: TENANT,
    asset_id: TENANT,
    check_id: 'aws.sagemaker.notebook.direct_internet_access',
    severity: 'high',
    risk_score: 90 - i,
    status: 'open',
    evidence: {},
    first_seen: new Date('2026-01-01T00:00:00Z'),
    last_seen: new Date('2026-01-02T00:00:00Z'),
    resolved_at: null,
    suppressed_reason: null,
    suppressed_by: null,
    suppressed_until: null,
    suppressed_at: null,
    exception_id: null,
    asset_name: 'nb',
    native_id: 'arn:nb',
    asset_type: 'aws.sagemaker.notebook_instance',
    region: 'us-east-1',
    provider: 'aws',
    ...extra,
  };
}

function fakeRepo(rows: FindingRow[], detail: FindingDetailRow | null = null) {
  const calls: { after: FindingKey | undefined; suppress: SuppressionChange[]; audits: unknown[] } = {
    after: undefined,
    suppress: [],
    audits: [],
  };
  const repo = {
    page: async (_t: string, q: TFindingQuery, after: FindingKey | undefined) => {
      calls.after = after;
      return rows.slice(0, q.limit + 1);
    },
    detail: async () => (detail ? { finding: detail, history: [], attackPaths: [] } : null),
    suppress: async (_t: string, change: SuppressionChange, audit: (ids: string[]) => unknown) => {
      calls.suppress.push(change);
      calls.audits.push(audit([...change.findingIds]));
      return change.findingIds.length;
    },
  };
  return { service: new FindingsService(repo as unknown as FindingsRepository), calls };
}

const query = (q: Record<string, unknown>) => ZFindingQuery.parse(q);

describe('FindingsService', () => {
  it('hands back a cursor for the order asked, and reads it back as that order’s key', async () => {
    const rows = [row(0), row(1), row(2)];
    const { service, calls } = fakeRepo(rows);
    const first = await service.page(TENANT, query({ limit: 2 }));
    expect(first.items.map((f) => f.riskScore)).toEqual([90, 89]);
    expect(first.nextCursor).not.toBeNull();
    await service.page(TENANT, query({ limit: 2, cursor: first.nextCursor }));
    expect(calls.after).toEqual({ sort: 'risk', riskScore: 89, id: rows[1]!.id });

    const bySeverity = await service.page(TENANT, query({ limit: 2, sort: 'severity' }));
    await service.page(TENANT, query({ limit: 2, sort: 'severity', cursor: bySeverity.nextCursor }));
    expect(calls.after).toEqual({ sort: 'severity', severity: 'high', riskScore: 89, id: rows[1]!.id });
  });

  it('refuses a cursor of the other order with a 400', async () => {
    const { service } = fakeRepo([row(0), row(1)]);
    const risk = await service.page(TENANT, query({ limit: 1 }));
    await expect(
      service.page(TENANT, query({ sort: 'severity', cursor: risk.nextCursor })),
    ).rejects.toMatchObject({
      problem: { status: 400 },
    });
  });

  it('carries the suppression only while a finding is suppressed', async () => {
    const until = new Date('2026-06-01T00:00:00Z');
    const { service } = fakeRepo([
      row(0, {
        status: 'suppressed',
        suppressed_reason: 'accepted',
        suppressed_by: 'owner@example.test',
        suppressed_until: until,
      }),
      // Left over on a resolved row, never shown as a suppression.
      row(1, { status: 'resolved', suppressed_reason: 'stale' }),
    ]);
    const { items } = await service.page(TENANT, query({}));
    expect(items[0]!.suppression).toEqual({
      reason: 'accepted',
      owner: 'owner@example.test',
      until: until.toISOString(),
      since: null,
    });
    expect(items[1]!.suppression).toBeNull();
  });

  it('answers 404 for a finding the tenant does not have, and null factors for findings scored without them', async () => {
    await expect(fakeRepo([]).service.detail(TENANT, TENANT)).rejects.toBeInstanceOf(ProblemException);
    const detail: FindingDetailRow = {
      ...row(0),
      risk_factors: {},
      last_scan_id: null,
      resolved_scan_id: null,
      criticality: null,
      owner: null,
    };
    const found = await fakeRepo([], detail).service.detail(TENANT, detail.id);
    expect(found.riskFactors).toBeNull();
    expect(found.check?.controls.find((c) => c.ref === 'owasp-llm@2025:LLM03')?.title).toBe('Supply Chain');
  });

  it('suppresses each id once, naming a person by email and a token by id', async () => {
    const { service, calls } = fakeRepo([]);
    const id = row(0).id;
    await service.suppress(
      TENANT,
      { findingIds: [id, id], reason: 'accepted', owner: 'o@example.test' },
      user,
    );
    await service.suppress(TENANT, { findingIds: [id], reason: 'accepted', owner: 'o@example.test' }, token);
    expect(calls.suppress.map((c) => [c.findingIds, c.actor, c.until])).toEqual([
      [[id], 'user:lead@example.test', null],
      [[id], 'token:tok-1', null],
    ]);
    expect(calls.audits[0]).toMatchObject({
      action: 'findings.suppress',
      targetId: id,
      metadata: { count: 1, reason: 'accepted', owner: 'o@example.test', until: null, findingIds: [id] },
    });
  });
});
