import Parser from 'rss-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeContributor, makePiece, makeUser, PASSWORD } from '../../../tests/factories/index.ts';
import { createTestApp, type TestApp, type TestClient } from '../../../tests/helpers/test-app.ts';
import { DIALECTS } from '../../../tests/helpers/test-database.ts';
import { postCommentForm } from '../../../tests/support/conversation.ts';

const CC_BY_SA = 'https://creativecommons.org/licenses/by-sa/4.0/';
const parser = new Parser({ customFields: { feed: ['rights', 'copyright'], item: ['author', 'rights', 'content:encoded'] } });

interface JsonFeed {
  version: string;
  title: string;
  items: { id: string; url: string; title: string; content_html: string; author?: { name: string; url?: string }; tags?: string[] }[];
}

describe.each(DIALECTS)('feeds (%s)', (dialect) => {
  let t: TestApp;
  let editor: TestClient;
  let slug: string;
  let themeSlug: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const e = await makeUser(t.db.db, 'editor');
    editor = t.client();
    await editor.login(e.email, PASSWORD);
    const theme = await t.db.db.selectFrom('themes').select(['id', 'slug']).orderBy('position').executeTakeFirstOrThrow();
    themeSlug = theme.slug;
    const camille = await makeContributor(t.db.db, { name: 'Camille Commun', email: 'camille.secret@private.example' });
    const traductrice = await makeContributor(t.db.db, { name: 'Tina Traductrice' });
    const piece = await makePiece(t.db.db, e.actor, {
      title: 'Financer les communs <en vrai>',
      summary: 'Un résumé & des chiffres.',
      body_md: 'Le **texte** complet.',
      themes: [theme.id],
      credits: [
        { contributorId: camille.id, kind: 'author' },
        { contributorId: traductrice.id, kind: 'translator' },
      ],
      publish: true,
    });
    slug = piece.slug;
    await makePiece(t.db.db, e.actor, { kind: 'challenge', title: 'Un défi ouvert', credits: [{ contributorId: camille.id, kind: 'author' }], publish: new Date('2026-05-02T00:00:00Z') });
    await t.deliver();
  });
  afterAll(async () => t.close());

  it('publishes every piece as RSS 2.0, Atom and JSON Feed, with the licence and the authors', async () => {
    const rss = await t.client().get('/feeds/pieces.rss');
    expect(rss.statusCode).toBe(200);
    expect(rss.headers['content-type']).toBe('application/rss+xml; charset=utf-8');
    const rssFeed = await parser.parseString(rss.body);
    expect(rssFeed.title).toBe('Open Experience');
    expect(rssFeed.items.map((i) => i.title)).toEqual(['Un défi ouvert', 'Financer les communs &lt;en vrai&gt;']);
    const item = rssFeed.items[1]!;
    expect(item.link).toBe(`http://localhost:3000/pieces/${slug}`);
    expect(item.author).toBe('Camille Commun');
    expect(item['content:encoded']).toContain('<strong>texte</strong>');
    expect(rss.body).toContain(`<copyright>CC BY-SA 4.0 — ${CC_BY_SA}</copyright>`);

    const atom = await t.client().get('/feeds/pieces.atom');
    expect(atom.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    const atomFeed = await parser.parseString(atom.body);
    expect(atomFeed.items).toHaveLength(2);
    const entry = atomFeed.items.find((i) => i.link === `http://localhost:3000/pieces/${slug}`)!;
    expect(entry.author).toBe('Camille Commun');
    expect(entry.rights).toBe(`CC BY-SA 4.0 — ${CC_BY_SA}`);
    expect(atom.body).toContain('<rights>CC BY-SA 4.0');
    expect(atom.body).toContain('<name>Tina Traductrice</name>');

    const json = await t.client().get('/feeds/pieces.json');
    expect(json.headers['content-type']).toBe('application/feed+json; charset=utf-8');
    const jsonFeed = JSON.parse(json.body) as JsonFeed;
    expect(jsonFeed.version).toMatch(/^https:\/\/jsonfeed\.org\/version\/1/);
    const jsonItem = jsonFeed.items.find((i) => i.url.endsWith(slug))!;
    expect(jsonItem.title).toBe('Financer les communs <en vrai>');
    expect(jsonItem.author).toEqual({ name: 'Camille Commun', url: 'http://localhost:3000/contributors/camille-commun' });
    expect(jsonItem.tags).toContain('Article');

    for (const body of [rss.body, atom.body, json.body]) expect(body).not.toContain('camille.secret');
  });

  it('has a feed per theme, per kind and per contributor, and 404s for unknown ones', async () => {
    const theme = await parser.parseString((await t.client().get(`/feeds/themes/${themeSlug}.rss`)).body);
    expect(theme.items.map((i) => i.title)).toEqual(['Financer les communs &lt;en vrai&gt;']);
    const kind = await parser.parseString((await t.client().get('/feeds/kinds/challenges.atom')).body);
    expect(kind.items.map((i) => i.title)).toEqual(['Un défi ouvert']);
    const contributor = JSON.parse((await t.client().get('/feeds/contributors/camille-commun.json')).body) as JsonFeed;
    expect(contributor.title).toContain('Camille Commun');
    expect(contributor.items).toHaveLength(2);
    for (const url of ['/feeds/themes/nope.rss', '/feeds/kinds/poems.rss', '/feeds/contributors/nobody.rss', '/feeds/comments/nope.rss', `/feeds/themes/${themeSlug}.xml`, '/feeds/themes/..%2Fetc.rss']) {
      expect((await t.client().get(url)).statusCode, url).toBe(404);
    }
  });

  it('has a comments feed per piece, announced in its page, naming commenters but never their email', async () => {
    await postCommentForm(t, t.client(), slug, { name: 'Paul <b>Lecteur</b>', email: 'paul.secret@private.example', body: 'Un *commentaire* pour le flux.' });
    const held = await t.db.db.selectFrom('comments').select('id').executeTakeFirstOrThrow();
    await editor.post(`/editor/conversation/comment/${held.id}/approve`);
    const page = await t.client().get(`/pieces/${slug}`);
    expect(page.body).toContain(`<link rel="alternate" href="/feeds/comments/${slug}.rss" type="application/rss+xml"`);
    expect(page.body).toContain('<link rel="alternate" href="/feeds/pieces.atom" type="application/atom+xml"');
    for (const format of ['rss', 'atom'] as const) {
      const res = await t.client().get(`/feeds/comments/${slug}.${format}`);
      expect(res.statusCode).toBe(200);
      const feed = await parser.parseString(res.body);
      expect(feed.items).toHaveLength(1);
      expect(feed.items[0]!.title).toBe('Commentaire de Paul &lt;b&gt;Lecteur&lt;/b&gt;');
      expect(feed.items[0]!.link).toBe(`http://localhost:3000/pieces/${slug}#comment-${held.id}`);
      expect(res.body).toContain('<em>commentaire</em>');
      expect(res.body).toContain('CC BY-SA 4.0');
      expect(res.body).not.toContain('paul.secret');
    }
    const json = JSON.parse((await t.client().get(`/feeds/comments/${slug}.json`)).body) as JsonFeed;
    expect(json.items[0]!.author?.name).toBe('Paul <b>Lecteur</b>');
  });

  it('answers a reader that already has the feed with 304', async () => {
    const first = await t.client().get('/feeds/pieces.rss');
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await t.client().get('/feeds/pieces.rss', { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });

  it('lists the feeds on a page linked from every page’s footer', async () => {
    const page = await t.client().get('/feeds');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`/feeds/themes/${themeSlug}.rss`);
    expect(page.body).toContain('/feeds/kinds/case-studies.atom');
    expect((await t.client().get('/')).body).toContain('<a href="/feeds">');
  });
});
