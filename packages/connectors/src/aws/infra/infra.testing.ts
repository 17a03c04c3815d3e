import {
  SIM_AWS_ACCESS_KEY_ID,
  SIM_AWS_SECRET_ACCESS_KEY,
  SIM_READONLY_ACCESS_KEY_ID,
  SIM_READONLY_SECRET_ACCESS_KEY,
  startSimulator,
  type RunningSimulator,
  type SimulatorOptions,
} from '@aispm/cloud-sim';
import type { TAssetRecord, TAwsCredentials, TDiscoveredAsset } from '@aispm/contracts';
import { ConnectorError, type AwsTarget, type DiscoveryOptions, type ServiceDiscoverer } from '../../types';

/** Test helpers of the infrastructure discoverers' e2e specs (simulator targets, collecting pages). */
export const demoKeys: TAwsCredentials = {
  kind: 'access_key',
  accessKeyId: SIM_AWS_ACCESS_KEY_ID,
  secretAccessKey: SIM_AWS_SECRET_ACCESS_KEY,
};
export const readonlyKeys: TAwsCredentials = {
  kind: 'access_key',
  accessKeyId: SIM_READONLY_ACCESS_KEY_ID,
  secretAccessKey: SIM_READONLY_SECRET_ACCESS_KEY,
};

export function targetFor(
  sim: RunningSimulator,
  region: string,
  credentials: TAwsCredentials = demoKeys,
): AwsTarget {
  return { provider: 'aws', accountId: '123456789012', region, endpoint: sim.url, credentials };
}

function asRecords(page: TDiscoveredAsset[]): TAssetRecord[] {
  return page.map((a) => {
    if ('unchanged' in a) throw new Error(`unexpected unchanged asset ${a.nativeId}`);
    return a;
  });
}

export async function collect(
  discoverer: ServiceDiscoverer<'aws'>,
  target: AwsTarget,
  opts?: DiscoveryOptions,
): Promise<TAssetRecord[][]> {
  const pages: TAssetRecord[][] = [];
  for await (const page of discoverer.discover(target, opts)) pages.push(asRecords(page));
  return pages;
}

/** Runs a discovery that must fail: the error and the page sizes yielded before it. */
export async function failure(
  discoverer: ServiceDiscoverer<'aws'>,
  target: AwsTarget,
  opts?: DiscoveryOptions,
): Promise<{ error: ConnectorError; pages: number[] }> {
  const pages: number[] = [];
  try {
    for await (const page of discoverer.discover(target, opts)) pages.push(page.length);
  } catch (error) {
    if (error instanceof ConnectorError) return { error, pages };
    throw error;
  }
  throw new Error('the discovery was expected to fail');
}

export async function withSimulator<T>(
  options: SimulatorOptions,
  fn: (sim: RunningSimulator) => Promise<T>,
): Promise<T> {
  const sim = await startSimulator({ port: 0, ...options });
  try {
    return await fn(sim);
  } finally {
    await sim.close();
  }
}

export const byId = (records: readonly TAssetRecord[], nativeId: string): TAssetRecord => {
  const found = records.find((r) => r.nativeId === nativeId);
  if (!found) throw new Error(`no record ${nativeId} among ${records.map((r) => r.nativeId).join(', ')}`);
  return found;
};
