import { SEVERITIES, type TSeverity } from '@aispm/contracts';
import { commandUsage, parseCommandLine, type ListingCommand } from './command-line';
import { UsageError, type ProviderRun } from './providers/options';

export type ScanFormat = 'json' | 'sarif';

/** What `aispm scan` was asked to do. */
export interface ScanRequest {
  run: ProviderRun;
  format: ScanFormat;
  /** Exit 4 when a check fails at or above this severity; absent: findings never change the exit code. */
  failOn?: TSeverity;
}

const isSeverity = (s: string): s is TSeverity => (SEVERITIES as readonly string[]).includes(s);

export const SCAN_COMMAND: ListingCommand<'fail-on'> = {
  name: 'scan',
  formats: ['json', 'sarif'],
  ownFlags: ['fail-on'],
  ownFlagsUsage: `[--fail-on ${SEVERITIES.join('|')}]`,
  checkOwnFlags(own, usage) {
    const failOn = own['fail-on'];
    if (failOn !== undefined && !isSeverity(failOn)) {
      throw new UsageError(`--fail-on must be one of ${SEVERITIES.join(', ')}, not ${failOn}\n${usage}`);
    }
  },
};

export const SCAN_USAGE = commandUsage(SCAN_COMMAND);

/** `aispm scan`: discover's flags, `--format json|sarif` and `--fail-on SEVERITY`. */
export async function parseScanArgs(argv: string[], env: NodeJS.ProcessEnv): Promise<ScanRequest> {
  const { run, format, own } = await parseCommandLine(SCAN_COMMAND, argv, env);
  const failOn = own['fail-on'];
  return {
    run,
    format: format as ScanFormat,
    ...(failOn !== undefined && isSeverity(failOn) && { failOn }),
  };
}
