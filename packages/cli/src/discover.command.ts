import { parseArgs } from 'node:util';
import { awsDiscoverers, ConnectorError, type AwsTarget, type ServiceDiscoverer } from '@aispm/connectors';
import type { TAssetRecord } from '@aispm/contracts';
import { parseOutboundPolicy } from '@aispm/security';

export class UsageError extends Error {}

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

export interface DiscoverResult {
  output: DiscoverOutput;
  /** Listings that failed, each named: the inventory is incomplete when this is not empty. */
  failures: string[];
}

const USAGE =
  'usage: aispm discover --provider aws [--endpoint URL] [--region R]... --format json\n' +
  '       credentials come from AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN';

export function parseDiscoverArgs(argv: string[], env: NodeJS.ProcessEnv) {
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
    throw new UsageError(`${(e as Error).message}\n${USAGE}`);
  }
  if (values.format !== 'json') throw new UsageError(`--format must be json\n${USAGE}`);
  if (values.provider === 'azure' || values.provider === 'gcp') {
    throw new UsageError(
      `--provider ${values.provider} is not available in this version yet; use --provider aws`,
    );
  }
  if (values.provider !== 'aws') throw new UsageError(`--provider must be aws, azure or gcp\n${USAGE}`);
  const accessKeyId = env.AWS_ACCESS_KEY_ID;
  const secretAccessKey = env.AWS_SECRET_ACCESS_KEY;
  if (!accessKeyId || !secretAccessKey) {
    throw new UsageError(
      'set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN for temporary keys)',
    );
  }
  const regions = values.region?.length
    ? values.region
    : [env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? 'us-east-1'];
  if (values.endpoint !== undefined) {
    try {
      const u = new URL(values.endpoint);
      if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('not http(s)');
    } catch {
      throw new UsageError(`--endpoint must be an http(s) URL, not ${values.endpoint}`);
    }
  }
  return {
    endpoint: values.endpoint,
    regions,
    credentials: {
      kind: 'access_key' as const,
      accessKeyId,
      secretAccessKey,
      ...(env.AWS_SESSION_TOKEN ? { sessionToken: env.AWS_SESSION_TOKEN } : {}),
    },
    // The person running the CLI chose the endpoint; still refuse metadata and link-local ranges by default.
    outbound: parseOutboundPolicy(env.OUTBOUND_ALLOW ?? 'private'),
  };
}

function toOutput(r: TAssetRecord): DiscoverOutput['assets'][number] {
  return {
    provider: 'aws',
    type: r.assetType,
    nativeId: r.nativeId,
    name: r.name,
    region: r.region,
    attributes: r.attributes,
    relations: (r.relations ?? []).map((e) => ({ kind: e.kind, nativeId: e.toNativeId })),
  };
}

/** Lists every service in every region; a failed listing is reported and the others carry on. */
export async function discover(
  options: ReturnType<typeof parseDiscoverArgs>,
  discoverers: readonly ServiceDiscoverer[] = awsDiscoverers,
): Promise<DiscoverResult> {
  const assets: DiscoverOutput['assets'] = [];
  const failures: string[] = [];
  for (const region of options.regions) {
    for (const d of discoverers) {
      const target: AwsTarget = {
        provider: 'aws',
        accountId: '',
        region,
        endpoint: options.endpoint,
        credentials: options.credentials,
        outbound: options.outbound,
      };
      try {
        for await (const page of d.discover(target)) assets.push(...page.map(toOutput));
      } catch (err) {
        const why = err instanceof ConnectorError ? `${err.code}: ${err.message}` : (err as Error).message;
        failures.push(`${d.service} in ${region}: ${why}`);
      }
    }
  }
  return { output: { assets }, failures };
}
