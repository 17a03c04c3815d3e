import { readFile } from 'node:fs/promises';
import { UsageError, checkUrlFlag, type ProviderParser, type ProviderUsage } from './options';

export const AZURE_USAGE: ProviderUsage = {
  flags:
    '--provider azure --subscription ID [--region LOCATION]... [--endpoint URL] [--authority-host URL] [--ca-file PEM]',
  credentials: 'credentials come from AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET',
};

const GUID = /^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$/i;
const CREDENTIAL_VARIABLES = ['AZURE_TENANT_ID', 'AZURE_CLIENT_ID', 'AZURE_CLIENT_SECRET'] as const;

/**
 * `--provider azure`: one subscription, listed whole (every Azure listing is subscription-wide); `--region`
 * names the locations to keep (all when absent). A service principal's client secret signs in, at
 * `--authority-host` when given (sovereign cloud, proxy, simulator); `--ca-file` is a PEM bundle trusted for
 * both the endpoint and the authority host.
 */
export const parseAzureFlags: ProviderParser = async (flags, env, outbound, usage) => {
  const subscriptionId = flags.subscription;
  if (!subscriptionId) throw new UsageError(`--subscription is required for --provider azure\n${usage}`);
  if (!GUID.test(subscriptionId)) {
    throw new UsageError(`--subscription must be a subscription id (a GUID), not ${subscriptionId}`);
  }
  const missing = CREDENTIAL_VARIABLES.filter((name) => !env[name]);
  if (missing.length > 0) {
    throw new UsageError(
      `set ${missing.join(', ')} (the service principal's tenant, client id and client secret)`,
    );
  }
  checkUrlFlag('--endpoint', flags.endpoint);
  const authorityHost = flags['authority-host'];
  checkUrlFlag('--authority-host', authorityHost);
  if (authorityHost && !authorityHost.startsWith('https:')) {
    throw new UsageError(`--authority-host must be an https URL, not ${authorityHost}`);
  }
  const caCertificate = flags['ca-file'] ? await readCaFile(flags['ca-file']) : undefined;
  const locations = flags.region ?? [];
  const credentials = {
    kind: 'client_secret' as const,
    tenantId: env.AZURE_TENANT_ID!,
    clientId: env.AZURE_CLIENT_ID!,
    clientSecret: env.AZURE_CLIENT_SECRET!,
    ...(authorityHost && { authorityHost }),
  };
  return {
    provider: 'azure',
    scope: subscriptionId,
    regions: [...locations],
    target: (region) => ({
      provider: 'azure',
      subscriptionId,
      region,
      locations,
      endpoint: flags.endpoint,
      caCertificate,
      credentials,
      outbound,
    }),
  };
};

async function readCaFile(path: string): Promise<string> {
  let pem: string;
  try {
    pem = await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    throw new UsageError(`--ca-file ${path} cannot be read (${code})`);
  }
  if (!pem.includes('-----BEGIN CERTIFICATE-----')) {
    throw new UsageError(`--ca-file ${path} holds no PEM certificate (-----BEGIN CERTIFICATE-----)`);
  }
  return pem;
}
