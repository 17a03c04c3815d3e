import { commandUsage, parseCommandLine, type ListingCommand } from './command-line';
import type { ProviderRun } from './providers/options';

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

export const DISCOVER_COMMAND: ListingCommand = {
  name: 'discover',
  formats: ['json'],
  ownFlags: [],
  ownFlagsUsage: '',
};

export const DISCOVER_USAGE = commandUsage(DISCOVER_COMMAND);

export async function parseDiscoverArgs(argv: string[], env: NodeJS.ProcessEnv): Promise<ProviderRun> {
  return (await parseCommandLine(DISCOVER_COMMAND, argv, env)).run;
}
