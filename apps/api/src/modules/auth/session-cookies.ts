import type { CookieOptions, Response } from 'express';
import type { Env } from '../../config/env';
import type { IssuedSession } from './auth.service';
import { CSRF_COOKIE, SESSION_COOKIE } from './credentials';

/**
 * Hands a new session to the browser; every way of signing in (password, an accepted invitation, single
 * sign-on) ends here.
 * The session cookie is out of reach of scripts; the CSRF cookie is readable by our pages only
 * (SameSite=Strict), which echo it in the x-csrf-token header.
 */
export function setSessionCookies(res: Response, env: Env, issued: IssuedSession): void {
  const base: CookieOptions = { secure: env.COOKIE_SECURE, path: '/', expires: issued.expiresAt };
  res.cookie(SESSION_COOKIE, issued.sessionToken, { ...base, httpOnly: true, sameSite: 'lax' });
  res.cookie(CSRF_COOKIE, issued.csrfToken, { ...base, httpOnly: false, sameSite: 'strict' });
}

/** Removes both cookies; their attributes must match the ones they were set with. */
export function clearSessionCookies(res: Response, env: Env): void {
  res.clearCookie(SESSION_COOKIE, { path: '/', secure: env.COOKIE_SECURE, httpOnly: true, sameSite: 'lax' });
  res.clearCookie(CSRF_COOKIE, { path: '/', secure: env.COOKIE_SECURE, sameSite: 'strict' });
}
