import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simGcpServiceAccountKey } from './gcp/credentials';
import { startSimulator } from './server';
import { loadSimState } from './state';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cloud-sim-state-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('simulator state kept between runs', () => {
  it('creates the certificate and keys once, owner-readable only, and reads them back unchanged', async () => {
    const first = await loadSimState(dir);
    const file = join(dir, 'cloud-sim-state.json');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const again = await loadSimState(dir);
    expect(again).toEqual(first);
    expect(first.azureTls.cert).toContain('BEGIN CERTIFICATE');
    expect(first.gcpKeys.reader.privateKeyPem).toContain('PRIVATE KEY');
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(first);
  });

  it('serves the stored certificate and hands out key files with the stored key after a restart', async () => {
    const state = await loadSimState(dir);
    for (let run = 0; run < 2; run++) {
      const sim = await startSimulator({ stateDir: dir });
      try {
        expect(sim.azure!.caCertificate).toBe(state.azureTls.cert);
        const key = simGcpServiceAccountKey(sim, 'reader');
        expect(key.private_key).toBe(state.gcpKeys.reader.privateKeyPem);
        expect(key.private_key_id).toBe(state.gcpKeys.reader.keyId);
      } finally {
        await sim.close();
      }
    }
  });
});
