// Prepares Postgres for aispm, as the schema owner (DATABASE_ADMIN_URL):
// - creates the database when it does not exist yet (migrations need it to exist);
// - creates the application's login role named in DATABASE_URL (with its password, if the URL has one) and
//   makes it a member of aispm_app, the role the row-level security policies confine.
import pg from 'pg';

const adminUrl = new URL(
  process.env.DATABASE_ADMIN_URL ?? process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/aispm',
);
const appUrl = process.env.DATABASE_URL ? new URL(process.env.DATABASE_URL) : undefined;
const name = decodeURIComponent(adminUrl.pathname.slice(1));
const ident = (s) => `"${s.replaceAll('"', '""')}"`;
const literal = (s) => `'${s.replaceAll("'", "''")}'`;

async function withClient(url, fn) {
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

try {
  const server = new URL(adminUrl);
  server.pathname = '/postgres';
  await withClient(server, async (c) => {
    const { rowCount } = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) {
      await c.query(`CREATE DATABASE ${ident(name)}`);
      console.log(`created database ${name}`);
    }
    // Roles are cluster-wide. aispm_app carries the grants (made by the migrations); the login role joins it.
    await c.query(`DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'aispm_app') THEN CREATE ROLE aispm_app NOLOGIN; END IF;
    END $$`);
    const appUser = appUrl ? decodeURIComponent(appUrl.username) : '';
    if (appUser && appUser !== decodeURIComponent(adminUrl.username)) {
      const password = appUrl.password ? ` PASSWORD ${literal(decodeURIComponent(appUrl.password))}` : '';
      const { rowCount: exists } = await c.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [appUser]);
      await c.query(`${exists ? 'ALTER' : 'CREATE'} ROLE ${ident(appUser)} LOGIN${password}`);
      if (appUser !== 'aispm_app') await c.query(`GRANT aispm_app TO ${ident(appUser)}`);
    }
  });
} catch (e) {
  console.error(
    `Could not prepare database ${name} at ${adminUrl.hostname}:${adminUrl.port || 5432}: ${e.message}`,
  );
  process.exit(1);
}
