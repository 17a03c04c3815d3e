import packageJson from '../package.json' with { type: 'json' };
import { DISCOVER_USAGE, parseDiscoverArgs, UsageError } from './discover.command';
import { parseScanArgs, SCAN_USAGE } from './scan.command';

export const HELP =
  `${DISCOVER_USAGE}\n${SCAN_USAGE.replace(/^usage: /, '       ')}\n` +
  'exit codes: 0 done; 2 bad usage; 3 some listings failed (each named on stderr, what was listed is still\n' +
  '            printed); 4 scan --fail-on: a check failed at or above that severity (4 wins over 3)';

/**
 * Exit codes: 0 the inventory is complete (and, for `scan --fail-on`, no check failed at or above the
 * threshold); 2 bad usage; 3 some listings failed (each named on stderr, what was listed is still printed);
 * 4 `scan --fail-on SEVERITY` found a failed check at or above SEVERITY.
 *
 * When 3 and 4 both apply, the scan exits 4: a CI gate asks "did the posture check fail?", and a failure found
 * in what was listed answers it whatever else could not be listed; stderr still names the failed listings. A
 * scan that passes the gate over an incomplete inventory exits 3, never 0: what was not listed was not checked.
 */
export async function main(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const [command, ...rest] = argv;
  let close: (() => void) | undefined;
  try {
    if (command === 'help' || command === '--help' || command === '-h') {
      process.stdout.write(`${HELP}\n`);
      return 0;
    }
    if (command === 'discover') {
      const run = await parseDiscoverArgs(rest, env);
      // The cloud SDKs load only once the command line is known to be good: bad usage answers at once.
      const { discover } = await import('./discover.run');
      ({ closeCloudClients: close } = await import('@aispm/connectors'));
      const result = await discover(run);
      process.stdout.write(`${JSON.stringify(result.output)}\n`);
      reportListingFailures(result.failures);
      return result.failures.length ? 3 : 0;
    }
    if (command === 'scan') {
      const { run, format, failOn } = await parseScanArgs(rest, env);
      const [{ scan }, { toSarif }, { failedAtOrAbove, scanExitCode }] = await Promise.all([
        import('./scan.run'),
        import('./scan.sarif'),
        import('./scan.gate'),
      ]);
      ({ closeCloudClients: close } = await import('@aispm/connectors'));
      const { output, failures } = await scan(run);
      const printed =
        format === 'sarif'
          ? toSarif({
              assets: output.assets,
              findings: output.findings,
              failures,
              version: packageJson.version,
            })
          : output;
      process.stdout.write(`${JSON.stringify(printed)}\n`);
      reportListingFailures(failures);
      const gated = failOn ? failedAtOrAbove(output.findings, failOn) : [];
      if (failOn && gated.length > 0) {
        const byCheck = new Map<string, number>();
        for (const f of gated) byCheck.set(f.checkId, (byCheck.get(f.checkId) ?? 0) + 1);
        const checks = [...byCheck].map(([id, n]) => `${id} (${n})`).join(', ');
        process.stderr.write(
          `aispm: --fail-on ${failOn}: ${gated.length} failed finding(s) at or above ${failOn}: ${checks}\n`,
        );
      }
      return scanExitCode(failures.length, gated.length);
    }
    throw new UsageError(command ? `unknown command ${command}\n${HELP}` : HELP);
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

function reportListingFailures(failures: readonly string[]): void {
  for (const f of failures) process.stderr.write(`aispm: listing failed: ${f}\n`);
}
