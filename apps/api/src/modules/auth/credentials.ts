import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

/** argon2id with the library's defaults (m=19 MiB, t=2, p=1), OWASP's recommended minimum. */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

// Verifying against this when the email is unknown makes both answers take the same time.
const DUMMY_HASH = hashPassword('not-a-real-password-used-only-for-timing');

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash ?? (await DUMMY_HASH), password).then(
      (ok) => ok && passwordHash !== null,
    );
  } catch {
    return false;
  }
}

/** A random secret with a recognisable prefix (so secret scanners and people can tell what it is). */
export function newSecret(prefix: string): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

/** Tokens are high-entropy, so a plain SHA-256 is the right storage hash (no salt or stretching needed). */
export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}

export const API_TOKEN_PREFIX = 'aispm_pat_';
export const SESSION_COOKIE = 'aispm_session';
export const CSRF_COOKIE = 'aispm_csrf';
export const CSRF_HEADER = 'x-csrf-token';
