import { describe, expect, it } from 'vitest';
import { loadEnv } from './env';
import { oidcSettings } from './oidc-env';

const base = {
  DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/aispm',
  MASTER_KEY: Buffer.alloc(32, 7).toString('base64'),
};
const sso = {
  ...base,
  OIDC_ISSUER: 'https://idp.example.com',
  OIDC_CLIENT_ID: 'aispm',
  OIDC_CLIENT_SECRET: 'secret',
  OIDC_REDIRECT_URI: 'https://aispm.example.com/api/v1/auth/sso/callback',
};

describe('single sign-on settings', () => {
  it('are off unless OIDC_ISSUER is set (an empty value counts as unset)', () => {
    expect(oidcSettings(loadEnv(base))).toBeUndefined();
    expect(oidcSettings(loadEnv({ ...base, OIDC_ISSUER: '', OIDC_CLIENT_ID: 'x' }))).toBeUndefined();
  });

  it('default to the openid, email and profile scopes and to HTTPS only', () => {
    expect(oidcSettings(loadEnv(sso))).toMatchObject({
      issuer: new URL('https://idp.example.com'),
      clientId: 'aispm',
      scopes: ['openid', 'email', 'profile'],
      allowInsecure: false,
    });
  });

  it('name each client setting missing once the issuer is set', () => {
    const attempt = () => loadEnv({ ...base, OIDC_ISSUER: 'https://idp.example.com' });
    expect(attempt).toThrowError(/OIDC_CLIENT_ID: is required when OIDC_ISSUER is set/);
    expect(attempt).toThrowError(/OIDC_CLIENT_SECRET: is required when OIDC_ISSUER is set/);
    expect(attempt).toThrowError(/OIDC_REDIRECT_URI: is required when OIDC_ISSUER is set/);
  });

  it('refuse a plain-HTTP issuer unless OIDC_ALLOW_INSECURE says it is a local test provider', () => {
    const http = { ...sso, OIDC_ISSUER: 'http://127.0.0.1:9000' };
    expect(() => loadEnv(http)).toThrowError(/OIDC_ISSUER: must be https:\/\/.*OIDC_ALLOW_INSECURE=true/);
    expect(oidcSettings(loadEnv({ ...http, OIDC_ALLOW_INSECURE: 'true' }))?.allowInsecure).toBe(true);
  });

  it('explain a bad issuer, callback URL or scope list', () => {
    expect(() => loadEnv({ ...sso, OIDC_ISSUER: 'idp.example.com' })).toThrowError(
      /OIDC_ISSUER: must be the identity provider’s issuer URL/,
    );
    expect(() => loadEnv({ ...sso, OIDC_REDIRECT_URI: `${sso.OIDC_REDIRECT_URI}?x=1` })).toThrowError(
      /OIDC_REDIRECT_URI: must not have a \?query/,
    );
    expect(() => loadEnv({ ...sso, OIDC_SCOPES: 'email profile' })).toThrowError(
      /OIDC_SCOPES: must include "openid"/,
    );
    expect(() => loadEnv({ ...sso, OIDC_ALLOW_INSECURE: 'yes' })).toThrowError(
      /OIDC_ALLOW_INSECURE: must be true or false/,
    );
  });
});
