import { createSign } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../server';
import { simGcpServiceAccountKey, type GcpServiceAccountKeyFile } from './credentials';

let sim: RunningSimulator;
let throttled: RunningSimulator;

beforeAll(async () => {
  sim = await startSimulator({ port: 0 });
  throttled = await startSimulator({
    port: 0,
    faults: [{ service: 'gcp.storage', kind: 'throttle', rate: 1 }],
  });
});

afterAll(async () => {
  await sim?.close();
  await throttled?.close();
});

function assertion(key: GcpServiceAccountKeyFile, claims: Record<string, unknown> = {}): string {
  const now = Math.floor(Date.now() / 1000);
  const enc = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const input = `${enc({ alg: 'RS256', typ: 'JWT', kid: key.private_key_id })}.${enc({
    iss: key.client_email,
    scope: 'https://www.googleapis.com/auth/cloud-platform',
    aud: key.token_uri,
    iat: now,
    exp: now + 3600,
    ...claims,
  })}`;
  return `${input}.${createSign('RSA-SHA256').update(input).sign(key.private_key).toString('base64url')}`;
}

async function token(
  s: RunningSimulator,
  claims: Record<string, unknown> = {},
  account: 'reader' | 'no-access' = 'reader',
) {
  const key = simGcpServiceAccountKey(s, account);
  const res = await fetch(key.token_uri, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
      assertion: assertion(key, claims),
    }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function get(s: RunningSimulator, path: string, bearer?: string) {
  const res = await fetch(`${s.gcp!.url}${path}`, {
    headers: bearer ? { authorization: `Bearer ${bearer}` } : {},
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('Google simulator wire', () => {
  it('issues a bearer token for a JWT signed by the demo key, checking aud and the time window', async () => {
    const ok = await token(sim);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({
      token_type: 'Bearer',
      expires_in: 3600,
      access_token: expect.stringMatching(/^ya29\./),
    });
    const wrongAud = await token(sim, { aud: 'https://oauth2.googleapis.com/token' });
    expect(wrongAud).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    const expired = await token(sim, { iat: 1_600_000_000, exp: 1_600_003_600 });
    expect(expired).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    const tooLong = await token(sim, { exp: Math.floor(Date.now() / 1000) + 7200 });
    expect(tooLong.status).toBe(400);
    const unknown = await token(sim, { iss: 'someone@else.iam.gserviceaccount.com' });
    expect(unknown.status).toBe(400);
  });

  it('answers 401 UNAUTHENTICATED without a valid token, in Google error shape', async () => {
    const res = await get(sim, '/v1/projects/aispm-sim-project/locations/us-central1/endpoints');
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ error: { code: 401, status: 'UNAUTHENTICATED' } });
    expect(
      (await get(sim, '/v1/projects/aispm-sim-project/locations/us-central1/endpoints', 'ya29.made-up'))
        .status,
    ).toBe(401);
  });

  it('answers 403 PERMISSION_DENIED naming the permission, for another project or an account without roles', async () => {
    const reader = String((await token(sim)).body.access_token);
    const other = await get(sim, '/v1/projects/someone-else/locations/us-central1/models', reader);
    expect(other.status).toBe(403);
    expect(other.body).toMatchObject({
      error: {
        code: 403,
        status: 'PERMISSION_DENIED',
        message:
          "Permission 'aiplatform.models.list' denied on resource '//aiplatform.googleapis.com/projects/someone-else/locations/us-central1' (or it may not exist).",
        details: [{ reason: 'IAM_PERMISSION_DENIED', metadata: { permission: 'aiplatform.models.list' } }],
      },
    });
    const none = String((await token(sim, {}, 'no-access')).body.access_token);
    const storage = await get(sim, '/storage/v1/b?project=aispm-sim-project', none);
    expect(storage.status).toBe(403);
    expect(storage.body).toMatchObject({ error: { code: 403, errors: [{ reason: 'forbidden' }] } });
  });

  it('pages with opaque tokens bound to the listing, and numbers enums only when asked', async () => {
    const reader = String((await token(sim)).body.access_token);
    const base = '/v1/projects/aispm-sim-project/locations/us-central1/customJobs';
    const first = await get(sim, `${base}?pageSize=2`, reader);
    expect((first.body.customJobs as unknown[]).length).toBe(2);
    const next = String(first.body.nextPageToken);
    const second = await get(sim, `${base}?pageSize=2&pageToken=${encodeURIComponent(next)}`, reader);
    expect((second.body.customJobs as { name: string }[])[0]!.name).toBe(
      sim.estate.gcp.vertex.customJobs['us-central1']![2]!.name,
    );
    const foreign = await get(
      sim,
      `/v1/projects/aispm-sim-project/locations/us-central1/models?pageToken=${encodeURIComponent(next)}`,
      reader,
    );
    expect(foreign).toMatchObject({ status: 400, body: { error: { status: 'INVALID_ARGUMENT' } } });
    const named = (first.body.customJobs as { state: unknown }[])[0]!.state;
    const numbered = (await get(sim, `${base}?pageSize=2&$alt=json%3Benum-encoding=int`, reader)).body
      .customJobs as { state: unknown }[];
    expect(typeof named).toBe('string');
    expect(typeof numbered[0]!.state).toBe('number');
  });

  it('answers 429 RESOURCE_EXHAUSTED when throttling is injected', async () => {
    const reader = String((await token(throttled)).body.access_token);
    const res = await get(throttled, '/storage/v1/b?project=aispm-sim-project', reader);
    expect(res.status).toBe(429);
    expect(res.body).toMatchObject({ error: { code: 429, errors: [{ reason: 'rateLimitExceeded' }] } });
  });

  it('serves the demo key files for out-of-process clients', async () => {
    const res = await get(sim, '/_sim/gcp/service-account-key?account=no-access');
    expect(res.body).toMatchObject({
      type: 'service_account',
      client_email: expect.stringContaining('aispm-no-access@'),
      token_uri: sim.gcp!.tokenUrl,
    });
  });
});
