import { describe, expect, it } from 'vitest';
import { openState, safeNextPath, sealState, ssoStateKey, type SsoState } from './sso-state';

const key = ssoStateKey(Buffer.alloc(32, 1));
const state: SsoState = {
  codeVerifier: 'v'.repeat(43),
  state: 'state-1',
  nonce: 'nonce-1',
  next: '/findings?severity=high',
  expiresAt: Date.now() + 60_000,
};

describe('the SSO state cookie', () => {
  it('opens what it sealed', () => {
    expect(openState(key, sealState(key, state))).toEqual({ ok: true, state });
  });

  it('refuses a cookie sealed under another master key', () => {
    const other = ssoStateKey(Buffer.alloc(32, 2));
    expect(openState(key, sealState(other, state))).toEqual({ ok: false, reason: 'forged' });
  });

  it('refuses any change to the content, even with the signature kept', () => {
    const [body, sig] = sealState(key, state).split('.') as [string, string];
    const json = JSON.parse(Buffer.from(body, 'base64url').toString()) as Record<string, unknown>;
    const changed = Buffer.from(JSON.stringify({ ...json, r: '/elsewhere' })).toString('base64url');
    expect(openState(key, `${changed}.${sig}`)).toEqual({ ok: false, reason: 'forged' });
    expect(openState(key, `${body}.${sig}x`)).toEqual({ ok: false, reason: 'forged' });
    expect(openState(key, 'garbage')).toEqual({ ok: false, reason: 'forged' });
    expect(openState(key, undefined)).toEqual({ ok: false, reason: 'missing' });
    expect(openState(key, ['a', 'b'])).toEqual({ ok: false, reason: 'missing' });
  });

  it('refuses an expired cookie', () => {
    const sealed = sealState(key, { ...state, expiresAt: 1000 });
    expect(openState(key, sealed, 1000)).toEqual({ ok: false, reason: 'expired' });
  });
});

describe('where to go after signing in', () => {
  it.each([
    ['/findings', '/findings'],
    ['/assets?type=x#top', '/assets?type=x#top'],
    [undefined, '/'],
    ['', '/'],
    ['https://evil.example/', '/'],
    ['//evil.example/', '/'],
    ['/\\evil.example/', '/'],
    ['/\t/evil.example/', '/'],
    ['/\n/evil.example/', '/'],
    ['javascript:alert(1)', '/'],
    ['/login?next=/x', '/'],
    ['/login', '/'],
    ['/loginx', '/loginx'],
  ])('%j -> %j', (next, expected) => {
    expect(safeNextPath(next)).toBe(expected);
  });
});
