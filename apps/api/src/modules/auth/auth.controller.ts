import { Controller, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import { routes, type TLogin } from '@aispm/contracts';
import type { Env } from '../../config/env';
import { Endpoint } from '../../common/endpoint';
import { Meta, type RequestMeta } from '../../common/tenant';
import { Body } from '../../common/zod-params';
import { ENV } from '../../infra/tokens';
import { AuthService } from './auth.service';
import { CurrentPrincipal, type Principal } from './principal';
import { clearSessionCookies, setSessionCookies } from './session-cookies';

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
    setSessionCookies(res, this.env, issued);
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
    clearSessionCookies(res, this.env);
    return { sessionsEnded: await this.auth.logout(principal, meta, false) };
  }

  @Endpoint(routes.logoutEverywhere)
  async logoutEverywhere(
    @CurrentPrincipal() principal: Principal,
    @Meta() meta: RequestMeta,
    @Res({ passthrough: true }) res: Response,
  ) {
    clearSessionCookies(res, this.env);
    return { sessionsEnded: await this.auth.logout(principal, meta, true) };
  }
}
