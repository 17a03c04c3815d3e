import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

export const SSO_STATE_COOKIE = 'aispm_sso';
/** Long enough to sign in at the identity provider (including its MFA), short enough to be useless later. */
export const SSO_STATE_TTL_MS = 10 * 60_000;

/** What the browser carries from /auth/sso/start to /auth/sso/callback. */
export interface SsoState {
  codeVerifier: string;
  state: string;
  nonce: string;
  /** Where to send the browser after signing in: always a path on this site. */
  next: string;
  expiresAt: number;
}

const ZSealed = z.object({
  v: z.string().min(43).max(128),
  s: z.string().min(1).max(256),
  n: z.string().min(1).max(256),
  r: z.string().max(2048),
  e: z.number().int(),
});

/**
 * The key that authenticates the state cookie, derived from MASTER_KEY for this one purpose (HKDF-SHA256), so
 * a MAC made here is worth nothing anywhere else and MASTER_KEY itself is never used as a MAC key.
 */
export function ssoStateKey(masterKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'aispm sso state', 32));
}

function mac(key: Buffer, body: string): Buffer {
  return createHmac('sha256', key).update(body).digest();
}

/**
 * `base64url(JSON).base64url(HMAC-SHA256)`. Signed, not encrypted: the cookie is httpOnly and only ever sent to
 * the callback path, and what it holds (PKCE verifier, state, nonce) is single-use and expires with it.
 */
export function sealState(key: Buffer, s: SsoState): string {
  const body = Buffer.from(
    JSON.stringify({ v: s.codeVerifier, s: s.state, n: s.nonce, r: s.next, e: s.expiresAt }),
  ).toString('base64url');
  return `${body}.${mac(key, body).toString('base64url')}`;
}

export type OpenedState =
  { ok: true; state: SsoState } | { ok: false; reason: 'missing' | 'forged' | 'expired' };

/** Checks the MAC before reading anything, then the expiry, which the client cannot extend. */
export function openState(key: Buffer, cookie: unknown, now = Date.now()): OpenedState {
  if (typeof cookie !== 'string' || cookie === '') return { ok: false, reason: 'missing' };
  const parts = cookie.split('.');
  if (parts.length !== 2 || cookie.length > 4096) return { ok: false, reason: 'forged' };
  const [body, sig] = parts as [string, string];
  const expected = mac(key, body);
  const given = Buffer.from(sig, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, reason: 'forged' };
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'forged' };
  }
  const parsed = ZSealed.safeParse(json);
  if (!parsed.success) return { ok: false, reason: 'forged' };
  const { v, s, n, r, e } = parsed.data;
  if (e <= now) return { ok: false, reason: 'expired' };
  return { ok: true, state: { codeVerifier: v, state: s, nonce: n, next: safeNextPath(r), expiresAt: e } };
}

/**
 * Only a path on this site: it must start with one `/` (`//host` and `/\host` are other sites to a browser),
 * contain no control characters (browsers drop tabs and newlines, turning `/\t/host` into `//host`) and not be
 * the sign-in page itself. Anything else becomes `/`.
 */
export function safeNextPath(next: unknown): string {
  if (typeof next !== 'string' || next.length > 2048 || !next.startsWith('/')) return '/';
  if (next[1] === '/' || next.includes('\\')) return '/';
  for (const c of next) if (c < ' ' || c === '\u007f') return '/';
  if (/^\/login(?:[?#/]|$)/.test(next)) return '/';
  return next;
}
