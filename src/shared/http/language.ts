/**
 * One language at a time, read from the URL (docs/decisions/023): `rewriteUrl` (app.ts) strips
 * `/en` before routing, so the routes are the same in both languages; this file sets the request's
 * language from the URL as it came, sends an English-preferring first visitor of `/` to `/en/`
 * once, and keeps redirects in the visitor's language.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { langOfUrl, localisePath, preferredLang } from '../i18n/index.ts';
import { cookieOptions } from './cookies.ts';

/** Remembers the language a visitor was given or chose: `/` no longer follows `Accept-Language`. */
export const LANG_COOKIE = 'oe_lang';
const YEAR = 60 * 60 * 24 * 365;

/** Robots index both languages through the hreflang alternates: they are never redirected. */
const CRAWLER = /bot|crawl|spider|slurp|facebookexternalhit|preview/i;

/**
 * Whether `/` should send this first visitor to the English home page. Takes the request as it
 * came (method, URL before rewriting, parsed cookies, headers): the page cache's front door asks
 * too, before Fastify has a request object.
 */
export function wantsEnglishHome(method: string | undefined, originalUrl: string, cookies: Record<string, string | undefined>, headers: IncomingHttpHeaders): boolean {
  if ((method !== 'GET' && method !== 'HEAD') || pathOf(originalUrl) !== '/') return false;
  if (cookies[LANG_COOKIE] !== undefined || CRAWLER.test(headers['user-agent'] ?? '')) return false;
  return preferredLang(headers['accept-language']) === 'en';
}

function pathOf(url: string): string {
  return url.split(/[?#]/)[0] ?? '/';
}

/** Records the language a visitor is sent to, so `/` stays French for whoever comes back to it. */
export function rememberLang(req: FastifyRequest, reply: FastifyReply, lang: string): void {
  reply.setCookie(LANG_COOKIE, lang, cookieOptions(req, { maxAge: YEAR }));
}

function addVary(reply: FastifyReply, header: string): void {
  const current = String(reply.getHeader('vary') ?? '');
  const names = current.split(',').map((v) => v.trim()).filter(Boolean);
  if (!names.some((n) => n.toLowerCase() === header.toLowerCase())) reply.header('vary', [...names, header].join(', '));
}

export function registerLanguage(app: FastifyInstance): void {
  app.addHook('onRequest', async (req, reply) => {
    req.lang = langOfUrl(req.originalUrl);
    if (!wantsEnglishHome(req.method, req.originalUrl, req.cookies, req.headers)) return;
    rememberLang(req, reply, 'en');
    const query = req.originalUrl.slice(1);
    return reply
      .header('cache-control', 'private, no-store')
      .header('vary', 'Accept-Language, Cookie')
      .redirect(`/en/${query}`, 302);
  });
  app.addHook('onSend', async (req, reply) => {
    // The root answers by Accept-Language and the cookie: shared caches must keep them apart.
    if (pathOf(req.originalUrl) === '/') addVary(reply, 'Accept-Language');
    // A redirect after a form or an action keeps the visitor in the language of the page they were on.
    const location = reply.getHeader('location');
    if (req.lang !== 'fr' && typeof location === 'string') {
      const localised = localisePath(location, req.lang);
      if (localised !== location) reply.header('location', localised);
    }
    const type = String(reply.getHeader('content-type') ?? '');
    if (type.startsWith('text/html')) reply.header('content-language', req.lang);
  });
}
