import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { testConfig } from '../../config.ts';
import { createDatabase, type Database } from '../../db/database.ts';
import { createTestApp, TestClient, type TestApp } from '../../../tests/helpers/test-app.ts';
import { DIALECTS } from '../../../tests/helpers/test-database.ts';
import { RecordingMailer } from '../../../tests/helpers/recording-mailer.ts';
import { makeContributor, makePiece, makeUser } from '../../../tests/factories/index.ts';

const PASSWORD = 'correct horse battery staple';

describe('public page cache', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('sqlite', { pageCacheSeconds: 3600 });
    const { actor } = await makeUser(t.db.db, 'editor');
    await makePiece(t.db.db, actor, { title: 'En cache', slug: 'en-cache', publish: true });
  });
  afterAll(async () => t.close());

  it('serves anonymous visitors the same public page from the cache', async () => {
    const first = await t.client().get('/pieces/en-cache');
    expect(first.headers['x-page-cache']).toBeUndefined();
    const second = await t.client().get('/pieces/en-cache');
    expect(second.headers['x-page-cache']).toBe('hit');
    expect(second.body).toBe(first.body);
    expect(second.headers['cache-control']).toBe('public, max-age=5, stale-while-revalidate=30');
    expect(second.headers.vary).toBe('Accept-Encoding, Cookie');
    // Headers a route set are kept with the page (the webmention endpoint, the security headers).
    expect(second.headers.link).toBe(first.headers.link);
    expect(second.headers['content-security-policy']).toBeTruthy();
    // And those the request-context hooks add as the answer goes out (the page's language).
    expect(first.headers['content-language']).toBe('fr');
    expect(second.headers['content-language']).toBe('fr');
  });

  it('keeps each language’s page apart, with the headers of the first answer', async () => {
    const fr = await t.client().get('/');
    const en = await t.client().get('/en/');
    const frHit = await t.client().get('/');
    const enHit = await t.client().get('/en/');
    expect([frHit.headers['x-page-cache'], enHit.headers['x-page-cache']]).toEqual(['hit', 'hit']);
    expect(frHit.body).toBe(fr.body);
    expect(enHit.body).toBe(en.body);
    expect(enHit.body).not.toBe(frHit.body);
    expect(enHit.headers['content-language']).toBe('en');
    expect(frHit.headers.vary).toBe(fr.headers.vary);
  });

  it('answers in Brotli or gzip as asked, with a strong ETag per encoding, and 304 when the visitor holds the page', async () => {
    const plain = await t.client().get('/pieces/en-cache');
    const br = await t.app.inject({ method: 'GET', url: '/pieces/en-cache', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(plain.body);
    const gz = await t.app.inject({ method: 'GET', url: '/pieces/en-cache', headers: { 'accept-encoding': 'gzip, br;q=0' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(plain.body);
    expect(plain.headers['content-encoding']).toBeUndefined();
    const tags = [plain.headers.etag, br.headers.etag, gz.headers.etag];
    expect(new Set(tags).size).toBe(3);
    for (const tag of tags) expect(tag).toMatch(/^"[\w-]+"$/);
    const again = await t.app.inject({ method: 'GET', url: '/pieces/en-cache', headers: { 'accept-encoding': 'br', 'if-none-match': String(br.headers.etag) } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect(again.headers.etag).toBe(br.headers.etag);
    const other = await t.app.inject({ method: 'GET', url: '/pieces/en-cache', headers: { 'if-none-match': '"something-else"' } });
    expect(other.statusCode).toBe(200);
  });

  it('never caches a page carrying a visitor’s CSRF token, even when they already have the cookie', async () => {
    const a = t.client();
    await a.csrfToken();
    const pageA = await a.get('/contact');
    const b = t.client();
    await b.csrfToken();
    const pageB = await b.get('/contact');
    expect(pageB.headers['x-page-cache']).toBeUndefined();
    const token = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
    expect(token(pageA.body)).not.toBe(token(pageB.body));
  });

  it('bypasses the cache for logged-in people, and a login (no page shows it) keeps the pages', async () => {
    await t.client().get('/');
    expect((await t.client().get('/')).headers['x-page-cache']).toBe('hit');
    const e = await makeUser(t.db.db, 'editor');
    const c = t.client();
    await c.login(e.email, PASSWORD);
    const own = await c.get('/');
    expect(own.headers['x-page-cache']).toBeUndefined();
    expect(own.headers['cache-control']).toBe('private, no-store');
    expect((await t.client().get('/')).headers['x-page-cache']).toBe('hit');
  });

  it('drops only the pages that read what a write changed', async () => {
    await t.client().get('/pieces/en-cache');
    await t.client().get('/map/directory');
    expect((await t.client().get('/pieces/en-cache')).headers['x-page-cache']).toBe('hit');
    expect((await t.client().get('/map/directory')).headers['x-page-cache']).toBe('hit');
    // A new contributor: the piece page reads contributors (its credits), the map directory does not.
    await makeContributor(t.db.db, { name: 'Nouvelle Personne' });
    expect((await t.client().get('/pieces/en-cache')).headers['x-page-cache']).toBeUndefined();
    expect((await t.client().get('/map/directory')).headers['x-page-cache']).toBe('hit');
  });
});

/** One GET over a real socket (the server's front door answers there; injected requests skip it). */
function socketGet(base: string, url: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(`${base}${url}`, { headers, agent: false }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

/** The headers of one answer, without those that belong to the connection or the moment. */
function pageHeaders(headers: Record<string, unknown>): Record<string, unknown> {
  const { date: _date, connection: _connection, 'keep-alive': _keepAlive, ...rest } = headers;
  return rest;
}

describe('the page cache’s front door (requests over a socket)', () => {
  let t: TestApp;
  let base: string;
  beforeAll(async () => {
    t = await createTestApp('sqlite', { pageCacheSeconds: 3600 });
    const { actor } = await makeUser(t.db.db, 'editor');
    await makePiece(t.db.db, actor, { title: 'Par la porte', slug: 'par-la-porte', publish: true });
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => t.close());

  it('answers a kept page exactly as the hook would, in every encoding, and 304s', async () => {
    expect((await socketGet(base, '/pieces/par-la-porte')).headers['x-page-cache']).toBeUndefined();
    for (const encoding of ['', 'gzip', 'br']) {
      const headers: Record<string, string> = encoding ? { 'accept-encoding': encoding } : {};
      const door = await socketGet(base, '/pieces/par-la-porte', headers);
      const hook = await t.app.inject({ method: 'GET', url: '/pieces/par-la-porte', headers });
      expect(door.headers['x-page-cache']).toBe('hit');
      expect(hook.headers['x-page-cache']).toBe('hit');
      expect(pageHeaders(door.headers)).toEqual(pageHeaders(hook.headers));
      expect(door.body.equals(hook.rawPayload)).toBe(true);
      const held = await socketGet(base, '/pieces/par-la-porte', { ...headers, 'if-none-match': String(door.headers.etag) });
      expect(held.status).toBe(304);
      expect(held.body.length).toBe(0);
      // What a cache needs to update the answer it holds, and no other metadata (RFC 9110 §15.4.5).
      expect([held.headers.etag, held.headers['cache-control'], held.headers.vary]).toEqual([door.headers.etag, door.headers['cache-control'], door.headers.vary]);
      expect(held.headers['content-security-policy']).toBeUndefined();
      expect(held.headers['content-language']).toBeUndefined();
    }
    // The English page is its own entry.
    await socketGet(base, '/en/pieces/par-la-porte');
    const en = await socketGet(base, '/en/pieces/par-la-porte');
    expect(en.headers['x-page-cache']).toBe('hit');
    expect(en.headers['content-language']).toBe('en');
  });

  it('lets Fastify answer whatever may be personal or redirected', async () => {
    await socketGet(base, '/');
    expect((await socketGet(base, '/')).headers['x-page-cache']).toBe('hit');
    // A session cookie (valid or not) or a flash: never from the cache.
    expect((await socketGet(base, '/', { cookie: 'oe_session=whatever' })).headers['x-page-cache']).toBeUndefined();
    expect((await socketGet(base, '/', { cookie: 'oe_flash=x' })).headers['x-page-cache']).toBeUndefined();
    // An English-preferring first visitor of `/` is sent to /en/, kept page or not; with the cookie, not.
    const first = await socketGet(base, '/', { 'accept-language': 'en-GB,en;q=0.9' });
    expect(first.status).toBe(302);
    expect(first.headers.location).toBe('/en/');
    expect((await socketGet(base, '/', { 'accept-language': 'en-GB', cookie: 'oe_lang=fr' })).headers['x-page-cache']).toBe('hit');
    // A HEAD is Fastify's.
    expect((await new Promise<number>((resolve) => http.request(`${base}/`, { method: 'HEAD', agent: false }, (res) => resolve(res.statusCode ?? 0)).end())).valueOf()).toBe(200);
  });

  it('stops answering a page the moment a write drops it', async () => {
    await socketGet(base, '/pieces/par-la-porte');
    expect((await socketGet(base, '/pieces/par-la-porte')).headers['x-page-cache']).toBe('hit');
    await makeContributor(t.db.db, { name: 'Porte Nouvelle' });
    expect((await socketGet(base, '/pieces/par-la-porte')).headers['x-page-cache']).toBeUndefined();
  });
});

describe('public page cache under a burst', () => {
  it('renders a page once for many simultaneous anonymous requests', async () => {
    const t = await createTestApp('sqlite', { pageCacheSeconds: 3600 });
    try {
      const { actor } = await makeUser(t.db.db, 'editor');
      await makePiece(t.db.db, actor, { title: 'Rafale', slug: 'rafale', publish: true });
      const responses = await Promise.all(Array.from({ length: 20 }, () => t.app.inject({ method: 'GET', url: '/pieces/rafale' })));
      expect(responses.every((r) => r.statusCode === 200)).toBe(true);
      const rendered = responses.filter((r) => r.headers['x-page-cache'] !== 'hit');
      expect(rendered).toHaveLength(1);
      expect(new Set(responses.map((r) => r.body)).size).toBe(1);
      // A page that cannot be cached (a 404) lets the waiting requests render their own answer.
      const missing = await Promise.all(Array.from({ length: 5 }, () => t.app.inject({ method: 'GET', url: '/pieces/absent' })));
      expect(missing.every((r) => r.statusCode === 404)).toBe(true);
    } finally {
      await t.close();
    }
  });
});

describe('public page cache and the clock', () => {
  it('lets the pages listing pieces go when a scheduled publication comes out', async () => {
    const t = await createTestApp('sqlite', { pageCacheSeconds: 3600 });
    try {
      const { actor } = await makeUser(t.db.db, 'editor');
      await makePiece(t.db.db, actor, { title: 'Déjà là', slug: 'deja-la', publish: true });
      await makePiece(t.db.db, actor, { title: 'Bientôt là', slug: 'bientot-la', publish: new Date('2026-06-01T12:00:00Z') });
      await t.app.pageCache.refreshSchedule(null);
      expect((await t.client().get('/')).body).not.toContain('Bientôt là');
      expect((await t.client().get('/')).headers['x-page-cache']).toBe('hit');
      t.clock.now = new Date('2026-06-01T12:00:01Z');
      const after = await t.client().get('/');
      expect(after.headers['x-page-cache']).toBeUndefined();
      expect(after.body).toContain('Bientôt là');
    } finally {
      await t.close();
    }
  });
});

/** A second app instance over the same database (PostgreSQL: its own pool; SQLite: its own handle on the file). */
async function secondInstance(database: Database, clock: { now: Date }): Promise<FastifyInstance> {
  const app = await buildApp({ config: testConfig({ pageCacheSeconds: 3600 }), database, mailer: new RecordingMailer(), now: () => clock.now });
  await app.ready();
  return app;
}

describe.each(DIALECTS)('the page cache across instances (%s)', (dialect) => {
  let a: TestApp;
  let b: FastifyInstance;
  let bDatabase: Database;
  let dir: string | undefined;

  beforeAll(async () => {
    if (dialect === 'sqlite') dir = mkdtempSync(path.join(tmpdir(), 'oe-cache-'));
    a = await createTestApp(dialect, { pageCacheSeconds: 3600 }, dir ? { sqlitePath: path.join(dir, 'shared.sqlite') } : {});
    bDatabase = dialect === 'postgres' ? createDatabase({ databaseUrl: a.db.url, sqlitePath: '', poolSize: 3 }) : createDatabase({ sqlitePath: path.join(dir!, 'shared.sqlite') });
    b = await secondInstance(bDatabase, a.clock);
  });
  afterAll(async () => {
    await b.close();
    await bDatabase.close();
    await a.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('shows a correction published on instance A on instance B’s next request', async () => {
    const e = await makeUser(a.db.db, 'editor');
    const editor = a.client();
    await editor.login(e.email, PASSWORD);
    const fields = { kind: 'article', title: 'Une erreur', slug: 'une-erreur', summary: 'Résumé.', body_md: 'Le chiffre est 12.', language: 'fr', licence: 'CC-BY-SA-4.0', cover_alt: '' };
    const created = await editor.post('/studio/pieces', fields);
    const id = Number(/\/studio\/pieces\/(\d+)/.exec(String(created.headers.location))?.[1]);
    for (const action of ['submit', 'publish']) expect((await editor.post(`/studio/pieces/${id}/transition`, { action })).statusCode).toBe(303);

    const visitor = new TestClient(b);
    expect((await visitor.get('/pieces/une-erreur')).body).toContain('Le chiffre est 12.');
    const held = await visitor.get('/pieces/une-erreur');
    expect(held.headers['x-page-cache']).toBe('hit');

    expect((await editor.post(`/studio/pieces/${id}`, { ...fields, body_md: 'Le chiffre est 21.' })).statusCode).toBe(303);
    const next = await visitor.get('/pieces/une-erreur');
    expect(next.headers['x-page-cache']).toBeUndefined();
    expect(next.body).toContain('Le chiffre est 21.');
    expect(next.body).not.toContain('Le chiffre est 12.');
    // And it is kept again.
    expect((await visitor.get('/pieces/une-erreur')).headers['x-page-cache']).toBe('hit');
  });
});

describe('static assets', () => {
  it('are served pre-compressed from the build, in the encoding asked for', async () => {
    const t = await createTestApp('sqlite');
    try {
      const plain = await t.app.inject({ method: 'GET', url: '/static/build/app.css' });
      expect(plain.statusCode).toBe(200);
      const br = await t.app.inject({ method: 'GET', url: '/static/build/app.css', headers: { 'accept-encoding': 'br' } });
      expect(br.headers['content-encoding']).toBe('br');
      expect(brotliDecompressSync(br.rawPayload).toString()).toBe(plain.body);
      const gz = await t.app.inject({ method: 'GET', url: '/static/build/app.css', headers: { 'accept-encoding': 'gzip' } });
      expect(gz.headers['content-encoding']).toBe('gzip');
      expect(gunzipSync(gz.rawPayload).toString()).toBe(plain.body);
    } finally {
      await t.close();
    }
  });
});
