// Checks that PostgreSQL and Redis answer, and says in one line how to start them when they do not.
import net from 'node:net';

const targets = [
  {
    name: 'PostgreSQL',
    url:
      process.env.DATABASE_ADMIN_URL ??
      process.env.DATABASE_URL ??
      'postgresql://postgres@127.0.0.1:5432/aispm',
    port: 5432,
    hint: 'pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start   (or: docker compose up -d postgres)',
  },
  {
    name: 'Redis',
    url: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    port: 6379,
    hint: 'redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no   (or: docker compose up -d redis)',
  },
];

function reachable(host, port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port, timeout: 2000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
  });
}

let ok = true;
for (const t of targets) {
  const u = new URL(t.url);
  const port = Number(u.port || t.port);
  if (!(await reachable(u.hostname, port))) {
    ok = false;
    console.error(`${t.name} is not reachable at ${u.hostname}:${port}. Start it: ${t.hint}`);
  }
}
process.exit(ok ? 0 : 1);
