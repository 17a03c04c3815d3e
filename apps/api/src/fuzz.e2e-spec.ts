import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes, type RouteContract } from '@aispm/contracts';
import {
  client,
  createOrg,
  createUser,
  signIn,
  startTestApi,
  type TestApi,
  type TestClient,
} from './testing/test-app';

// Property-based fuzzing of every endpoint in the route table with arbitrary path ids, query strings and
// bodies, as a signed-in owner (so requests get past authentication into validation and the handlers) and
// anonymously. Whatever arrives, the API must answer with a client error or a success: never a 5xx.
const RUNS_PER_ROUTE = 520;
const SESSION_ENDING = new Set<RouteContract>([routes.logout, routes.logoutEverywhere]);

let api: TestApi;
let owner: TestClient;
let anonymous: TestClient;
let sent = 0;

const entries = Object.entries(routes) as [string, RouteContract][];

const text = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.uuid(),
  fc.constantFrom('', '0', '-1', '1e309', 'null', 'true', '[]', '{}', '%00', '../..', "' OR 1=1 --", 'ZZZ'),
  fc.integer().map(String),
);
const queryValue = fc.oneof(text, fc.array(text, { maxLength: 3 }));
const body = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.record(
    {
      provider: fc.oneof(fc.constant('aws'), text),
      name: text,
      scopeIds: fc.array(text, { maxLength: 3 }),
      regions: fc.array(fc.oneof(text, fc.constant('us-east-1')), { maxLength: 3 }),
      endpoint: fc.oneof(text, fc.webUrl()),
      credentials: fc.oneof(
        fc.jsonValue({ maxDepth: 2 }),
        fc.record({ kind: fc.constant('access_key'), accessKeyId: text }),
      ),
      scopes: fc.array(fc.oneof(text, fc.constantFrom('read:inventory', 'run:scans')), { maxLength: 3 }),
      expiresInDays: fc.oneof(fc.integer(), fc.double(), text),
      email: text,
      password: text,
      role: fc.oneof(fc.constantFrom('viewer', 'owner'), text),
      token: fc.oneof(fc.constant('aispm_inv_x'), text),
    },
    { requiredKeys: [] },
  ),
);

function queryString(keys: string[], values: Record<string, unknown>): string {
  const q = new URLSearchParams();
  for (const k of keys) {
    const v = values[k];
    if (v === undefined) continue;
    for (const one of Array.isArray(v) ? v : [v]) q.append(k, String(one));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

beforeAll(async () => {
  api = await startTestApi();
  const orgId = await createOrg(api.admin, 'Fuzz');
  owner = client(api, await signIn(api, await createUser(api.admin, [{ tenantId: orgId, role: 'owner' }])));
  anonymous = client(api);
});

afterAll(async () => {
  await api?.close();
  console.log(`fuzz: ${sent} requests sent`);
});

describe('fuzzing every endpoint', () => {
  it.each(entries)('%s never answers 5xx', async (_name, r) => {
    const queryKeys = [...Object.keys(r.query?.shape ?? {}), 'limit', 'cursor', 'unknown'];
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.uuid(), text),
        fc.dictionary(fc.constantFrom(...queryKeys), queryValue, { maxKeys: 4 }),
        body,
        fc.boolean(),
        async (id, query, payload, asAnonymous) => {
          const caller = asAnonymous || SESSION_ENDING.has(r) ? anonymous : owner;
          const path = r.path.replace('{id}', encodeURIComponent(id)) + queryString(queryKeys, query);
          const res =
            r.method === 'get'
              ? await caller.get(path)
              : await caller
                  .request(r.method, path)
                  .set('content-type', 'application/json')
                  .send(JSON.stringify(payload) ?? 'null');
          sent += 1;
          expect(
            res.status,
            `${r.method.toUpperCase()} ${path} -> ${res.status} ${JSON.stringify(res.body)}`,
          ).toBeLessThan(500);
          expect(res.headers['content-type'] ?? '').toMatch(/json|csv/);
        },
      ),
      { numRuns: RUNS_PER_ROUTE, seed: 20261126 },
    );
  });

  it('sent at least 10,000 requests in all', () => {
    expect(sent).toBeGreaterThanOrEqual(10_000);
  });
});
