/**
 * CSRF protection by signed double-submit: a random HttpOnly cookie, and a form token that is its
 * HMAC under the app secret. It needs no server state (any instance can check it), works for
 * visitors who are not logged in, and a token from another browser or site never matches.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CsrfError } from '../errors.ts';
import { cookieOptions } from './cookies.ts';

export const CSRF_COOKIE = 'oe_csrf';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sign(secret: string, value: string): string {
  return createHmac('sha256', secret).update(`csrf:${value}`).digest('base64url');
}

/** The token for forms on this response, issuing the cookie first when the browser has none. */
export function csrfTokenFor(req: FastifyRequest, reply: FastifyReply, secret: string): string {
  let value = req.cookies[CSRF_COOKIE];
  if (!value || !/^[A-Za-z0-9_-]{22,64}$/.test(value)) {
    value = randomBytes(18).toString('base64url');
    req.cookies[CSRF_COOKIE] = value;
    reply.setCookie(CSRF_COOKIE, value, cookieOptions(req, { maxAge: 60 * 60 * 24 * 7 }));
  }
  return sign(secret, value);
}

/** Throws unless a state-changing request carries the token matching its cookie. */
export function verifyCsrf(req: FastifyRequest, secret: string): void {
  if (SAFE_METHODS.has(req.method)) return;
  const cookie = req.cookies[CSRF_COOKIE];
  // Before validation: the raw body of any form (url-encoded, or multipart with `{ value }` fields).
  const raw: unknown = req.body;
  const field = raw && typeof raw === 'object' && '_csrf' in raw ? raw._csrf : undefined;
  const sent =
    (typeof field === 'string' ? field : fieldValue(field)) ??
    (typeof req.headers['x-csrf-token'] === 'string' ? req.headers['x-csrf-token'] : undefined);
  if (!cookie || !sent) throw new CsrfError();
  const expected = Buffer.from(sign(secret, cookie));
  const actual = Buffer.from(sent);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) throw new CsrfError();
}

/** Multipart bodies hold fields as `{ value }` objects. */
function fieldValue(field: unknown): string | undefined {
  if (field && typeof field === 'object' && 'value' in field && typeof field.value === 'string') return field.value;
  return undefined;
}
