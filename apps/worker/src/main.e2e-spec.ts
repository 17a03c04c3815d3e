import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { TEST_MASTER_KEY } from './testing/fixtures';

const main = fileURLToPath(new URL('./main.ts', import.meta.url));

function runWorker(
  env: Record<string, string>,
  onOutput?: (text: string, kill: (s: NodeJS.Signals) => void) => void,
) {
  const child = spawn(process.execPath, ['--import', 'tsx', main], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const onData = (d: Buffer) => {
    output += d.toString();
    onOutput?.(output, (s) => child.kill(s));
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  return new Promise<{ code: number | null; output: string }>((resolve) =>
    child.once('exit', (code) => resolve({ code, output })),
  );
}

const base = {
  DATABASE_URL: process.env.DATABASE_URL ?? '',
  REDIS_URL: process.env.REDIS_URL ?? '',
  MASTER_KEY: TEST_MASTER_KEY,
};

describe('worker process', () => {
  it('finishes cleanly on SIGTERM', async () => {
    let sent = false;
    const { code, output } = await runWorker({ ...base, LOG_LEVEL: 'info' }, (text, kill) => {
      if (!sent && text.includes('worker started')) {
        sent = true;
        kill('SIGTERM');
      }
    });
    expect({ code, output }).toMatchObject({ code: 0, output: expect.stringContaining('shutting down') });
    expect(output).toContain('"msg":"stopped"');
    expect(code).toBe(0);
  });

  it('names every bad variable and exits non-zero', async () => {
    const { code, output } = await runWorker({ DATABASE_URL: 'mysql://x', MASTER_KEY: 'short' });
    expect(code).toBe(1);
    expect(output).toContain('DATABASE_URL: must be a postgresql:// URL');
    expect(output).toContain('MASTER_KEY: must be 32 bytes');
  });

  it('says in one line that Redis is down and how to start it', async () => {
    const { code, output } = await runWorker({ ...base, REDIS_URL: 'redis://127.0.0.1:1' });
    expect(code).toBe(1);
    expect(output.trim().split('\n')).toHaveLength(1);
    expect(output).toMatch(/Redis is not reachable at 127\.0\.0\.1:1 .*redis-server/);
  });
});
