// npm run bench:risk [-- --assets 100000 --template 3000 --seed 42 --parallel 2]
//
// Risk engine throughput (issue 5): every check over a 100k-asset inventory, findings written in bulk.
// 1. The simulator's estate of --template assets is scanned through the real pipeline (SDKs, worker), giving a
//    realistic inventory of every provider with its relations.
// 2. Each provider's account is cloned (assets and declared relations, COPY-speed INSERT ... SELECT) into as many
//    accounts as it takes to reach --assets.
// 3. The worker's evaluation handler evaluates every clone (--parallel accounts at a time, in this process):
//    relations rebuilt, shadow AI, every check, findings + history + verdicts written, attack paths,
//    summaries. Reported: asset evaluations/s over the whole phase (target >= 20,000).
// 4. The same accounts are evaluated again unchanged: incremental evaluation should find nothing to do.
import { parseArgs } from 'node:util';
import pino from 'pino';
import { Redis } from 'ioredis';
import { startSimulator } from '@aispm/cloud-sim';
import { parseMasterKey } from '@aispm/config';
import { createDatabase, newId, type Database } from '@aispm/db';
import { createRedisConnection, JobQueues } from '@aispm/jobs';
import { checksFor, evaluateAsset, InventoryGraph, type CheckAsset } from '@aispm/risk';
import { parseOutboundPolicy } from '@aispm/security';
import { EnvelopeCipher, LocalKeyring } from '@aispm/secrets';
import { evaluateScanHandler } from '../../apps/worker/src/handlers/evaluate-scan.handler';
import { createAccounts, freshDatabase, log, scanAll, startWorkerProcess, type BenchEnv } from './common';

const { values } = parseArgs({
  options: {
    assets: { type: 'string', default: '100000' },
    template: { type: 'string', default: '3000' },
    seed: { type: 'string', default: '42' },
    parallel: { type: 'string', default: '2' },
  },
});
const ASSETS = Number(values.assets);
const TEMPLATE = Number(values.template);
const SEED = Number(values.seed);
const PARALLEL = Number(values.parallel);
if (![ASSETS, TEMPLATE, SEED, PARALLEL].every((n) => Number.isInteger(n) && n > 0)) {
  console.error('bench: --assets, --template, --seed and --parallel must be whole numbers above 0');
  process.exit(2);
}

const ENV: BenchEnv = {
  adminUrl: process.env.BENCH_DATABASE_ADMIN_URL ?? 'postgresql://postgres@127.0.0.1:5432/aispm_bench_risk',
  appUrl: process.env.BENCH_DATABASE_URL ?? 'postgresql://aispm_app@127.0.0.1:5432/aispm_bench_risk',
  redisUrl: process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/4',
  masterKey: Buffer.alloc(32, 0x42).toString('base64'),
};
const TARGET_EVALUATIONS_PER_S = 20_000;

/** Copies a scanned account's inventory into `copies` new accounts of the same tenant, in SQL. */
async function cloneAccount(admin: Database, templateId: string, copies: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < copies; i++) {
    const id = newId();
    ids.push(id);
    await admin.prisma.$executeRawUnsafe(
      `INSERT INTO cloud_accounts (id, tenant_id, provider, name, scope_ids, regions, endpoint_override, status,
                                   created_at, updated_at)
       SELECT $2::uuid, tenant_id, provider, name || '-clone-' || $3::text, scope_ids, regions, endpoint_override,
              'connected', now(), now()
         FROM cloud_accounts WHERE id = $1::uuid`,
      templateId,
      id,
      String(i + 1),
    );
    await admin.prisma.$executeRawUnsafe(
      `INSERT INTO assets (id, tenant_id, account_id, provider, asset_type, native_id, name, region, attributes, tags,
                           declared_relations, first_seen, last_seen, changed_at, refreshed_at)
       SELECT gen_random_uuid(), tenant_id, $2::uuid, provider, asset_type, native_id, name, region, attributes,
              tags, declared_relations, now(), now(), now(), now()
         FROM assets WHERE account_id = $1::uuid AND deleted_at IS NULL`,
      templateId,
      id,
    );
  }
  return ids;
}

async function evaluateAccounts(
  admin: Database,
  handle: (payload: { tenantId: string; scanId: string }) => Promise<void>,
  tenantId: string,
  accountIds: string[],
): Promise<number> {
  const scans = accountIds.map((accountId) => ({ id: newId(), accountId }));
  for (const s of scans) {
    await admin.prisma.scan.create({
      data: {
        id: s.id,
        tenantId,
        accountId: s.accountId,
        status: 'evaluating',
        trigger: 'bench',
        tasksTotal: 1,
        tasksDone: 1,
      },
    });
  }
  const started = performance.now();
  const queue = [...scans];
  await Promise.all(
    Array.from({ length: PARALLEL }, async () => {
      for (let s = queue.shift(); s; s = queue.shift()) await handle({ tenantId, scanId: s.id });
    }),
  );
  return (performance.now() - started) / 1000;
}

/**
 * The check engine alone: the clones' assets and relations loaded into one in-memory graph, every check run on
 * every asset. The ceiling the end-to-end figure would reach if writing cost nothing.
 */
async function inMemoryRate(
  admin: Database,
  accountIds: string[],
): Promise<{ rate: number; seconds: number }> {
  const rows = await admin.prisma.asset.findMany({
    where: { accountId: { in: accountIds }, deletedAt: null },
  });
  const relations = await admin.prisma.assetRelation.findMany({
    where: { from: { accountId: { in: accountIds } } },
    select: { fromAssetId: true, toAssetId: true, kind: true },
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  // Native ids repeat across clones: key the graph by asset id so each clone stays its own graph.
  const assets: CheckAsset[] = rows.map((r) => ({
    id: r.id,
    accountId: r.accountId,
    provider: r.provider,
    assetType: r.assetType,
    nativeId: r.id,
    name: r.name,
    region: r.region,
    attributes: r.attributes as Record<string, unknown>,
    tags: r.tags as Record<string, string>,
  }));
  const graph = new InventoryGraph(
    assets,
    relations
      .filter((r) => byId.has(r.toAssetId))
      .map((r) => ({ fromNativeId: r.fromAssetId, kind: r.kind, toNativeId: r.toAssetId })),
  );
  const evaluable = assets.filter((a) => checksFor(a.assetType).length > 0);
  const started = performance.now();
  for (const a of evaluable) evaluateAsset(a, graph.contextOf(a));
  const seconds = (performance.now() - started) / 1000;
  return { rate: evaluable.length / seconds, seconds };
}

async function main(): Promise<number> {
  log(`fresh database ${new URL(ENV.adminUrl).pathname.slice(1)}, Redis ${ENV.redisUrl}`);
  freshDatabase(ENV);
  const flush = new Redis(ENV.redisUrl);
  await flush.flushdb();
  await flush.quit();

  const sim = await startSimulator({ assets: TEMPLATE, seed: SEED });
  const admin = createDatabase(ENV.adminUrl, { max: 4 });
  const app = createDatabase(ENV.appUrl, { max: 4 });
  const connection = createRedisConnection(ENV.redisUrl);
  const queues = new JobQueues(connection);
  const { tenantId, accounts } = await createAccounts(admin, sim, ENV.masterKey);
  try {
    const workers = await Promise.all([startWorkerProcess(ENV, 16), startWorkerProcess(ENV, 16)]);
    try {
      const scanned = await scanAll(
        admin,
        queues,
        tenantId,
        accounts.map((a) => a.id),
      );
      log(`template estate scanned in ${scanned.seconds.toFixed(1)} s (${scanned.statuses.join(', ')})`);
    } finally {
      await Promise.all(
        workers.map((w) => {
          w.kill('SIGTERM');
          return new Promise((r) => w.once('exit', r));
        }),
      );
    }
    const template = await admin.prisma.asset.count({ where: { tenantId, deletedAt: null } });
    const copies = Math.max(1, Math.round(ASSETS / template));
    let t = performance.now();
    const clones: string[] = [];
    for (const a of accounts) clones.push(...(await cloneAccount(admin, a.id, copies)));
    await admin.prisma.$executeRawUnsafe('ANALYZE');
    const rows = await admin.prisma.asset.findMany({
      where: { accountId: { in: clones } },
      select: { assetType: true },
    });
    const assets = rows.length;
    const checkEvaluations = rows.reduce((n, r) => n + checksFor(r.assetType).length, 0);
    const evaluable = rows.filter((r) => checksFor(r.assetType).length > 0).length;
    log(
      `cloned ${template} template assets x ${copies} into ${clones.length} accounts: ${assets} assets ` +
        `(${evaluable} with checks) in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );

    const cipher = new EnvelopeCipher(LocalKeyring.fromEnv({ MASTER_KEY: parseMasterKey(ENV.masterKey) }));
    const handler = evaluateScanHandler({
      db: app,
      queues,
      cipher,
      // BENCH_LOG_LEVEL=info prints each evaluation's phases (ms).
      logger: pino({ level: process.env.BENCH_LOG_LEVEL ?? 'warn' }),
      discoverers: [],
      outbound: parseOutboundPolicy('private'),
    });
    const attempt = { attemptsMade: 0, isFinalAttempt: true };
    const handle = (p: { tenantId: string; scanId: string }) => handler.handle(p, attempt);

    t = performance.now();
    const firstSeconds = await evaluateAccounts(admin, handle, tenantId, clones);
    const findings = await admin.prisma.finding.count({ where: { accountId: { in: clones } } });
    const events = await admin.prisma.findingEvent.count({ where: { tenantId } });
    const paths = await admin.prisma.attackPath.count({ where: { tenantId, accountId: { in: clones } } });
    const verdicts = await admin.prisma.assetVerdicts.count({ where: { accountId: { in: clones } } });
    const before = new Date();
    const againSeconds = await evaluateAccounts(admin, handle, tenantId, clones);
    const reEvaluated = await admin.prisma.assetVerdicts.count({
      where: { accountId: { in: clones }, evaluatedAt: { gte: before } },
    });

    const memory = await inMemoryRate(admin, clones);
    const rate = evaluable / firstSeconds;
    const ok = rate >= TARGET_EVALUATIONS_PER_S;
    console.log(
      `\nRisk engine benchmark: ${assets} assets (${evaluable} with checks) in ${clones.length} accounts, ` +
        `${PARALLEL} evaluations at a time`,
    );
    console.log(
      `  full evaluation                 ${Math.round(rate).toString().padStart(8)} asset evaluations/s   ` +
        `target >= ${TARGET_EVALUATIONS_PER_S}  ${ok ? 'ok' : 'MISSED'}`,
    );
    console.log(
      `    ${checkEvaluations} check evaluations (${Math.round(checkEvaluations / firstSeconds)}/s), ` +
        `${findings} findings, ${events} history events, ${verdicts} verdict rows, ${paths} attack paths, ` +
        `in ${firstSeconds.toFixed(1)} s`,
    );
    console.log(
      `  check engine alone (in memory)  ${Math.round(memory.rate).toString().padStart(8)} asset evaluations/s   ` +
        `(${memory.seconds.toFixed(2)} s for ${evaluable} assets: the ceiling without writes)`,
    );
    console.log(
      `  unchanged re-evaluation         ${againSeconds.toFixed(1).padStart(8)} s (${reEvaluated} assets evaluated again; ` +
        `${((againSeconds / firstSeconds) * 100).toFixed(0)}% of the full evaluation)`,
    );
    console.log(
      JSON.stringify({
        assets,
        evaluable,
        accounts: clones.length,
        checkEvaluations,
        findings,
        events,
        attackPaths: paths,
        fullSeconds: firstSeconds,
        assetEvaluationsPerSecond: rate,
        inMemoryEvaluationsPerSecond: memory.rate,
        unchangedSeconds: againSeconds,
        reEvaluated,
      }),
    );
    return ok ? 0 : 1;
  } finally {
    await queues.close();
    connection.disconnect();
    await app.close();
    await admin.close();
    await sim.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error('bench: failed', err);
    process.exit(1);
  },
);
