import { DISCOVER_USAGE, parseDiscoverArgs, UsageError } from './discover.command';

const HELP = DISCOVER_USAGE;

/**
 * Exit codes: 0 the inventory is complete; 2 bad usage; 3 some listings failed (each named on stderr,
 * what was listed is still printed).
 */
export async function main(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const [command, ...rest] = argv;
  let close: (() => void) | undefined;
  try {
    if (command !== 'discover') throw new UsageError(command ? `unknown command ${command}\n${HELP}` : HELP);
    const run = await parseDiscoverArgs(rest, env);
    // The cloud SDKs load only once the command line is known to be good: bad usage answers at once.
    const { discover } = await import('./discover.run');
    ({ closeCloudClients: close } = await import('@aispm/connectors'));
    const result = await discover(run);
    process.stdout.write(`${JSON.stringify(result.output)}\n`);
    for (const f of result.failures) process.stderr.write(`aispm: listing failed: ${f}\n`);
    return result.failures.length ? 3 : 0;
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`aispm: ${e.message}\n`);
      return 2;
    }
    throw e;
  } finally {
    close?.();
  }
}
