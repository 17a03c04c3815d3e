import {
  SIM_AWS_ACCESS_KEY_ID,
  SIM_AWS_SECRET_ACCESS_KEY,
  startSimulator,
  type RunningSimulator,
} from '@aispm/cloud-sim';
import { isUnchangedAsset } from '@aispm/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdaptiveLimiter } from './adaptive-limiter';
import { closeAwsClients } from './aws/clients';
import { sagemakerNotebooksDiscoverer } from './aws/sagemaker-notebooks.discoverer';
import { type ConnectorError, type AwsTarget } from './types';

describe('adaptive concurrency against a throttling cloud', () => {
  let sim: RunningSimulator;
  let target: AwsTarget;

  beforeAll(async () => {
    // Half of all Describe and ListTags calls are throttled; the SDK is told not to retry on its own.
    sim = await startSimulator({
      notebooks: 60,
      faults: [
        { service: 'sagemaker', operation: 'DescribeNotebookInstance', kind: 'throttle', rate: 0.5 },
        { service: 'sagemaker', operation: 'ListTags', kind: 'throttle', rate: 0.5 },
      ],
    });
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
  afterAll(async () => {
    closeAwsClients();
    await sim.close();
  });

  it('fails the listing without a limiter when the SDK may not retry', async () => {
    const run = async () => {
      for await (const _ of sagemakerNotebooksDiscoverer.discover(target, { maxAttempts: 1 })) {
        // drain
      }
    };
    await expect(run()).rejects.toMatchObject({ code: 'Throttled' } satisfies Partial<ConnectorError>);
  });

  it('lists every notebook through the limiter, which lowers its concurrency', async () => {
    const limiter = new AdaptiveLimiter({ initial: 16, retries: 12, backoffMs: 2, coolDownMs: 5 });
    const names: string[] = [];
    for await (const page of sagemakerNotebooksDiscoverer.discover(target, { maxAttempts: 1, limiter })) {
      for (const r of page) if (!isUnchangedAsset(r)) names.push(r.name);
    }
    const expected = sim.estate.notebooks.filter((n) => n.region === 'us-east-1').length;
    expect(names).toHaveLength(expected);
    expect(new Set(names).size).toBe(expected);
    const stats = limiter.stats();
    expect(stats.decreases).toBeGreaterThan(0);
    expect(stats.retries).toBeGreaterThan(0);
    expect(stats.inFlight).toBe(0);
  });
});
