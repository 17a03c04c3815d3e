// Shared by the benchmarks: a fresh database, the simulator's accounts, worker processes, RSS sampling, scans.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import {
  SIM_AWS_ACCESS_KEY_ID,
  SIM_AWS_SECRET_ACCESS_KEY,
  SIM_AZURE_CLIENT_ID,
  SIM_AZURE_CLIENT_SECRET,
  SIM_AZURE_SUBSCRIPTION_ID,
  SIM_AZURE_TENANT_ID,
  SIM_GCP_LOCATIONS,
  SIM_GCP_PROJECT_ID,
  simGcpServiceAccountKey,
  type RunningSimulator,
} from '@aispm/cloud-sim';
import { parseMasterKey } from '@aispm/config';
import { newId, type Database } from '@aispm/db';
import { planScanJob, type JobQueues } from '@aispm/jobs';
import { EnvelopeCipher, LocalKeyring } from '@aispm/secrets';

export interface BenchEnv {
  adminUrl: string;
  appUrl: string;
  redisUrl: string;
  masterKey: string;
}

export function log(line: string): void {
  process.stderr.write(`bench: ${line}\n`);
}

/** A fresh database each run, so earlier runs' rows do not slow this one down. */
export function freshDatabase(env: BenchEnv): void {
  const server = new URL(env.adminUrl);
  const name = decodeURIComponent(server.pathname.slice(1));
  server.pathname = '/postgres';
  execFileSync('psql', [server.toString(), '-qc', `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`], {
    stdio: 'inherit',
  });
  migrateDatabase(env);
}

/** Creates the database if needed and applies the migrations. */
export function migrateDatabase(env: BenchEnv): void {
  const vars = { ...process.env, DATABASE_ADMIN_URL: env.adminUrl, DATABASE_URL: env.appUrl };
  execFileSync('node', ['scripts/ensure-database.mjs'], { env: vars, stdio: 'inherit' });
  execFileSync('npx', ['prisma', 'migrate', 'deploy'], { env: vars, stdio: ['ignore', 'ignore', 'inherit'] });
}

export async function createAccounts(admin: Database, sim: RunningSimulator, masterKey: string) {
  const tenantId = newId();
  await admin.prisma.organization.create({
    data: { id: tenantId, name: 'Benchmark', slug: `bench-${tenantId}` },
  });
  const cipher = new EnvelopeCipher(LocalKeyring.fromEnv({ MASTER_KEY: parseMasterKey(masterKey) }));
  const accounts: { id: string; provider: string }[] = [];
  const add = async (provider: 'aws' | 'azure' | 'gcp', spec: Record<string, unknown>, blob: unknown) => {
    const id = newId();
    await admin.prisma.cloudAccount.create({
      data: {
        id,
        tenantId,
        provider,
        name: `bench-${provider}`,
        scopeIds: spec.scopeIds as string[],
        regions: spec.regions as string[],
        endpointOverride: spec.endpoint as string,
        credentialsCiphertext: new Uint8Array(
          await cipher.encrypt(JSON.stringify(blob), `${tenantId}:${id}`),
        ),
        credentialsFingerprint: 'bench',
        status: 'connected',
        scanIntervalHours: null,
      },
    });
    accounts.push({ id, provider });
  };
  await add(
    'aws',
    { scopeIds: ['123456789012'], regions: ['us-east-1', 'eu-west-1'], endpoint: sim.url },
    {
      credentials: {
        kind: 'access_key',
        accessKeyId: SIM_AWS_ACCESS_KEY_ID,
        secretAccessKey: SIM_AWS_SECRET_ACCESS_KEY,
      },
    },
  );
  if (sim.azure) {
    await add(
      'azure',
      { scopeIds: [SIM_AZURE_SUBSCRIPTION_ID], regions: [], endpoint: sim.azure.url },
      {
        credentials: {
          kind: 'client_secret',
          tenantId: SIM_AZURE_TENANT_ID,
          clientId: SIM_AZURE_CLIENT_ID,
          clientSecret: SIM_AZURE_CLIENT_SECRET,
          authorityHost: sim.azure.tokenUrl,
        },
        caCertificate: sim.azure.caCertificate,
      },
    );
  }
  if (sim.gcp) {
    await add(
      'gcp',
      { scopeIds: [SIM_GCP_PROJECT_ID], regions: [...SIM_GCP_LOCATIONS], endpoint: sim.gcp.url },
      { credentials: { kind: 'service_account_key', key: simGcpServiceAccountKey(sim, 'reader') } },
    );
  }
  return { tenantId, accounts };
}

export function startWorkerProcess(env: BenchEnv, concurrency: number): Promise<ChildProcess> {
  // BENCH_WORKER_NODE_OPTIONS passes extra flags to the worker's node, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`.
  // The heap cap the worker's start command sets (apps/worker/package.json): the product as deployed.
  const extra = (process.env.BENCH_WORKER_NODE_OPTIONS ?? '').split(' ').filter(Boolean);
  const child = spawn(
    process.execPath,
    ['--max-old-space-size=384', ...extra, '--import', 'tsx', 'src/main.ts'],
    {
      cwd: 'apps/worker',
      env: {
        ...process.env,
        NODE_ENV: 'production',
        DATABASE_URL: env.appUrl,
        REDIS_URL: env.redisUrl,
        MASTER_KEY: env.masterKey,
        LOG_LEVEL: 'info',
        DISCOVERY_CONCURRENCY: String(concurrency),
        OUTBOUND_ALLOW: '127.0.0.0/8,::1/128',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolve, reject) => {
    let buffered = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      if (buffered.includes('"worker started"')) resolve(child);
      if (buffered.length > 1_000_000) buffered = buffered.slice(-1000);
    });
    child.once('exit', (code) => reject(new Error(`the worker exited with ${code} before starting`)));
  });
}

/** Peak resident memory of a process, sampled from /proc while the benchmark runs. */
export function rssSampler(pid: number) {
  let peakKb = 0;
  const sample = () => {
    try {
      const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
      peakKb = Math.max(peakKb, kb);
    } catch {
      // The process is gone.
    }
  };
  const timer = setInterval(sample, 100);
  return {
    peakMb: () => peakKb / 1024,
    stop: () => clearInterval(timer),
  };
}

export async function scanAll(admin: Database, queues: JobQueues, tenantId: string, accountIds: string[]) {
  const started = performance.now();
  const scanIds: string[] = [];
  for (const accountId of accountIds) {
    const id = newId();
    await admin.prisma.scan.create({
      data: { id, tenantId, accountId, status: 'queued', trigger: 'manual' },
    });
    await queues.enqueue(planScanJob, { tenantId, scanId: id });
    scanIds.push(id);
  }
  for (;;) {
    const scans = await admin.prisma.scan.findMany({ where: { id: { in: scanIds } } });
    if (scans.every((s) => s.status === 'completed' || s.status === 'failed')) {
      const seconds = (performance.now() - started) / 1000;
      const errors = scans.flatMap((s) => (Array.isArray(s.errors) ? s.errors : []));
      const lastTask = await admin.prisma.scanTask.aggregate({
        where: { scanId: { in: scanIds } },
        _max: { finishedAt: true },
      });
      const firstStart = Math.min(...scans.map((s) => s.startedAt?.getTime() ?? Infinity));
      const listingSeconds = ((lastTask._max.finishedAt?.getTime() ?? firstStart) - firstStart) / 1000;
      return { seconds, listingSeconds, statuses: scans.map((s) => s.status), errors };
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}
