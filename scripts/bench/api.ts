// npm run bench:api [-- --assets 1000000 --findings-per-asset 2 --duration 8 --connections 10]
//
// API latency at scale (issue 5): a fresh database is filled in SQL with 1M assets and 2M findings across 20
// accounts (plus the per-scan summary rows the worker maintains), the API runs as deployed (its own process,
// NODE_ENV=production), and autocannon measures:
//   - the posture summary: p95 under 20 ms;
//   - inventory and findings pages: p95 under 50 ms, first page and deep pages (cursors taken at 10%, 50% and
//     90% of the list), with and without filters.
// p95 is computed from every response time autocannon reports. Exit 1 when a target is missed.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { createDatabase, newId, type Database } from '@aispm/db';
import { checks } from '@aispm/risk';
import { freshDatabase, log, migrateDatabase, type BenchEnv } from './common';

const { values } = parseArgs({
  options: {
    assets: { type: 'string', default: '1000000' },
    'findings-per-asset': { type: 'string', default: '2' },
    duration: { type: 'string', default: '8' },
    connections: { type: 'string', default: '10' },
    port: { type: 'string', default: '3917' },
    // Keep the database of a previous run (same --assets) instead of seeding again (6 minutes at 1M).
    reuse: { type: 'boolean', default: false },
  },
});
const ASSETS = Number(values.assets);
const PER_ASSET = Number(values['findings-per-asset']);
const DURATION = Number(values.duration);
const CONNECTIONS = Number(values.connections);
const PORT = Number(values.port);
if (![ASSETS, PER_ASSET, DURATION, CONNECTIONS, PORT].every((n) => Number.isInteger(n) && n > 0)) {
  console.error('bench: every option must be a whole number above 0');
  process.exit(2);
}

const ENV: BenchEnv = {
  adminUrl: process.env.BENCH_DATABASE_ADMIN_URL ?? 'postgresql://postgres@127.0.0.1:5432/aispm_bench_api',
  appUrl: process.env.BENCH_DATABASE_URL ?? 'postgresql://aispm_app@127.0.0.1:5432/aispm_bench_api',
  redisUrl: process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/5',
  masterKey: Buffer.alloc(32, 0x42).toString('base64'),
};
const ACCOUNTS = 20;
const TARGET_SUMMARY_P95_MS = 20;
const TARGET_PAGE_P95_MS = 50;

const ASSET_TYPES = [
  ['aws', 'aws.sagemaker.notebook_instance'],
  ['aws', 'aws.sagemaker.endpoint'],
  ['aws', 'aws.sagemaker.training_job'],
  ['aws', 'aws.bedrock.agent'],
  ['aws', 'aws.iam.role'],
  ['azure', 'azure.cognitiveservices.account'],
  ['azure', 'azure.ml.compute'],
  ['azure', 'azure.ml.workspace'],
  ['gcp', 'gcp.vertex.endpoint'],
  ['gcp', 'gcp.notebooks.instance'],
] as const;

/** A read token of the benchmark's user, stored as the API stores them (SHA-256 of the token). */
async function createToken(admin: Database, tenantId: string, userId: string): Promise<string> {
  const token = `aispm_pat_${randomBytes(32).toString('base64url')}`;
  await admin.prisma.$executeRawUnsafe(
    `INSERT INTO api_tokens (id, tenant_id, name, prefix, token_hash, scopes, created_by_id, expires_at)
     VALUES ($1::uuid, $2::uuid, 'bench', $3, $4, '{read:inventory}', $5::uuid, now() + interval '1 day')`,
    newId(),
    tenantId,
    token.slice(0, 14),
    createHash('sha256').update(token).digest('hex'),
    userId,
  );
  return token;
}

/** The benchmark organization a previous run seeded, if any. */
async function previousSeed(
  admin: Database,
): Promise<{ tenantId: string; token: string; accountIds: string[] } | null> {
  const org = await admin.prisma.organization.findFirst({ where: { slug: 'bench-api' } });
  const user = await admin.prisma.user.findFirst({ where: { email: 'bench@example.com' } });
  if (!org || !user) return null;
  const accounts = await admin.prisma.cloudAccount.findMany({
    where: { tenantId: org.id },
    orderBy: { name: 'asc' },
  });
  return {
    tenantId: org.id,
    token: await createToken(admin, org.id, user.id),
    accountIds: accounts.map((a) => a.id),
  };
}

async function seed(admin: Database): Promise<{ tenantId: string; token: string; accountIds: string[] }> {
  const tenantId = newId();
  const userId = newId();
  const q = (sql: string, ...params: unknown[]) => admin.prisma.$executeRawUnsafe(sql, ...params);
  await q(
    `INSERT INTO organizations (id, name, slug) VALUES ($1::uuid, 'API benchmark', 'bench-api')`,
    tenantId,
  );
  await q(`INSERT INTO users (id, email, name) VALUES ($1::uuid, 'bench@example.com', 'Bench')`, userId);
  await q(
    `INSERT INTO memberships (id, tenant_id, user_id, role) VALUES ($1::uuid, $2::uuid, $3::uuid, 'admin')`,
    newId(),
    tenantId,
    userId,
  );
  const token = await createToken(admin, tenantId, userId);
  const providers = ['aws', 'azure', 'gcp'] as const;
  const accountIds: string[] = [];
  for (let i = 0; i < ACCOUNTS; i++) {
    const id = newId();
    accountIds.push(id);
    await q(
      `INSERT INTO cloud_accounts (id, tenant_id, provider, name, scope_ids, regions, status, updated_at)
       VALUES ($1::uuid, $2::uuid, $3::"CloudProvider", $4, '{}', '{us-east-1}', 'connected', now())`,
      id,
      tenantId,
      providers[i % 3],
      `bench-${i}`,
    );
  }
  let t = performance.now();
  // Each account holds assets of its provider's types only.
  const typesOf = (p: string) => ASSET_TYPES.filter(([tp]) => tp === p).map(([, type]) => type);
  const chunk = 100_000;
  for (let from = 0; from < ASSETS; from += chunk) {
    await q(
      `INSERT INTO assets (id, tenant_id, account_id, provider, asset_type, native_id, name, region, attributes,
                           tags, first_seen, last_seen, changed_at, refreshed_at, risk_score, is_shadow)
       SELECT gen_random_uuid(), $1::uuid, acc.id, acc.provider::"CloudProvider",
              acc.types[1 + (g % array_length(acc.types, 1))],
              'arn:bench:' || g, 'asset-' || g, (ARRAY['us-east-1','eu-west-1','westeurope','us-central1'])[1 + g % 4],
              jsonb_build_object('Status', 'InService', 'Index', g), jsonb_build_object('team', 'team-' || (g % 7)),
              now(), now(), now(), now(), (g * 37) % 100, g % 53 = 0
         FROM generate_series($2::int, $3::int) AS g
         CROSS JOIN LATERAL (
           SELECT ($4::uuid[])[1 + g % $5] AS id, ($6::text[])[1 + g % $5] AS provider,
                  CASE ($6::text[])[1 + g % $5] WHEN 'aws' THEN $7::text[] WHEN 'azure' THEN $8::text[]
                       ELSE $9::text[] END AS types) AS acc`,
      tenantId,
      from + 1,
      Math.min(ASSETS, from + chunk),
      accountIds,
      ACCOUNTS,
      accountIds.map((_, i) => providers[i % 3]),
      typesOf('aws'),
      typesOf('azure'),
      typesOf('gcp'),
    );
  }
  log(`${ASSETS} assets in ${((performance.now() - t) / 1000).toFixed(0)} s`);
  t = performance.now();
  // Findings: PER_ASSET distinct checks per asset; 80% open, 15% resolved, 5% suppressed.
  await q(
    `INSERT INTO findings (id, tenant_id, account_id, asset_id, check_id, severity, risk_score, status, evidence,
                           first_seen, last_seen, resolved_at)
     SELECT gen_random_uuid(), a.tenant_id, a.account_id, a.id, c.check_id, c.severity::"Severity",
            1 + (abs(hashtext(a.id::text || k)) % 100),
            (CASE WHEN abs(hashtext(a.id::text || k || 's')) % 100 < 80 THEN 'open'
                  WHEN abs(hashtext(a.id::text || k || 's')) % 100 < 95 THEN 'resolved' ELSE 'suppressed' END
            )::"FindingStatus",
            jsonb_build_object('field', 'value'), now(), now(), NULL
       FROM assets a
      CROSS JOIN generate_series(1, $2::int) AS k
      CROSS JOIN LATERAL (
        SELECT ($3::text[])[1 + (abs(hashtext(a.id::text)) + k) % array_length($3::text[], 1)] AS check_id,
               ($4::text[])[1 + (abs(hashtext(a.id::text)) + k) % array_length($3::text[], 1)] AS severity) AS c
      WHERE a.tenant_id = $1::uuid`,
    tenantId,
    PER_ASSET,
    checks.map((c) => c.id),
    checks.map((c) => c.severity),
  );
  log(`${ASSETS * PER_ASSET} findings in ${((performance.now() - t) / 1000).toFixed(0)} s`);
  t = performance.now();
  // The summary rows the worker maintains per scan, computed once here the same way.
  await q(
    `INSERT INTO check_summaries (tenant_id, account_id, check_id, provider, severity, failing, passing, unknown,
                                  suppressed, updated_at)
     SELECT f.tenant_id, f.account_id, f.check_id, ca.provider, min(f.severity::text)::"Severity",
            count(*) FILTER (WHERE f.status = 'open'), count(*) FILTER (WHERE f.status = 'resolved'), 0,
            count(*) FILTER (WHERE f.status = 'suppressed'), now()
       FROM findings f JOIN cloud_accounts ca ON ca.id = f.account_id
      WHERE f.tenant_id = $1::uuid GROUP BY f.tenant_id, f.account_id, f.check_id, ca.provider`,
    tenantId,
  );
  await q(
    `INSERT INTO account_postures (tenant_id, account_id, provider, assets_total, assets_by_type, assets_evaluated,
                                   assets_failing, shadow_assets, critical, high, medium, low, info, attack_paths,
                                   evaluated_at, updated_at)
     SELECT ca.tenant_id, ca.id, ca.provider,
            (SELECT count(*) FROM assets WHERE account_id = ca.id),
            (SELECT jsonb_object_agg(asset_type, n) FROM (SELECT asset_type, count(*) AS n FROM assets
                                                            WHERE account_id = ca.id GROUP BY asset_type) t),
            (SELECT count(*) FROM assets WHERE account_id = ca.id),
            (SELECT count(DISTINCT asset_id) FROM findings WHERE account_id = ca.id AND status = 'open'),
            (SELECT count(*) FROM assets WHERE account_id = ca.id AND is_shadow),
            s.critical, s.high, s.medium, s.low, s.info, 0, now(), now()
       FROM cloud_accounts ca
      CROSS JOIN LATERAL (
        SELECT count(*) FILTER (WHERE severity = 'critical') AS critical, count(*) FILTER (WHERE severity = 'high') AS high,
               count(*) FILTER (WHERE severity = 'medium') AS medium, count(*) FILTER (WHERE severity = 'low') AS low,
               count(*) FILTER (WHERE severity = 'info') AS info
          FROM findings WHERE account_id = ca.id AND status = 'open') s
      WHERE ca.tenant_id = $1::uuid`,
    tenantId,
  );
  await q(
    `INSERT INTO posture_snapshots (id, tenant_id, taken_at, score, assets_evaluated, assets_failing, critical, high,
                                    medium, low, info)
     SELECT gen_random_uuid(), $1::uuid, now() - (d || ' days')::interval, 40 + d % 30, $2::int, $2::int / 2,
            d, d * 2, d * 3, d * 4, d
       FROM generate_series(0, 89) AS d`,
    tenantId,
    ASSETS,
  );
  await q('ANALYZE');
  log(`summary tables and statistics in ${((performance.now() - t) / 1000).toFixed(0)} s`);
  return { tenantId, token, accountIds };
}

function startApi(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: 'apps/api',
    env: {
      ...process.env,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(PORT),
      DATABASE_URL: ENV.appUrl,
      REDIS_URL: ENV.redisUrl,
      MASTER_KEY: ENV.masterKey,
      LOG_LEVEL: 'warn',
      API_REQUESTS_PER_MINUTE: '100000000',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    const deadline = setTimeout(() => reject(new Error('the API did not become ready in 60 s')), 60_000);
    const poll = async () => {
      try {
        const res = await fetch(`http://127.0.0.1:${PORT}/readyz`);
        if (res.ok) {
          clearTimeout(deadline);
          resolve(child);
          return;
        }
      } catch {
        // not listening yet
      }
      setTimeout(() => void poll(), 250);
    };
    child.once('exit', (code) => reject(new Error(`the API exited with ${code}`)));
    void poll();
  });
}

/** Runs autocannon on one path and returns the p95 of every response time, and the throughput. */
async function measure(
  path: string,
  token: string,
): Promise<{ p95: number; p50: number; rps: number; errors: number }> {
  const times: number[] = [];
  let errors = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `http://127.0.0.1:${PORT}${path}`,
        connections: CONNECTIONS,
        duration: DURATION,
        headers: { authorization: `Bearer ${token}` },
      },
      (err, res) => (err ? reject(err instanceof Error ? err : new Error(String(err))) : resolve(res)),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      times.push(responseTime);
      if (statusCode !== 200) errors++;
    });
  });
  times.sort((a, b) => a - b);
  const at = (q: number) =>
    Math.round((times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? NaN) * 10) / 10;
  return { p95: at(0.95), p50: at(0.5), rps: result.requests.average, errors: errors + result.non2xx };
}

/** The cursor the API hands out for the page after `offset` rows of a list, fetched by paging with limit 200. */
async function cursorAt(path: string, token: string, offset: number): Promise<string | null> {
  let cursor: string | null = null;
  for (let seen = 0; seen < offset; seen += 200) {
    const sep = path.includes('?') ? '&' : '?';
    const res = await fetch(
      `http://127.0.0.1:${PORT}${path}${sep}limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      { headers: { authorization: `Bearer ${token}` } },
    );
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    const body = (await res.json()) as { nextCursor?: string | null };
    cursor = body.nextCursor ?? null;
    if (!cursor) return null;
  }
  return cursor;
}

async function main(): Promise<number> {
  let admin: Database;
  let seeded: Awaited<ReturnType<typeof seed>> | null = null;
  if (values.reuse) {
    migrateDatabase(ENV);
    admin = createDatabase(ENV.adminUrl, { max: 2 });
    seeded = await previousSeed(admin);
    log(seeded ? 'reusing the seeded database' : 'nothing to reuse: seeding');
  } else {
    log(`fresh database ${new URL(ENV.adminUrl).pathname.slice(1)}`);
    freshDatabase(ENV);
    admin = createDatabase(ENV.adminUrl, { max: 2 });
  }
  const { token, accountIds } = seeded ?? (await seed(admin));
  await admin.close();
  const api = await startApi();
  let exitCode = 0;
  try {
    const results: { name: string; p95: number; p50: number; rps: number; errors: number; target: number }[] =
      [];
    const run = async (name: string, path: string, target: number) => {
      const r = await measure(path, token);
      results.push({ name, ...r, target });
      log(`${name}: p95 ${r.p95} ms, p50 ${r.p50} ms, ${Math.round(r.rps)} req/s, ${r.errors} errors`);
    };
    await run('posture summary', '/api/v1/posture/summary', TARGET_SUMMARY_P95_MS);
    await run('posture trend (90 days)', '/api/v1/posture/trend?days=90', TARGET_SUMMARY_P95_MS);
    const lists = [
      ['inventory', '/api/v1/assets?limit=50'],
      ['inventory, one account', `/api/v1/assets?limit=50&accountId=${accountIds[3]}`],
      ['findings', '/api/v1/findings?limit=50'],
      ['findings, open', '/api/v1/findings?limit=50&status=open'],
      ['findings, open critical', '/api/v1/findings?limit=50&status=open&severity=critical'],
    ] as const;
    // Deep cursors: reached by paging (200 a page) through a prefix of each list; depths are rows skipped.
    const depths = [0, 2_000, 20_000];
    for (const [name, path] of lists) {
      for (const depth of depths) {
        const cursor = depth === 0 ? null : await cursorAt(path.replace('limit=50', ''), token, depth);
        if (depth > 0 && !cursor) continue;
        await run(
          `${name} page at row ${depth}`,
          cursor ? `${path}&cursor=${encodeURIComponent(cursor)}` : path,
          TARGET_PAGE_P95_MS,
        );
      }
    }
    console.log(
      `\nAPI benchmark: ${ASSETS} assets, ${ASSETS * PER_ASSET} findings, ${ACCOUNTS} accounts; ` +
        `${CONNECTIONS} connections x ${DURATION} s per endpoint`,
    );
    for (const r of results) {
      const ok = r.p95 < r.target && r.errors === 0;
      if (!ok) exitCode = 1;
      console.log(
        `  ${r.name.padEnd(42)} p95 ${String(r.p95).padStart(4)} ms  p50 ${String(r.p50).padStart(4)} ms  ` +
          `${String(Math.round(r.rps)).padStart(5)} req/s  target p95 < ${r.target} ms  ${ok ? 'ok' : 'MISSED'}` +
          (r.errors ? ` (${r.errors} errors)` : ''),
      );
    }
    console.log(JSON.stringify({ assets: ASSETS, findings: ASSETS * PER_ASSET, results }));
  } finally {
    api.kill('SIGTERM');
    await new Promise((r) => api.once('exit', r));
  }
  return exitCode;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error('bench: failed', err);
    process.exit(1);
  },
);
