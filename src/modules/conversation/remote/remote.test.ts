import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSite, type FakeSite } from '../../../../tests/support/conversation.ts';
import { fetchRemote, ForbiddenAddressError, isPublicAddress, RemoteFetchError } from './fetch-remote.ts';
import { readEntry } from './h-entry.ts';
import { readPageLinks } from './html-links.ts';
import { discoverEndpoint, verifySource } from './webmention-client.ts';

const open = { allowPrivateAddresses: true, userAgent: 'test' };
const closed = { allowPrivateAddresses: false, userAgent: 'test' };

describe('public addresses', () => {
  it.each([
    ['93.184.216.34', true],
    ['2606:4700::1111', true],
    ['127.0.0.1', false],
    ['127.1.2.3', false],
    ['10.1.2.3', false],
    ['172.16.0.1', false],
    ['192.168.1.1', false],
    ['169.254.169.254', false],
    ['100.64.0.1', false],
    ['0.0.0.0', false],
    ['255.255.255.255', false],
    ['224.0.0.1', false],
    ['::1', false],
    ['::', false],
    ['fe80::1', false],
    ['fc00::1', false],
    ['::ffff:127.0.0.1', false],
    ['::ffff:93.184.216.34', true],
    ['not an address', false],
  ])('%s → %s', (address, expected) => {
    expect(isPublicAddress(address)).toBe(expected);
  });
});

describe('fetching another site', () => {
  let site: FakeSite;
  beforeAll(async () => {
    site = await startFakeSite();
    site.pages.set('/ok', { body: '<p>ok</p>' });
    site.pages.set('/big', { body: 'x'.repeat(3 * 1024 * 1024) });
    site.pages.set('/hang', { hang: true });
    for (let i = 0; i < 8; i++) site.pages.set(`/loop${i}`, { status: 302, headers: { location: `/loop${i + 1}` } });
    site.pages.set('/to-ftp', { status: 301, headers: { location: 'ftp://files.example/' } });
  });
  afterAll(async () => site.close());

  it('refuses loopback addresses, written as an address or a name, before connecting', async () => {
    const port = new URL(site.url).port;
    for (const url of [`${site.url}/ok`, `http://localhost:${port}/ok`, `http://[::1]:${port}/ok`, `http://0177.0.0.1:${port}/ok`]) {
      await expect(fetchRemote(new URL(url), {}, closed), url).rejects.toBeInstanceOf(ForbiddenAddressError);
    }
    expect(site.requests).toEqual([]);
  });

  it('reads at most 1 MB, follows at most 5 redirects, and gives up after the timeout', async () => {
    const big = await fetchRemote(new URL(`${site.url}/big`), {}, open);
    expect(big.truncated).toBe(true);
    expect(big.body.length).toBe(1024 * 1024);
    await expect(fetchRemote(new URL(`${site.url}/loop0`), {}, open)).rejects.toThrow(/more than 5 redirects/);
    const four = await fetchRemote(new URL(`${site.url}/loop3`), {}, open);
    expect(four.status).toBe(404);
    expect(four.url.pathname).toBe('/loop8');
    await expect(fetchRemote(new URL(`${site.url}/to-ftp`), {}, open)).rejects.toBeInstanceOf(RemoteFetchError);
    const started = Date.now();
    await expect(fetchRemote(new URL(`${site.url}/hang`), {}, { ...open, timeoutMs: 300 })).rejects.toThrow(/timed out/);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('discovers a webmention endpoint by Link header first, then by the first <link> or <a>', async () => {
    site.pages.set('/by-header', { headers: { link: '<https://hooks.example/wm>; rel="webmention"' }, body: '<link rel="webmention" href="/other">' });
    site.pages.set('/by-link', { body: '<a rel="nofollow" href="/x">x</a><a rel="webmention" href="/wm-a"></a><link rel="webmention" href="/wm-link">' });
    site.pages.set('/self', { body: '<link rel="webmention" href="">' });
    site.pages.set('/none', { body: '<p>rien</p>' });
    expect((await discoverEndpoint(new URL(`${site.url}/by-header`), open))?.href).toBe('https://hooks.example/wm');
    expect((await discoverEndpoint(new URL(`${site.url}/by-link`), open))?.href).toBe(`${site.url}/wm-a`);
    expect((await discoverEndpoint(new URL(`${site.url}/self`), open))?.href).toBe(`${site.url}/self`);
    expect(await discoverEndpoint(new URL(`${site.url}/none`), open)).toBeNull();
    site.pages.set('/down', { status: 503 });
    await expect(discoverEndpoint(new URL(`${site.url}/down`), open)).rejects.toThrow(/503/);
  });

  it('verifies a source: linked, not linked, gone, temporarily down', async () => {
    const target = new URL('https://oe.example/pieces/texte');
    site.pages.set('/links', { body: '<p><a href="https://oe.example/pieces/texte/#comments">lu</a></p>' });
    site.pages.set('/plain', { headers: { 'content-type': 'text/plain' }, body: 'voir https://oe.example/pieces/texte' });
    site.pages.set('/not', { body: '<p><a href="https://oe.example/pieces/autre">autre</a> https://oe.example/pieces/texte</p>' });
    site.pages.set('/gone', { status: 410 });
    site.pages.set('/down', { status: 500 });
    expect((await verifySource(new URL(`${site.url}/links`), target, open)).result).toBe('verified');
    expect((await verifySource(new URL(`${site.url}/plain`), target, open)).result).toBe('verified');
    expect(await verifySource(new URL(`${site.url}/not`), target, open)).toEqual({ result: 'removed', why: 'no_link' });
    expect(await verifySource(new URL(`${site.url}/gone`), target, open)).toEqual({ result: 'removed', why: 'http_410' });
    await expect(verifySource(new URL(`${site.url}/down`), target, open)).rejects.toThrow(/500/);
    expect(await verifySource(new URL(`${site.url}/links`), target, closed)).toEqual({ result: 'removed', why: 'forbidden_address' });
  });
});

describe('reading remote pages', () => {
  it('lists links and embeds, and the title', () => {
    const page = readPageLinks('<title> Un  titre </title><a href=" /a ">a</a><img src="/i.png"><blockquote cite="https://q.example/"></blockquote><script>var a="<a href=/no>"</script>');
    expect(page.links).toEqual(['/a', '/i.png', 'https://q.example/']);
    expect(page.title).toBe('Un titre');
  });

  it('reads an h-entry nested in an h-feed, with a like', () => {
    const target = new URL('https://oe.example/pieces/texte');
    const entry = readEntry(
      '<div class="h-feed"><article class="h-entry"><span class="p-author h-card"><span class="p-name">Ana</span><a class="u-url" href="/ana">site</a></span><a class="u-like-of" href="https://oe.example/pieces/texte">j’aime</a><p class="p-summary">Court résumé</p></article></div>',
      new URL('https://blog.example/post'),
      target,
    );
    expect(entry).toMatchObject({ kind: 'like', authorName: 'Ana', authorUrl: 'https://blog.example/ana', excerpt: 'Court résumé' });
    expect(readEntry('<p>pas de microformats</p>', new URL('https://blog.example/'), target)).toBeNull();
  });
});
