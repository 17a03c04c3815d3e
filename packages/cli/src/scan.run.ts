import type { AnyDiscoverer } from '@aispm/connectors';
import { discover } from './discover.run';
import type { ProviderRun } from './providers/options';
import { evaluateInventory, type ScanOutput } from './scan.findings';

export interface ScanResult {
  output: ScanOutput;
  /** Listings that failed, each named: what they would have listed was not checked. */
  failures: string[];
}

/** Discovers the account as `aispm discover` does, then runs every check on what was listed. */
export async function scan(run: ProviderRun, discoverers?: readonly AnyDiscoverer[]): Promise<ScanResult> {
  const { output, failures, tags } = await discover(run, discoverers);
  return {
    output: { assets: output.assets, findings: evaluateInventory(output.assets, run.scope, tags) },
    failures,
  };
}
