import { describe, expect, it } from 'vitest';
import { avatarFor } from './avatar.ts';
import { linkHeaderTarget } from './link-header.ts';
import { isReservedHost, parseWebUrl, pieceSlugOf, sameDocument } from './mention-urls.ts';
import { countLinks, fillTimeOk, findBlockedWord, moderate, parseBlocklist } from './moderation.ts';

describe('moderation', () => {
  const settings = { maxLinks: 2, blocklist: ['casino', 'pilules bleues'] };
  it.each([
    [{ kind: 'comment' as const, text: 'Bonjour', links: 0, trusted: false }, { status: 'held', reason: 'first_time' }],
    [{ kind: 'comment' as const, text: 'Bonjour', links: 0, trusted: true }, { status: 'published', reason: null }],
    [{ kind: 'comment' as const, text: 'Bonjour', links: 2, trusted: true }, { status: 'published', reason: null }],
    [{ kind: 'comment' as const, text: 'Bonjour', links: 3, trusted: true }, { status: 'held', reason: 'links' }],
    [{ kind: 'comment' as const, text: 'Le CASINÒ', links: 0, trusted: true }, { status: 'held', reason: 'blocklist' }],
    [{ kind: 'comment' as const, text: 'des Pilules  bleues', links: 0, trusted: true }, { status: 'published', reason: null }],
    [{ kind: 'comment' as const, text: 'des pilules bleues', links: 9, trusted: false }, { status: 'held', reason: 'blocklist' }],
    [{ kind: 'response' as const, text: 'Réponse', links: 0, trusted: true }, { status: 'held', reason: 'response' }],
  ])('%j → %j', (arrival, decision) => {
    expect(moderate(arrival, settings)).toEqual(decision);
  });

  it('finds blocklisted words inside words, without accents or case', () => {
    expect(findBlockedWord('Des CasinosEnLigne', ['casino'])).toBe('casino');
    expect(findBlockedWord('rien', ['casino', 'x'])).toBeNull();
  });

  it('reads the editors’ blocklist one entry a line, without blanks, repeats or one-letter entries', () => {
    expect(parseBlocklist(' casino \n\nCasino\nx\npilules bleues\r\nCASINÒ')).toEqual(['casino', 'pilules bleues']);
  });

  it('counts links in rendered text', () => {
    expect(countLinks('<p><a href="a">a</a> <A HREF="b">b</A> <abbr>x</abbr></p>')).toBe(2);
  });

  it('wants at least three seconds, and at most a day, between showing a form and sending it', () => {
    expect(fillTimeOk(0, 2_999)).toBe(false);
    expect(fillTimeOk(0, 3_000)).toBe(true);
    expect(fillTimeOk(0, 86_400_000)).toBe(true);
    expect(fillTimeOk(0, 86_400_001)).toBe(false);
    expect(fillTimeOk(10_000, 0)).toBe(false);
  });
});

describe('avatars', () => {
  it('take initials from the name, and a colour that depends on the name only', () => {
    expect(avatarFor('Léa Martin').initials).toBe('LM');
    expect(avatarFor('jean-paul de la Fontaine').initials).toBe('JF');
    expect(avatarFor('Zoé').initials).toBe('Z');
    expect(avatarFor('<script>').initials).toBe('S');
    expect(avatarFor('!!!').initials).toBe('?');
    expect(avatarFor('Léa Martin').hue).toBe(avatarFor('Léa Martin').hue);
    expect(avatarFor('Léa Martin').hue).toBeGreaterThanOrEqual(0);
    expect(avatarFor('Léa Martin').hue).toBeLessThan(360);
  });
});

describe('mention URLs', () => {
  const base = new URL('https://oe.example');
  it('accepts http(s) URLs without credentials only', () => {
    expect(parseWebUrl('https://a.example/x')?.href).toBe('https://a.example/x');
    for (const bad of ['ftp://a.example', 'javascript:alert(1)', 'https://user:pw@a.example/', 'not a url', `https://a.example/${'x'.repeat(2100)}`, 'data:text/html,x']) expect(parseWebUrl(bad), bad).toBeNull();
  });
  it('recognises our pieces as targets', () => {
    expect(pieceSlugOf(new URL('https://oe.example/pieces/un-texte'), base)).toBe('un-texte');
    expect(pieceSlugOf(new URL('https://OE.example/pieces/un-texte/?x=1#c'), base)).toBe('un-texte');
    expect(pieceSlugOf(new URL('http://oe.example/pieces/un-texte'), base)).toBeNull();
    expect(pieceSlugOf(new URL('https://oe.example/about'), base)).toBeNull();
    expect(pieceSlugOf(new URL('https://other.example/pieces/un-texte'), base)).toBeNull();
    expect(pieceSlugOf(new URL('https://oe.example/pieces/a/b'), base)).toBeNull();
  });
  it('compares documents regardless of fragment, host case and a trailing slash', () => {
    expect(sameDocument(new URL('https://A.example/p/#x'), new URL('https://a.example/p'))).toBe(true);
    expect(sameDocument(new URL('https://a.example/p?x=1'), new URL('https://a.example/p'))).toBe(false);
  });
  it('knows the reserved domains', () => {
    for (const host of ['example.org', 'www.example.com', 'x.test', 'localhost', 'a.invalid', 'b.example']) expect(isReservedHost(host), host).toBe(true);
    for (const host of ['example.fr', 'mastodon.social', 'exampleorg.net']) expect(isReservedHost(host), host).toBe(false);
  });
});

describe('Link headers', () => {
  const base = new URL('https://site.example/post/1');
  it('find the webmention endpoint among other relations, relative or absolute', () => {
    expect(linkHeaderTarget('<https://hooks.example/wm>; rel="webmention"', 'webmention', base)?.href).toBe('https://hooks.example/wm');
    expect(linkHeaderTarget('</a>; rel="preload", </wm?x=1>; rel="other webmention"', 'webmention', base)?.href).toBe('https://site.example/wm?x=1');
    expect(linkHeaderTarget(['<https://x.example/>; rel=alternate', '<https://y.example/wm>; rel=webmention'], 'webmention', base)?.href).toBe('https://y.example/wm');
    expect(linkHeaderTarget('<https://x.example/>; rel="webmentions"', 'webmention', base)).toBeNull();
    expect(linkHeaderTarget(undefined, 'webmention', base)).toBeNull();
  });
});

describe('storable text', () => {
  it('drops NULs and replaces unpaired surrogates, keeping real pairs', async () => {
    const { storableText } = await import('./text.ts');
    expect(storableText('a\u0000b\ud800c\udc00d😀')).toBe('ab\ufffdc\ufffdd😀');
  });
});
