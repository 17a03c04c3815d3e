import { Controller, Inject, Req, Res } from '@nestjs/common';
import type { CookieOptions, Request, Response } from 'express';
import { routes, type TSsoStartQuery, type TSsoStatus } from '@aispm/contracts';
import type { Env } from '../../config/env';
import { Endpoint } from '../../common/endpoint';
import { Meta, type RequestMeta } from '../../common/tenant';
import { Query } from '../../common/zod-params';
import { ENV } from '../../infra/tokens';
import { setSessionCookies } from './session-cookies';
import { SSO_STATE_COOKIE, SSO_STATE_TTL_MS } from './sso-state';
import { SsoService } from './sso.service';

/**
 * Single sign-on endpoints. Both redirects answer 302 with a `Location` and an empty JSON body, like every
 * other answer of the API; neither is cached.
 */
@Controller()
export class SsoController {
  constructor(
    @Inject(SsoService) private readonly sso: SsoService,
    @Inject(ENV) private readonly env: Env,
  ) {}

  @Endpoint(routes.ssoStatus)
  status(): TSsoStatus {
    return { enabled: this.sso.enabled };
  }

  @Endpoint(routes.ssoStart)
  async start(
    @Query(routes.ssoStart.query) query: TSsoStartQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<object> {
    const { location, stateCookie } = await this.sso.start(query.next);
    // Lax, not Strict: the browser must send it on the identity provider's top-level redirect back to us.
    res.cookie(SSO_STATE_COOKIE, stateCookie, { ...this.stateCookieOptions(), maxAge: SSO_STATE_TTL_MS });
    res.set('Cache-Control', 'no-store').location(location);
    return {};
  }

  @Endpoint(routes.ssoCallback)
  async callback(
    @Req() req: Request,
    @Meta() meta: RequestMeta,
    @Res({ passthrough: true }) res: Response,
  ): Promise<object> {
    const at = req.originalUrl.indexOf('?');
    const search = at === -1 ? '' : req.originalUrl.slice(at + 1);
    const cookie: unknown = (req.cookies as Record<string, unknown> | undefined)?.[SSO_STATE_COOKIE];
    // Single use, whatever the outcome.
    res.clearCookie(SSO_STATE_COOKIE, this.stateCookieOptions());
    res.set('Cache-Control', 'no-store');
    const outcome = await this.sso.callback(search, cookie, meta);
    if (outcome.ok) {
      setSessionCookies(res, this.env, outcome.issued);
      res.location(outcome.next);
    } else {
      res.location(`/login?sso_error=${outcome.error}`);
    }
    return {};
  }

  private stateCookieOptions(): CookieOptions {
    return { httpOnly: true, sameSite: 'lax', secure: this.env.COOKIE_SECURE, path: this.sso.callbackPath };
  }
}
