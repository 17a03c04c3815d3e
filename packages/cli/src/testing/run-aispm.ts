import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../../bin/aispm.mjs', import.meta.url));

export interface AispmRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the `aispm` command as a user would, with only PATH, a loopback outbound allowance and `env`; resolves
 * once its output streams have closed (`exit` may come before the last of a large stdout is read).
 */
export function runAispm(args: string[], env: Record<string, string>): Promise<AispmRun> {
  const child = spawn(process.execPath, [bin, ...args], {
    env: { PATH: process.env.PATH ?? '', OUTBOUND_ALLOW: '127.0.0.0/8', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
}
