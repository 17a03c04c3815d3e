// npm run bench:discovery [-- --assets 100000 --seed 42 --concurrency 16 --workers 2]
//
// Scans a sized simulated estate end to end (simulator -> official SDKs -> BullMQ worker in its own process ->
// Postgres), then rescans it unchanged, and prints assets/s for both beside the write limit of this machine:
// the same rows COPY'd into Postgres. Targets (issue 4): >= 2,000 assets/s end to end, the unchanged rescan in at
// most 30% of the first scan's time, worker RSS under 512 MB (each worker process). Exit 1 when a target is missed.
// --workers starts that many worker processes (default: one per core), as a deployment scales workers out.
import { availableParallelism } from 'node:os';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { Redis } from 'ioredis';
import { startSimulator } from '@aispm/cloud-sim';
import { allDiscoverers } from '@aispm/connectors';
import { createDatabase } from '@aispm/db';
import { createRedisConnection, JobQueues } from '@aispm/jobs';
import {
  createAccounts,
  freshDatabase,
  log,
  rssSampler,
  scanAll,
  startWorkerProcess,
  type BenchEnv,
} from './common';

const { values } = parseArgs({
  options: {
    assets: { type: 'string', default: '100000' },
    seed: { type: 'string', default: '42' },
    concurrency: { type: 'string', default: '16' },
    workers: { type: 'string', default: String(availableParallelism()) },
  },
});
const ASSETS = Number(values.assets);
const SEED = Number(values.seed);
const CONCURRENCY = Number(values.concurrency);
const WORKERS = Number(values.workers);
if (![ASSETS, SEED, CONCURRENCY, WORKERS].every((n) => Number.isInteger(n) && n >= 0) || WORKERS < 1) {
  console.error(
    'bench: --assets, --seed, --concurrency and --workers must be whole numbers (--workers >= 1)',
  );
  process.exit(2);
}

const ADMIN_URL = process.env.BENCH_DATABASE_ADMIN_URL ?? 'postgresql://postgres@127.0.0.1:5432/aispm_bench';
const APP_URL = process.env.BENCH_DATABASE_URL ?? 'postgresql://aispm_app@127.0.0.1:5432/aispm_bench';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/3';
const MASTER_KEY = Buffer.alloc(32, 0x42).toString('base64');
const TARGET_ASSETS_PER_S = 2000;
const TARGET_RESCAN_RATIO = 0.3;
const TARGET_RSS_MB = 512;

const ENV: BenchEnv = { adminUrl: ADMIN_URL, appUrl: APP_URL, redisUrl: REDIS_URL, masterKey: MASTER_KEY };

/** The same rows COPY'd into a table shaped like assets (same columns and indexes): the write limit. */
async function copyWriteLimit(tenantId: string): Promise<{ rows: number; seconds: number }> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query('DROP TABLE IF EXISTS bench_copy');
    await client.query('CREATE TABLE bench_copy (LIKE assets INCLUDING DEFAULTS INCLUDING INDEXES)');
    const chunks: Buffer[] = [];
    const out = client.query(copyTo(`COPY (SELECT * FROM assets WHERE tenant_id = '${tenantId}') TO STDOUT`));
    for await (const chunk of out) chunks.push(chunk as Buffer);
    const rows = Buffer.concat(chunks)
      .toString('utf8')
      .split('\n')
      .filter((l) => l.length > 0).length;
    const started = performance.now();
    await pipeline(Readable.from(chunks), client.query(copyFrom('COPY bench_copy FROM STDIN')));
    const seconds = (performance.now() - started) / 1000;
    await client.query('DROP TABLE bench_copy');
    return { rows, seconds };
  } finally {
    await client.end();
  }
}

async function main(): Promise<number> {
  log(`fresh database ${new URL(ADMIN_URL).pathname.slice(1)}, Redis ${REDIS_URL}`);
  freshDatabase(ENV);
  const redis = new Redis(REDIS_URL);
  await redis.flushdb();
  await redis.quit();

  let t = performance.now();
  const sim = await startSimulator({ assets: ASSETS, seed: SEED });
  log(
    `simulator with --assets ${ASSETS} --seed ${SEED} built in ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );
  const admin = createDatabase(ADMIN_URL, { max: 2 });
  const connection = createRedisConnection(REDIS_URL);
  const queues = new JobQueues(connection);
  const { tenantId, accounts } = await createAccounts(admin, sim, MASTER_KEY);
  const providers = [...new Set(accounts.map((a) => a.provider))];
  const discoverers = allDiscoverers.filter((d) => providers.includes(d.provider)).length;
  log(`accounts: ${providers.join(', ')} (${discoverers} listings each region)`);

  const workers = await Promise.all(
    Array.from({ length: WORKERS }, () => startWorkerProcess(ENV, CONCURRENCY)),
  );
  const samplers = workers.map((w) => rssSampler(w.pid!));
  const rss = {
    stop: () => samplers.forEach((r) => r.stop()),
    peakMb: () => Math.max(...samplers.map((r) => r.peakMb())),
  };
  let exitCode = 0;
  try {
    t = performance.now();
    const first = await scanAll(
      admin,
      queues,
      tenantId,
      accounts.map((a) => a.id),
    );
    const assets = await admin.prisma.asset.count({ where: { tenantId, deletedAt: null } });
    log(
      `first scan: ${assets} assets in ${first.seconds.toFixed(1)} s, listings done after ${first.listingSeconds.toFixed(1)} s (${first.statuses.join(', ')})`,
    );
    for (const e of first.errors.slice(0, 5)) log(`  error: ${JSON.stringify(e)}`);

    const second = await scanAll(
      admin,
      queues,
      tenantId,
      accounts.map((a) => a.id),
    );
    const after = await admin.prisma.asset.count({ where: { tenantId, deletedAt: null } });
    log(
      `unchanged rescan: ${after} assets in ${second.seconds.toFixed(1)} s (${second.statuses.join(', ')})`,
    );
    rss.stop();

    const copy = await copyWriteLimit(tenantId);
    const rate = assets / first.seconds;
    const copyRate = copy.rows / copy.seconds;
    const ratio = second.seconds / first.seconds;
    const peak = rss.peakMb();
    const results = [
      [
        'end-to-end first scan',
        `${Math.round(rate)} assets/s`,
        `>= ${TARGET_ASSETS_PER_S}`,
        rate >= TARGET_ASSETS_PER_S,
      ],
      [
        'unchanged rescan / first scan',
        `${(ratio * 100).toFixed(0)}%`,
        `<= ${TARGET_RESCAN_RATIO * 100}%`,
        ratio <= TARGET_RESCAN_RATIO,
      ],
      [
        'worker peak RSS (largest process)',
        `${peak.toFixed(0)} MB`,
        `< ${TARGET_RSS_MB} MB`,
        peak < TARGET_RSS_MB,
      ],
      ['write limit (COPY of the same rows)', `${Math.round(copyRate)} rows/s`, 'reference', true],
    ] as const;
    console.log(
      `\nDiscovery benchmark: ${assets} assets (--assets ${ASSETS} --seed ${SEED}), ${WORKERS} worker process(es), concurrency ${CONCURRENCY} each`,
    );
    for (const [name, value, target, ok] of results) {
      console.log(
        `  ${name.padEnd(38)} ${value.padStart(14)}   target ${target.padEnd(10)} ${ok ? 'ok' : 'MISSED'}`,
      );
    }
    console.log(
      `  end to end is ${((rate / copyRate) * 100).toFixed(0)}% of the write limit; first scan ${first.seconds.toFixed(1)} s, rescan ${second.seconds.toFixed(1)} s`,
    );
    console.log(
      JSON.stringify({
        assets,
        firstScanSeconds: first.seconds,
        rescanSeconds: second.seconds,
        assetsPerSecond: rate,
        rescanRatio: ratio,
        workers: WORKERS,
        workerPeakRssMb: peak,
        copyRowsPerSecond: copyRate,
        scanErrors: first.errors.length + second.errors.length,
      }),
    );
    if (results.some((r) => !r[3]) || first.errors.length > 0) exitCode = 1;
  } finally {
    rss.stop();
    await Promise.all(
      workers.map((w) => {
        w.kill('SIGTERM');
        return new Promise((r) => w.once('exit', r));
      }),
    );
    await queues.close();
    connection.disconnect();
    await admin.close();
    await sim.close();
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
