import {
  notebooksInRegion,
  SIM_AWS_ACCESS_KEY_ID,
  SIM_AWS_SECRET_ACCESS_KEY,
  SIM_READONLY_ACCESS_KEY_ID,
  SIM_READONLY_SECRET_ACCESS_KEY,
  startSimulator,
  type DescribeNotebookInstanceBody,
  type RunningSimulator,
  type SimulatorOptions,
} from '@aispm/cloud-sim';
import type { TAssetRecord, TAwsCredentials } from '@aispm/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConnectorError, type AwsTarget, type DiscoveryOptions } from '../types';
import { closeAwsClients } from './clients';
import { sagemakerNotebooksDiscoverer as discoverer } from './sagemaker-notebooks.discoverer';

const demoKeys: TAwsCredentials = {
  kind: 'access_key',
  accessKeyId: SIM_AWS_ACCESS_KEY_ID,
  secretAccessKey: SIM_AWS_SECRET_ACCESS_KEY,
};

function targetFor(
  sim: RunningSimulator,
  region: string,
  credentials: TAwsCredentials = demoKeys,
): AwsTarget {
  return { provider: 'aws', accountId: '123456789012', region, endpoint: sim.url, credentials };
}

async function collect(target: AwsTarget, opts?: DiscoveryOptions): Promise<TAssetRecord[][]> {
  const pages: TAssetRecord[][] = [];
  // These discoverers are given no change tokens, so every item is a full record.
  for await (const page of discoverer.discover(target, opts)) pages.push(page as TAssetRecord[]);
  return pages;
}

/** Runs a discovery that must fail, returning the error and the pages yielded before it. */
async function failure(
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

/** What the SDK makes of the body: epoch seconds become Dates, which the connector stores as ISO strings. */
function expectedAttributes(body: DescribeNotebookInstanceBody): Record<string, unknown> {
  const iso = (seconds: number) => new Date(Math.round(seconds * 1000)).toISOString();
  return { ...body, CreationTime: iso(body.CreationTime), LastModifiedTime: iso(body.LastModifiedTime) };
}

async function withSimulator<T>(
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

describe('sagemaker.notebooks discoverer through the real SDK against cloud-sim', () => {
  let sim: RunningSimulator;

  beforeAll(async () => {
    sim = await startSimulator({ port: 0 });
  });
  afterAll(async () => {
    closeAwsClients();
    await sim.close();
  });

  it('declares the asset type its listing is complete for', () => {
    expect(discoverer).toMatchObject({
      provider: 'aws',
      service: 'sagemaker.notebooks',
      assetTypes: ['aws.sagemaker.notebook_instance'],
    });
  });

  it('returns every us-east-1 notebook exactly once, with the exact ARN, in pages of the asked size', async () => {
    const expected = notebooksInRegion(sim.estate, 'us-east-1');
    expect(expected).toHaveLength(7);
    const pages = await collect(targetFor(sim, 'us-east-1'), { pageSize: 3 });
    expect(pages.map((p) => p.length)).toEqual([3, 3, 1]);
    const records = pages.flat();
    expect(records.map((r) => r.nativeId).sort()).toEqual(expected.map((n) => n.arn).sort());
    expect(new Set(records.map((r) => r.nativeId)).size).toBe(records.length);
    for (const r of records) {
      expect(r.assetType).toBe('aws.sagemaker.notebook_instance');
      expect(r.region).toBe('us-east-1');
      expect(r.name).toBe(expected.find((n) => n.arn === r.nativeId)!.name);
    }
  });

  it('returns only eu-west-1 notebooks for an eu-west-1 target, with default and small page sizes', async () => {
    const expected = notebooksInRegion(sim.estate, 'eu-west-1')
      .map((n) => n.arn)
      .sort();
    expect(expected).toHaveLength(5);
    const single = await collect(targetFor(sim, 'eu-west-1'));
    expect(single.map((p) => p.length)).toEqual([5]);
    const small = await collect(targetFor(sim, 'eu-west-1'), { pageSize: 2 });
    expect(small.map((p) => p.length)).toEqual([2, 2, 1]);
    expect(
      small
        .flat()
        .map((r) => r.nativeId)
        .sort(),
    ).toEqual(expected);
  });

  it('keeps a notebook name used in both regions as two assets with their own ARNs', async () => {
    const us = (await collect(targetFor(sim, 'us-east-1'))).flat();
    const eu = (await collect(targetFor(sim, 'eu-west-1'))).flat();
    const shared = us.filter((u) => eu.some((e) => e.name === u.name));
    expect(shared).toHaveLength(1);
    const twin = eu.find((e) => e.name === shared[0]!.name)!;
    expect(twin.nativeId).not.toBe(shared[0]!.nativeId);
    // SageMaker lower-cases the name inside the ARN; the connector must not rebuild ARNs from names.
    expect(shared[0]!.name).not.toBe(shared[0]!.name.toLowerCase());
    expect(shared[0]!.nativeId.endsWith(`/${shared[0]!.name.toLowerCase()}`)).toBe(true);
  });

  it('stores the Describe output as returned: ISO dates, no $metadata, no defaults', async () => {
    for (const region of ['us-east-1', 'eu-west-1']) {
      const records = (await collect(targetFor(sim, region))).flat();
      for (const nb of notebooksInRegion(sim.estate, region)) {
        const record = records.find((r) => r.nativeId === nb.arn)!;
        // toStrictEqual also fails on a key that is present with an undefined value.
        expect(record.attributes, nb.name).toStrictEqual(expectedAttributes(nb.describe));
      }
    }
  });

  it('leaves RootAccess out of the attributes when Describe did not return it', async () => {
    const omitting = sim.estate.notebooks.find((n) => n.omittedFields.includes('RootAccess'))!;
    const record = (await collect(targetFor(sim, omitting.region)))
      .flat()
      .find((r) => r.nativeId === omitting.arn)!;
    expect(Object.keys(record.attributes)).not.toContain('RootAccess');
    expect(record.attributes).toHaveProperty('NotebookInstanceArn', omitting.arn);
    const others = (await collect(targetFor(sim, omitting.region)))
      .flat()
      .filter((r) => r.nativeId !== omitting.arn);
    expect(others.some((r) => 'RootAccess' in r.attributes)).toBe(true);
  });

  it('attaches the tags from ListTags, and an empty record to an untagged notebook', async () => {
    const records = (await collect(targetFor(sim, 'us-east-1'))).flat();
    const inRegion = notebooksInRegion(sim.estate, 'us-east-1');
    expect(inRegion.some((n) => n.tags.length > 0) && inRegion.some((n) => n.tags.length === 0)).toBe(true);
    for (const nb of inRegion) {
      const tags = records.find((r) => r.nativeId === nb.arn)!.tags;
      expect(tags, nb.name).toEqual(Object.fromEntries(nb.tags.map((t) => [t.Key, t.Value])));
    }
  });

  it('fails with InvalidCredentials naming the unknown key, never the secret', async () => {
    const secret = 'unknown-key-secret-000000';
    const { error } = await failure(
      targetFor(sim, 'us-east-1', {
        kind: 'access_key',
        accessKeyId: 'SIMNOSUCHKEY000001',
        secretAccessKey: secret,
      }),
    );
    expect(error).toMatchObject({
      code: 'InvalidCredentials',
      retryable: false,
      service: 'sagemaker.notebooks',
    });
    expect(error.message).toContain('SIMN...0001 is not recognised');
    expect(error.message).not.toContain(secret);
  });

  it('fails with InvalidCredentials when the secret does not match the key', async () => {
    const secret = 'wrong-secret-for-demo-key';
    const { error } = await failure(targetFor(sim, 'us-east-1', { ...demoKeys, secretAccessKey: secret }));
    expect(error.code).toBe('InvalidCredentials');
    expect(error.message).toMatch(/secret access key does not match the access key SIMD\.\.\.0001/);
    expect(error.message).not.toContain(secret);
  });

  it('fails with AccessDenied naming sagemaker:ListNotebookInstances for the key without SageMaker rights', async () => {
    const { error, pages } = await failure(
      targetFor(sim, 'us-east-1', {
        kind: 'access_key',
        accessKeyId: SIM_READONLY_ACCESS_KEY_ID,
        secretAccessKey: SIM_READONLY_SECRET_ACCESS_KEY,
      }),
    );
    expect(pages).toEqual([]);
    expect(error).toMatchObject({
      code: 'AccessDenied',
      retryable: false,
      operation: 'ListNotebookInstances',
    });
    expect(error.message).toMatch(/^The credentials lack sagemaker:ListNotebookInstances in us-east-1/);
  });

  it('stops with Aborted when the caller aborts', async () => {
    const controller = new AbortController();
    const pages: number[] = [];
    let caught: unknown;
    try {
      for await (const page of discoverer.discover(targetFor(sim, 'us-east-1'), {
        pageSize: 3,
        signal: controller.signal,
      })) {
        pages.push(page.length);
        controller.abort();
      }
    } catch (err) {
      caught = err;
    }
    expect(pages).toEqual([3]);
    expect(caught).toBeInstanceOf(ConnectorError);
    expect(caught).toMatchObject({ code: 'Aborted', retryable: false });
  });
});

describe('sagemaker.notebooks discoverer under injected faults', () => {
  afterAll(() => closeAwsClients());

  it('reports a retryable Throttled error when throttled and the SDK may not retry', async () => {
    await withSimulator({ faults: [{ service: 'sagemaker', kind: 'throttle', rate: 0.9 }] }, async (sim) => {
      const { error } = await failure(targetFor(sim, 'us-east-1'), { maxAttempts: 1 });
      expect(error).toMatchObject({ code: 'Throttled', retryable: true });
      expect(error.message).toContain('Rate exceeded');
    });
  });

  it('gets every notebook through a low throttling rate thanks to the SDK retries', async () => {
    const lines: string[] = [];
    const faults: SimulatorOptions['faults'] = [{ service: 'sagemaker', kind: 'throttle', rate: 0.15 }];
    await withSimulator({ faults, log: (line) => lines.push(line) }, async (sim) => {
      const pages = await collect(targetFor(sim, 'us-east-1'), { pageSize: 3, maxAttempts: 6 });
      expect(pages.map((p) => p.length)).toEqual([3, 3, 1]);
      expect(
        pages
          .flat()
          .map((r) => r.nativeId)
          .sort(),
      ).toEqual(
        notebooksInRegion(sim.estate, 'us-east-1')
          .map((n) => n.arn)
          .sort(),
      );
    });
    // Proof that the retries were needed: some calls really were throttled.
    expect(lines.filter((l) => l.includes('ThrottlingException')).length).toBeGreaterThan(0);
  });

  it('yields the pages before a failing page, then fails with a retryable Unavailable', async () => {
    await withSimulator({ faults: [{ service: 'sagemaker', kind: 'fail-page', page: 2 }] }, async (sim) => {
      const { error, pages } = await failure(targetFor(sim, 'us-east-1'), { pageSize: 3, maxAttempts: 2 });
      expect(pages).toEqual([3]);
      expect(error).toMatchObject({
        code: 'Unavailable',
        retryable: true,
        operation: 'ListNotebookInstances',
      });
      expect(error.message).toContain('InternalFailure');
    });
  });
});
