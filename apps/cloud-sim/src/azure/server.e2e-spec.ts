import { request } from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../server';
import {
  SIM_AZURE_CLIENT_ID,
  SIM_AZURE_CLIENT_SECRET,
  SIM_AZURE_SUBSCRIPTION_ID,
  SIM_AZURE_TENANT_ID,
} from './credentials';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Record<string, unknown>;
}

function call(
  sim: RunningSimulator,
  path: string,
  init: { method?: string; token?: string; form?: Record<string, string> } = {},
): Promise<Answer> {
  const url = new URL(path, sim.azure!.url);
  const payload = init.form ? new URLSearchParams(init.form).toString() : undefined;
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: init.method ?? 'GET',
        ca: sim.azure!.caCertificate,
        headers: {
          ...(init.token && { Authorization: `Bearer ${init.token}` }),
          ...(payload && { 'Content-Type': 'application/x-www-form-urlencoded' }),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: JSON.parse(text) as Record<string, unknown>,
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

async function token(sim: RunningSimulator): Promise<string> {
  const answer = await call(sim, `/${SIM_AZURE_TENANT_ID}/oauth2/v2.0/token`, {
    method: 'POST',
    form: {
      grant_type: 'client_credentials',
      client_id: SIM_AZURE_CLIENT_ID,
      client_secret: SIM_AZURE_CLIENT_SECRET,
      scope: 'https://management.azure.com/.default',
    },
  });
  expect(answer.status).toBe(200);
  return answer.body.access_token as string;
}

const STORAGE = `/subscriptions/${SIM_AZURE_SUBSCRIPTION_ID}/providers/Microsoft.Storage/storageAccounts`;

describe('Azure listener of cloud-sim', () => {
  let sim: RunningSimulator;
  let bearer: string;

  beforeAll(async () => {
    sim = await startSimulator({ port: 0 });
    bearer = await token(sim);
  });
  afterAll(async () => {
    await sim.close();
  });

  it('serves HTTPS with a certificate for 127.0.0.1, and an authority host on the same listener', () => {
    expect(sim.azure!.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(sim.azure!.tokenUrl).toBe(sim.azure!.url);
    expect(sim.azure!.caCertificate).toContain('-----BEGIN CERTIFICATE-----');
  });

  it('publishes the tenant OpenID configuration with its token endpoint; an unknown tenant is AADSTS90002', async () => {
    const config = await call(sim, `/${SIM_AZURE_TENANT_ID}/v2.0/.well-known/openid-configuration`);
    expect(config.status).toBe(200);
    expect(config.body).toMatchObject({
      token_endpoint: `${sim.azure!.url}/${SIM_AZURE_TENANT_ID}/oauth2/v2.0/token`,
      issuer: expect.any(String),
      authorization_endpoint: expect.any(String),
      jwks_uri: expect.any(String),
    });
    const unknown = await call(
      sim,
      '/00000000-0000-4000-8000-000000000000/v2.0/.well-known/openid-configuration',
    );
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ error: 'invalid_tenant', error_codes: [90002] });
  });

  it('refuses a wrong secret (401, AADSTS7000215) and an unknown client (400, AADSTS700016)', async () => {
    const form = {
      grant_type: 'client_credentials',
      client_id: SIM_AZURE_CLIENT_ID,
      client_secret: 'not-the-secret',
      scope: 'https://management.azure.com/.default',
    };
    const path = `/${SIM_AZURE_TENANT_ID}/oauth2/v2.0/token`;
    const wrong = await call(sim, path, { method: 'POST', form });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject({ error: 'invalid_client', error_codes: [7000215] });
    expect(wrong.body.error_description).toMatch(/^AADSTS7000215: Invalid client secret provided/);
    expect(JSON.stringify(wrong.body)).not.toContain('not-the-secret');
    const unknown = await call(sim, path, {
      method: 'POST',
      form: { ...form, client_id: '0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9' },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ error: 'unauthorized_client', error_codes: [700016] });
  });

  it('answers 401 InvalidAuthenticationToken without a valid bearer token', async () => {
    for (const t of [undefined, 'simaz.forged']) {
      const answer = await call(sim, `${STORAGE}?api-version=2025-08-01`, t ? { token: t } : {});
      expect(answer.status).toBe(401);
      expect(answer.body).toMatchObject({ error: { code: 'InvalidAuthenticationToken' } });
    }
  });

  it('checks the api-version and the subscription', async () => {
    const missing = await call(sim, STORAGE, { token: bearer });
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ error: { code: 'MissingApiVersionParameter' } });
    const wrong = await call(sim, `${STORAGE}?api-version=2015-01-01`, { token: bearer });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({ error: { code: 'InvalidApiVersionParameter' } });
    expect((wrong.body.error as { message: string }).message).toContain("'2025-08-01");
    const other = await call(
      sim,
      `/subscriptions/11111111-2222-4333-8444-555555555555/providers/Microsoft.Storage/storageAccounts?api-version=2025-08-01`,
      { token: bearer },
    );
    expect(other.status).toBe(404);
    expect(other.body).toMatchObject({ error: { code: 'SubscriptionNotFound' } });
  });

  it('pages with absolute nextLinks that carry the api-version, and refuses a forged skip token', async () => {
    const first = await call(sim, `${STORAGE}?api-version=2025-08-01`, { token: bearer });
    expect(first.status).toBe(200);
    expect(first.body.value).toHaveLength(2);
    const next = new URL(first.body.nextLink as string);
    expect(next.origin).toBe(sim.azure!.url);
    expect(next.searchParams.get('api-version')).toBe('2025-08-01');
    const names: string[] = [];
    let link: string | undefined = `${STORAGE}?api-version=2025-08-01`;
    while (link) {
      const page = await call(sim, link, { token: bearer });
      names.push(...(page.body.value as { name: string }[]).map((v) => v.name));
      link = page.body.nextLink as string | undefined;
    }
    expect(names).toEqual(sim.estate.azure.storageAccounts.map((s) => s.body.name));
    const forged = await call(sim, `${STORAGE}?api-version=2025-08-01&$skiptoken=abc`, { token: bearer });
    expect(forged.status).toBe(400);
  });
});

describe('Azure listener under faults', () => {
  it('throttles with 429, Retry-After and TooManyRequests', async () => {
    const sim = await startSimulator({
      port: 0,
      faults: [{ service: 'azure.storage', kind: 'throttle', rate: 1 }],
    });
    try {
      const answer = await call(sim, `${STORAGE}?api-version=2025-08-01`, { token: await token(sim) });
      expect(answer.status).toBe(429);
      expect(answer.headers['retry-after']).toBe('1');
      expect(answer.body).toMatchObject({ error: { code: 'TooManyRequests' } });
    } finally {
      await sim.close();
    }
  });

  it('answers ARM-sized pages of a sized estate', async () => {
    const sim = await startSimulator({ port: 0, assets: 20_000 });
    try {
      const answer = await call(sim, `${STORAGE}?api-version=2025-08-01`, { token: await token(sim) });
      expect(answer.body.value).toHaveLength(100);
      expect(answer.body.nextLink).toEqual(expect.any(String));
    } finally {
      await sim.close();
    }
  });
});
