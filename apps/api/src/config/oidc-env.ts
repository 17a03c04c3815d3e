import { z } from 'zod';

/**
 * Single sign-on through one OpenID Connect identity provider for the whole instance. Everything is optional:
 * single sign-on is off unless OIDC_ISSUER is set, and then the client settings become required.
 */
// `OIDC_ISSUER=` in an env file means "not set".
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

export const oidcEnvShape = {
  OIDC_ISSUER: optional(
    z.url({ protocol: /^https?$/, error: 'must be the identity provider’s issuer URL (https://…)' }),
  ),
  OIDC_CLIENT_ID: optional(z.string()),
  OIDC_CLIENT_SECRET: optional(z.string()),
  /** The API's callback as the identity provider (and the browser) sees it, behind any proxy. */
  OIDC_REDIRECT_URI: optional(
    z
      .url({
        protocol: /^https?$/,
        error: 'must be the API callback URL, e.g. https://aispm.example.com/api/v1/auth/sso/callback',
      })
      // openid-client sends the callback URL without its query to the token endpoint as redirect_uri.
      .refine((v) => !v.includes('?') && !v.includes('#'), 'must not have a ?query or #fragment'),
  ),
  OIDC_SCOPES: z
    .string()
    .default('openid email profile')
    .transform((v) => v.split(/\s+/).filter(Boolean))
    .refine((scopes) => scopes.includes('openid'), 'must include "openid" (space-separated scopes)'),
  /** Plain-HTTP identity provider: only for a local test or demo provider; openid-client refuses it otherwise. */
  OIDC_ALLOW_INSECURE: z
    .enum(['true', 'false'], { error: 'must be true or false' })
    .default('false')
    .transform((v) => v === 'true'),
};

type OidcEnv = z.output<z.ZodObject<typeof oidcEnvShape>>;

const REQUIRED_WITH_ISSUER = ['OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_REDIRECT_URI'] as const;

/** The checks that span variables, for the service schema's superRefine. */
export function checkOidcEnv(env: OidcEnv, ctx: z.RefinementCtx): void {
  if (!env.OIDC_ISSUER) return;
  for (const name of REQUIRED_WITH_ISSUER) {
    if (!env[name])
      ctx.addIssue({ code: 'custom', path: [name], message: 'is required when OIDC_ISSUER is set' });
  }
  if (env.OIDC_ISSUER.startsWith('http:') && !env.OIDC_ALLOW_INSECURE) {
    ctx.addIssue({
      code: 'custom',
      path: ['OIDC_ISSUER'],
      message: 'must be https:// (set OIDC_ALLOW_INSECURE=true only for a local test identity provider)',
    });
  }
}

/** The validated settings, or undefined when single sign-on is off. */
export interface OidcSettings {
  issuer: URL;
  clientId: string;
  clientSecret: string;
  redirectUri: URL;
  scopes: string[];
  allowInsecure: boolean;
}

export function oidcSettings(env: OidcEnv): OidcSettings | undefined {
  if (!env.OIDC_ISSUER || !env.OIDC_CLIENT_ID || !env.OIDC_CLIENT_SECRET || !env.OIDC_REDIRECT_URI)
    return undefined;
  return {
    issuer: new URL(env.OIDC_ISSUER),
    clientId: env.OIDC_CLIENT_ID,
    clientSecret: env.OIDC_CLIENT_SECRET,
    redirectUri: new URL(env.OIDC_REDIRECT_URI),
    scopes: env.OIDC_SCOPES,
    allowInsecure: env.OIDC_ALLOW_INSECURE,
  };
}
