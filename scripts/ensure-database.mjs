// Creates the database named in DATABASE_URL when it does not exist yet (migrations need it to exist).
import pg from 'pg';

const url = new URL(process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/aispm');
const name = decodeURIComponent(url.pathname.slice(1));
const admin = new URL(url);
admin.pathname = '/postgres';
const client = new pg.Client({ connectionString: admin.toString() });
try {
  await client.connect();
  const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  if (!rowCount) {
    await client.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
    console.log(`created database ${name}`);
  }
} catch (e) {
  console.error(`Could not prepare database ${name} at ${url.hostname}:${url.port || 5432}: ${e.message}`);
  process.exit(1);
} finally {
  await client.end().catch(() => undefined);
}
