import https from 'node:https';
import type { AzureTarget } from '../types';
import { PUBLIC_AUTHORITY_HOST } from './clients';

const PROBE_TIMEOUT_MS = 10_000;

/**
 * MSAL reports every failure to fetch the tenant's OpenID configuration as `endpoints_resolution_error`,
 * dropping the cause (an untrusted certificate, a refused connection, an unknown tenant). After such a
 * failure this fetches the document once more, through the same agent (same CA trust, same SSRF guard), and
 * returns an error describing what really went wrong: the socket error, or Entra ID's AADSTS answer.
 */
export function probeAuthority(target: AzureTarget, agent: https.Agent): Promise<Error | undefined> {
  const c = target.credentials;
  const host = (c.authorityHost ?? PUBLIC_AUTHORITY_HOST).replace(/\/+$/, '');
  const url = `${host}/${encodeURIComponent(c.tenantId)}/v2.0/.well-known/openid-configuration`;
  return new Promise((resolve) => {
    const req = https.get(url, { agent, timeout: PROBE_TIMEOUT_MS }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk.length < 65_536 ? chunk : ''));
      res.on('end', () => {
        if (res.statusCode === 200) return resolve(undefined);
        const described = /AADSTS\d+:[^\r\n"]*/.exec(body)?.[0];
        const error = new Error(
          described ?? `the authority host answered ${res.statusCode} for the tenant's OpenID configuration`,
        );
        error.name = 'AuthenticationError';
        resolve(error);
      });
      res.on('error', (err) => resolve(wrap(err)));
    });
    req.on('timeout', () => req.destroy(Object.assign(new Error('ETIMEDOUT'), { code: 'ETIMEDOUT' })));
    req.on('error', (err) => resolve(wrap(err)));
  });
}

function wrap(cause: Error): Error {
  const error = new Error(`the authority host could not be reached: ${cause.message}`, { cause });
  error.name = 'CredentialUnavailableError';
  return error;
}
