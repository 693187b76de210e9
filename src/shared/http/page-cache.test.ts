import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/helpers/test-app.ts';
import { makePiece, makeUser } from '../../../tests/factories/index.ts';

describe('public page micro-cache', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('sqlite', { pageCacheSeconds: 60 });
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

  it('bypasses the cache for logged-in people and empties it after a write', async () => {
    await t.client().get('/');
    expect((await t.client().get('/')).headers['x-page-cache']).toBe('hit');
    const e = await makeUser(t.db.db, 'editor');
    const c = t.client();
    await c.login(e.email, 'correct horse battery staple');
    expect((await c.get('/')).headers['x-page-cache']).toBeUndefined();
    expect((await t.client().get('/')).headers['x-page-cache']).toBeUndefined();
  });
});

describe('public page micro-cache under a burst', () => {
  it('renders a page once for many simultaneous anonymous requests', async () => {
    const t = await createTestApp('sqlite', { pageCacheSeconds: 60 });
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
