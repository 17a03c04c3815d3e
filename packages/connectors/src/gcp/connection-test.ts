import type { ConnectionTestResult } from '../aws/connection-test';
import { ConnectorError, type GcpTarget } from '../types';
import { enabledServicesDiscoverer } from './service-usage.discoverer';

/** Long enough for a token exchange and the client's first call, short enough for a form submit. */
const TIMEOUT_MS = 20_000;

/**
 * Proves the key works: exchanges it for an access token at its `token_uri` and lists the project's enabled
 * services (one page of one), the cheapest call a scan makes. On failure the message names what is missing: a
 * valid key, a permission (`serviceusage.services.list`), or a reachable endpoint.
 */
export async function testGcpConnection(target: GcpTarget): Promise<ConnectionTestResult> {
  const signal = AbortSignal.timeout(TIMEOUT_MS);
  try {
    const pages = enabledServicesDiscoverer.discover(target, { pageSize: 1, signal, maxAttempts: 2 });
    // The first page proves the credential and the permission; the rest of the listing is not needed.
    for await (const _page of pages) break;
    return { ok: true };
  } catch (err) {
    const error =
      err instanceof ConnectorError && !(signal.aborted && err.code === 'Aborted')
        ? err
        : new ConnectorError({
            code: 'Unavailable',
            service: 'serviceusage.services',
            operation: 'ListServices',
            message: `${target.endpoint ?? 'Google Cloud'} did not answer ListServices for project ${target.projectId} within ${TIMEOUT_MS / 1000} s`,
            cause: err,
          });
    return { ok: false, code: error.code, message: error.message };
  }
}
