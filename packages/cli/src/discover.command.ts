import { parseArgs } from 'node:util';
import { parseOutboundPolicy } from '@aispm/security';
import { AWS_USAGE, parseAwsFlags } from './providers/aws';
import { AZURE_USAGE, parseAzureFlags } from './providers/azure';
import { GCP_USAGE, parseGcpFlags } from './providers/gcp';
import { UsageError, type ProviderRun } from './providers/options';

export { UsageError } from './providers/options';

export interface DiscoverOutput {
  assets: {
    provider: string;
    type: string;
    nativeId: string;
    name: string;
    region: string;
    attributes: Record<string, unknown>;
    relations: { kind: string; nativeId: string }[];
  }[];
}

export const DISCOVER_USAGE = `usage: ${AWS_USAGE}\n       ${AZURE_USAGE}\n       ${GCP_USAGE}`;

const PARSERS = { aws: parseAwsFlags, azure: parseAzureFlags, gcp: parseGcpFlags } as const;

export async function parseDiscoverArgs(argv: string[], env: NodeJS.ProcessEnv): Promise<ProviderRun> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        provider: { type: 'string' },
        endpoint: { type: 'string' },
        region: { type: 'string', multiple: true },
        format: { type: 'string', default: 'json' },
        subscription: { type: 'string' },
        project: { type: 'string' },
        'authority-host': { type: 'string' },
        'ca-file': { type: 'string' },
      },
      strict: true,
    }));
  } catch (e) {
    throw new UsageError(`${(e as Error).message}\n${DISCOVER_USAGE}`);
  }
  if (values.format !== 'json') throw new UsageError(`--format must be json\n${DISCOVER_USAGE}`);
  const provider = values.provider;
  if (provider !== 'aws' && provider !== 'azure' && provider !== 'gcp') {
    throw new UsageError(`--provider must be aws, azure or gcp\n${DISCOVER_USAGE}`);
  }
  // The person running the CLI chose the endpoint; still refuse metadata and link-local ranges by default.
  const outbound = parseOutboundPolicy(env.OUTBOUND_ALLOW ?? 'private');
  return PARSERS[provider](values, env, outbound);
}
