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
