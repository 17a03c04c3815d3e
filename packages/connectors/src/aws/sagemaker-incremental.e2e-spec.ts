import {
  SIM_AWS_ACCESS_KEY_ID,
  SIM_AWS_SECRET_ACCESS_KEY,
  startSimulator,
  type RunningSimulator,
} from '@aispm/cloud-sim';
import { isUnchangedAsset, type TDiscoveredAsset } from '@aispm/contracts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AwsTarget, DiscoveryOptions, ServiceDiscoverer } from '../types';
import { closeAwsClients } from './clients';
import { sagemakerNotebooksDiscoverer } from './sagemaker-notebooks.discoverer';
import { sagemakerTrainingJobsDiscoverer } from './sagemaker-training-jobs.discoverer';

// Incremental rescans: with the change tokens of the last full read, a listing reports unchanged resources
// without calling Describe or ListTags, and re-reads exactly the ones whose listing shows a new version.
let sim: RunningSimulator;
let target: AwsTarget;
const calls: string[] = [];

beforeAll(async () => {
  sim = await startSimulator({ notebooks: 30, log: (line) => calls.push(line) });
  target = {
    provider: 'aws',
    accountId: '123456789012',
    region: 'us-east-1',
    endpoint: sim.url,
    credentials: {
      kind: 'access_key',
      accessKeyId: SIM_AWS_ACCESS_KEY_ID,
      secretAccessKey: SIM_AWS_SECRET_ACCESS_KEY,
    },
  };
});
beforeEach(() => {
  calls.length = 0;
});
afterAll(async () => {
  closeAwsClients();
  await sim.close();
});

async function collect(d: ServiceDiscoverer<'aws'>, opts?: DiscoveryOptions): Promise<TDiscoveredAsset[]> {
  const out: TDiscoveredAsset[] = [];
  for await (const page of d.discover(target, opts)) out.push(...page);
  return out;
}

const count = (op: string) => calls.filter((l) => l.includes(`SageMaker.${op} `)).length;

describe('incremental SageMaker listings', () => {
  it('skips Describe and ListTags for resources whose listing shows the known version', async () => {
    const first = await collect(sagemakerNotebooksDiscoverer);
    const known = new Map<string, string>();
    for (const r of first) {
      if (isUnchangedAsset(r)) throw new Error('nothing is unchanged without known tokens');
      expect(r.changeToken).toMatch(/^\d{4}-\d\d-\d\dT.*\|[A-Za-z]+$/);
      known.set(r.nativeId, r.changeToken!);
    }
    expect(count('DescribeNotebookInstance')).toBe(first.length);

    calls.length = 0;
    const second = await collect(sagemakerNotebooksDiscoverer, { known });
    expect(second).toHaveLength(first.length);
    expect(second.every(isUnchangedAsset)).toBe(true);
    expect(second.map((r) => r.nativeId).sort()).toEqual([...known.keys()].sort());
    expect(count('DescribeNotebookInstance')).toBe(0);
    expect(count('ListTags')).toBe(0);
  });

  it('re-reads exactly the resource whose LastModifiedTime moved', async () => {
    const first = await collect(sagemakerNotebooksDiscoverer);
    const known = new Map(
      first.flatMap((r) => (isUnchangedAsset(r) ? [] : [[r.nativeId, r.changeToken!] as const])),
    );
    const changed = sim.estate.notebooks.find((n) => n.region === 'us-east-1')!;
    changed.describe.LastModifiedTime += 60;
    changed.describe.RootAccess = 'Enabled';

    calls.length = 0;
    const second = await collect(sagemakerNotebooksDiscoverer, { known });
    const reread = second.filter((r) => !isUnchangedAsset(r));
    expect(reread.map((r) => r.nativeId)).toEqual([changed.arn]);
    expect(reread[0]).toMatchObject({ attributes: { RootAccess: 'Enabled' } });
    expect(count('DescribeNotebookInstance')).toBe(1);
  });

  it('reads everything when the tokens are stale or absent for some', async () => {
    const first = await collect(sagemakerTrainingJobsDiscoverer);
    const known = new Map([[first[0]!.nativeId, 'stale-token']]);
    const second = await collect(sagemakerTrainingJobsDiscoverer, { known });
    expect(second.filter(isUnchangedAsset)).toHaveLength(0);
    expect(second).toHaveLength(first.length);
  });
});
