import { X509Certificate } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { selfSignedCertificate } from './azure/server';
import { useStoredGcpKeys, type StoredGcpKeys } from './gcp/credentials';

/**
 * What the simulator keeps between runs when given a state directory: the Azure listener's TLS certificate and
 * the Google demo service accounts' keys. Without it both are made afresh at every start, and a cloud account
 * connected with the previous CA or key file would stop working after a restart of the demo.
 */
export interface SimState {
  azureTls: { key: string; cert: string };
  gcpKeys: Required<StoredGcpKeys>;
}

const FILE = 'cloud-sim-state.json';
/** A persisted certificate is made for five years and replaced when less than a week is left. */
const CERT_DAYS = 5 * 365;
const RENEW_MS = 7 * 86_400_000;

/** Loads the state from `dir`, creating what is missing or expiring, and writes it back (mode 0600). */
export async function loadSimState(dir: string): Promise<SimState> {
  const path = join(dir, FILE);
  let saved: Partial<SimState> = {};
  try {
    saved = JSON.parse(await readFile(path, 'utf8')) as Partial<SimState>;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new Error(`cloud-sim: cannot read ${path}: ${(err as Error).message}`);
    }
  }
  const azureTls =
    saved.azureTls && certValid(saved.azureTls.cert)
      ? saved.azureTls
      : await selfSignedCertificate(CERT_DAYS);
  const state: SimState = { azureTls, gcpKeys: useStoredGcpKeys(saved.gcpKeys ?? {}) };
  if (JSON.stringify(state) !== JSON.stringify(saved)) {
    await mkdir(dir, { recursive: true });
    const tmp = `${path}.${process.pid}.tmp`;
    await writeFile(tmp, JSON.stringify(state), { mode: 0o600 });
    await rename(tmp, path);
  }
  return state;
}

function certValid(pem: string): boolean {
  try {
    return new Date(new X509Certificate(pem).validTo).getTime() - Date.now() > RENEW_MS;
  } catch {
    return false;
  }
}
