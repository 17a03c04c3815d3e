import { createServer } from 'node:net';
import fc from 'fast-check';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '@aispm/db';
import {
  client,
  createOrg,
  createUser,
  startTestApi,
  type Credentials,
  type TestApi,
} from '../../testing/test-app';
import { startTestIdp, type TestIdp, type TestIdpAccount } from '../../testing/test-idp';

// The callback as the identity provider and the browser see it: the console's origin, whose proxy forwards /api
// to the API (the API itself is driven through supertest).
const REDIRECT_URI = 'http://127.0.0.1:5173/api/v1/auth/sso/callback';

let idp: TestIdp;
let api: TestApi;
let orgId: string;

beforeAll(async () => {
  idp = await startTestIdp(REDIRECT_URI);
  api = await startTestApi({
    OIDC_ISSUER: idp.issuer,
    OIDC_CLIENT_ID: idp.clientId,
    OIDC_CLIENT_SECRET: idp.clientSecret,
    OIDC_REDIRECT_URI: REDIRECT_URI,
    OIDC_ALLOW_INSECURE: 'true',
  });
  orgId = await createOrg(api.admin, 'SSO');
});

afterAll(async () => {
  await api?.close();
  await idp?.close();
});

const http = () => request(api.app.getHttpServer());

function setCookies(res: request.Response): string[] {
  return ([] as string[]).concat(res.headers['set-cookie'] ?? []);
}

function cookieValue(res: request.Response, name: string): string | undefined {
  return setCookies(res)
    .find((c) => c.startsWith(`${name}=`))
    ?.split(';')[0]
    ?.slice(name.length + 1);
}

interface Authorized {
  /** The API's state cookie, as the browser keeps it. */
  stateCookie: string;
  authorizeUrl: URL;
  /** The callback path and query the identity provider sent the browser to. */
  callback: string;
  code: string;
}

/** Starts single sign-on at the API, then plays the browser at the identity provider up to the callback. */
async function authorize(account: TestIdpAccount, next = '/'): Promise<Authorized> {
  idp.signInAs(newId(), account);
  const start = await http()
    .get(`/api/v1/auth/sso/start?next=${encodeURIComponent(next)}`)
    .expect(302);
  const stateCookie = cookieValue(start, 'aispm_sso');
  if (!stateCookie) throw new Error('start set no state cookie');
  const authorizeUrl = new URL(start.headers.location as string);
  const jar = new Map<string, string>();
  let url = authorizeUrl;
  for (let hop = 0; hop < 10; hop++) {
    const res = await fetch(url, {
      redirect: 'manual',
      headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    for (const c of res.headers.getSetCookie()) {
      const pair = c.split(';')[0]!;
      const [name, value] = [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)];
      if (value) jar.set(name, value);
      else jar.delete(name);
    }
    const location = res.headers.get('location');
    if (!location) throw new Error(`the IdP answered ${res.status}: ${await res.text()}`);
    const target = new URL(location, url);
    if (target.href.startsWith(REDIRECT_URI)) {
      const code = target.searchParams.get('code');
      if (!code) throw new Error(`the IdP sent no code: ${target.href}`);
      return { stateCookie, authorizeUrl, callback: `${target.pathname}${target.search}`, code };
    }
    url = target;
  }
  throw new Error('too many redirects at the IdP');
}

function callback(path: string, stateCookie?: string) {
  const t = http().get(path);
  if (stateCookie !== undefined) t.set('Cookie', `aispm_sso=${stateCookie}`);
  return t;
}

function sessionOf(res: request.Response): Credentials {
  const session = cookieValue(res, 'aispm_session');
  const csrf = cookieValue(res, 'aispm_csrf');
  if (!session || !csrf) throw new Error('no session cookies');
  return { cookie: `aispm_session=${session}; aispm_csrf=${csrf}`, csrf };
}

interface OcsfAuthentication {
  class_uid: number;
  status: string;
  status_detail?: string;
  auth_protocol: string;
  auth_protocol_id: number;
  user: { uid?: string; email_addr?: string };
}

function ssoEvents(): OcsfAuthentication[] {
  return api.logLines
    .filter((l) => l.includes('"ocsf"'))
    .map((l) => (JSON.parse(l) as { ocsf: OcsfAuthentication }).ocsf)
    .filter((e) => e.class_uid === 3002 && e.auth_protocol === 'OpenID Connect');
}

/** The console's sign-in page with the reason, and no session. */
function expectRefused(res: request.Response, code: string): void {
  expect(res.status).toBe(302);
  expect(res.headers.location).toBe(`/login?sso_error=${code}`);
  expect(res.headers['content-type']).toMatch(/json/);
  expect(cookieValue(res, 'aispm_session')).toBeUndefined();
  expect(setCookies(res).find((c) => c.startsWith('aispm_sso='))).toMatch(/Expires=Thu, 01 Jan 1970/);
}

describe('signing in through the identity provider', () => {
  it('signs a member in with a normal session: /auth/me accepts it and sign-out ends it', async () => {
    const user = await createUser(api.admin, [{ tenantId: orgId, role: 'analyst' }]);
    // The IdP's spelling of the address does not matter.
    const a = await authorize(
      { email: user.email.toUpperCase(), emailVerified: true },
      '/findings?severity=high',
    );

    // Authorization code flow with PKCE (S256), state and nonce.
    const q = a.authorizeUrl.searchParams;
    expect(a.authorizeUrl.origin).toBe(idp.issuer);
    expect(q.get('response_type')).toBe('code');
    expect(q.get('client_id')).toBe(idp.clientId);
    expect(q.get('redirect_uri')).toBe(REDIRECT_URI);
    expect(q.get('scope')).toBe('openid email profile');
    expect(q.get('code_challenge_method')).toBe('S256');
    expect(q.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(q.get('state')).toBeTruthy();
    expect(q.get('nonce')).toBeTruthy();

    const res = await callback(a.callback, a.stateCookie).expect(302);
    expect(res.headers.location).toBe('/findings?severity=high');
    expect(res.headers['cache-control']).toBe('no-store');
    const session = setCookies(res).find((c) => c.startsWith('aispm_session='))!;
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/SameSite=Lax/);
    expect(setCookies(res).find((c) => c.startsWith('aispm_sso='))).toMatch(/Expires=Thu, 01 Jan 1970/);

    const creds = sessionOf(res);
    const me = await client(api, creds).get('/api/v1/auth/me').expect(200);
    expect(me.body).toMatchObject({
      user: { id: user.userId, email: user.email },
      organization: { id: orgId, role: 'analyst' },
      via: 'session',
    });
    await client(api, creds).post('/api/v1/auth/logout').expect(200, { sessionsEnded: 1 });
    await client(api, creds).get('/api/v1/auth/me').expect(401);

    expect(ssoEvents()).toContainEqual(
      expect.objectContaining({
        status: 'Success',
        auth_protocol_id: 4,
        user: { uid: user.userId, email_addr: user.email },
      }),
    );
    // Neither the authorization code nor the session reaches the logs.
    const logs = api.logLines.join('\n');
    expect(logs).toContain('/api/v1/auth/sso/callback?code=[redacted]');
    expect(logs).not.toContain(a.code);
    expect(logs).not.toContain(creds.csrf);
    expect(logs).not.toContain(cookieValue(res, 'aispm_session'));
  });

  it('keeps the flow’s secrets in a signed, httpOnly cookie that lives 10 minutes on the callback path only', async () => {
    const start = await http().get('/api/v1/auth/sso/start').expect(302);
    const cookie = setCookies(start).find((c) => c.startsWith('aispm_sso='))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Secure/);
    expect(cookie).toMatch(/Path=\/api\/v1\/auth\/sso\/callback/);
    expect(cookie).toMatch(/Max-Age=600/);
    expect(start.body).toEqual({});
  });

  it('goes to / after signing in when `next` points off the site', async () => {
    const user = await createUser(api.admin, [{ tenantId: orgId, role: 'viewer' }]);
    const a = await authorize({ email: user.email, emailVerified: true }, '//evil.example/phish');
    const res = await callback(a.callback, a.stateCookie).expect(302);
    expect(res.headers.location).toBe('/');
    expect(cookieValue(res, 'aispm_session')).toBeTruthy();
  });
});

describe('refusing single sign-on', () => {
  it('for an email no user has: single sign-on does not create accounts', async () => {
    const email = `stranger-${newId()}@example.test`;
    const a = await authorize({ email, emailVerified: true });
    expectRefused(await callback(a.callback, a.stateCookie), 'no_account');
    expect(await api.admin.prisma.user.count({ where: { email } })).toBe(0);
    expect(ssoEvents()).toContainEqual(
      expect.objectContaining({
        status: 'Failure',
        user: { email_addr: email },
        status_detail: expect.stringMatching(/no_account.*does not create accounts/),
      }),
    );
  });

  it('for a user who belongs to no organization', async () => {
    const user = await createUser(api.admin, []);
    const a = await authorize({ email: user.email, emailVerified: true });
    expectRefused(await callback(a.callback, a.stateCookie), 'no_account');
  });

  it('when the identity provider does not say the email is verified', async () => {
    const user = await createUser(api.admin, [{ tenantId: orgId, role: 'owner' }]);
    const a = await authorize({ email: user.email, emailVerified: false });
    expectRefused(await callback(a.callback, a.stateCookie), 'email_unverified');
    expect(await api.admin.prisma.session.count({ where: { userId: user.userId } })).toBe(0);
  });

  it('for a tampered state cookie, before spending the code', async () => {
    const user = await createUser(api.admin, [{ tenantId: orgId, role: 'viewer' }]);
    const a = await authorize({ email: user.email, emailVerified: true }, '/assets');
    const [body, sig] = a.stateCookie.split('.') as [string, string];
    const json = JSON.parse(Buffer.from(body, 'base64url').toString()) as Record<string, unknown>;
    const forged = Buffer.from(JSON.stringify({ ...json, r: '/tokens' })).toString('base64url');
    expectRefused(await callback(a.callback, `${forged}.${sig}`), 'state_invalid');
    expectRefused(await callback(a.callback, 'not-a-state-cookie'), 'state_invalid');
    expectRefused(await callback(a.callback), 'state_invalid');
    // The code was never sent to the identity provider: with the genuine cookie it still works.
    const res = await callback(a.callback, a.stateCookie).expect(302);
    expect(res.headers.location).toBe('/assets');
  });

  it('when the answer carries the state of another sign-in (login CSRF)', async () => {
    const victim = await createUser(api.admin, [{ tenantId: orgId, role: 'viewer' }]);
    const attacker = await createUser(api.admin, [{ tenantId: orgId, role: 'viewer' }]);
    const mine = await authorize({ email: victim.email, emailVerified: true });
    const theirs = await authorize({ email: attacker.email, emailVerified: true });
    expectRefused(await callback(theirs.callback, mine.stateCookie), 'state_invalid');
    expectRefused(await callback(`${mine.callback}&state=again`, mine.stateCookie), 'state_invalid');
  });

  it('when the same code comes back twice', async () => {
    const user = await createUser(api.admin, [{ tenantId: orgId, role: 'viewer' }]);
    const a = await authorize({ email: user.email, emailVerified: true });
    await callback(a.callback, a.stateCookie).expect(302);
    expectRefused(await callback(a.callback, a.stateCookie), 'exchange_failed');
    expect(ssoEvents()).toContainEqual(
      expect.objectContaining({ status: 'Failure', status_detail: expect.stringMatching(/invalid_grant/) }),
    );
  });

  it('when the identity provider answers with an error', async () => {
    const start = await http().get('/api/v1/auth/sso/start').expect(302);
    const state = new URL(start.headers.location as string).searchParams.get('state')!;
    const denied = await callback(
      `/api/v1/auth/sso/callback?error=access_denied&state=${state}`,
      cookieValue(start, 'aispm_sso'),
    );
    expectRefused(denied, 'denied');
  });

  it('for a callback with no query at all', async () => {
    expectRefused(await callback('/api/v1/auth/sso/callback'), 'state_invalid');
  });

  it('whatever query and cookie arrive: always a redirect to the sign-in page, never an error page', async () => {
    const start = await http().get('/api/v1/auth/sso/start').expect(302);
    const genuine = cookieValue(start, 'aispm_sso')!;
    const text = fc.oneof(fc.string({ maxLength: 60 }), fc.constantFrom('', '%', '%00', '.', 'a.b', genuine));
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(fc.constantFrom('code', 'state', 'iss', 'error', 'session_state'), text, {
          maxKeys: 4,
        }),
        fc.option(text, { nil: undefined }),
        async (query, cookie) => {
          const res = await callback(`/api/v1/auth/sso/callback?${new URLSearchParams(query)}`, cookie);
          expect(res.status).toBe(302);
          expect(res.headers.location).toMatch(/^\/login\?sso_error=[a-z_]+$/);
          expect(res.headers['content-type']).toMatch(/json/);
        },
      ),
      { numRuns: 150, seed: 20261126 },
    );
  });
});

describe('configuration', () => {
  it('tells the console single sign-on is on', async () => {
    await http().get('/api/v1/auth/sso').expect(200, { enabled: true });
  });

  it('is off without OIDC_ISSUER: the console is told, start is not found, the callback refuses', async () => {
    const plain = await startTestApi();
    try {
      const server = plain.app.getHttpServer();
      await request(server).get('/api/v1/auth/sso').expect(200, { enabled: false });
      const start = await request(server).get('/api/v1/auth/sso/start').expect(404);
      expect(start.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(start.body.detail).toMatch(/not configured/);
      const cb = await request(server).get('/api/v1/auth/sso/callback?code=x&state=y').expect(302);
      expect(cb.headers.location).toBe('/login?sso_error=not_configured');
    } finally {
      await plain.close();
    }
  });

  it('answers 503 naming the issuer when discovery fails', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as { port: number }).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const issuer = `http://127.0.0.1:${port}/realms/aispm`;
    const down = await startTestApi({
      OIDC_ISSUER: issuer,
      OIDC_CLIENT_ID: 'aispm',
      OIDC_CLIENT_SECRET: 'secret',
      OIDC_REDIRECT_URI: REDIRECT_URI,
      OIDC_ALLOW_INSECURE: 'true',
    });
    try {
      const res = await request(down.app.getHttpServer()).get('/api/v1/auth/sso/start').expect(503);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.detail).toContain(issuer);
      expect(down.logLines.some((l) => l.includes('OpenID Connect discovery failed'))).toBe(true);
    } finally {
      await down.close();
    }
  });
});
