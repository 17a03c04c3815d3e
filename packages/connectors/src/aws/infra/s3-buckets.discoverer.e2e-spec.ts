import { startSimulator, type RunningSimulator } from '@aispm/cloud-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdaptiveLimiter } from '../../adaptive-limiter';
import { closeAwsClients } from '../clients';
import { byId, collect, failure, readonlyKeys, targetFor, withSimulator } from './infra.testing';
import { s3BucketsDiscoverer as discoverer } from './s3-buckets.discoverer';

const ACCOUNT = '123456789012';
const arn = (name: string) => `arn:aws:s3:::${name}`;

describe('s3.buckets through the real SDK against cloud-sim', () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startSimulator({ port: 0 });
  });
  afterAll(async () => {
    closeAwsClients();
    await sim.close();
  });

  it('lists every bucket once as arn:aws:s3:::<name>, in pages of the asked size, with its own region', async () => {
    const pages = await collect(discoverer, targetFor(sim, 'global'), { pageSize: 4 });
    const records = pages.flat();
    const expected = sim.estate.awsInfra.buckets;
    expect(expected.length).toBeGreaterThanOrEqual(9);
    expect(pages.length).toBe(Math.ceil(expected.length / 4));
    expect(records.map((r) => r.nativeId).sort()).toEqual(expected.map((b) => arn(b.name)).sort());
    for (const b of expected) {
      expect(byId(records, arn(b.name))).toMatchObject({
        assetType: 'aws.s3.bucket',
        name: b.name,
        region: b.region,
      });
    }
  });

  it('records a public bucket policy parsed, its status, and no public access block or encryption when S3 has none', async () => {
    const records = (await collect(discoverer, targetFor(sim, 'global'))).flat();
    const training = byId(records, arn(`aispm-sim-training-data-${ACCOUNT}`));
    expect(training.attributes.Policy).toMatchObject({
      Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject' }],
    });
    expect(training.attributes.PolicyStatus).toEqual({ IsPublic: true });
    expect(training.attributes).not.toHaveProperty('PublicAccessBlock');
    expect(training.attributes).not.toHaveProperty('Encryption');
    expect(training.attributes).not.toHaveProperty('unreadable');
    expect(training.attributes.Versioning).toEqual({});
    expect(training.tags).toEqual({ 'data-classification': 'pii', team: 'data-science' });
  });

  it('reads SSE-KMS, versioning, logging and a partial public access block, with an encrypted_by edge', async () => {
    const records = (await collect(discoverer, targetFor(sim, 'global'))).flat();
    const artifacts = byId(records, arn(`aispm-sim-model-artifacts-${ACCOUNT}`));
    expect(artifacts.region).toBe('eu-west-1');
    expect(artifacts.attributes.PublicAccessBlock).toEqual({
      BlockPublicAcls: true,
      IgnorePublicAcls: true,
      BlockPublicPolicy: false,
      RestrictPublicBuckets: false,
    });
    const rule = (
      artifacts.attributes.Encryption as {
        Rules: { ApplyServerSideEncryptionByDefault: { KMSMasterKeyID: string } }[];
      }
    ).Rules[0]!;
    expect(rule).toMatchObject({
      ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms' },
      BucketKeyEnabled: true,
    });
    expect(artifacts.relations).toEqual([
      {
        kind: 'encrypted_by',
        toAssetType: 'aws.kms.key',
        toNativeId: rule.ApplyServerSideEncryptionByDefault.KMSMasterKeyID,
      },
    ]);
    expect(artifacts.attributes.Versioning).toEqual({ Status: 'Enabled' });
    expect(artifacts.attributes.Logging).toEqual({
      LoggingEnabled: { TargetBucket: `aispm-sim-access-logs-${ACCOUNT}`, TargetPrefix: 'model-artifacts/' },
    });
    const sse = byId(records, arn(`sagemaker-eu-west-1-${ACCOUNT}`));
    expect(sse.attributes.Encryption).toEqual({
      Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' }, BucketKeyEnabled: false }],
    });
    expect(sse.tags).toEqual({});
    expect(sse.attributes).not.toHaveProperty('Policy');
    expect(sse.attributes).not.toHaveProperty('PolicyStatus');
  });

  it('shows a bucket public through its ACL (AllUsers READ)', async () => {
    const records = (await collect(discoverer, targetFor(sim, 'global'))).flat();
    const kb = byId(records, arn(`aispm-sim-kb-support-docs-${ACCOUNT}`));
    expect((kb.attributes.Acl as { Grants: unknown[] }).Grants).toContainEqual({
      Grantee: { Type: 'Group', URI: 'http://acs.amazonaws.com/groups/global/AllUsers' },
      Permission: 'READ',
    });
  });

  it('keeps a bucket whose policy refuses GetBucketPolicy, naming the unreadable field', async () => {
    const records = (await collect(discoverer, targetFor(sim, 'global'))).flat();
    const hr = byId(records, arn(`aispm-sim-kb-hr-policies-${ACCOUNT}`));
    expect(hr.attributes.unreadable).toEqual([
      { field: 'policy', operation: 'GetBucketPolicy', error: 'AccessDenied' },
    ]);
    expect(hr.attributes).not.toHaveProperty('Policy');
    expect(hr.attributes.PolicyStatus).toEqual({ IsPublic: false });
    expect(hr.attributes.Versioning).toEqual({ Status: 'Enabled' });
  });

  it('fails with AccessDenied naming s3:ListAllMyBuckets for the key without S3 rights', async () => {
    const { error, pages } = await failure(discoverer, targetFor(sim, 'global', readonlyKeys));
    expect(pages).toEqual([]);
    expect(error).toMatchObject({ code: 'AccessDenied', operation: 'ListBuckets' });
    expect(error.message).toMatch(/^The credentials lack s3:ListAllMyBuckets/);
  });

  it('fails with InvalidCredentials for a wrong secret, never showing it', async () => {
    const secret = 'wrong-s3-secret-00000000';
    const { error } = await failure(
      discoverer,
      targetFor(sim, 'global', {
        kind: 'access_key',
        accessKeyId: 'SIMDEMOACCESSKEY0001',
        secretAccessKey: secret,
      }),
    );
    expect(error.code).toBe('InvalidCredentials');
    expect(error.message).not.toContain(secret);
  });

  it('skips a bucket deleted between ListBuckets and its sub-calls', async () => {
    await withSimulator({}, async (own) => {
      await collect(discoverer, targetFor(own, 'global'));
      own.estate.awsInfra.bucketsByName.delete(`ml-artifacts-${ACCOUNT}`);
      const records = (await collect(discoverer, targetFor(own, 'global'))).flat();
      expect(records.map((r) => r.nativeId)).not.toContain(arn(`ml-artifacts-${ACCOUNT}`));
      expect(records).toHaveLength(own.estate.awsInfra.buckets.length - 1);
    });
  });
});

describe('s3.buckets under injected faults', () => {
  afterAll(() => closeAwsClients());

  it('reports Throttled (S3 SlowDown) naming the sub-call when retries are not allowed', async () => {
    await withSimulator(
      { faults: [{ service: 's3', operation: 'GetBucketPolicy', kind: 'throttle', rate: 1 }] },
      async (sim) => {
        const { error } = await failure(discoverer, targetFor(sim, 'global'), { maxAttempts: 1 });
        expect(error).toMatchObject({ code: 'Throttled', retryable: true, operation: 'GetBucketPolicy' });
        expect(error.message).toContain('reduce your request rate');
      },
    );
  });

  it('completes through SlowDown thanks to the SDK retries and the adaptive limiter', async () => {
    const lines: string[] = [];
    await withSimulator(
      { faults: [{ service: 's3', kind: 'throttle', rate: 0.1 }], log: (l) => lines.push(l) },
      async (sim) => {
        const records = (
          await collect(discoverer, targetFor(sim, 'global'), {
            maxAttempts: 5,
            limiter: new AdaptiveLimiter({ backoffMs: 5 }),
          })
        ).flat();
        expect(records).toHaveLength(sim.estate.awsInfra.buckets.length);
      },
    );
    expect(lines.filter((l) => l.includes('503')).length).toBeGreaterThan(0);
  });

  it('fails the listing with Unavailable when page 2 of ListBuckets fails, after yielding page 1', async () => {
    await withSimulator({ faults: [{ service: 's3', kind: 'fail-page', page: 2 }] }, async (sim) => {
      const { error, pages } = await failure(discoverer, targetFor(sim, 'global'), {
        pageSize: 5,
        maxAttempts: 1,
      });
      expect(pages).toEqual([5]);
      expect(error).toMatchObject({ code: 'Unavailable', operation: 'ListBuckets' });
    });
  });
});
