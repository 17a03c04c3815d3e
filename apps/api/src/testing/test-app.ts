import type { NestExpressApplication } from '@nestjs/platform-express';
import pino from 'pino';
import request from 'supertest';
import type { TRole } from '@aispm/contracts';
import { createDatabase, newId, type Database } from '@aispm/db';
import { loadEnv, type Env } from '../config/env';
import { createApp } from '../app.factory';
import { hashPassword } from '../modules/auth/credentials';

/** A fixed master key for tests only; real deployments generate their own. */
export const TEST_MASTER_KEY = Buffer.alloc(32, 0x5a).toString('base64');

export interface TestApi {
  app: NestExpressApplication;
  env: Env;
  /** The application role's connection (row-level security applies). */
  db: Database;
  /** The schema owner's connection, for fixtures and for checking what was stored. */
  admin: Database;
  logLines: string[];
  close(): Promise<void>;
}

/**
 * The real API (real Postgres and Redis from the e2e environment), with its JSON logs captured for assertions.
 * `envOverrides` replace variables of the e2e environment for this one API.
 */
export async function startTestApi(envOverrides: NodeJS.ProcessEnv = {}): Promise<TestApi> {
  const env = loadEnv({ ...process.env, MASTER_KEY: TEST_MASTER_KEY, LOG_LEVEL: 'info', ...envOverrides });
  const logLines: string[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void logLines.push(line) });
  const app = await createApp(env, logger);
  await app.init();
  const db = createDatabase(env.DATABASE_URL, { max: 2 });
  const adminUrl = process.env.DATABASE_ADMIN_URL;
  if (!adminUrl) throw new Error('DATABASE_ADMIN_URL is not set for e2e tests');
  const admin = createDatabase(adminUrl, { max: 2 });
  return {
    app,
    env,
    db,
    admin,
    logLines,
    async close() {
      await app.close();
      await db.close();
      await admin.close();
    },
  };
}

/** A fresh organization, so each test file has its own tenant and never sees another file's rows. */
export async function createOrg(db: Database, name = 'Test org'): Promise<string> {
  const id = newId();
  await db.prisma.organization.create({ data: { id, name, slug: `test-${id}` } });
  return id;
}

export interface TestUser {
  userId: string;
  email: string;
  password: string;
}

/** A user with a password and a membership of `role` in each given organization (fixtures, as the owner). */
export async function createUser(
  admin: Database,
  memberships: { tenantId: string; role: TRole }[],
  email = `user-${newId()}@example.test`,
): Promise<TestUser> {
  const userId = newId();
  const password = `pw-${newId()}`;
  await admin.prisma.user.create({
    data: { id: userId, email, name: email.split('@')[0]!, passwordHash: await hashPassword(password) },
  });
  for (const m of memberships) {
    await admin.prisma.membership.create({
      data: { id: newId(), tenantId: m.tenantId, userId, role: m.role },
    });
  }
  return { userId, email, password };
}

export interface Credentials {
  cookie?: string;
  csrf?: string;
  bearer?: string;
  orgId?: string;
}

/** Signs in through the API and returns the cookies as a browser would keep them. */
export async function signIn(api: TestApi, user: Pick<TestUser, 'email' | 'password'>): Promise<Credentials> {
  const res = await request(api.app.getHttpServer()).post('/api/v1/auth/login').send(user);
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${JSON.stringify(res.body)}`);
  return credentialsFrom(res);
}

/** The session and CSRF cookies a response set, as a browser would send them back. */
export function credentialsFrom(res: request.Response): Credentials {
  const cookies = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
  const value = (name: string) =>
    cookies
      .find((c) => c.startsWith(`${name}=`))
      ?.split(';')[0]
      ?.slice(name.length + 1);
  const session = value('aispm_session');
  const csrf = value('aispm_csrf');
  if (!session || !csrf) throw new Error('the response set no session or CSRF cookie');
  return { cookie: `aispm_session=${session}; aispm_csrf=${csrf}`, csrf };
}

/** An HTTP client that sends the given credentials the way the console or the CLI would. */
export function client(api: TestApi, creds: Credentials = {}) {
  const server = api.app.getHttpServer();
  const withAuth = (t: request.Test, unsafe: boolean) => {
    if (creds.cookie) t.set('Cookie', creds.cookie);
    if (unsafe && creds.csrf) t.set('x-csrf-token', creds.csrf);
    if (creds.bearer) t.set('Authorization', `Bearer ${creds.bearer}`);
    if (creds.orgId) t.set('x-org-id', creds.orgId);
    return t;
  };
  return {
    get: (path: string) => withAuth(request(server).get(path), false),
    post: (path: string, body?: unknown) => withAuth(request(server).post(path), true).send(body as object),
    delete: (path: string) => withAuth(request(server).delete(path), true),
    request: (method: 'get' | 'post' | 'put' | 'patch' | 'delete', path: string) =>
      withAuth(request(server)[method](path), method !== 'get'),
  };
}
export type TestClient = ReturnType<typeof client>;
