/**
 * A micro-cache of rendered public pages, per instance. Anonymous visitors get the same HTML for a
 * few seconds; anything personal bypasses it (a session, a flash message, a response that sets a
 * cookie). Any write on this instance empties it at once; other instances see the change when
 * their entries expire, so staleness is bounded by the TTL (PAGE_CACHE_SECONDS, 0 disables).
 * See docs/decisions/006-page-cache.md.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

interface Entry {
  body: Buffer;
  contentType: string;
  expires: number;
}

export class PageCache {
  private readonly entries = new Map<string, Entry>();
  /** Renders under way: concurrent misses for one page wait for the first instead of all rendering. */
  readonly inflight = new Map<string, Promise<Entry | null>>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 1000,
  ) {}

  get enabled(): boolean {
    return this.ttlMs > 0;
  }

  get(key: string, now: number): Entry | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expires <= now) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  set(key: string, body: Buffer, contentType: string, now: number): void {
    if (this.entries.size >= this.maxEntries) {
      // Oldest first: Map keeps insertion order.
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(key, { body, contentType, expires: now + this.ttlMs });
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    pageCache: PageCache;
  }
}

const leaders = new WeakMap<FastifyReply, { key: string; done: (entry: Entry | null) => void }>();

function cacheKey(req: FastifyRequest): string | null {
  if (req.method !== 'GET' || req.actor || req.cookies.oe_flash) return null;
  return `${req.lang}:${req.url}`;
}

/** Serves a cached page before the route runs, when there is one for this anonymous request. */
export function registerPageCache(app: FastifyInstance, ttlSeconds: number): void {
  app.decorate('pageCache', new PageCache(ttlSeconds * 1000));
  if (!app.pageCache.enabled) return;
  app.addHook('preHandler', async (req, reply) => {
    const key = cacheKey(req);
    if (!key) return;
    let hit = app.pageCache.get(key, Date.now());
    if (!hit) {
      const pending = app.pageCache.inflight.get(key);
      if (pending) hit = (await pending) ?? undefined;
      else {
        let done!: (entry: Entry | null) => void;
        app.pageCache.inflight.set(key, new Promise<Entry | null>((resolve) => (done = resolve)));
        leaders.set(reply, { key, done });
        return;
      }
    }
    if (!hit) return;
    return reply
      .header('content-type', hit.contentType)
      .header('cache-control', 'no-cache')
      .header('vary', 'Cookie')
      .header('x-page-cache', 'hit')
      .send(hit.body);
  });
  app.addHook('onResponse', async (_req, reply) => settle(app.pageCache, reply, null));
  // Whatever a successful write changed, this instance stops serving older copies at once.
  app.addHook('onResponse', async (req, reply) => {
    if (req.method !== 'GET' && req.method !== 'HEAD' && reply.statusCode < 400) app.pageCache.clear();
  });
}

const personal = new WeakSet<FastifyReply>();

/** Marks a response as personal (it carries a form with this visitor's CSRF token, say). */
export function markPersonal(reply: FastifyReply): void {
  personal.add(reply);
}

/** Lets the requests waiting on this render go: with the page, or to render their own. */
function settle(cache: PageCache, reply: FastifyReply, entry: Entry | null): void {
  const leader = leaders.get(reply);
  if (!leader) return;
  leaders.delete(reply);
  cache.inflight.delete(leader.key);
  leader.done(entry);
}

/** Keeps a rendered page for the next anonymous visitors, if nothing in it is personal. */
export function rememberPage(req: FastifyRequest, reply: FastifyReply, html: Buffer, status: number): void {
  const cache = req.server.pageCache;
  if (!cache?.enabled) return;
  if (status !== 200 || personal.has(reply) || reply.hasHeader('set-cookie')) return settle(cache, reply, null);
  const key = cacheKey(req);
  if (!key) return settle(cache, reply, null);
  const now = Date.now();
  cache.set(key, html, 'text/html; charset=utf-8', now);
  settle(cache, reply, cache.get(key, now) ?? null);
}
