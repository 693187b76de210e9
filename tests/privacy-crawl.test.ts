/**
 * Privacy: a seeded site (the demo programme, plus comments, a held comment, an approved response,
 * a proposal, a contact message and a mention) is crawled as an anonymous visitor — every page
 * reachable from the home page, the sitemap, robots.txt, every feed and JSON endpoint — and no
 * email address of a commenter, a respondent, a contributor or a user may appear anywhere.
 */
import { Parser } from 'htmlparser2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../src/modules/demo/index.ts';
import { createTestApp, type TestApp, type TestClient } from './helpers/test-app.ts';
import { DIALECTS } from './helpers/test-database.ts';
import { postCommentForm, postResponseForm, startFakeSite, type FakeSite } from './support/conversation.ts';

const MAX_URLS = 1500;

/** Same-site links of a page: href, src and the feeds' item links. */
function linksOf(body: string): string[] {
  const links: string[] = [];
  const parser = new Parser({
    onopentag(_name, attributes) {
      for (const name of ['href', 'src', 'action']) if (attributes[name]) links.push(attributes[name]);
    },
  });
  parser.write(body);
  parser.end();
  for (const m of body.matchAll(/<(?:loc|link|id)>([^<]+)<\/(?:loc|link|id)>/g)) links.push(m[1]!);
  for (const m of body.matchAll(/"(?:url|home_page_url|feed_url)":\s*"([^"]+)"/g)) links.push(m[1]!);
  return links;
}

describe.each(DIALECTS)('no email address on any public page, feed or endpoint (%s)', (dialect) => {
  let t: TestApp;
  let site: FakeSite;
  let editor: TestClient;

  beforeAll(async () => {
    t = await createTestApp(dialect, { mentionsAllowPrivateAddresses: true });
    site = await startFakeSite();
    const base = t.app.site.baseUrl;
    await seedDemo(t.db.db, t.clock.now);
    await t.deliver();
    const pieces = await t.db.db.selectFrom('pieces').select(['slug', 'kind']).where('status', '=', 'published').execute();
    const article = pieces.find((p) => p.kind === 'article')!;
    const challenge = pieces.find((p) => p.kind === 'challenge')!;
    editor = t.client();
    await editor.login('editor@example.org', 'open-experience-editor');

    await postCommentForm(t, t.client(), article.slug, { name: 'Carla Commentatrice', email: 'carla.commentatrice@private.example', website: 'https://carla.example', body: 'Un commentaire approuvé.' });
    await postCommentForm(t, t.client(), article.slug, { name: 'Henri Retenu', email: 'henri.retenu@private.example', body: 'Un commentaire en attente.' });
    await postResponseForm(t, t.client(), challenge.slug, { name: 'Rosa Répond', email: 'rosa.repond@private.example', title: 'Ma réponse', body: 'Une réponse approuvée, qui crédite Rosa parmi les contributeurs.' });
    for (const row of await t.db.db.selectFrom('comments').select('id').where('body_md', '=', 'Un commentaire approuvé.').execute()) await editor.post(`/editor/conversation/comment/${row.id}/approve`);
    for (const row of await t.db.db.selectFrom('responses').select('id').execute()) await editor.post(`/editor/conversation/response/${row.id}/approve`);
    site.pages.set('/post', { body: `<article class="h-entry"><p class="p-author h-card">Mia <a class="u-email" href="mailto:mia.secret@private.example">m</a></p><p class="e-content"><a href="${base}/pieces/${article.slug}">cité</a></p></article>` });
    await t.client().post('/webmention', { source: `${site.url}/post`, target: `${base}/pieces/${article.slug}` }, { csrf: false });
    await t.client().post('/propose', { name: 'Pia Propose', email: 'pia.propose@private.example', title: 'Une proposition', pitch: 'Une proposition assez longue pour être acceptée.', draft: '', language: 'fr', website: '' });
    await t.client().post('/contact', { name: 'Max Message', email: 'max.message@private.example', subject: 'Bonjour', body: 'Un message pour la rédaction.', website: '' });
  });
  afterAll(async () => {
    await t.close();
    await site.close();
  });

  it('crawls the whole public site and finds none', async () => {
    const emails = new Set<string>(['mia.secret@private.example']);
    for (const table of ['users', 'contributors', 'commenters', 'proposals', 'messages'] as const) {
      for (const row of await t.db.db.selectFrom(table).select('email').execute()) if (row.email) emails.add(row.email.toLowerCase());
    }
    expect(emails.has('carla.commentatrice@private.example')).toBe(true);
    expect(emails.has('rosa.repond@private.example')).toBe(true);
    expect(emails.size).toBeGreaterThan(15);

    const base = t.app.site.baseUrl;
    const queue = ['/', '/sitemap.xml', '/robots.txt', '/healthz', '/feeds', '/feeds/pieces.rss', '/feeds/pieces.atom', '/feeds/pieces.json', '/search?q=open', '/search?q=donnees'];
    const seen = new Set<string>();
    const visitor = t.client();
    const leaks: string[] = [];
    while (queue.length && seen.size < MAX_URLS) {
      const url = queue.shift()!;
      if (seen.has(url)) continue;
      seen.add(url);
      const res = await visitor.get(url);
      const body = res.body.toLowerCase();
      for (const email of emails) if (body.includes(email) || body.includes(encodeURIComponent(email))) leaks.push(`${email} on ${url}`);
      if (/@private\.example/.test(body)) leaks.push(`an @private.example address on ${url}`);
      const type = String(res.headers['content-type'] ?? '');
      if (res.statusCode !== 200 || !/html|xml|json/.test(type)) continue;
      for (const raw of linksOf(res.body).filter((l) => !l.startsWith('\\"'))) {
        let link: URL;
        try {
          link = new URL(raw.replace(/&amp;/g, '&'), `${base}${url}`);
        } catch {
          continue;
        }
        if (link.origin !== base || link.pathname.startsWith('/static/')) continue;
        const path = `${link.pathname}${link.search}`;
        // Comment feeds of every piece, discovered from its page's head links, are crawled too.
        if (!seen.has(path)) queue.push(path);
      }
    }
    expect(leaks).toEqual([]);
    // The crawl reached what it should: pieces, contributor pages, comments, feeds.
    const visited = [...seen];
    expect(visited.filter((u) => u.startsWith('/pieces/')).length).toBeGreaterThan(10);
    expect(visited.some((u) => u.startsWith('/contributors/rosa-repond'))).toBe(true);
    expect(visited.some((u) => u.startsWith('/feeds/comments/'))).toBe(true);
    expect(visited.some((u) => u.startsWith('/feeds/themes/'))).toBe(true);
  }, 240_000);
});
