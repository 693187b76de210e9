/**
 * How a kept page is answered (docs/decisions/021): the encoding the visitor accepts (Brotli, gzip
 * or none), its strong ETag, 304 when the visitor holds it already, and a Cache-Control that lets a
 * proxy hold public pages briefly.
 */
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** What proxies and browsers may do with a kept public page: hold it 5 s, serve it stale 30 s more while asking again. */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=5, stale-while-revalidate=30';
export const VARY = 'Accept-Encoding, Cookie';

/** One encoding of a kept page, with the complete response headers written for a hit. */
export interface Variant {
  body: Buffer;
  etag: string;
  hitHeaders: Record<string, string>;
  notModifiedHeaders: Record<string, string>;
}

export interface CachedPage {
  identity: Buffer;
  gzip: Buffer;
  br: Buffer;
  variants: { identity: Variant; gzip: Variant; br: Variant };
  /** The strong validator: a hash of the page; each encoding adds its suffix. */
  hash: string;
  contentType: string;
  headers: Record<string, string>;
  tags: readonly string[];
  expires: number;
  size: number;
}

const CODING = { br: /(?:^|,)\s*br\s*(?:;\s*q\s*=\s*([0-9.]+))?\s*(?:,|$)/i, gzip: /(?:^|,)\s*gzip\s*(?:;\s*q\s*=\s*([0-9.]+))?\s*(?:,|$)/i };

/** Brotli, gzip or nothing, from an Accept-Encoding header (a `q=0` refuses). */
function pickEncoding(accept: string | undefined): 'br' | 'gzip' | null {
  if (!accept) return null;
  const accepts = (coding: 'br' | 'gzip') => {
    const match = CODING[coding].exec(accept);
    return match !== null && (match[1] === undefined || Number(match[1]) > 0);
  };
  if (accepts('br')) return 'br';
  if (accepts('gzip')) return 'gzip';
  return null;
}

/** Whether the visitor's If-None-Match names this page (in any encoding: weak comparison). */
function holds(headers: IncomingHttpHeaders, page: CachedPage): boolean {
  const held = headers['if-none-match'];
  return held !== undefined && (held === '*' || held.includes(`"${page.hash}`));
}

/**
 * Answers a kept page on the raw response, with the headers prepared when it was kept: the
 * encoding the visitor accepts, or 304 when they hold it already. Nothing of Fastify runs.
 */
export function answerKept(req: IncomingMessage, res: ServerResponse, page: CachedPage): void {
  const variant = page.variants[pickEncoding(req.headers['accept-encoding']) ?? 'identity'];
  if (holds(req.headers, page)) {
    res.writeHead(304, variant.notModifiedHeaders);
    res.end();
  } else {
    res.writeHead(200, variant.hitHeaders);
    res.end(variant.body);
  }
}

/** A hit found by the cache's onRequest hook (requests injected in tests, or a render waited for). */
export function writeHit(req: FastifyRequest, reply: FastifyReply, page: CachedPage): void {
  reply.hijack();
  answerKept(req.raw, reply.raw, page);
}

/** Answers with a kept page: the encoding asked for, its ETag, or 304 when the visitor holds it already. */
export function sendCachedPage(req: FastifyRequest, reply: FastifyReply, page: CachedPage, hit: boolean): FastifyReply {
  const encoding = pickEncoding(req.headers['accept-encoding']);
  const etag = encoding === 'br' ? `"${page.hash}-br"` : encoding === 'gzip' ? `"${page.hash}-gz"` : `"${page.hash}"`;
  reply.headers(page.headers).header('etag', etag).header('cache-control', PUBLIC_CACHE_CONTROL).header('vary', VARY);
  if (hit) reply.header('x-page-cache', 'hit');
  // The same page in any encoding is the same page (If-None-Match compares weakly).
  if (holds(req.headers, page)) return reply.status(304).send();
  reply.header('content-type', page.contentType);
  if (encoding) reply.header('content-encoding', encoding);
  return reply.status(200).send(encoding === 'br' ? page.br : encoding === 'gzip' ? page.gzip : page.identity);
}
