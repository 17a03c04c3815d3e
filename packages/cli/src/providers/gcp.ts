import { readFile } from 'node:fs/promises';
import { ZGcpServiceAccountKey } from '@aispm/contracts';
import { UsageError, checkUrlFlag, type ProviderParser, type ProviderUsage } from './options';

export const GCP_USAGE: ProviderUsage = {
  flags: '--provider gcp --project ID [--region R]... [--endpoint URL] [--ca-file PEM]',
  credentials: 'credentials come from the service-account key file named by GOOGLE_APPLICATION_CREDENTIALS',
};

/**
 * `--project` (required), `--region` (Vertex AI locations, us-central1 by default), `--endpoint` (one base URL
 * serving every Google API, e.g. the simulator), `--ca-file` (PEM to trust for an HTTPS endpoint). The key file
 * named by GOOGLE_APPLICATION_CREDENTIALS must be a service-account key; its `token_uri` is where tokens are
 * asked for.
 */
export const parseGcpFlags: ProviderParser = async (flags, env, outbound, usage) => {
  const projectId = flags.project?.trim();
  if (!projectId) throw new UsageError(`--project is required with --provider gcp\n${usage}`);
  checkUrlFlag('--endpoint', flags.endpoint);
  const key = await readServiceAccountKey(env.GOOGLE_APPLICATION_CREDENTIALS);
  const caCertificate = flags['ca-file'] ? await readCaFile(flags['ca-file']) : undefined;
  const regions = flags.region?.length ? flags.region : ['us-central1'];
  const credentials = { kind: 'service_account_key' as const, key };
  return {
    provider: 'gcp',
    scope: projectId,
    regions,
    target: (region) => ({
      provider: 'gcp',
      projectId,
      region,
      endpoint: flags.endpoint,
      caCertificate,
      credentials,
      outbound,
    }),
  };
};

async function readServiceAccountKey(path: string | undefined) {
  if (!path) {
    throw new UsageError(
      'set GOOGLE_APPLICATION_CREDENTIALS to the path of a service-account key file (JSON)',
    );
  }
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new UsageError(
      `cannot read GOOGLE_APPLICATION_CREDENTIALS ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new UsageError(`GOOGLE_APPLICATION_CREDENTIALS ${path} is not JSON`);
  }
  const parsed = ZGcpServiceAccountKey.safeParse(json);
  if (!parsed.success) {
    // Never echo the file: it may hold a private key.
    const fields = [...new Set(parsed.error.issues.map((i) => i.path.join('.') || 'type'))].join(', ');
    throw new UsageError(
      `GOOGLE_APPLICATION_CREDENTIALS ${path} is not a service-account key file (check: ${fields})`,
    );
  }
  return parsed.data;
}

async function readCaFile(path: string): Promise<string> {
  let pem: string;
  try {
    pem = await readFile(path, 'utf8');
  } catch (e) {
    throw new UsageError(
      `cannot read --ca-file ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
    );
  }
  if (!pem.includes('-----BEGIN CERTIFICATE-----'))
    throw new UsageError(`--ca-file ${path} holds no PEM certificate`);
  return pem;
}
