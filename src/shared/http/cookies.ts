import type { CookieSerializeOptions } from '@fastify/cookie';
import type { FastifyRequest } from 'fastify';

/** Cookies are HttpOnly and SameSite=Lax everywhere, and Secure whenever the request came over HTTPS. */
export function cookieOptions(req: FastifyRequest, extra: CookieSerializeOptions = {}): CookieSerializeOptions {
  return { path: '/', httpOnly: true, sameSite: 'lax', secure: req.protocol === 'https', ...extra };
}

/** The session cookie (set by the accounts module; read here too: CSRF tokens are bound to it). */
export const SESSION_COOKIE = 'oe_session';
