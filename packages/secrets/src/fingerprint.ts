import { createHash } from 'node:crypto';

/**
 * A short, non-reversible label that lets a person recognise which secret is stored (never the secret
 * itself): the public part shortened to its first and last 4 characters, then 8 hex digits of the
 * secret's SHA-256, for example `SIMD…0001 sha256:1a2b3c4d`.
 */
export function secretFingerprint(publicPart: string, secret: string): string {
  const digest = createHash('sha256').update(secret).digest('hex').slice(0, 8);
  const shown = publicPart.length > 8 ? `${publicPart.slice(0, 4)}…${publicPart.slice(-4)}` : publicPart;
  return `${shown} sha256:${digest}`;
}
