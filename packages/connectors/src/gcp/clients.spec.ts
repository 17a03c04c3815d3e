import { generateKeyPairSync, createVerify } from 'node:crypto';
import gax from 'google-gax';
import { describe, expect, it, vi } from 'vitest';
import type { GcpTarget } from '../types';
import { clientEndpoint, gcpCacheKey, gcpConnection, sharedProtoGax, signJwt } from './clients';

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const target: GcpTarget = {
  provider: 'gcp',
  projectId: 'p',
  region: 'us-central1',
  credentials: {
    kind: 'service_account_key',
    key: {
      type: 'service_account',
      private_key_id: 'k1',
      private_key: pem,
      client_email: 'a@p.iam.gserviceaccount.com',
    },
  },
};

describe('GCP clients', () => {
  it('keys the cache on the key without holding it, and changes when the key is rotated', () => {
    const key = gcpCacheKey(target);
    expect(key).not.toContain('PRIVATE KEY');
    expect(key).toContain('a@p.iam.gserviceaccount.com');
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 })
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString();
    expect(
      gcpCacheKey({
        ...target,
        credentials: { kind: 'service_account_key', key: { ...target.credentials.key, private_key: other } },
      }),
    ).not.toBe(key);
    expect(gcpCacheKey({ ...target, endpoint: 'http://127.0.0.1:1' })).not.toBe(key);
  });

  it('points clients at the target endpoint, or at Google over HTTPS', () => {
    expect(clientEndpoint(gcpConnection({}), 'us-central1-aiplatform.googleapis.com')).toEqual({
      apiEndpoint: 'us-central1-aiplatform.googleapis.com',
      port: 443,
      protocol: 'https',
    });
    expect(clientEndpoint(gcpConnection({ endpoint: 'http://127.0.0.1:4567' }), 'x')).toEqual({
      apiEndpoint: '127.0.0.1',
      port: 4567,
      protocol: 'http',
    });
    expect(clientEndpoint(gcpConnection({ endpoint: 'https://[::1]' }), 'x')).toEqual({
      apiEndpoint: '::1',
      port: 443,
      protocol: 'https',
    });
  });

  it('signs RS256 assertions the public key verifies', () => {
    const jws = signJwt({ alg: 'RS256', kid: 'k1' }, { iss: 'a', aud: 'https://t/token' }, pem);
    const [h, c, s] = jws.split('.') as [string, string, string];
    expect(JSON.parse(Buffer.from(c, 'base64url').toString())).toEqual({ iss: 'a', aud: 'https://t/token' });
    expect(
      createVerify('RSA-SHA256').update(`${h}.${c}`).verify(publicKey, Buffer.from(s, 'base64url')),
    ).toBe(true);
  });
});

describe('sharedProtoGax', () => {
  it('builds the Vertex AI proto root once, however many clients are made, and the clients still work', async () => {
    const { v1 } = await import('@google-cloud/aiplatform');
    const fromJson = vi.spyOn(gax.fallback, 'protobufFromJSON');
    const load = vi.spyOn(gax.fallback.GrpcClient.prototype, 'loadProtoJSON');
    const options = {
      fallback: true,
      apiEndpoint: '127.0.0.1',
      port: 9,
      protocol: 'http',
      authClient: { getRequestHeaders: () => Promise.resolve(new Headers()) },
    } as unknown as ConstructorParameters<typeof v1.ModelServiceClient>[0];
    try {
      const clients = [
        new v1.ModelServiceClient(options, sharedProtoGax),
        new v1.EndpointServiceClient(options, sharedProtoGax),
        new v1.ModelServiceClient(options, sharedProtoGax),
        new v1.JobServiceClient(options, sharedProtoGax),
      ];
      // How often the same JSON was turned into a root: once at most (four times without the shared roots).
      const maxRepeats = (calls: unknown[][]) => {
        const seen = new Map<unknown, number>();
        for (const [json] of calls) seen.set(json, (seen.get(json) ?? 0) + 1);
        return Math.max(0, ...seen.values());
      };
      expect(maxRepeats([...fromJson.mock.calls, ...load.mock.calls])).toBe(1);
      expect(clients[2]!.modelPath('p', 'l', 'm')).toBe('projects/p/locations/l/models/m');
      await Promise.all(clients.map((c) => c.close()));
    } finally {
      fromJson.mockRestore();
      load.mockRestore();
    }
  }, 60_000);
});
