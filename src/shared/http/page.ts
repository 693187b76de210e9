/**
 * The bridge from a request to a view: builds the ViewContext (language, translator, who is
 * logged in as booleans, CSRF token on demand) and sends rendered HTML.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { Actor } from '../actor.ts';
import { hasPermission } from '../permissions.ts';
import { alternateUrls, isMessageKey, localiseLinks, localisePath, translator, type Lang, type MessageKey } from '../i18n/index.ts';
import type { ViewContext } from '../views/context.ts';
import { renderPage } from '../views/form-fields.tsx';
import { cookieOptions } from './cookies.ts';
import { csrfTokenFor } from './csrf.ts';
import { markPersonal, rememberPage, sendCachedPage } from './page-cache.ts';

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
    flash = readFlash(flashKey);
    reply.clearCookie(FLASH_COOKIE, { path: '/' });
  }
  let token: string | undefined;
  const actor = req.actor;
  return {
    lang: req.lang,
    t: translator(req.lang),
    path: req.url.split('?')[0] ?? '/',
    alternates: alternateUrls(req.url),
    href: (path) => localisePath(path, req.lang),
    baseUrl: site.baseUrl,
    user: actor
      ? { name: actor.displayName, canEdit: EDIT_ROLES.has(actor.role), canWrite: actor.role !== 'member', canSeeDeliveries: hasPermission(actor, 'manage:outbox') }
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
  // Every internal link in the page's language, whichever view wrote it (docs/decisions/023).
  const html = Buffer.from(localiseLinks(`<!doctype html>${renderPage(() => renderToString(page))}`, reply.request.lang));
  const kept = rememberPage(reply.request, reply, html, status);
  if (kept) return sendCachedPage(reply.request, reply, kept, false);
  // Pages for a logged-in person are private; public pages may be stored but are revalidated.
  return reply
    .status(status)
    .type('text/html; charset=utf-8')
    .header('cache-control', reply.request.actor ? 'private, no-store' : 'no-cache')
    .header('vary', 'Cookie')
    .send(html);
}

/** The one-time message carried by the flash cookie: `kind:key`, then `:` and its parameters as base64url JSON. */
function readFlash(raw: string): ViewContext['flash'] {
  const [kind, key, encoded] = raw.split(':');
  if (!isMessageKey(key)) return null;
  let params: Record<string, string | number> | undefined;
  if (encoded) {
    try {
      const parsed = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8')) as unknown;
      if (parsed && typeof parsed === 'object' && Object.values(parsed).every((v) => typeof v === 'string' || typeof v === 'number')) params = parsed as Record<string, string | number>;
    } catch {
      params = undefined;
    }
  }
  return { kind: kind === 'error' ? 'error' : 'success', key, ...(params ? { params } : {}) };
}

/** Redirects after a successful POST, with a one-time message for the next page. */
export function redirectWithFlash(
  req: FastifyRequest,
  reply: FastifyReply,
  location: string,
  key: MessageKey,
  kind: 'success' | 'error' = 'success',
  params?: Record<string, string | number>,
): FastifyReply {
  const value = params ? `${kind}:${key}:${Buffer.from(JSON.stringify(params)).toString('base64url')}` : `${kind}:${key}`;
  reply.setCookie(FLASH_COOKIE, value, cookieOptions(req, { maxAge: 60 }));
  return reply.redirect(location, 303);
}

const NEXT_BASE = 'http://next.invalid';

/**
 * The one guard on every `next` (after logging in, after a language switch, after a desk action):
 * a path on this site, or the fallback. The value is read by the same URL parser browsers use,
 * against a base of our own, so anything a browser would take to another host (`//evil`,
 * `/\evil`, a tab or a newline inside, `/%09/evil` once decoded) is refused; control characters
 * and backslashes are refused outright; and what comes out is the parser's own serialisation
 * (percent-encoded ASCII), so a `Location` header can always carry it.
 */
export function safeNextPath(next: unknown, fallback = '/'): string {
  if (typeof next !== 'string' || next.length === 0 || next.length > 2000 || !next.startsWith('/')) return fallback;
  if (/[\u0000-\u001f\u007f\\]/.test(next)) return fallback;
  let url: URL;
  try {
    url = new URL(next, NEXT_BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== NEXT_BASE) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  return path.startsWith('/') && !path.startsWith('//') ? path : fallback;
}
