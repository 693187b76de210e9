/**
 * Property-based (fast-check): no comment, response, search query or mention, whatever it holds,
 * puts markup that executes on a page or in a feed. Pure renderers are tried on many inputs; the
 * full paths (command, database, page, feed) on fewer, on both databases.
 */
import fc from 'fast-check';
import { Parser } from 'htmlparser2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePiece, makeUser, PASSWORD } from '../../../tests/factories/index.ts';
import { createTestApp, type TestApp, type TestClient } from '../../../tests/helpers/test-app.ts';
import { DIALECTS } from '../../../tests/helpers/test-database.ts';
import { findExecutableMarkup, HOSTILE_FRAGMENTS, startFakeSite, type FakeSite } from '../../../tests/support/conversation.ts';
import { approveItem } from './commands/approve-item.ts';
import { postComment } from './commands/post-comment.ts';
import { postResponse } from './commands/post-response.ts';
import { renderCommentMarkdown } from './comment-markdown.ts';

/** Hostile fragments mixed with arbitrary text (unicode, lone surrogates, markup characters). */
const hostile = fc
  .array(fc.oneof(fc.constantFrom(...HOSTILE_FRAGMENTS), fc.string({ unit: 'grapheme', maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 20 }), fc.constantFrom('<', '>', '"', "'", '&', '](', ')', '\n', '`', '*')), { minLength: 1, maxLength: 8 })
  .map((parts) => parts.join(''));

const ALLOWED_TAGS = new Set(['p', 'br', 'em', 'strong', 's', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'a']);

describe('the inertness check', () => {
  it('does find executable markup when there is some', async () => {
    for (const html of ['<img src=x onerror=alert(1)>', '<a href=" JaVaScRiPt:alert(1)">x</a>', '<script>x</script>', '<iframe src=x>', '<svg><a xlink:href="javascript:x">y</a></svg>', '<p style="x">y</p>']) {
      expect((await findExecutableMarkup(html)).length, html).toBeGreaterThan(0);
    }
    expect(await findExecutableMarkup('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p><script src="/static/build/app.js"></script>')).toEqual([]);
  });
});

describe('the comment Markdown renderer', () => {
  it('only ever writes the allowed elements, links with a web or mail address, and nofollow ugc', () => {
    fc.assert(
      fc.property(hostile, (source) => {
        const html = renderCommentMarkdown(source);
        const problems: string[] = [];
        const parser = new Parser({
          onopentag(name, attributes) {
            if (!ALLOWED_TAGS.has(name)) problems.push(`<${name}>`);
            for (const [attribute, value] of Object.entries(attributes)) {
              if (name !== 'a' || (attribute !== 'href' && attribute !== 'rel')) problems.push(`${name}[${attribute}]`);
              if (attribute === 'href' && value !== '' && !/^(https?:\/\/|mailto:)/i.test(value)) problems.push(`href=${value}`);
              if (attribute === 'rel' && value !== 'nofollow ugc noopener') problems.push(`rel=${value}`);
            }
          },
        });
        parser.write(html);
        parser.end();
        expect(problems).toEqual([]);
      }),
      { numRuns: 2000 },
    );
  });
});

describe.each(DIALECTS)('hostile input end to end (%s)', (dialect) => {
  let t: TestApp;
  let editor: TestClient;
  let site: FakeSite;
  let slug: string;
  let pieceId: number;
  let challengeId: number;
  let challengeSlug: string;
  let run = 0;

  beforeAll(async () => {
    t = await createTestApp(dialect, { mentionsAllowPrivateAddresses: true, commentMaxLinks: 50 });
    site = await startFakeSite();
    const e = await makeUser(t.db.db, 'editor');
    editor = t.client();
    await editor.login(e.email, PASSWORD);
    const piece = await makePiece(t.db.db, e.actor, { title: 'Cible', publish: true });
    slug = piece.slug;
    pieceId = piece.id;
    const challenge = await makePiece(t.db.db, e.actor, { kind: 'challenge', title: 'Défi cible', publish: true });
    challengeId = challenge.id;
    challengeSlug = challenge.slug;
    // A trusted commenter: hostile comments are published at once, so they reach the page.
    const ctx = { db: t.db.db, actor: null, now: t.clock.now };
    const first = await postComment(ctx, { pieceId, parentId: null, name: 'Confiance', email: 'trusted@private.example', website: null, body: 'Bonjour.', shownAt: t.clock.now.getTime() - 60_000, maxLinks: 50 });
    await approveItem({ ...ctx, actor: e.actor }, { type: 'comment', id: first.id });
    await t.deliver();
  });
  afterAll(async () => {
    await t.close();
    await site.close();
  });

  const expectInert = async (html: string, where: string) => expect(await findExecutableMarkup(html), where).toEqual([]);
  const website = fc.option(fc.constantFrom('https://ok.example/', 'https://x.example/"><script>alert(1)</script>', 'https://x.example/?a=<b>&c="d"'), { nil: null });

  it('comments and replies: the piece page and its comments feeds stay inert', async () => {
    await fc.assert(
      fc.asyncProperty(hostile, hostile, website, async (name, body, site) => {
        run += 1;
        const ctx = { db: t.db.db, actor: null, now: t.clock.now };
        await postComment(ctx, { pieceId, parentId: null, name: name.trim().slice(0, 80) || 'x', email: 'trusted@private.example', website: site, body: body.trim().slice(0, 5000) || 'x', shownAt: t.clock.now.getTime() - 60_000, maxLinks: 50 });
        await t.deliver();
        await expectInert((await t.client().get(`/pieces/${slug}`)).body, 'piece page');
        for (const format of ['rss', 'atom']) await expectInert((await t.client().get(`/feeds/comments/${slug}.${format}`)).body, `comments ${format}`);
        const reply = await t.client().get(`/pieces/${slug}/comment?reply=1`);
        await expectInert(reply.body, 'reply form');
      }),
      { numRuns: 25 },
    );
    expect(run).toBeGreaterThan(0);
  });

  it('responses: the challenge page and the respondent’s contributor page stay inert', async () => {
    await fc.assert(
      fc.asyncProperty(hostile, hostile, hostile, async (name, title, body) => {
        const ctx = { db: t.db.db, actor: null, now: t.clock.now };
        const { id } = await postResponse(ctx, {
          pieceId: challengeId,
          name: name.trim().slice(0, 80) || 'x',
          email: `respondent-${Math.random().toString(36).slice(2)}@private.example`,
          website: null,
          title: title.trim().slice(0, 200) || 'x',
          body: `${body.trim().slice(0, 19000)} — assez long pour une réponse.`,
          shownAt: t.clock.now.getTime() - 60_000,
          maxLinks: 50,
        });
        await editor.post(`/editor/conversation/response/${id}/approve`);
        await expectInert((await t.client().get(`/pieces/${challengeSlug}`)).body, 'challenge page');
        const contributor = await t.db.db.selectFrom('responses').innerJoin('contributors', 'contributors.id', 'responses.contributor_id').select('contributors.slug').where('responses.id', '=', id).executeTakeFirstOrThrow();
        await expectInert((await t.client().get(`/contributors/${contributor.slug}`)).body, 'contributor page');
        await expectInert((await editor.get('/editor/conversation?status=published')).body, 'editors’ queue');
      }),
      { numRuns: 15 },
    );
  });

  it('search queries: the results page stays inert and never fails', async () => {
    await fc.assert(
      fc.asyncProperty(hostile, async (q) => {
        // URLSearchParams writes a lone surrogate as U+FFFD, as a browser would.
        const res = await t.client().get(`/search?${new URLSearchParams({ q: q.slice(0, 200) }).toString()}`);
        expect(res.statusCode).toBe(200);
        await expectInert(res.body, 'search page');
      }),
      { numRuns: 60 },
    );
  });

  it('mentions: whatever the source’s h-entry says, the piece page stays inert', async () => {
    const target = `${t.app.site.baseUrl}/pieces/${slug}`;
    let n = 0;
    await fc.assert(
      fc.asyncProperty(hostile, hostile, hostile, fc.constantFrom('https://ok.example/me', 'javascript:alert(1)', 'data:text/html,x', '"><x'), async (author, title, content, authorUrl) => {
        n += 1;
        const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
        // Half the sources carry the hostile text as markup, half escaped.
        const raw = n % 2 === 0;
        const text = (s: string) => (raw ? s : escape(s));
        site.pages.set(`/m${n}`, {
          body: `<article class="h-entry"><h1 class="p-name">${text(title)}</h1><a class="p-author h-card" href="${escape(authorUrl)}">${text(author)}</a><div class="e-content">${text(content)} <a href="${target}">cible</a></div></article>`,
        });
        const res = await t.client().post('/webmention', { source: `${site.url}/m${n}`, target }, { csrf: false });
        expect(res.statusCode).toBe(202);
        await expectInert((await t.client().get(`/pieces/${slug}`)).body, 'piece page with mentions');
      }),
      { numRuns: 20 },
    );
    const shown = await t.db.db.selectFrom('mentions').select(['author_url']).where('status', '=', 'published').execute();
    expect(shown.length).toBeGreaterThan(0);
    for (const m of shown) expect(m.author_url === null || /^https?:\/\//.test(m.author_url), String(m.author_url)).toBe(true);
  });
});
