/**
 * One language at a time (issue 11, item 5): the language is in the URL, the first visit to `/`
 * follows Accept-Language once, the switch keeps the page, redirects keep the language.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTicketedEvent } from '../../../tests/helpers/ticketing-fixtures.ts';
import { createTestApp, type TestApp } from '../../../tests/helpers/test-app.ts';
import { DIALECTS } from '../../../tests/helpers/test-database.ts';

describe.each(DIALECTS)('language in the URL (%s)', (dialect) => {
  let t: TestApp;
  let slug: string;
  beforeAll(async () => {
    t = await createTestApp(dialect, { pageCacheSeconds: 5 });
    slug = (await makeTicketedEvent(t.db.db, { capacity: 10, price: 0, title: 'Soirée des langues' })).slug;
  });
  afterAll(async () => t.close());

  it('serves /events in French and /en/events in English, with links that stay in each language', async () => {
    const fr = await t.client().get('/events');
    expect(fr.statusCode).toBe(200);
    expect(fr.body).toContain('<html lang="fr"');
    expect(fr.headers['content-language']).toBe('fr');
    expect(fr.body).toContain('href="/contributors"');
    expect(fr.body).not.toContain('href="/en/contributors"');

    const en = await t.client().get('/en/events');
    expect(en.statusCode).toBe(200);
    expect(en.body).toContain('<html lang="en"');
    expect(en.headers['content-language']).toBe('en');
    expect(en.body).toContain('href="/en/contributors"');
    expect(en.body).toContain(`href="/en/events/${slug}"`);
    // Every other link of the page stays in English (the switch names its language).
    const links = [...en.body.matchAll(/<a [^>]*>/g)].map((m) => m[0]).filter((a) => !a.includes('data-lang-switch'));
    expect(links.filter((a) => /href="\/(?!en\/|en"|static\/|media\/|feeds\/|sitemap\.xml)/.test(a))).toEqual([]);
    // Files stay where they are.
    expect(en.body).toMatch(/href="\/static\/build\/app\.css/);
    // The page cache keeps the two languages apart.
    expect((await t.client().get('/events')).body).toContain('<html lang="fr"');
    expect((await t.client().get('/en/events')).body).toContain('<html lang="en"');
  });

  it('serves the English home at /en/ and /en, and module pages in English too', async () => {
    for (const url of ['/en/', '/en', `/en/events/${slug}`, '/en/contributors', '/en/about', '/en/account/login']) {
      const res = await t.client().get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).toContain('<html lang="en"');
    }
    const missing = await t.client().get('/en/no-such-page');
    expect(missing.statusCode).toBe(404);
    expect(missing.body).toContain('<html lang="en"');
  });

  it('announces both languages with hreflang alternates and a canonical in the page’s language', async () => {
    const fr = await t.client().get('/events?page=1');
    expect(fr.body).toContain('<link rel="alternate" hreflang="fr" href="http://localhost:3000/events?page=1"/>');
    expect(fr.body).toContain('<link rel="alternate" hreflang="en" href="http://localhost:3000/en/events?page=1"/>');
    expect(fr.body).toContain('<link rel="alternate" hreflang="x-default" href="http://localhost:3000/events?page=1"/>');
    const en = await t.client().get(`/en/events/${slug}`);
    expect(en.body).toContain(`<link rel="alternate" hreflang="fr" href="http://localhost:3000/events/${slug}"/>`);
    expect(en.body).toContain(`<link rel="canonical" href="http://localhost:3000/en/events/${slug}"/>`);
  });

  it('switches to the same page in the other language', async () => {
    const en = await t.client().get('/en/contributors?x=1');
    expect(en.body).toContain('<a href="/contributors?x=1" hreflang="fr" lang="fr" class="lang-switch" data-lang-switch="true">Français</a>');
    const fr = await t.client().get(`/events/${slug}`);
    expect(fr.body).toContain(`<a href="/en/events/${slug}" hreflang="en" lang="en" class="lang-switch" data-lang-switch="true">English</a>`);
  });

  it('sends an English-preferring first visitor of / to /en/ once, and French stays reachable', async () => {
    const c = t.client();
    const first = await c.get('/', { 'accept-language': 'en-US,en;q=0.9,fr;q=0.5' });
    expect(first.statusCode).toBe(302);
    expect(first.headers.location).toBe('/en/');
    expect(first.headers.vary).toMatch(/Accept-Language/);
    expect(first.headers['x-content-type-options']).toBe('nosniff');
    expect(c.cookie('oe_lang')).toBe('en');
    // Once remembered, the French home page is served to the same visitor.
    const again = await c.get('/', { 'accept-language': 'en-US,en;q=0.9' });
    expect(again.statusCode).toBe(200);
    expect(again.body).toContain('<html lang="fr"');
    expect(again.headers.vary).toMatch(/Cookie/);
    expect(again.headers.vary).toMatch(/Accept-Language/);

    // French-preferring and undecided visitors, and robots, are not redirected; other pages never are.
    expect((await t.client().get('/', { 'accept-language': 'fr-FR,fr;q=0.9,en;q=0.8' })).statusCode).toBe(200);
    expect((await t.client().get('/')).statusCode).toBe(200);
    expect((await t.client().get('/', { 'accept-language': 'en', 'user-agent': 'Mozilla/5.0 (compatible; Googlebot/2.1)' })).statusCode).toBe(200);
    expect((await t.client().get('/events', { 'accept-language': 'en' })).statusCode).toBe(200);
    const query = await t.client().get('/?utm=x', { 'accept-language': 'en' });
    expect(query.headers.location).toBe('/en/?utm=x');
  });

  it('keeps the language through a form and its redirect', async () => {
    const c = t.client();
    await c.get('/en/contact');
    const res = await c.post('/en/contact', { name: 'Ann', email: 'ann@example.net', subject: 'Hello', body: 'I would like to join the evenings.', website: '' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/en/contact');
    const next = await c.get(res.headers.location as string);
    expect(next.body).toContain('<html lang="en"');
    // A refused form is shown again in English.
    const refused = await c.post('/en/contact', { name: 'Ann', email: '', subject: 'Hello', body: 'short', website: '' });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('<html lang="en"');
  });

  it('writes emails in the language of the page they were asked from, with links in that language', async () => {
    const c = t.client();
    const res = await c.post('/en/account/signup', { displayName: 'Ann Reader', email: 'ann.reader@example.org', password: 'a long enough password' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<html lang="en"');
    const mail = t.mailer.lastTo('ann.reader@example.org');
    expect(mail?.text).toContain('Hello');
    const link = t.mailer.linkTo('ann.reader@example.org');
    expect(link).toMatch(/^http:\/\/localhost:3000\/en\/account\/confirm\/[\w-]+$/);
    expect((await c.get(new URL(link!).pathname)).body).toContain('<html lang="en"');
  });

  it('turns the old /lang switch into a redirect to the prefixed page', async () => {
    const c = t.client();
    const res = await c.get('/lang/en?next=/contributors');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/en/contributors');
    expect(c.cookie('oe_lang')).toBe('en');
    expect((await t.client().get('/lang/fr?next=/en/contributors')).headers.location).toBe('/contributors');
    expect((await t.client().get('/en/lang/fr?next=/about')).headers.location).toBe('/about');
    expect((await t.client().get('/lang/en?next=//evil.example')).headers.location).toBe('/en/');
  });
});
