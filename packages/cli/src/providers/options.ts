import type { DiscoveryTarget } from '@aispm/connectors';
import type { OutboundPolicy } from '@aispm/security';

export class UsageError extends Error {}

/** The listing flags `aispm discover` and `aispm scan` accept, as parsed; each provider reads the ones it needs. */
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
  /**
   * The account, subscription or project listed, as a stable string (the `accountId` checks group peers by).
   * AWS keys do not say which account they belong to without a call, so an AWS run is one account named `aws`.
   */
  scope: string;
  /** Regions of regional listings; account-wide listings run once with region `global`. */
  regions: string[];
  target(region: string): DiscoveryTarget;
}

/** How a provider's flags read in a usage line, and where its credentials come from. */
export interface ProviderUsage {
  flags: string;
  credentials: string;
}

/** `usage` is the provider's usage line for the command being run, for messages that show it. */
export type ProviderParser = (
  flags: DiscoverFlags,
  env: NodeJS.ProcessEnv,
  outbound: OutboundPolicy,
  usage: string,
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
