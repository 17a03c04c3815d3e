import { generateKeyPairSync } from 'node:crypto';
import { startSimulator, type RunningSimulator } from '@aispm/cloud-sim';
import { parseOutboundPolicy } from '@aispm/security';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeGcpClients } from './clients';
import { testGcpConnection } from './connection-test';
import { enabledServicesDiscoverer } from './service-usage.discoverer';
import { collect, failure, simTarget, type GcpSubServer } from './testing/sim-target';
import { vertexEndpointsDiscoverer } from './vertex.discoverers';

let sim: RunningSimulator;
const log: string[] = [];

beforeAll(async () => {
  sim = await startSimulator({ port: 0, log: (line) => log.push(line) });
});

afterAll(async () => {
  closeGcpClients();
  await sim?.close();
});

function forgedTarget() {
  const target = simTarget(sim);
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  return {
    ...target,
    credentials: {
      kind: 'service_account_key' as const,
      key: { ...target.credentials.key, private_key: pem },
    },
  };
}

describe('Google credentials', () => {
  it('trusts the CA certificate given for an HTTPS endpoint, and only then', async () => {
    const gcp = sim.gcp as GcpSubServer;
    const https = { ...simTarget(sim), endpoint: gcp.httpsUrl };
    const records = (
      await collect(vertexEndpointsDiscoverer, { ...https, caCertificate: gcp.caCertificate })
    ).flat();
    expect(records.map((r) => r.nativeId)).toEqual(
      sim.estate.gcp.vertex.endpoints['us-central1']!.map((e) => e.name),
    );
    const { error } = await failure(vertexEndpointsDiscoverer, https, { maxAttempts: 1 });
    expect(error).toMatchObject({ code: 'Unavailable', retryable: false });
    expect(error.message).toMatch(/TLS certificate .* is not trusted/);
  });

  it('exchanges the key at its token_uri once, then calls the APIs with that bearer token', async () => {
    log.length = 0;
    const target = simTarget(sim);
    expect(target.credentials.key.token_uri).toBe(sim.gcp!.tokenUrl);
    await collect(vertexEndpointsDiscoverer, target);
    await collect(enabledServicesDiscoverer, { ...target, region: 'global' });
    const tokenCalls = log.filter((l) => l.includes('POST /token'));
    expect(tokenCalls).toHaveLength(1);
    expect(tokenCalls[0]).toMatch(/-> 200 /);
    expect(log.some((l) => /ListEndpoints .* sa=aispm-reader@.* -> 200/.test(l))).toBe(true);
  });

  it('fails with InvalidCredentials when the token endpoint refuses the key, without leaking it', async () => {
    const target = forgedTarget();
    const { error } = await failure(vertexEndpointsDiscoverer, target, { maxAttempts: 1 });
    expect(error.code).toBe('InvalidCredentials');
    expect(error.retryable).toBe(false);
    expect(error.message).toContain('Invalid JWT Signature');
    expect(error.message).toContain(target.credentials.key.client_email);
    expect(error.message).not.toContain('PRIVATE KEY');
  });

  it('connection test: ok for the reader, names the permission or the key otherwise', async () => {
    expect(await testGcpConnection({ ...simTarget(sim), region: 'global' })).toEqual({ ok: true });
    const denied = await testGcpConnection(simTarget(sim, 'global', 'no-access'));
    expect(denied).toMatchObject({ ok: false, code: 'AccessDenied' });
    expect(denied.ok === false && denied.message).toContain('serviceusage.services.list');
    expect(await testGcpConnection(forgedTarget())).toMatchObject({ ok: false, code: 'InvalidCredentials' });
    const unreachable = await testGcpConnection({
      ...simTarget(sim),
      endpoint: 'http://127.0.0.1:9',
      credentials: simTarget(sim).credentials,
    });
    expect(unreachable).toMatchObject({ ok: false, code: 'Unavailable' });
  });

  it('resolves host names through the SSRF guard: a name that resolves to loopback is refused', async () => {
    // IP literals open sockets without a lookup (the worker checks those before a listing); names are
    // checked as each socket opens, so a name cannot rebind to a private address between check and call.
    const endpoint = sim.gcp!.url.replace('127.0.0.1', 'localhost');
    const target = { ...simTarget(sim), endpoint };
    log.length = 0;
    const { error } = await failure(
      vertexEndpointsDiscoverer,
      { ...target, outbound: parseOutboundPolicy('') },
      { maxAttempts: 1 },
    );
    expect(error.message).toContain('not allowed');
    expect(error.code).toBe('Unavailable');
    expect(log.filter((l) => l.includes('ListEndpoints'))).toEqual([]);
    const allowed = await collect(vertexEndpointsDiscoverer, {
      ...target,
      outbound: parseOutboundPolicy('127.0.0.0/8,::1/128'),
    });
    expect(allowed.flat().length).toBeGreaterThan(0);
  });
});
