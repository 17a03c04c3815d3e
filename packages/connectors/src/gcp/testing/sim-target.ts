// Test-only helpers: targets of the in-process cloud simulator's Google Cloud listener. Imported by *.e2e-spec.ts
// files only; the simulator's Google credentials are reached by path until @aispm/cloud-sim re-exports them.
import type { RunningSimulator } from '@aispm/cloud-sim';
import { isUnchangedAsset, type TAssetRecord } from '@aispm/contracts';
import {
  simGcpServiceAccountKey,
  type SimGcpAccount,
} from '../../../../../apps/cloud-sim/src/gcp/credentials';
import { expect } from 'vitest';
import { ConnectorError, type DiscoveryOptions, type GcpTarget, type ServiceDiscoverer } from '../../types';

export { simGcpServiceAccountKey };
export {
  SIM_GCP_DEFAULT_COMPUTE_SA,
  SIM_GCP_PROJECT_ID,
  SIM_GCP_PROJECT_NUMBER,
} from '../../../../../apps/cloud-sim/src/gcp/estate';
export type { GcpEstate, GcpJson } from '../../../../../apps/cloud-sim/src/gcp/estate';
export type { GcpSubServer } from '../../../../../apps/cloud-sim/src/gcp/server';

export function simTarget(
  sim: RunningSimulator,
  region = 'us-central1',
  account: SimGcpAccount = 'reader',
): GcpTarget {
  return {
    provider: 'gcp',
    projectId: 'aispm-sim-project',
    region,
    endpoint: sim.gcp!.url,
    credentials: { kind: 'service_account_key', key: simGcpServiceAccountKey(sim, account) },
  };
}

/** Every page of a discovery. */
export async function collect(
  discoverer: ServiceDiscoverer<'gcp'>,
  target: GcpTarget,
  opts?: DiscoveryOptions,
): Promise<TAssetRecord[][]> {
  const pages: TAssetRecord[][] = [];
  for await (const page of discoverer.discover(target, opts)) {
    // Google listings carry no change tokens: every resource comes back in full.
    pages.push(page.map((r) => (isUnchangedAsset(r) ? expect.unreachable(`${r.nativeId} unchanged`) : r)));
  }
  return pages;
}

/** Runs a discovery that must fail, returning the error and the sizes of the pages yielded before it. */
export async function failure(
  discoverer: ServiceDiscoverer<'gcp'>,
  target: GcpTarget,
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
