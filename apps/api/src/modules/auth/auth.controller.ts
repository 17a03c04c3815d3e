import { Controller, Inject, Res } from '@nestjs/common';
import type { CookieOptions, Response } from 'express';
import { routes, type TLogin } from '@aispm/contracts';
import type { Env } from '../../config/env';
import { Endpoint } from '../../common/endpoint';
import { Meta, type RequestMeta } from '../../common/tenant';
import { Body } from '../../common/zod-params';
import { ENV } from '../../infra/tokens';
import { AuthService } from './auth.service';
import { CSRF_COOKIE, SESSION_COOKIE } from './credentials';
import { CurrentPrincipal, type Principal } from './principal';

@Controller()
export class AuthController {
  constructor(
    @Inject(AuthService) private readonly auth: AuthService,
    @Inject(ENV) private readonly env: Env,
  ) {}

  @Endpoint(routes.login)
  async login(
    @Body(routes.login.body) body: TLogin,
    @Meta() meta: RequestMeta,
    @Res({ passthrough: true }) res: Response,
  ) {
    const issued = await this.auth.login(body, meta);
    const base: CookieOptions = { secure: this.env.COOKIE_SECURE, path: '/', expires: issued.expiresAt };
    // The session cookie is out of reach of scripts; the CSRF cookie is readable by our pages only
    // (SameSite=Strict), which echo it in the x-csrf-token header.
    res.cookie(SESSION_COOKIE, issued.sessionToken, { ...base, httpOnly: true, sameSite: 'lax' });
    res.cookie(CSRF_COOKIE, issued.csrfToken, { ...base, httpOnly: false, sameSite: 'strict' });
    return issued.me;
  }

  @Endpoint(routes.me)
  me(@CurrentPrincipal() principal: Principal) {
    return this.auth.me(principal);
  }

  @Endpoint(routes.logout)
  async logout(
    @CurrentPrincipal() principal: Principal,
    @Meta() meta: RequestMeta,
    @Res({ passthrough: true }) res: Response,
  ) {
    this.clearCookies(res);
    return { sessionsEnded: await this.auth.logout(principal, meta, false) };
  }

  @Endpoint(routes.logoutEverywhere)
  async logoutEverywhere(
    @CurrentPrincipal() principal: Principal,
    @Meta() meta: RequestMeta,
    @Res({ passthrough: true }) res: Response,
  ) {
    this.clearCookies(res);
    return { sessionsEnded: await this.auth.logout(principal, meta, true) };
  }

  private clearCookies(res: Response): void {
    res.clearCookie(SESSION_COOKIE, {
      path: '/',
      secure: this.env.COOKIE_SECURE,
      httpOnly: true,
      sameSite: 'lax',
    });
    res.clearCookie(CSRF_COOKIE, { path: '/', secure: this.env.COOKIE_SECURE, sameSite: 'strict' });
  }
}
