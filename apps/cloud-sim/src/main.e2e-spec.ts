import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const CLI = fileURLToPath(new URL('./main.ts', import.meta.url));
const TSX = fileURLToPath(new URL('../../../node_modules/.bin/tsx', import.meta.url));

function runCli(args: string[], env: Record<string, string> = {}): ChildProcess {
  return spawn(TSX, [CLI, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
}

async function firstLine(child: ChildProcess): Promise<string> {
  let out = '';
  for await (const chunk of child.stdout!) {
    out += String(chunk);
    if (out.includes('\n')) return out.split('\n')[0]!;
  }
  throw new Error(`the CLI exited without printing a line`);
}

describe('cloud-sim CLI', () => {
  it('prints the URL and demo credentials, serves, and exits 0 on SIGTERM', async () => {
    const child = runCli(['--port', '0', '--azure-port', '0', '--gcp-port', '0', '--notebooks', '6'], {
      SIM_SEED: '5',
    });
    const line = await firstLine(child);
    expect(line).toMatch(/^cloud-sim listening on http:\/\/127\.0\.0\.1:\d+ \(seed 5, /);
    expect(line).toContain('AWS_ACCESS_KEY_ID=SIMDEMOACCESSKEY0001');
    expect(line).toContain('AWS_SECRET_ACCESS_KEY=');
    const url = /listening on (\S+)/.exec(line)![1]!;
    const health = (await (await fetch(`${url}/_sim/health`)).json()) as { seed: number; notebooks: object };
    expect(health.seed).toBe(5);
    expect(Object.values(health.notebooks).reduce((a: number, b: number) => a + b, 0)).toBe(6);

    child.kill('SIGTERM');
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
  });

  it('exits 2 with a clear message on a bad flag', async () => {
    const child = runCli(['--port', 'eighty']);
    let err = '';
    child.stderr!.on('data', (c) => (err += String(c)));
    const [code] = await once(child, 'exit');
    expect(code).toBe(2);
    expect(err).toContain("--port must be a whole number from 0 to 65535, got 'eighty'");
    expect(err).toContain('Usage:');
  });

  it('exits 2 on a malformed fault spec', async () => {
    const child = runCli(['--fault', 'sagemaker:throttle']);
    const [code] = await once(child, 'exit');
    expect(code).toBe(2);
  });
});
