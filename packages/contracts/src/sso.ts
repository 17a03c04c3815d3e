import { z } from './common';

/** Whether this instance offers single sign-on through OpenID Connect; the console shows its button only then. */
export const ZSsoStatus = z.object({ enabled: z.boolean() }).openapi('SsoStatus');
export type TSsoStatus = z.infer<typeof ZSsoStatus>;

export const ZSsoStartQuery = z.object({
  next: z.string().max(2048).optional().openapi({
    description: 'Where the console goes after signing in: a path on this site (anything else means `/`).',
  }),
});
export type TSsoStartQuery = z.infer<typeof ZSsoStartQuery>;

/** The authorization response the identity provider sends the browser back with (RFC 6749 §4.1.2). */
export const ZSsoCallbackQuery = z.object({
  code: z.string().optional(),
  state: z.string().optional(),
  iss: z.string().optional(),
  error: z.string().optional(),
  error_description: z.string().optional(),
});

/** The answer is the `Location` header; the body is empty. */
export const ZRedirect = z.object({}).openapi('Redirect');

/**
 * Why single sign-on did not sign the user in, as the console is told in `/login?sso_error=<code>`. The codes
 * are deliberately coarse: the details go to the API's security log, never into a URL.
 */
export const SSO_ERRORS = [
  /** OIDC_ISSUER is not set on this instance. */
  'not_configured',
  /** The identity provider's discovery document could not be fetched. */
  'idp_unavailable',
  /** The state cookie is missing, forged or expired, or the state in the answer is not the one we sent. */
  'state_invalid',
  /** The identity provider answered with an error (the user declined, or it refused the request). */
  'denied',
  /** The code exchange or the ID token check failed (including a code used twice). */
  'exchange_failed',
  /** The ID token has no email, or does not say the email is verified. */
  'email_unverified',
  /** No aispm user has that email, or the user belongs to no organization (SSO does not create accounts). */
  'no_account',
] as const;
export const ZSsoError = z.enum(SSO_ERRORS);
export type TSsoError = z.infer<typeof ZSsoError>;
