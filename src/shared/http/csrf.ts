/**
 * CSRF protection in two independent layers, needing no server state (any instance checks them):
 * - the browser's own word: a state-changing request whose `Origin` is another site, or whose
 *   `Sec-Fetch-Site` says it came from another site, is refused before anything else;
 * - signed double-submit: a random HttpOnly cookie, and a form token that is the HMAC, under the
 *   app secret, of that cookie and of the session cookie. A token from another browser or site
 *   never matches, and neither does one taken before logging in or from another session — so a
 *   cookie planted by a neighbouring subdomain, with a token its planter obtained, is useless.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CsrfError } from '../errors.ts';
import { cookieOptions, SESSION_COOKIE } from './cookies.ts';

export const CSRF_COOKIE = 'oe_csrf';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The token of a CSRF cookie within the session the request belongs to (none: the empty session). */
function sign(secret: string, value: string, req: FastifyRequest): string {
  return createHmac('sha256', secret).update(`csrf:${value}:${req.cookies[SESSION_COOKIE] ?? ''}`).digest('base64url');
}

/** The token for forms on this response, issuing the cookie first when the browser has none. */
export function csrfTokenFor(req: FastifyRequest, reply: FastifyReply, secret: string): string {
  let value = req.cookies[CSRF_COOKIE];
  if (!value || !/^[A-Za-z0-9_-]{22,64}$/.test(value)) {
    value = randomBytes(18).toString('base64url');
    req.cookies[CSRF_COOKIE] = value;
    reply.setCookie(CSRF_COOKIE, value, cookieOptions(req, { maxAge: 60 * 60 * 24 * 7 }));
  }
  return sign(secret, value, req);
}

/**
 * Whether the browser says the request comes from another site. `allowedOrigin`: the site's public
 * origin (BASE_URL); the origin the request itself was addressed to counts as ours too (the same
 * site reached by another name in development).
 */
function crossSite(req: FastifyRequest, allowedOrigin: string): boolean {
  const fetchSite = req.headers['sec-fetch-site'];
  if (fetchSite === 'cross-site' || fetchSite === 'same-site') return true;
  const origin = req.headers.origin;
  if (origin === undefined) return false;
  return origin !== allowedOrigin && origin !== `${req.protocol}://${req.host}`;
}

/** Throws unless a state-changing request comes from this site and carries the token matching its cookies. */
export function verifyCsrf(req: FastifyRequest, secret: string, allowedOrigin: string): void {
  if (SAFE_METHODS.has(req.method)) return;
  if (crossSite(req, allowedOrigin)) throw new CsrfError();
  const cookie = req.cookies[CSRF_COOKIE];
  // Before validation: the raw body of any form (url-encoded, or multipart with `{ value }` fields).
  const raw: unknown = req.body;
  const field = raw && typeof raw === 'object' && '_csrf' in raw ? raw._csrf : undefined;
  const sent =
    (typeof field === 'string' ? field : fieldValue(field)) ??
    (typeof req.headers['x-csrf-token'] === 'string' ? req.headers['x-csrf-token'] : undefined);
  if (!cookie || !sent) throw new CsrfError();
  const expected = Buffer.from(sign(secret, cookie, req));
  const actual = Buffer.from(sent);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) throw new CsrfError();
}

/** Multipart bodies hold fields as `{ value }` objects. */
function fieldValue(field: unknown): string | undefined {
  if (field && typeof field === 'object' && 'value' in field && typeof field.value === 'string') return field.value;
  return undefined;
}
