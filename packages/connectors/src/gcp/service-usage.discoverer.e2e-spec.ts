import { startSimulator, type RunningSimulator } from '@aispm/cloud-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdaptiveLimiter } from '../adaptive-limiter';
import { closeGcpClients } from './clients';
import { enabledServicesDiscoverer as discoverer } from './service-usage.discoverer';
import { collect, failure, SIM_GCP_PROJECT_NUMBER, simTarget } from './testing/sim-target';

let sim: RunningSimulator;
let faulty: RunningSimulator;

beforeAll(async () => {
  sim = await startSimulator({ port: 0 });
  faulty = await startSimulator({
    port: 0,
    faults: [
      { service: 'gcp.serviceusage', kind: 'throttle', rate: 0.5 },
      { service: 'gcp.serviceusage', kind: 'fail-page', page: 3 },
    ],
  });
});

afterAll(async () => {
  closeGcpClients();
  await sim?.close();
  await faulty?.close();
});

const enabled = (s: RunningSimulator) => s.estate.gcp.services.filter((x) => x.state === 'ENABLED');

describe('Enabled services discoverer', () => {
  it('is a project-wide listing of gcp.serviceusage.service', () => {
    expect(discoverer).toMatchObject({
      service: 'serviceusage.services',
      scope: 'global',
      assetTypes: ['gcp.serviceusage.service'],
    });
  });

  it('lists only the enabled services, page by page, named by API, bodies as sent', async () => {
    const pages = await collect(discoverer, simTarget(sim, 'global'), { pageSize: 5 });
    expect(pages.map((p) => p.length)).toEqual([5, 5, 5, 1]);
    const records = pages.flat();
    expect(records.map((r) => r.nativeId)).toEqual(enabled(sim).map((s) => s.name));
    const apis = records.map((r) => r.name);
    for (const ai of [
      'aiplatform.googleapis.com',
      'generativelanguage.googleapis.com',
      'notebooks.googleapis.com',
      'ml.googleapis.com',
      'dialogflow.googleapis.com',
    ]) {
      expect(apis).toContain(ai);
    }
    expect(apis).not.toContain('vision.googleapis.com');
    const vertex = records.find((r) => r.name === 'aiplatform.googleapis.com')!;
    expect(vertex).toMatchObject({
      nativeId: `projects/${SIM_GCP_PROJECT_NUMBER}/services/aiplatform.googleapis.com`,
      region: 'global',
    });
    // Sent as the number 2 (the client asks for numeric enums), recorded by name.
    expect(vertex.attributes.state).toBe('ENABLED');
    expect(vertex.attributes).toEqual(enabled(sim).find((s) => s.name === vertex.nativeId));
  });

  it('fails with AccessDenied naming serviceusage.services.list', async () => {
    const { error } = await failure(discoverer, simTarget(sim, 'global', 'no-access'));
    expect(error.code).toBe('AccessDenied');
    expect(error.message).toContain('serviceusage.services.list');
  });

  it('gets through 50% throttling under the account limiter, and fails on a failing page without a short list', async () => {
    const limiter = new AdaptiveLimiter({ backoffMs: 10, retries: 12 });
    const { error, pages } = await failure(discoverer, simTarget(faulty, 'global'), {
      pageSize: 5,
      maxAttempts: 2,
      limiter,
    });
    expect(limiter.stats().retries).toBeGreaterThan(0);
    expect(pages).toEqual([5, 5]);
    expect(error).toMatchObject({ code: 'Unavailable', retryable: true });
  });
});
