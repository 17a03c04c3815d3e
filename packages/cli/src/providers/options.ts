import type { DiscoveryTarget } from '@aispm/connectors';
import type { OutboundPolicy } from '@aispm/security';

export class UsageError extends Error {}

/** The flags `aispm discover` accepts, as parsed; each provider reads the ones it needs. */
export interface DiscoverFlags {
  provider?: string | undefined;
  endpoint?: string | undefined;
  region?: string[] | undefined;
  subscription?: string | undefined;
  project?: string | undefined;
  'authority-host'?: string | undefined;
  'ca-file'?: string | undefined;
}

/** What a provider's flags and environment resolve to: the target of each region to list. */
export interface ProviderRun {
  provider: 'aws' | 'azure' | 'gcp';
  /** Regions of regional listings; account-wide listings run once with region `global`. */
  regions: string[];
  target(region: string): DiscoveryTarget;
}

export type ProviderParser = (
  flags: DiscoverFlags,
  env: NodeJS.ProcessEnv,
  outbound: OutboundPolicy,
) => ProviderRun | Promise<ProviderRun>;

/** Refuses anything but an http(s) URL, naming the flag. */
export function checkUrlFlag(flag: string, value: string | undefined): void {
  if (value === undefined) return;
  try {
    const u = new URL(value);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('not http(s)');
  } catch {
    throw new UsageError(`${flag} must be an http(s) URL, not ${value}`);
  }
}
