import { startSimulator, type RunningSimulator } from '@aispm/cloud-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeAwsClients } from '../clients';
import { byId, collect, failure, readonlyKeys, targetFor, withSimulator } from './infra.testing';
import { kmsKeysDiscoverer as discoverer } from './kms-keys.discoverer';

describe('kms.keys through the real SDK against cloud-sim', () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startSimulator({ port: 0 });
  });
  afterAll(async () => {
    closeAwsClients();
    await sim.close();
  });

  it('is a regional listing of aws.kms.key', () => {
    expect(discoverer).toMatchObject({ service: 'kms.keys', scope: 'regional', assetTypes: ['aws.kms.key'] });
  });

  it('lists every key of the region once by KeyArn, in pages, including the keys SageMaker resources name', async () => {
    const pages = await collect(discoverer, targetFor(sim, 'us-east-1'), { pageSize: 4 });
    const records = pages.flat();
    const expected = sim.estate.awsInfra.keys['us-east-1']!.map((k) => k.Arn).sort();
    expect(records.map((r) => r.nativeId).sort()).toEqual(expected);
    expect(pages.length).toBe(Math.ceil(expected.length / 4));
    const named = sim.estate.notebooks
      .filter((n) => n.region === 'us-east-1')
      .flatMap((n) => (n.describe.KmsKeyId ? [n.describe.KmsKeyId] : []));
    expect(named.length).toBeGreaterThan(0);
    for (const key of named) expect(records.map((r) => r.nativeId)).toContain(key);
    expect(records.every((r) => r.region === 'us-east-1')).toBe(true);
  });

  it('tells customer managed from AWS managed keys and reads rotation, aliases, policy and tags', async () => {
    const records = (await collect(discoverer, targetFor(sim, 'us-east-1'))).flat();
    const notebooks = records.find((r) => r.name === 'alias/sagemaker-notebooks')!;
    expect(notebooks.attributes).toMatchObject({
      KeyManager: 'CUSTOMER',
      KeyRotationEnabled: true,
      RotationPeriodInDays: 365,
      Aliases: ['alias/sagemaker-notebooks'],
    });
    expect(notebooks.tags).toEqual({ team: 'ml-platform', 'managed-by': 'terraform' });
    const training = records.find((r) => r.name === 'alias/ml-training-data')!;
    expect(training.attributes.KeyRotationEnabled).toBe(false);
    expect(training.attributes).not.toHaveProperty('RotationPeriodInDays');
    const awsS3 = records.find((r) => r.name === 'alias/aws/s3')!;
    expect(awsS3.attributes).toMatchObject({ KeyManager: 'AWS', KeyRotationEnabled: true });
    const open = records.find((r) => r.name === 'alias/shared-open')!;
    expect(open.attributes.KeyPolicy).toMatchObject({ Statement: [{ Principal: '*', Action: 'kms:*' }] });
    const pending = records.find((r) => r.attributes.KeyState === 'PendingDeletion')!;
    expect(typeof pending.attributes.DeletionDate).toBe('string');
  });

  it('keeps a key whose rotation status is unsupported (imported material), naming the unreadable field', async () => {
    const records = (await collect(discoverer, targetFor(sim, 'eu-west-1'))).flat();
    const byok = records.find((r) => r.name === 'alias/byok-regulated')!;
    expect(byok.attributes).toMatchObject({ Origin: 'EXTERNAL', KeyState: 'Disabled' });
    expect(byok.attributes).not.toHaveProperty('KeyRotationEnabled');
    expect(byok.attributes.unreadable).toEqual([
      {
        field: 'KeyRotationEnabled',
        operation: 'GetKeyRotationStatus',
        error: 'UnsupportedOperationException',
      },
    ]);
  });

  it('answers an empty listing for a region without keys', async () => {
    expect((await collect(discoverer, targetFor(sim, 'ap-south-1'))).flat()).toEqual([]);
  });

  it('fails with AccessDenied naming kms:ListAliases for the key without KMS rights', async () => {
    const { error } = await failure(discoverer, targetFor(sim, 'us-east-1', readonlyKeys));
    expect(error).toMatchObject({ code: 'AccessDenied', operation: 'ListAliases' });
    expect(error.message).toMatch(/^The credentials lack kms:ListAliases/);
  });

  it('skips a key deleted between ListKeys and DescribeKey', async () => {
    await withSimulator({}, async (own) => {
      const first = (await collect(discoverer, targetFor(own, 'eu-west-1'))).flat();
      const victim = first[0]!;
      own.estate.awsInfra.keysById.delete(String(victim.attributes.KeyId));
      const second = (await collect(discoverer, targetFor(own, 'eu-west-1'))).flat();
      expect(second.map((r) => r.nativeId)).toEqual(
        first.map((r) => r.nativeId).filter((id) => id !== victim.nativeId),
      );
      expect(byId(first, victim.nativeId)).toBeDefined();
    });
  });
});

describe('kms.keys under injected faults', () => {
  afterAll(() => closeAwsClients());

  it('reports Throttled (ThrottlingException) when the SDK may not retry', async () => {
    await withSimulator(
      { faults: [{ service: 'kms', operation: 'DescribeKey', kind: 'throttle', rate: 1 }] },
      async (sim) => {
        const { error } = await failure(discoverer, targetFor(sim, 'us-east-1'), { maxAttempts: 1 });
        expect(error).toMatchObject({ code: 'Throttled', retryable: true, operation: 'DescribeKey' });
      },
    );
  });

  it('completes through a low throttling rate with SDK retries', async () => {
    const lines: string[] = [];
    await withSimulator(
      { faults: [{ service: 'kms', kind: 'throttle', rate: 0.05 }], log: (l) => lines.push(l) },
      async (sim) => {
        const records = (
          await collect(discoverer, targetFor(sim, 'us-east-1'), { maxAttempts: 6, pageSize: 3 })
        ).flat();
        expect(records).toHaveLength(sim.estate.awsInfra.keys['us-east-1']!.length);
      },
    );
    expect(lines.filter((l) => l.includes('ThrottlingException')).length).toBeGreaterThan(0);
  });

  it('fails with Unavailable after page 1 when page 2 of ListKeys fails', async () => {
    await withSimulator(
      { faults: [{ service: 'kms', operation: 'ListKeys', kind: 'fail-page', page: 2 }] },
      async (sim) => {
        const { error, pages } = await failure(discoverer, targetFor(sim, 'us-east-1'), {
          pageSize: 3,
          maxAttempts: 1,
        });
        expect(pages).toEqual([3]);
        expect(error).toMatchObject({ code: 'Unavailable', operation: 'ListKeys' });
      },
    );
  });
});
