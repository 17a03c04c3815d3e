import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { secretFingerprint } from './fingerprint';

describe('secretFingerprint', () => {
  it('shows 4 … 4 characters of the public part and 8 hex digits of the secret’s SHA-256', () => {
    const digest = createHash('sha256').update('sim-secret').digest('hex');
    expect(secretFingerprint('SIMDEMOKEY000001', 'sim-secret')).toBe(
      `SIMD…0001 sha256:${digest.slice(0, 8)}`,
    );
    expect(secretFingerprint('SIMDEMOKEY000001', 'sim-secret')).toMatch(/^SIMD…0001 sha256:[0-9a-f]{8}$/);
  });

  it('shows a short public part whole and never the secret', () => {
    const label = secretFingerprint('AKIA1234', 'wJalrXUtnFEMI');
    expect(label).toMatch(/^AKIA1234 sha256:[0-9a-f]{8}$/);
    expect(label).not.toContain('wJalr');
  });

  it('tells two secrets behind the same public part apart', () => {
    expect(secretFingerprint('AKIAEXAMPLE', 'one')).not.toBe(secretFingerprint('AKIAEXAMPLE', 'two'));
  });
});
