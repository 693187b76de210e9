/**
 * The bridge from a request to a view: builds the ViewContext (language, translator, who is
 * logged in as booleans, CSRF token on demand) and sends rendered HTML.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { Actor } from '../actor.ts';
import { isMessageKey, translator, type Lang } from '../i18n/index.ts';
import type { ViewContext } from '../views/context.ts';
import { cookieOptions } from './cookies.ts';
import { csrfTokenFor } from './csrf.ts';
import { markPersonal, rememberPage } from './page-cache.ts';

export interface SiteSettings {
  baseUrl: string;
  appSecret: string;
  assets: { css: string; js: string; checkinJs: string; checkinCss: string };
  maxUploadBytes: number;
}

declare module 'fastify' {
  interface FastifyInstance {
    site: SiteSettings;
  }
  interface FastifyRequest {
    actor: Actor | null;
    lang: Lang;
  }
}

const FLASH_COOKIE = 'oe_flash';
const EDIT_ROLES = new Set(['admin', 'editor']);

export function viewContext(req: FastifyRequest, reply: FastifyReply): ViewContext {
  const site = req.server.site;
  const flashKey = req.cookies[FLASH_COOKIE];
  let flash: ViewContext['flash'] = null;
  if (flashKey) {
    const [kind, key] = flashKey.split(':');
    if (isMessageKey(key)) flash = { kind: kind === 'error' ? 'error' : 'success', key };
    reply.clearCookie(FLASH_COOKIE, { path: '/' });
  }
  let token: string | undefined;
  const actor = req.actor;
  return {
    lang: req.lang,
    t: translator(req.lang),
    path: req.url.split('?')[0] ?? '/',
    baseUrl: site.baseUrl,
    user: actor
      ? { name: actor.displayName, canEdit: EDIT_ROLES.has(actor.role), canWrite: actor.role !== 'member' }
      : null,
    get csrfToken() {
      // A page holding this visitor's token is theirs alone: never served to anyone else.
      markPersonal(reply);
      token ??= csrfTokenFor(req, reply, site.appSecret);
      return token;
    },
    assets: site.assets,
    maxUploadMb: site.maxUploadBytes / 1024 / 1024,
    flash,
  };
}

export function sendPage(reply: FastifyReply, page: VNode, status = 200): FastifyReply {
  const html = Buffer.from(`<!doctype html>${renderToString(page)}`);
  rememberPage(reply.request, reply, html, status);
  // Pages for a logged-in person are private; public pages may be stored but are revalidated.
  return reply
    .status(status)
    .type('text/html; charset=utf-8')
    .header('cache-control', reply.request.actor ? 'private, no-store' : 'no-cache')
    .header('vary', 'Cookie')
    .send(html);
}

/** Redirects after a successful POST, with a one-time message for the next page. */
export function redirectWithFlash(
  req: FastifyRequest,
  reply: FastifyReply,
  location: string,
  key: import('../i18n/index.ts').MessageKey,
  kind: 'success' | 'error' = 'success',
): FastifyReply {
  reply.setCookie(FLASH_COOKIE, `${kind}:${key}`, cookieOptions(req, { maxAge: 60 }));
  return reply.redirect(location, 303);
}

/** Only same-site relative paths are followed after a form or a language switch. */
export function safeNextPath(next: unknown, fallback = '/'): string {
  if (typeof next !== 'string' || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  return next;
}
