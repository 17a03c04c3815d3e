// Starts the whole product locally: cloud simulator, API, worker and console, with prefixed logs.
// Stops everything on Ctrl-C or when any part exits. Used by `npm run demo` and the browser tests.
//   node scripts/stack.mjs [--web dev|preview] [--demo-scan] [--quiet]
import { spawn } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({
  options: {
    web: { type: 'string', default: 'dev' },
    'demo-scan': { type: 'boolean', default: false },
    quiet: { type: 'boolean', default: false },
  },
});
if (!['dev', 'preview'].includes(args.web)) {
  console.error(`--web must be dev or preview, not ${args.web}`);
  process.exit(2);
}

const env = {
  ...process.env,
  DATABASE_URL: process.env.DATABASE_URL ?? 'postgresql://aispm_app@127.0.0.1:5432/aispm',
  REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
  PORT: process.env.PORT ?? '3000',
  SIM_PORT: process.env.SIM_PORT ?? '4510',
  SIM_AZURE_PORT: process.env.SIM_AZURE_PORT ?? '4511',
  SIM_GCP_PORT: process.env.SIM_GCP_PORT ?? '4512',
  // The Azure certificate and Google demo keys the seed stored in the demo accounts.
  SIM_STATE_DIR: process.env.SIM_STATE_DIR ?? '.data/cloud-sim',
  WEB_PORT: process.env.WEB_PORT ?? '5173',
};
if (!env.MASTER_KEY) {
  console.error(
    'MASTER_KEY is not set (32 random bytes, base64). npm run demo creates one in .data/master.key.',
  );
  process.exit(2);
}
const apiUrl = `http://127.0.0.1:${env.PORT}`;
env.API_URL = apiUrl;
const simUrl = `http://127.0.0.1:${env.SIM_PORT}`;
const webUrl = `http://127.0.0.1:${env.WEB_PORT}`;

const parts = [
  // Each service runs from its own folder so tsx picks up that folder's tsconfig (decorators for NestJS).
  {
    name: 'sim',
    cwd: 'apps/cloud-sim',
    cmd: [
      'node',
      '--import',
      'tsx',
      'src/main.ts',
      '--port',
      env.SIM_PORT,
      '--azure-port',
      env.SIM_AZURE_PORT,
      '--gcp-port',
      env.SIM_GCP_PORT,
      '--state-dir',
      path.resolve(env.SIM_STATE_DIR),
    ],
    health: `${simUrl}/_sim/health`,
  },
  {
    name: 'api',
    cwd: 'apps/api',
    cmd: ['node', '--import', 'tsx', 'src/main.ts'],
    health: `${apiUrl}/readyz`,
  },
  // The worker's live heap is a few hundred MB whatever the estate; a cap keeps V8 from growing it with garbage.
  {
    name: 'worker',
    cwd: 'apps/worker',
    cmd: ['node', '--max-old-space-size=384', '--import', 'tsx', 'src/main.ts'],
  },
  {
    name: 'web',
    // vite's own bin, not npx: npx does not pass SIGTERM on, which would leave the server holding its port.
    cmd: [
      'node',
      'node_modules/vite/bin/vite.js',
      ...(args.web === 'preview' ? ['preview'] : []),
      '--config',
      'apps/web/vite.config.ts',
      'apps/web',
      '--port',
      env.WEB_PORT,
      '--strictPort',
      '--host',
      '127.0.0.1',
    ],
    health: webUrl,
  },
];

const children = [];
let stopping = false;

function signalGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    child.kill(signal);
  }
}

function stopAll(code) {
  if (stopping) return;
  stopping = true;
  for (const c of children) if (c.exitCode === null) signalGroup(c, 'SIGTERM');
  setTimeout(() => {
    for (const c of children) if (c.exitCode === null) signalGroup(c, 'SIGKILL');
    process.exit(code);
  }, 8000).unref();
  Promise.all(children.map((c) => (c.exitCode !== null ? null : new Promise((r) => c.once('exit', r))))).then(
    () => process.exit(code),
  );
}

function prefix(name, stream, out) {
  let buf = '';
  stream.on('data', (chunk) => {
    buf += chunk.toString();
    const lines = buf.split('\n');
    buf = lines.pop() ?? '';
    for (const line of lines) if (!args.quiet || name !== 'web') out.write(`[${name}] ${line}\n`);
  });
}

for (const p of parts) {
  // Each part leads its own process group, so stopping it also stops anything it started.
  const child = spawn(p.cmd[0], p.cmd.slice(1), {
    env,
    cwd: p.cwd ?? '.',
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  children.push(child);
  prefix(p.name, child.stdout, process.stdout);
  prefix(p.name, child.stderr, process.stderr);
  child.once('exit', (code, signal) => {
    if (!stopping) {
      console.error(`[stack] ${p.name} exited (${signal ?? code}); stopping everything`);
      stopAll(1);
    }
  });
}
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));

async function waitFor(url, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${url} did not become ready within ${timeoutMs / 1000}s`);
}

try {
  for (const p of parts) if (p.health) await waitFor(p.health);
} catch (e) {
  console.error(`[stack] ${e.message}`);
  stopAll(1);
}

if (args['demo-scan'] && !stopping) {
  // Sign in as the demo admin, as the console would, and scan every account of the organization.
  const login = await fetch(`${apiUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: env.DEMO_ADMIN_EMAIL, password: env.DEMO_ADMIN_PASSWORD }),
  });
  if (!login.ok) {
    console.error(`[stack] demo sign-in failed (${login.status}); start a scan from the console instead`);
  } else {
    const cookies = login.headers.getSetCookie().map((c) => c.split(';')[0]);
    const csrf = cookies.find((c) => c.startsWith('aispm_csrf='))?.slice('aispm_csrf='.length) ?? '';
    const headers = { cookie: cookies.join('; '), 'x-csrf-token': csrf };
    const { items } = await fetch(`${apiUrl}/api/v1/accounts`, { headers }).then((r) => r.json());
    for (const account of items) {
      const scan = await fetch(`${apiUrl}/api/v1/accounts/${account.id}/scans`, {
        method: 'POST',
        headers,
      }).then((r) => r.json());
      console.log(`[stack] scan ${scan.id} of "${account.name}" started`);
    }
  }
}
if (!stopping) {
  console.log(
    `[stack] ready: console ${webUrl}  api ${apiUrl}/api/docs  simulator ${simUrl}  (Ctrl-C stops everything)`,
  );
  if (args['demo-scan'] && env.DEMO_ADMIN_EMAIL && env.DEMO_ADMIN_PASSWORD) {
    console.log(`[stack] sign in as ${env.DEMO_ADMIN_EMAIL} with password ${env.DEMO_ADMIN_PASSWORD}`);
  }
}
