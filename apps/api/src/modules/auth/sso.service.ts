import { Inject, Injectable } from '@nestjs/common';
import * as oidc from 'openid-client';
import type { Logger } from 'pino';
import type { TSsoError } from '@aispm/contracts';
import type { Env } from '../../config/env';
import { oidcSettings, type OidcSettings } from '../../config/oidc-env';
import { ProblemException } from '../../common/problem';
import type { RequestMeta } from '../../common/tenant';
import { ENV, LOGGER } from '../../infra/tokens';
import { AuthRepository } from './auth.repository';
import { AuthService, type IssuedSession } from './auth.service';
import { SecurityEvents } from './security-events';
import { SSO_STATE_TTL_MS, openState, safeNextPath, sealState, ssoStateKey } from './sso-state';

export type SsoOutcome = { ok: true; issued: IssuedSession; next: string } | { ok: false; error: TSsoError };

/** A refused sign-in: `code` goes to the browser, `detail` only to the security log. */
class SsoFailure extends Error {
  constructor(
    readonly code: TSsoError,
    readonly detail: string,
    readonly actor: { userId?: string | undefined; email?: string | undefined } = {},
  ) {
    super(detail);
  }
}

/** An error's message and code for the log; never a token, which openid-client errors do not carry in them. */
function describe(err: unknown): string {
  if (err instanceof oidc.ResponseBodyError) return `token endpoint answered ${err.error}`;
  if (err instanceof oidc.AuthorizationResponseError) return `authorization response ${err.error}`;
  const code = (err as { code?: unknown }).code;
  const message = err instanceof Error ? err.message : String(err);
  return `${typeof code === 'string' ? `${code}: ` : ''}${message}`.slice(0, 300);
}

/**
 * OpenID Connect single sign-on with one identity provider for the instance: the authorization code flow with
 * PKCE (S256), state and nonce, the client authenticating with client_secret_basic. Signs in users who already
 * exist and belong to an organization, matched by the verified email in the ID token; it creates no accounts.
 */
@Injectable()
export class SsoService {
  private readonly settings: OidcSettings | undefined;
  private readonly stateKey: Buffer;
  private discovered: Promise<oidc.Configuration> | undefined;

  constructor(
    @Inject(AuthService) private readonly auth: AuthService,
    @Inject(AuthRepository) private readonly repo: AuthRepository,
    @Inject(SecurityEvents) private readonly events: SecurityEvents,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(ENV) env: Env,
  ) {
    this.settings = oidcSettings(env);
    this.stateKey = ssoStateKey(env.MASTER_KEY);
  }

  get enabled(): boolean {
    return this.settings !== undefined;
  }

  /** The path the state cookie is scoped to: the callback, as the browser sees it. */
  get callbackPath(): string {
    return this.settings?.redirectUri.pathname ?? '/';
  }

  /** The identity provider's authorization URL, and the sealed state the browser must bring back. */
  async start(next: string | undefined): Promise<{ location: string; stateCookie: string }> {
    const settings = this.settings;
    if (!settings) {
      throw new ProblemException({
        status: 404,
        title: 'Not found',
        detail: 'Single sign-on is not configured on this instance (OIDC_ISSUER is not set).',
      });
    }
    let config: oidc.Configuration;
    try {
      config = await this.configuration(settings);
    } catch {
      throw new ProblemException({
        status: 503,
        title: 'Service unavailable',
        detail: `Single sign-on is unavailable: the identity provider ${settings.issuer.href} did not answer OpenID Connect discovery. Try again later, or sign in with a password.`,
      });
    }
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: settings.redirectUri.href,
      scope: settings.scopes.join(' '),
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    const stateCookie = sealState(this.stateKey, {
      codeVerifier,
      state,
      nonce,
      next: safeNextPath(next),
      expiresAt: Date.now() + SSO_STATE_TTL_MS,
    });
    return { location: url.href, stateCookie };
  }

  /**
   * Handles the identity provider's answer (`search` is the callback's query string as received). Every refusal
   * is logged as a failed OCSF Authentication event and comes back as a short code for the console.
   */
  async callback(search: string, stateCookie: unknown, meta: RequestMeta): Promise<SsoOutcome> {
    try {
      return { ok: true, ...(await this.signIn(search, stateCookie, meta)) };
    } catch (err) {
      if (!(err instanceof SsoFailure)) throw err;
      this.events.authentication(
        'logon',
        false,
        err.actor,
        meta,
        `single sign-on refused (${err.code}): ${err.detail}`,
        'OpenID Connect',
      );
      return { ok: false, error: err.code };
    }
  }

  private async signIn(
    search: string,
    stateCookie: unknown,
    meta: RequestMeta,
  ): Promise<{ issued: IssuedSession; next: string }> {
    const settings = this.settings;
    if (!settings) throw new SsoFailure('not_configured', 'OIDC_ISSUER is not set');

    // The state cookie proves this browser started the sign-in here; its state must be the one in the answer.
    const opened = openState(this.stateKey, stateCookie);
    if (!opened.ok) throw new SsoFailure('state_invalid', `state cookie ${opened.reason}`);
    const { codeVerifier, state, nonce, next } = opened.state;
    const params = new URLSearchParams(search);
    const states = params.getAll('state');
    if (states.length !== 1 || states[0] !== state) {
      throw new SsoFailure('state_invalid', 'the state in the answer is not the one this browser was given');
    }
    const error = params.get('error');
    if (error !== null) {
      throw new SsoFailure('denied', `the identity provider answered ${JSON.stringify(error.slice(0, 100))}`);
    }

    let config: oidc.Configuration;
    try {
      config = await this.configuration(settings);
    } catch {
      throw new SsoFailure('idp_unavailable', `discovery of ${settings.issuer.href} failed`);
    }
    // The answer as the identity provider addressed it: the configured callback URL (the API may sit behind a
    // proxy) with the query string we received. openid-client sends it without the query as redirect_uri.
    const currentUrl = new URL(settings.redirectUri);
    currentUrl.search = params.toString();
    let claims: oidc.IDToken | undefined;
    try {
      const tokens = await oidc.authorizationCodeGrant(config, currentUrl, {
        pkceCodeVerifier: codeVerifier,
        expectedState: state,
        expectedNonce: nonce,
        idTokenExpected: true,
      });
      claims = tokens.claims();
    } catch (err) {
      throw new SsoFailure('exchange_failed', describe(err));
    }
    if (!claims) throw new SsoFailure('exchange_failed', 'no ID token in the token response');

    const email = typeof claims.email === 'string' ? claims.email.toLowerCase() : undefined;
    if (!email) throw new SsoFailure('email_unverified', `the ID token of ${claims.sub} has no email claim`);
    if (claims.email_verified !== true) {
      throw new SsoFailure('email_unverified', 'the ID token does not say the email is verified', { email });
    }
    const user = await this.repo.findUserByEmail(email);
    const memberships = user ? await this.repo.memberships(user.id) : [];
    if (!user || memberships.length === 0) {
      throw new SsoFailure(
        'no_account',
        user
          ? 'the user belongs to no organization'
          : 'no user has this email (single sign-on does not create accounts)',
        { userId: user?.id, email },
      );
    }
    const issued = await this.auth.startSession(user, meta, undefined, 'OpenID Connect');
    return { issued, next };
  }

  /** Discovery once, on first use; a failure is not cached, so the next sign-in tries again. */
  private configuration(s: OidcSettings): Promise<oidc.Configuration> {
    this.discovered ??= oidc
      .discovery(s.issuer, s.clientId, s.clientSecret, oidc.ClientSecretBasic(), {
        execute: s.allowInsecure ? [oidc.allowInsecureRequests] : [],
        timeout: 10,
      })
      .catch((err: unknown) => {
        this.discovered = undefined;
        this.logger.warn({ issuer: s.issuer.href, reason: describe(err) }, 'OpenID Connect discovery failed');
        throw err;
      });
    return this.discovered;
  }
}
