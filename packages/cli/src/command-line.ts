import { parseArgs } from 'node:util';
import { parseOutboundPolicy } from '@aispm/security';
import { AWS_USAGE, parseAwsFlags } from './providers/aws';
import { AZURE_USAGE, parseAzureFlags } from './providers/azure';
import { GCP_USAGE, parseGcpFlags } from './providers/gcp';
import { UsageError, type DiscoverFlags, type ProviderRun, type ProviderUsage } from './providers/options';

/** The flags of every command that lists a cloud (`--format` is added per command, with its own default). */
const LISTING_FLAGS = {
  provider: { type: 'string' },
  endpoint: { type: 'string' },
  region: { type: 'string', multiple: true },
  subscription: { type: 'string' },
  project: { type: 'string' },
  'authority-host': { type: 'string' },
  'ca-file': { type: 'string' },
} as const;

const PROVIDERS = {
  aws: { parse: parseAwsFlags, usage: AWS_USAGE },
  azure: { parse: parseAzureFlags, usage: AZURE_USAGE },
  gcp: { parse: parseGcpFlags, usage: GCP_USAGE },
} as const;

/** A command that lists one cloud account: the listing flags, plus its formats and flags of its own. */
export interface ListingCommand<Own extends string = never> {
  name: string;
  /** Accepted `--format` values; the first is the default. */
  formats: readonly [string, ...string[]];
  /** The command's own flags (string-valued), and how they read in the usage line. */
  ownFlags: readonly Own[];
  ownFlagsUsage: string;
  /** Refuses bad values of the command's own flags, before any provider flag or credential is read. */
  checkOwnFlags?(own: Partial<Record<Own, string>>, usage: string): void;
}

export interface ParsedCommandLine<Own extends string> {
  run: ProviderRun;
  format: string;
  own: Partial<Record<Own, string>>;
}

const alternatives = (values: readonly string[]) =>
  values.length === 1 ? values[0]! : `${values.slice(0, -1).join(', ')} or ${values.at(-1)!}`;

function formatUsage(command: ListingCommand<string>): string {
  const [only, ...others] = command.formats;
  return others.length === 0 ? `--format ${only}` : `[--format ${command.formats.join('|')}]`;
}

function providerUsageLine(command: ListingCommand<string>, provider: ProviderUsage): string {
  const own = command.ownFlagsUsage ? ` ${command.ownFlagsUsage}` : '';
  return `aispm ${command.name} ${provider.flags} ${formatUsage(command)}${own}\n       ${provider.credentials}`;
}

/** One line per provider, as `usage: ...` shows it. */
export function commandUsage(command: ListingCommand<string>): string {
  return `usage: ${Object.values(PROVIDERS)
    .map((p) => providerUsageLine(command, p.usage))
    .join('\n       ')}`;
}

/**
 * Parses a listing command's flags: the command's own, `--format`, then the provider's flags and credentials.
 * Every mistake is a UsageError naming it; nothing here loads a cloud SDK.
 */
export async function parseCommandLine<Own extends string>(
  command: ListingCommand<Own>,
  argv: string[],
  env: NodeJS.ProcessEnv,
): Promise<ParsedCommandLine<Own>> {
  const usage = commandUsage(command);
  const ownOptions = Object.fromEntries(command.ownFlags.map((f) => [f, { type: 'string' as const }]));
  let values: Record<string, string | string[] | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        ...LISTING_FLAGS,
        format: { type: 'string', default: command.formats[0] },
        ...ownOptions,
      },
      strict: true,
    }));
  } catch (e) {
    throw new UsageError(`${(e as Error).message}\n${usage}`);
  }
  const format = values.format as string;
  if (!command.formats.includes(format)) {
    throw new UsageError(`--format must be ${alternatives(command.formats)}\n${usage}`);
  }
  const own: Partial<Record<Own, string>> = {};
  for (const f of command.ownFlags) {
    const v = values[f];
    if (typeof v === 'string') own[f] = v;
  }
  command.checkOwnFlags?.(own, usage);
  const provider = values.provider;
  if (provider !== 'aws' && provider !== 'azure' && provider !== 'gcp') {
    throw new UsageError(`--provider must be aws, azure or gcp\n${usage}`);
  }
  // The person running the CLI chose the endpoint; still refuse metadata and link-local ranges by default.
  const outbound = parseOutboundPolicy(env.OUTBOUND_ALLOW ?? 'private');
  const { parse, usage: providerUsage } = PROVIDERS[provider];
  const run = await parse(
    values as DiscoverFlags,
    env,
    outbound,
    `usage: ${providerUsageLine(command, providerUsage)}`,
  );
  return { run, format, own };
}
