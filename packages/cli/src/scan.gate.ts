import { SEVERITIES, type TSeverity } from '@aispm/contracts';
import type { ScanFinding } from './scan.findings';

/** Failed findings at or above `threshold` (critical > high > medium > low > info); pass and unknown never count. */
export function failedAtOrAbove(findings: readonly ScanFinding[], threshold: TSeverity): ScanFinding[] {
  const limit = SEVERITIES.indexOf(threshold);
  return findings.filter((f) => f.status === 'fail' && SEVERITIES.indexOf(f.severity) <= limit);
}

/**
 * The exit code of a scan. 4 wins over 3: a gate that found a failure in what was listed fails the pipeline
 * whatever else could not be listed (stderr still names those listings). A scan that passes the gate over an
 * incomplete inventory exits 3, never 0: what was not listed was not checked.
 */
export function scanExitCode(listingFailures: number, gateFailures: number): 0 | 3 | 4 {
  if (gateFailures > 0) return 4;
  return listingFailures > 0 ? 3 : 0;
}
