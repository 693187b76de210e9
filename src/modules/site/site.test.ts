import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../tests/helpers/test-database.ts';
import { createTestApp, type TestApp } from '../../../tests/helpers/test-app.ts';
import { makeContributor, makePiece, makeUser } from '../../../tests/factories/index.ts';
import { checkDatabase } from './queries.ts';
import { buildSitemap } from './sitemap.ts';

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
    expect(res.headers['cache-control']).toBe('no-store');
    expect(await checkDatabase(t.db.db)).toBe(true);
  });

  it('turns the old language switch into the page in that language, remembered for a year, and only a page of this site', async () => {
    const c = t.client();
    const res = await c.get('/lang/en?next=/contributors');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/en/contributors');
    const cookie = (res.cookies as { name: string; value: string; maxAge?: number }[]).find((k) => k.name === 'oe_lang');
    expect(cookie).toMatchObject({ value: 'en', maxAge: 60 * 60 * 24 * 365 });
    expect((await c.get('/en/contributors')).body).toContain('<html lang="en"');
    for (const next of ['https://evil.example', '//evil.example', '/\\evil.example']) {
      expect((await t.client().get(`/lang/fr?next=${encodeURIComponent(next)}`)).headers.location).toBe('/');
    }
    expect((await t.client().get('/lang/fr?next=/a&next=/b')).headers.location).toBe('/');
    expect((await t.client().get('/lang/fr')).headers.location).toBe('/');
    expect((await t.client().get('/lang/de')).statusCode).toBe(404);
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
    expect(res.body).toContain('<loc>http://localhost:3000/kinds/');
  });

  it('lists a contributor’s page once they have a published contribution', async () => {
    const { actor } = await makeUser(t.db.db, 'editor');
    const person = await makeContributor(t.db.db, { name: 'Sitemap Personne' });
    const credits = [{ contributorId: person.id, kind: 'author' }];
    await makePiece(t.db.db, actor, { title: 'Pas encore', credits });
    expect((await t.client().get('/sitemap.xml')).body).not.toContain(`/contributors/${person.slug}<`);
    await makePiece(t.db.db, actor, { title: 'Publié', credits, publish: true });
    expect((await t.client().get('/sitemap.xml')).body).toContain(`<loc>http://localhost:3000/contributors/${person.slug}</loc>`);
  });

  it('serves robots.txt pointing at the sitemap and away from private areas', async () => {
    const res = await t.client().get('/robots.txt');
    expect(res.body).toContain('Disallow: /editor');
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(res.body).toBe('User-agent: *\nDisallow: /editor\nDisallow: /studio\nDisallow: /account\nAllow: /\n\nSitemap: http://localhost:3000/sitemap.xml\n');
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

describe('sitemap', () => {
  it('builds a sitemaps.org document with escaped addresses, day-precision dates and both languages', () => {
    const xml = buildSitemap('https://example.org', [{ path: '/' }, { path: '/pieces/a&b', lastmod: '2026-05-01T10:00:00.000Z' }]);
    const home = '<xhtml:link rel="alternate" hreflang="fr" href="https://example.org/"/><xhtml:link rel="alternate" hreflang="en" href="https://example.org/en/"/>';
    const piece =
      '<xhtml:link rel="alternate" hreflang="fr" href="https://example.org/pieces/a&amp;b"/><xhtml:link rel="alternate" hreflang="en" href="https://example.org/en/pieces/a&amp;b"/>';
    expect(xml).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n' +
        `  <url><loc>https://example.org/</loc>${home}</url>\n` +
        `  <url><loc>https://example.org/en/</loc>${home}</url>\n` +
        `  <url><loc>https://example.org/pieces/a&amp;b</loc><lastmod>2026-05-01</lastmod>${piece}</url>\n` +
        `  <url><loc>https://example.org/en/pieces/a&amp;b</loc><lastmod>2026-05-01</lastmod>${piece}</url>\n</urlset>\n`,
    );
  });
});
