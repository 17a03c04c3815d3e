import type { TCreateCloudAccount, TStoredConnection } from '@aispm/contracts';
import type { OutboundPolicy } from '@aispm/security';
import { testAwsConnection, type ConnectionTestResult } from './aws/connection-test';
import { testAzureConnection } from './azure';
import { testGcpConnection } from './gcp';
import {
  GLOBAL_REGION,
  type AnyDiscoverer,
  type DiscoveryOptions,
  type DiscoveryTarget,
  type ServiceDiscoverer,
} from './types';
import type { TDiscoveredAsset } from '@aispm/contracts';

/** What a target is built from: a stored cloud account (or the connect form) and one task's region. */
export interface TargetSource {
  provider: 'aws' | 'azure' | 'gcp';
  scopeIds: readonly string[];
  regions: readonly string[];
  endpoint?: string | null | undefined;
}

/** The target one task of an account lists: its first scope (account, subscription, project) in `region`. */
export function buildTarget(
  account: TargetSource,
  connection: TStoredConnection,
  region: string,
  outbound?: OutboundPolicy,
): DiscoveryTarget {
  const scope = account.scopeIds[0] ?? '';
  const endpoint = account.endpoint ?? undefined;
  const common = { region, endpoint, outbound, caCertificate: connection.caCertificate };
  const c = connection.credentials;
  switch (account.provider) {
    case 'aws':
      if (c.kind !== 'access_key' && c.kind !== 'assume_role') break;
      return { ...common, provider: 'aws', accountId: scope, credentials: c };
    case 'azure':
      if (c.kind !== 'client_secret') break;
      return {
        ...common,
        provider: 'azure',
        subscriptionId: scope,
        locations: account.regions,
        credentials: c,
      };
    case 'gcp':
      if (c.kind !== 'service_account_key') break;
      return { ...common, provider: 'gcp', projectId: scope, credentials: c };
  }
  throw new Error(`${c.kind} credentials do not belong to a ${account.provider} account`);
}

/** The regions a discoverer runs in for an account: each of them, or once for a `global` listing. */
export function regionsFor(discoverer: AnyDiscoverer, accountRegions: readonly string[]): string[] {
  return discoverer.scope === 'global' ? [GLOBAL_REGION] : [...accountRegions];
}

/** Runs a discoverer against a target of its provider. */
export function discoverTarget(
  discoverer: AnyDiscoverer,
  target: DiscoveryTarget,
  opts?: DiscoveryOptions,
): AsyncIterable<TDiscoveredAsset[]> {
  if (discoverer.provider !== target.provider) {
    throw new Error(`${discoverer.service} lists ${discoverer.provider}, not ${target.provider}`);
  }
  return (discoverer as ServiceDiscoverer<typeof target.provider>).discover(target as never, opts);
}

/** Proves the connect form's credentials work with the cheapest call a scan needs; the message names what is missing. */
export function testConnection(
  input: TCreateCloudAccount,
  outbound?: OutboundPolicy,
): Promise<ConnectionTestResult> {
  const connection = { credentials: input.credentials, caCertificate: input.caCertificate };
  const region = input.provider === 'azure' ? GLOBAL_REGION : input.regions[0]!;
  const target = buildTarget(input, connection, region, outbound);
  switch (target.provider) {
    case 'aws':
      return testAwsConnection(target);
    case 'azure':
      return testAzureConnection(target);
    case 'gcp':
      return testGcpConnection(target);
  }
}
