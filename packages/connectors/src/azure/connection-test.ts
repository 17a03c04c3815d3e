import type { ConnectionTestResult } from '../aws/connection-test';
import { ConnectorError, type AzureTarget } from '../types';
import { explainAzureError, toAzureConnectorError } from './azure-error.mapper';
import { azureClientsFor } from './clients';
import { LIST } from './listings';
import { captureRawPage } from './raw-capture';

/** Long enough for the SDK's retries against a slow endpoint, short enough for a form submit. */
const TIMEOUT_MS = 20_000;

/**
 * Proves the account works: a token from Entra ID for the client secret, then the first page of the
 * subscription's Machine Learning workspaces (the cheapest listing a scan needs). On failure the message
 * says what is missing: a valid tenant, client or secret, a role granting the listing, a trusted CA, or a
 * reachable endpoint.
 */
export async function testAzureConnection(target: AzureTarget): Promise<ConnectionTestResult> {
  const signal = AbortSignal.timeout(TIMEOUT_MS);
  const listing = LIST.workspaces;
  const ctx = { service: 'azure.ml.workspaces', operation: 'GetToken', action: listing.action, target };
  try {
    const clients = azureClientsFor(target);
    try {
      await clients.credential.getToken(`${clients.endpoint}/.default`, { abortSignal: signal });
    } catch (err) {
      throw await explainAzureError(err, ctx, clients.agent);
    }
    try {
      await captureRawPage(() => listing.page(clients, undefined, signal));
    } catch (err) {
      throw await explainAzureError(err, { ...ctx, operation: listing.operation }, clients.agent);
    }
    return { ok: true };
  } catch (err) {
    const error =
      signal.aborted && !(err instanceof ConnectorError && err.code !== 'Aborted')
        ? new ConnectorError({
            code: 'Unavailable',
            service: ctx.service,
            message: `${target.endpoint ?? 'Azure'} did not answer within ${TIMEOUT_MS / 1000} s`,
            cause: err,
          })
        : toAzureConnectorError(err, ctx);
    return { ok: false, code: error.code, message: error.message };
  }
}
