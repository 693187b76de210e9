import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alternateUrls, langOfUrl, localiseLinks, localisePath, preferredLang, stripLangPrefix } from './lang-url.ts';

describe('the language in the URL', () => {
  it.each([
    ['/', 'fr', '/'],
    ['/events', 'fr', '/events'],
    ['/english', 'fr', '/english'],
    ['/enroll?x=1', 'fr', '/enroll?x=1'],
    ['/en', 'en', '/'],
    ['/en/', 'en', '/'],
    ['/en?page=2', 'en', '/?page=2'],
    ['/en/events', 'en', '/events'],
    ['/en/events/soiree-1/order?x=/en/y', 'en', '/events/soiree-1/order?x=/en/y'],
    ['/en/en/x', 'en', '/en/x'],
  ])('%s is %s, routed as %s', (url, lang, routed) => {
    expect(langOfUrl(url)).toBe(lang);
    expect(stripLangPrefix(url)).toBe(routed);
  });

  it('puts a path in a language, leaving files, endpoints and other sites alone', () => {
    expect(localisePath('/events', 'en')).toBe('/en/events');
    expect(localisePath('/', 'en')).toBe('/en/');
    expect(localisePath('/?q=1', 'en')).toBe('/en/?q=1');
    expect(localisePath('/feeds', 'en')).toBe('/en/feeds');
    expect(localisePath('/events', 'fr')).toBe('/events');
    for (const neutral of ['/static/build/app.css?v=1', '/media/abc.webp', '/feeds/pieces.rss', '/sitemap.xml', '/robots.txt', '/api/map/organisations', '/payments/stripe/webhook', '/webmention', '/lang/fr?next=/x']) {
      expect(localisePath(neutral, 'en')).toBe(neutral);
    }
    for (const other of ['https://example.org/x', '//evil.example/x', '#main', 'mailto:a@example.org', '/en/events']) {
      expect(localisePath(other, 'en')).toBe(other);
    }
  });

  it('routes every localised page path back to itself', () => {
    fc.assert(
      fc.property(fc.webPath(), (raw) => {
        const path = raw.startsWith('/') && !raw.startsWith('//') ? raw : `/${raw.replace(/^\/+/, '')}`;
        const english = localisePath(path, 'en');
        if (english === path) return;
        expect(langOfUrl(english)).toBe('en');
        expect(stripLangPrefix(english)).toBe(path);
      }),
    );
  });

  it('names the page in both languages for the switch and the alternates', () => {
    expect(alternateUrls('/events?page=2')).toEqual({ fr: '/events?page=2', en: '/en/events?page=2' });
    expect(alternateUrls('/')).toEqual({ fr: '/', en: '/en/' });
  });
});

describe('localiseLinks', () => {
  it('puts links and forms of an English page under /en, and nothing else', () => {
    const html =
      '<a href="/events" title="a > b">x</a><a class="c" href="/static/x.css">s</a><form method="post" action="/events/a/order"><button formaction="/orders/1/cancel">b</button></form>' +
      '<a href="https://example.org/">o</a><a href="#main">m</a><link rel="stylesheet" href="/static/app.css"/><p>href="/not-a-link"</p>' +
      '<a href="/events" hreflang="fr" lang="fr" data-lang-switch>Français</a><a href="/pieces/x" hreflang="fr" lang="fr">Un texte</a><img src="/media/a.webp"/>';
    expect(localiseLinks(html, 'en')).toBe(
      '<a href="/en/events" title="a > b">x</a><a class="c" href="/static/x.css">s</a><form method="post" action="/en/events/a/order"><button formaction="/en/orders/1/cancel">b</button></form>' +
        '<a href="https://example.org/">o</a><a href="#main">m</a><link rel="stylesheet" href="/static/app.css"/><p>href="/not-a-link"</p>' +
        '<a href="/events" hreflang="fr" lang="fr" data-lang-switch>Français</a><a href="/en/pieces/x" hreflang="fr" lang="fr">Un texte</a><img src="/media/a.webp"/>',
    );
  });

  it('leaves a French page as it is', () => {
    const html = '<a href="/events">x</a>';
    expect(localiseLinks(html, 'fr')).toBe(html);
  });

  it('is idempotent', () => {
    const once = localiseLinks('<a href="/a">a</a><a href="/">h</a>', 'en');
    expect(once).toBe('<a href="/en/a">a</a><a href="/en/">h</a>');
    expect(localiseLinks(once, 'en')).toBe(once);
  });
});

describe('preferredLang', () => {
  it.each([
    [undefined, null],
    ['', null],
    ['de-DE,de;q=0.9', null],
    ['*', null],
    ['en-US,en;q=0.9', 'en'],
    ['fr-FR,fr;q=0.9,en-US;q=0.8,en;q=0.7', 'fr'],
    ['en-GB;q=0.8,fr;q=0.9', 'fr'],
    ['de-DE,de;q=0.9,en;q=0.5', 'en'],
    ['fr;q=0.5,en;q=0.5', 'fr'],
    ['EN', 'en'],
    ['en;q=0', null],
  ])('%j prefers %s', (header, lang) => {
    expect(preferredLang(header)).toBe(lang);
  });
});
