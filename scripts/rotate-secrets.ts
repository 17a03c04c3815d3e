// npm run secrets:rotate [-- --dry-run]: re-wraps every stored secret's data key under MASTER_KEY, unwrapping
// with the older keys in MASTER_KEY_PREVIOUS. Procedure: README, "Rotating the master key".
// Exit codes: 0 done, 1 some rows failed (listed), 2 bad usage or environment (nothing was changed).
import pg from 'pg';
import { EnvError, ZServiceEnv, loadEnv } from '@aispm/config';
import { EnvelopeCipher, LocalKeyring, rotateSecrets, type ColumnReport } from '@aispm/secrets';

const USAGE = 'usage: npm run secrets:rotate [-- --dry-run]';

// The schema owner reads every tenant's rows; the application role is confined to one tenant per transaction.
const ZRotateEnv = ZServiceEnv.pick({ MASTER_KEY: true, MASTER_KEY_PREVIOUS: true }).extend({
  DATABASE_ADMIN_URL: ZServiceEnv.shape.DATABASE_URL,
});

function fail(message: string): never {
  console.error(`secrets:rotate: ${message}`);
  process.exit(2);
}

function readEnv() {
  try {
    return loadEnv(ZRotateEnv);
  } catch (e) {
    if (e instanceof EnvError) fail(e.message);
    throw e;
  }
}

function print(reports: ColumnReport[], dryRun: boolean): number {
  let failed = 0;
  for (const r of reports) {
    const counts = [
      `${r.rewrapped} ${dryRun ? 'to rewrap' : 'rewrapped'}`,
      `${r.current} already current`,
      `${r.failed.length} failed`,
      ...(r.gone ? [`${r.gone} deleted meanwhile`] : []),
    ];
    console.log(`${r.table}.${r.column}: ${counts.join(', ')}`);
    for (const f of r.failed) console.log(`  failed ${f.id}: ${f.reason}`);
    failed += r.failed.length;
  }
  return failed;
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  const unknown = args.filter((a) => a !== '--dry-run');
  if (unknown.length) fail(`unknown argument ${unknown.join(' ')}\n${USAGE}`);
  const dryRun = args.includes('--dry-run');

  const env = readEnv();
  const keyring = LocalKeyring.fromEnv(env);
  const [active, ...previous] = keyring.keyIds();
  console.log(
    `active key ${active}; previous keys: ${previous.length ? previous.join(', ') : 'none'}` +
      (dryRun ? ' (dry run: nothing is written)' : ''),
  );

  const pool = new pg.Pool({
    connectionString: env.DATABASE_ADMIN_URL,
    max: 1,
    connectionTimeoutMillis: 5000,
    application_name: 'aispm-secrets-rotate',
  });
  pool.on('error', () => undefined);
  try {
    try {
      await pool.query('SELECT 1');
    } catch (e) {
      const u = new URL(env.DATABASE_ADMIN_URL);
      fail(
        `PostgreSQL is not reachable at ${u.hostname}:${u.port || 5432}/${u.pathname.slice(1)} ` +
          `(${e instanceof Error ? e.message : String(e)}); check DATABASE_ADMIN_URL`,
      );
    }
    let reports: ColumnReport[];
    try {
      reports = await rotateSecrets(pool, new EnvelopeCipher(keyring), { dryRun });
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      if (message.includes('app.tenant_id is not set')) {
        fail("DATABASE_ADMIN_URL must connect as the schema owner, not as the application's role");
      }
      throw e;
    }
    const failed = print(reports, dryRun);
    if (failed > 0) {
      console.error(
        `secrets:rotate: ${failed} value(s) not rewrapped; keep MASTER_KEY_PREVIOUS until they are fixed`,
      );
    }
    return failed > 0 ? 1 : 0;
  } finally {
    await pool.end().catch(() => undefined);
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`secrets:rotate failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  },
);
