import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from './ids';

// Row-level security checked in SQL, as the application role, without any of the application's code:
// if a repository forgot its tenant filter, these are the rules that would still hold.
const TENANT_TABLES = [
  'memberships',
  'cloud_accounts',
  'scans',
  'scan_tasks',
  'assets',
  'asset_relations',
  'findings',
  'audit_events',
  'api_tokens',
  'invitations',
  'sanctioned_ai',
  'finding_events',
  'finding_exceptions',
  'attack_paths',
  'asset_verdicts',
  'check_summaries',
  'account_postures',
  'posture_snapshots',
  'custom_frameworks',
];

let app: pg.Client;
let admin: pg.Client;
const tenantA = newId();
const tenantB = newId();
const accountA = newId();
const accountB = newId();

async function asTenant<T>(tenantId: string, fn: () => Promise<T>): Promise<T> {
  await app.query('BEGIN');
  try {
    await app.query("SELECT set_config('app.tenant_id', $1, true)", [tenantId]);
    return await fn();
  } finally {
    await app.query('ROLLBACK');
  }
}

beforeAll(async () => {
  app = new pg.Client({ connectionString: process.env.DATABASE_URL });
  admin = new pg.Client({ connectionString: process.env.DATABASE_ADMIN_URL });
  await Promise.all([app.connect(), admin.connect()]);
  for (const [tenant, account] of [
    [tenantA, accountA],
    [tenantB, accountB],
  ] as const) {
    await admin.query('INSERT INTO organizations (id, name, slug) VALUES ($1, $2, $2)', [
      tenant,
      `rls-${tenant}`,
    ]);
    await admin.query(
      `INSERT INTO cloud_accounts (id, tenant_id, provider, name, scope_ids, regions, updated_at)
       VALUES ($1, $2, 'aws', 'acct', '{}', '{us-east-1}', now())`,
      [account, tenant],
    );
  }
});

afterAll(async () => {
  await app?.end();
  await admin?.end();
});

describe('row-level security as the application role', () => {
  it('is enabled and forced on every tenant table', async () => {
    const { rows } = await admin.query<{
      relname: string;
      relrowsecurity: boolean;
      relforcerowsecurity: boolean;
    }>(`SELECT relname, relrowsecurity, relforcerowsecurity FROM pg_class WHERE relname = ANY($1)`, [
      TENANT_TABLES,
    ]);
    expect(rows).toHaveLength(TENANT_TABLES.length);
    for (const r of rows)
      expect([r.relname, r.relrowsecurity, r.relforcerowsecurity]).toEqual([r.relname, true, true]);
  });

  it('covers every table with a tenant_id column (a new table cannot slip past this list)', async () => {
    const { rows } = await admin.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.columns
        WHERE table_schema = 'public' AND column_name = 'tenant_id' ORDER BY table_name`,
    );
    expect(rows.map((r) => r.table_name)).toEqual([...TENANT_TABLES].sort());
  });

  it('connects as a role that owns nothing and cannot bypass row-level security', async () => {
    const { rows } = await app.query<{ super: boolean; bypass: boolean; owns: number }>(
      `SELECT r.rolsuper AS super, r.rolbypassrls AS bypass,
              (SELECT count(*)::int FROM pg_class c WHERE pg_has_role(current_user, c.relowner, 'USAGE')
                 AND c.relnamespace = 'public'::regnamespace) AS owns
         FROM pg_roles r WHERE r.rolname = current_user`,
    );
    expect(rows[0]).toEqual({ super: false, bypass: false, owns: 0 });
  });

  it('fails closed when no tenant is set', async () => {
    for (const t of TENANT_TABLES) {
      await expect(app.query(`SELECT count(*) FROM ${t}`), t).rejects.toThrow(/app.tenant_id is not set/);
    }
  });

  it('shows a tenant only its own rows, even with no WHERE clause', async () => {
    const ids = await asTenant(tenantA, async () => (await app.query('SELECT id FROM cloud_accounts')).rows);
    expect(ids).toEqual([{ id: accountA }]);
  });

  it('refuses to write a row into another tenant', async () => {
    await asTenant(tenantA, async () => {
      await expect(
        app.query(
          `INSERT INTO cloud_accounts (id, tenant_id, provider, name, scope_ids, regions, updated_at)
           VALUES ($1, $2, 'aws', 'sneaky', '{}', '{}', now())`,
          [newId(), tenantB],
        ),
      ).rejects.toThrow(/row-level security/);
    });
  });

  it('cannot move a row to another tenant, nor touch the other tenant’s rows', async () => {
    await asTenant(tenantA, async () => {
      await expect(app.query('UPDATE cloud_accounts SET tenant_id = $1', [tenantB])).rejects.toThrow(
        /row-level security/,
      );
    });
    const touched = await asTenant(tenantA, async () => {
      const upd = await app.query("UPDATE cloud_accounts SET name = 'pwned' WHERE id = $1", [accountB]);
      const del = await app.query('DELETE FROM cloud_accounts WHERE id = $1', [accountB]);
      return [upd.rowCount, del.rowCount];
    });
    expect(touched).toEqual([0, 0]);
  });

  it('keeps the tenant for one transaction only', async () => {
    await asTenant(tenantA, async () => undefined);
    await expect(app.query('SELECT count(*) FROM assets')).rejects.toThrow(/app.tenant_id is not set/);
  });

  it('cannot switch row-level security off or change the policies', async () => {
    await expect(app.query('ALTER TABLE findings DISABLE ROW LEVEL SECURITY')).rejects.toThrow(
      /must be owner/,
    );
    await expect(app.query('DROP POLICY tenant_isolation ON findings')).rejects.toThrow(/must be owner/);
    await app.query('BEGIN');
    try {
      await app.query('SET LOCAL row_security = off');
      await expect(app.query('SELECT count(*) FROM findings')).rejects.toThrow(/row-level security/);
    } finally {
      await app.query('ROLLBACK');
    }
  });

  it('cannot read the migration history', async () => {
    await expect(app.query('SELECT count(*) FROM _prisma_migrations')).rejects.toThrow(/permission denied/);
  });

  it('finds an invitation across tenants only by its token hash, through a function only the app role may run', async () => {
    const user = newId();
    const invitation = newId();
    await admin.query(`INSERT INTO users (id, email, name) VALUES ($1, $2, 'inviter')`, [
      user,
      `inviter-${user}@example.test`,
    ]);
    await admin.query(
      `INSERT INTO invitations (id, tenant_id, email, role, token_hash, invited_by_id, expires_at)
       VALUES ($1, $2, 'invitee@example.test', 'viewer', $3, $4, now() + interval '1 day')`,
      [invitation, tenantB, `hash-${invitation}`, user],
    );
    const { rows, fields } = await app.query('SELECT * FROM app_invitation($1)', [`hash-${invitation}`]);
    expect(fields.map((f) => f.name)).toEqual([
      'id',
      'tenant_id',
      'email',
      'role',
      'expires_at',
      'accepted_at',
      'revoked_at',
    ]);
    expect(rows).toMatchObject([{ id: invitation, tenant_id: tenantB }]);
    expect((await app.query('SELECT * FROM app_invitation($1)', ['no-such-hash'])).rows).toEqual([]);
    const { rows: grants } = await admin.query<{ public: boolean }>(
      `SELECT has_function_privilege('public', 'app_invitation(text)', 'EXECUTE') AS public`,
    );
    expect(grants[0]).toEqual({ public: false });
  });

  it('reads unfinished scans across tenants only through the reconciler function, which returns ids only', async () => {
    for (const [tenant, account] of [
      [tenantA, accountA],
      [tenantB, accountB],
    ] as const) {
      await admin.query(
        `INSERT INTO scans (id, tenant_id, account_id, status) VALUES ($1, $2, $3, 'running')`,
        [newId(), tenant, account],
      );
    }
    const { rows, fields } = await app.query('SELECT * FROM app_unfinished_scans(100000)');
    expect(fields.map((f) => f.name)).toEqual(['id', 'tenant_id', 'status']);
    const tenants = new Set(rows.map((r: { tenant_id: string }) => r.tenant_id));
    expect(tenants.has(tenantA) && tenants.has(tenantB)).toBe(true);
  });
});
