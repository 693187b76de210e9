/**
 * The exact page cache (docs/decisions/021-exact-page-cache.md). A public page rendered for an
 * anonymous visitor is kept with the tables its queries read (its tags, collected by the database's
 * change feed while the route ran); a committed write drops exactly the pages that read what it
 * wrote, on every instance (PostgreSQL LISTEN/NOTIFY; in-process on SQLite). Pages that change with
 * the clock (a scheduled publication, an evening starting) expire at that moment. Anything personal
 * bypasses it: a session or flash cookie, a page holding a CSRF token, a response setting a cookie.
 *
 * Kept pages are answered from the first hook, before the session is looked up, pre-compressed
 * (Brotli, gzip) with a strong ETag, 304 for a matching If-None-Match, and a Cache-Control that
 * lets a proxy hold them briefly.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteHandlerMethod } from 'fastify';
import { EVERYTHING, type ChangeFeed } from '../../db/change-feed.ts';
import type { Executor } from '../../db/database.ts';
import { answerKept, PUBLIC_CACHE_CONTROL, VARY, writeHit, type CachedPage, type Variant } from './cached-response.ts';
import { SESSION_COOKIE } from './cookies.ts';

export { PUBLIC_CACHE_CONTROL, sendCachedPage, type CachedPage } from './cached-response.ts';

const FLASH_COOKIE = 'oe_flash';
/** Response headers that belong to one answer, not to the page kept. */
const UNKEPT_HEADERS = new Set(['set-cookie', 'content-length', 'content-type', 'cache-control', 'vary', 'etag', 'content-encoding', 'x-page-cache', 'date', 'connection', 'transfer-encoding']);

/** A moment when some tables' pages change without a write: the next one after `now`, or null. */
export interface ScheduledChange {
  tags: readonly string[];
  next(db: Executor, now: Date): Promise<Date | string | null>;
}

export interface PageCacheOptions {
  ttlSeconds: number;
  feed: ChangeFeed;
  db: Executor;
  now: () => Date;
  scheduled?: readonly ScheduledChange[];
  /** Bytes kept at most (every encoding counted). */
  maxBytes?: number;
}

/** The complete answers of a kept page, one per encoding: its headers (as the route and the hooks left them) and ours. */
export function prepareVariants(page: CachedPage, headers: Record<string, string>, vary: string): void {
  page.headers = headers;
  const variant = (body: Buffer, encoding: string | null, suffix: string): Variant => {
    const etag = `"${page.hash}${suffix}"`;
    // A 304 carries what a cache needs to update its stored answer (RFC 9110 §15.4.5) and no
    // other metadata: the browser keeps the security headers, language and links of the 200 it holds.
    const validators = { etag, 'cache-control': PUBLIC_CACHE_CONTROL, vary };
    return {
      body,
      etag,
      hitHeaders: { ...headers, ...validators, 'x-page-cache': 'hit', 'content-type': page.contentType, 'content-length': String(body.length), ...(encoding ? { 'content-encoding': encoding } : {}) },
      notModifiedHeaders: { ...validators, 'x-page-cache': 'hit' },
    };
  };
  page.variants = { identity: variant(page.identity, null, ''), gzip: variant(page.gzip, 'gzip', '-gz'), br: variant(page.br, 'br', '-br') };
}

/** Replies whose page was just kept: their final headers are taken once every other onSend hook has run. */
const keptBy = new WeakMap<FastifyReply, CachedPage>();

/** The response headers worth keeping with a page (those the route and the hooks set). */
function keptHeaders(reply: FastifyReply): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(reply.getHeaders())) {
    if (value !== undefined && !UNKEPT_HEADERS.has(name)) headers[name] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return headers;
}

export class PageCache {
  private readonly entries = new Map<string, CachedPage>();
  private readonly byTag = new Map<string, Set<string>>();
  private bytes = 0;
  /** Invalidation clock: each invalidation gets the next number; a render remembers the one it began at. */
  private seq = 0;
  private readonly tagSeq = new Map<string, number>();
  private everythingSeq = 0;
  /** Next clock-driven change per tag (ms); tags being recomputed are `unknown` and not kept meanwhile. */
  private readonly schedule = new Map<string, number>();
  private readonly unknown = new Set<string>();
  private refreshing: Promise<void> | null = null;
  private refreshAgain = false;
  /** Renders under way: concurrent misses for one page wait for the first instead of all rendering. */
  readonly inflight = new Map<string, Promise<CachedPage | null>>();
  readonly ttlMs: number;
  private readonly maxBytes: number;

  constructor(private readonly options: PageCacheOptions) {
    this.ttlMs = options.ttlSeconds * 1000;
    this.maxBytes = options.maxBytes ?? 32 * 1024 * 1024;
    for (const change of options.scheduled ?? []) for (const tag of change.tags) this.unknown.add(tag);
  }

  /** Whether pages may be kept and served now: enabled, and hearing every write (the feed is connected). */
  get enabled(): boolean {
    return this.ttlMs > 0 && this.options.feed.tracking && this.options.feed.connected;
  }

  get configured(): boolean {
    return this.ttlMs > 0;
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: string, now: number): CachedPage | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expires <= now) {
      this.delete(key);
      return undefined;
    }
    return entry;
  }

  /** The time now (ms), by the clock the cache was given. */
  clock(): number {
    return this.options.now().getTime();
  }

  /** The invalidation clock now: what a render must be newer than to be kept. */
  mark(): number {
    return this.seq;
  }

  /**
   * Keeps a page read from `tags` by a render begun at `since`, unless one of them changed since
   * (the render may have read the older rows) or a clock-driven change of theirs is not known yet.
   */
  set(key: string, body: Buffer, contentType: string, headers: Record<string, string>, tags: readonly string[], since: number): CachedPage | null {
    if (this.everythingSeq > since) return null;
    const now = this.options.now().getTime();
    let expires = now + this.ttlMs;
    for (const tag of tags) {
      if ((this.tagSeq.get(tag) ?? 0) > since) return null;
      if (this.unknown.has(tag)) {
        if (!this.refreshing) void this.refreshSchedule([tag]);
        return null;
      }
      const at = this.schedule.get(tag);
      if (at !== undefined && at < expires) expires = at;
    }
    if (expires <= now) {
      // Its moment has come: learn the next one before keeping pages of these tables again.
      void this.refreshSchedule(tags);
      return null;
    }
    const page: CachedPage = {
      identity: body,
      gzip: gzipSync(body, { level: 6 }),
      br: brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 5, [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length } }),
      hash: createHash('sha256').update(body).digest('base64url').slice(0, 27),
      contentType,
      headers,
      tags,
      expires,
      size: 0,
      variants: undefined as unknown as CachedPage['variants'],
    };
    prepareVariants(page, headers, VARY);
    page.size = page.identity.length + page.gzip.length + page.br.length;
    if (page.size > this.maxBytes / 8) return null;
    this.delete(key);
    while (this.bytes + page.size > this.maxBytes) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.delete(oldest);
    }
    this.entries.set(key, page);
    this.bytes += page.size;
    for (const tag of tags) {
      let keys = this.byTag.get(tag);
      if (!keys) this.byTag.set(tag, (keys = new Set()));
      keys.add(key);
    }
    return page;
  }

  private delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entry.size;
    for (const tag of entry.tags) this.byTag.get(tag)?.delete(key);
  }

  /** Drops every page that read one of these tables (`*`: every page). */
  invalidate(tables: readonly string[]): void {
    this.seq += 1;
    if (tables.includes(EVERYTHING)) {
      this.everythingSeq = this.seq;
      this.entries.clear();
      this.byTag.clear();
      this.bytes = 0;
      void this.refreshSchedule(null);
      return;
    }
    let scheduled: string[] | null = null;
    for (const table of tables) {
      this.tagSeq.set(table, this.seq);
      const keys = this.byTag.get(table);
      if (keys) for (const key of [...keys]) this.delete(key);
      if (this.schedule.has(table) || this.unknown.has(table)) (scheduled ??= []).push(table);
    }
    if (scheduled) void this.refreshSchedule(scheduled);
  }

  clear(): void {
    this.invalidate([EVERYTHING]);
  }

  /** Learns again when the scheduled changes of these tags (null: all) come next. */
  refreshSchedule(tags: readonly string[] | null): Promise<void> {
    const changes = (this.options.scheduled ?? []).filter((c) => !tags || c.tags.some((t) => tags.includes(t)));
    for (const change of changes) for (const tag of change.tags) this.unknown.add(tag);
    if (changes.length === 0) return Promise.resolve();
    if (this.refreshing) {
      this.refreshAgain = true;
      return this.refreshing;
    }
    const run = async (): Promise<void> => {
      do {
        this.refreshAgain = false;
        const since = this.seq;
        const now = this.options.now();
        const next = new Map<string, number | undefined>();
        const failed = new Set<string>();
        for (const change of this.options.scheduled ?? []) {
          let at: number | undefined;
          try {
            const value = await change.next(this.options.db, now);
            at = value === null ? undefined : new Date(value).getTime();
          } catch {
            for (const tag of change.tags) failed.add(tag); // stays unknown: not kept until a later refresh succeeds
            continue;
          }
          for (const tag of change.tags) {
            const known = next.get(tag);
            next.set(tag, known === undefined ? at : at === undefined ? known : Math.min(known, at));
          }
        }
        // A write to these tables during the refresh may have moved their next change: once more.
        if (this.everythingSeq > since || [...next.keys()].some((tag) => (this.tagSeq.get(tag) ?? 0) > since)) {
          this.refreshAgain = true;
          continue;
        }
        for (const [tag, at] of next) {
          if (failed.has(tag)) continue;
          if (at === undefined) this.schedule.delete(tag);
          else this.schedule.set(tag, at);
          this.unknown.delete(tag);
        }
      } while (this.refreshAgain);
    };
    this.refreshing = run().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    pageCache: PageCache;
  }
}

interface Render {
  key: string;
  since: number;
  tags: Set<string>;
  done: (page: CachedPage | null) => void;
}

const renders = new WeakMap<FastifyRequest, Render>();
const personal = new WeakSet<FastifyReply>();

/**
 * The key of an anonymous GET for a public page, or null when the answer may be personal. `url`
 * is the routed URL (the language prefix removed), `lang` the language the URL asked for.
 */
function keyOf(method: string | undefined, url: string, lang: string, cookies: Record<string, string | undefined>): string | null {
  if (method !== 'GET' || cookies[SESSION_COOKIE] || cookies[FLASH_COOKIE] || url.startsWith('/static/')) return null;
  return `${lang}:${url}`;
}

function cacheKey(req: FastifyRequest): string | null {
  return keyOf(req.method, req.url, req.lang, req.cookies);
}

export interface FrontDoorOptions {
  /**
   * The routed URL and language of a request as it came, or null when it is not for the cache
   * (another hook answers it first, say a redirect).
   */
  route(req: IncomingMessage, cookies: Record<string, string | undefined>): { url: string; lang: string } | null;
  parseCookie(header: string): Record<string, string | undefined>;
}

/**
 * The cache's front door: answers a kept page from node:http's request event, before Fastify
 * builds a request, routes it or runs a hook (docs/decisions/021). Returns false for anything
 * else — a miss, a personal request, a page being rendered — which Fastify then handles (and
 * its onRequest hook keeps the page). Requests injected in tests take the hook path only.
 */
export function frontDoor(cache: PageCache, options: FrontDoorOptions): (req: IncomingMessage, res: ServerResponse) => boolean {
  const NO_COOKIES: Record<string, string | undefined> = {};
  return (req, res) => {
    if (req.method !== 'GET' || !cache.enabled) return false;
    const header = req.headers.cookie;
    let cookies = NO_COOKIES;
    if (header) {
      try {
        cookies = options.parseCookie(header);
      } catch {
        return false;
      }
    }
    const routed = options.route(req, cookies);
    if (!routed) return false;
    const key = keyOf(req.method, routed.url, routed.lang, cookies);
    const page = key === null ? undefined : cache.get(key, cache.clock());
    if (!page) return false;
    answerKept(req, res, page);
    return true;
  };
}

/**
 * Installs the cache: kept pages answered from the first onRequest hook it is registered at
 * (register it before the session lookup), route handlers run with a collector of the tables they
 * read, and the change feed's notices drop the pages that read them.
 */
export function registerPageCache(app: FastifyInstance, options: PageCacheOptions): void {
  const cache = new PageCache(options);
  app.decorate('pageCache', cache);
  const { feed } = options;
  // The feed runs even with the page cache off: values kept by `feed.memo` rely on it.
  app.addHook('onReady', async () => {
    if (!feed.tracking) await feed.loadTables(options.db as never);
    await feed.listen();
  });
  app.addHook('onClose', async () => feed.unlisten());
  if (!cache.configured) return;
  const unsubscribe = feed.onChange((tables) => cache.invalidate(tables));
  app.addHook('onReady', async () => {
    await cache.refreshSchedule(null);
  });
  app.addHook('onClose', async () => {
    unsubscribe();
  });

  app.addHook('onRequest', async (req, reply) => {
    if (!cache.enabled) return;
    const key = cacheKey(req);
    if (!key) return;
    let page = cache.get(key, options.now().getTime());
    if (!page) {
      const pending = cache.inflight.get(key);
      if (pending) page = (await pending) ?? undefined;
      else {
        let done!: (page: CachedPage | null) => void;
        cache.inflight.set(key, new Promise<CachedPage | null>((resolve) => (done = resolve)));
        renders.set(req, { key, since: cache.mark(), tags: new Set(), done });
        return;
      }
    }
    if (!page) {
      // The first render could not be kept: render this one too, and perhaps keep it.
      renders.set(req, { key, since: cache.mark(), tags: new Set(), done: () => undefined });
      return;
    }
    writeHit(req, reply, page);
  });
  // Every handler of a page being rendered for the cache runs with a collector of what it reads.
  app.addHook('onRoute', (route) => {
    const handler = route.handler as RouteHandlerMethod;
    route.handler = function (this: FastifyInstance, req, reply) {
      const render = renders.get(req);
      return render ? feed.collectReads(render.tags, () => handler.call(this, req, reply)) : handler.call(this, req, reply);
    } as RouteHandlerMethod;
  });
  // Registered after the other request-context hooks: their onSend headers (Content-Language, an
  // added Vary) are part of the page a hit answers.
  app.addHook('onSend', (_req, reply, payload, done) => {
    const page = keptBy.get(reply);
    if (page) {
      keptBy.delete(reply);
      prepareVariants(page, keptHeaders(reply), String(reply.getHeader('vary') ?? VARY));
    }
    done(null, payload);
  });
  app.addHook('onResponse', (req, _reply, done) => {
    settle(req, null);
    done();
  });
}

/** Marks a response as personal (it carries a form with this visitor's CSRF token, say). */
export function markPersonal(reply: FastifyReply): void {
  personal.add(reply);
}

/** Lets the requests waiting on this render go: with the page, or to render their own. */
function settle(req: FastifyRequest, page: CachedPage | null): void {
  const render = renders.get(req);
  if (!render) return;
  renders.delete(req);
  const cache = req.server.pageCache;
  if (cache.inflight.get(render.key)) cache.inflight.delete(render.key);
  render.done(page);
}

/**
 * Keeps a rendered public page for the next anonymous visitors, if nothing in it is personal and
 * nothing it read changed while it was rendered. Returns the kept page (send it with
 * `sendCachedPage`), or null.
 */
export function rememberPage(req: FastifyRequest, reply: FastifyReply, body: Buffer, status: number, contentType = 'text/html; charset=utf-8'): CachedPage | null {
  const render = renders.get(req);
  if (!render) return null;
  const cache = req.server.pageCache;
  if (status !== 200 || personal.has(reply) || reply.hasHeader('set-cookie') || !cache.enabled) {
    settle(req, null);
    return null;
  }
  const page = cache.set(render.key, body, contentType, keptHeaders(reply), [...render.tags], render.since);
  if (page) keptBy.set(reply, page);
  settle(req, page);
  return page;
}
