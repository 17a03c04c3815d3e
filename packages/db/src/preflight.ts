import pg from 'pg';

/** One clear line instead of a stack trace when Postgres is not there. */
export async function checkPostgres(
  databaseUrl: string,
): Promise<{ ok: true } | { ok: false; message: string }> {
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return { ok: true };
  } catch (e) {
    const u = new URL(databaseUrl);
    const reason = e instanceof Error ? e.message : String(e);
    return {
      ok: false,
      message:
        `PostgreSQL is not reachable at ${u.hostname}:${u.port || 5432}/${u.pathname.slice(1)} (${reason}). ` +
        `Start it (pg_ctlcluster <version> main start, or: docker compose up -d postgres) or set DATABASE_URL.`,
    };
  } finally {
    await client.end().catch(() => undefined);
  }
}
