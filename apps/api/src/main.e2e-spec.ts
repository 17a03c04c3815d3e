import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { TEST_MASTER_KEY } from './testing/test-app';

const apiDir = fileURLToPath(new URL('..', import.meta.url));

/** Runs `node --import tsx src/main.ts` from apps/api (so tsx uses its tsconfig) and collects what it prints. */
function runApi(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: apiDir,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  return new Promise<{ code: number | null; output: string }>((resolve) =>
    child.once('exit', (code) => resolve({ code, output })),
  );
}

describe('api process start-up', () => {
  it('says in one line that Postgres is down and how to start it', async () => {
    const { code, output } = await runApi({
      DATABASE_URL: 'postgresql://postgres@127.0.0.1:1/aispm',
      REDIS_URL: process.env.REDIS_URL ?? '',
      MASTER_KEY: TEST_MASTER_KEY,
    });
    expect(code).toBe(1);
    expect(output.trim().split('\n')).toHaveLength(1);
    expect(output).toMatch(
      /^aispm-api: PostgreSQL is not reachable at 127\.0\.0\.1:1\/aispm .*pg_ctlcluster/,
    );
  });

  it('names every bad variable instead of starting', async () => {
    const { code, output } = await runApi({ DATABASE_URL: 'postgresql://x@127.0.0.1/db', PORT: '0x' });
    expect(code).toBe(1);
    expect(output).toContain('MASTER_KEY: is required');
    expect(output).toContain('PORT: must be a port number');
    expect(output).not.toContain('    at ');
  });
});
