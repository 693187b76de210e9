import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../tests/helpers/test-database.ts';
import { createTestApp, type TestApp } from '../../../tests/helpers/test-app.ts';
import { makePiece, makeUser } from '../../../tests/factories/index.ts';

describe.each(DIALECTS)('site endpoints (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => t.close());

  it('reports health with the database in use', async () => {
    const res = await t.client().get('/healthz');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: dialect });
  });

  it('lists public pages in the sitemap, and only those', async () => {
    const { actor } = await makeUser(t.db.db, 'editor');
    await makePiece(t.db.db, actor, { title: 'Visible', slug: 'visible', publish: true });
    await makePiece(t.db.db, actor, { title: 'Brouillon', slug: 'brouillon' });
    await makePiece(t.db.db, actor, { title: 'Futur', slug: 'futur', publish: new Date('2030-01-01T00:00:00Z') });
    const res = await t.client().get('/sitemap.xml');
    expect(res.headers['content-type']).toContain('application/xml');
    expect(res.body).toContain('<loc>http://localhost:3000/pieces/visible</loc>');
    expect(res.body).not.toContain('brouillon');
    expect(res.body).not.toContain('futur');
    expect(res.body).toContain('<loc>http://localhost:3000/themes/open-data</loc>');
  });

  it('serves robots.txt pointing at the sitemap and away from private areas', async () => {
    const res = await t.client().get('/robots.txt');
    expect(res.body).toContain('Disallow: /editor');
    expect(res.body).toContain('Sitemap: http://localhost:3000/sitemap.xml');
  });

  it('sends security headers and gives pages canonical and Open Graph tags', async () => {
    const res = await t.client().get('/');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.body).toContain('<link rel="canonical" href="http://localhost:3000/"/>');
    expect(res.body).toContain('<meta property="og:title"');
    // No third-party host is referenced by a stylesheet or script.
    expect(res.body).not.toMatch(/<script[^>]+src="https?:|<link[^>]+rel="(stylesheet|icon|preload|modulepreload)"[^>]+href="https?:/);
    expect(res.body).toMatch(/<link rel="stylesheet" href="\/static\/build\/app\.css\?v=/);
  });
});
