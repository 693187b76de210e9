/**
 * Webmention and pingback, received and sent, over real HTTP on this machine: a fake site stands
 * in for other people's pages, and two instances of the platform mention each other.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeContributor, makePiece, makeUser, PASSWORD } from '../../../tests/factories/index.ts';
import { freePort } from '../../../tests/e2e/support/server.ts';
import { createTestApp, type TestApp, type TestClient } from '../../../tests/helpers/test-app.ts';
import { DIALECTS } from '../../../tests/helpers/test-database.ts';
import { startFakeSite, type FakeSite } from '../../../tests/support/conversation.ts';
import type { Config } from '../../config.ts';
import type { Actor } from '../../shared/actor.ts';
import { savePiece } from '../publishing/index.ts';

async function listeningApp(dialect: (typeof DIALECTS)[number], overrides: Partial<Config> = {}) {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const t = await createTestApp(dialect, { baseUrl, mentionsAllowPrivateAddresses: true, sendWebmentions: true, ...overrides });
  await t.app.listen({ port, host: '127.0.0.1' });
  const e = await makeUser(t.db.db, 'editor');
  const editor = t.client();
  await editor.login(e.email, PASSWORD);
  return { t, baseUrl, editor, actor: e.actor };
}

function hEntry(target: string, options: { link?: boolean; kind?: 'in-reply-to' | 'like-of' } = {}) {
  const link = options.link === false ? '' : `<a class="u-${options.kind ?? 'in-reply-to'}" href="${target}">la publication</a>`;
  return `<!doctype html><html><head><title>Titre de la page</title></head><body>
    <article class="h-entry">
      <h1 class="p-name">Ma réponse à Open Experience</h1>
      <a class="p-author h-card" href="https://blog.example/moi">Bea Blogueuse</a>
      <time class="dt-published" datetime="2026-05-30T08:00:00Z">30 mai</time>
      <div class="e-content">Je réponds à ${link} avec <script>alert("x")</script> des idées.</div>
    </article></body></html>`;
}

const webmention = (client: TestClient, source: string, target: string) => client.post('/webmention', { source, target }, { csrf: false });

function pingbackCall(source: string, target: string, method = 'pingback.ping') {
  return `<?xml version="1.0"?><methodCall><methodName>${method}</methodName><params><param><value><string>${source}</string></value></param><param><value><string>${target}</string></value></param></params></methodCall>`;
}

describe.each(DIALECTS)('webmention and pingback (%s)', (dialect) => {
  let a: Awaited<ReturnType<typeof listeningApp>>;
  let site: FakeSite;
  let slug: string;
  let target: string;

  beforeAll(async () => {
    a = await listeningApp(dialect);
    site = await startFakeSite();
    const piece = await makePiece(a.t.db.db, a.actor, { title: 'Les communs ont un coût', publish: true });
    slug = piece.slug;
    target = `${a.baseUrl}/pieces/${slug}`;
    await a.t.deliver();
  });
  afterAll(async () => {
    await a.t.close();
    await site.close();
  });

  const mentionRow = (source: string) => a.t.db.db.selectFrom('mentions').selectAll().where('source_url', '=', source).executeTakeFirst();

  it('announces its endpoints in the Link header and the page head', async () => {
    const page = await a.t.client().get(`/pieces/${slug}`);
    expect(page.headers.link).toBe(`<${a.baseUrl}/webmention>; rel="webmention"`);
    expect(page.headers['x-pingback']).toBe(`${a.baseUrl}/xmlrpc`);
    expect(page.body).toContain('<link rel="webmention" href="/webmention"/>');
    expect(page.body).toContain('<link rel="pingback" href="/xmlrpc"/>');
  });

  it('refuses what can be refused without fetching, with a 400', async () => {
    const c = a.t.client();
    const cases: [string, string][] = [
      ['', target],
      [`${site.url}/p`, ''],
      ['ftp://files.example/x', target],
      ['javascript:alert(1)', target],
      [`${site.url}/p`, 'https://elsewhere.example/pieces/x'],
      [`${site.url}/p`, `${a.baseUrl}/about`],
      [`${site.url}/p`, `${a.baseUrl}/pieces/no-such-piece`],
      [target, `${target}#fragment`],
      [`${site.url}/${'x'.repeat(5000)}`, target],
    ];
    for (const [source, tgt] of cases) expect((await webmention(c, source, tgt)).statusCode, `${source} → ${tgt}`).toBe(400);
    expect(await a.t.db.db.selectFrom('mentions').select('id').execute()).toEqual([]);
    expect(site.requests).toEqual([]);
  });

  it('accepts a webmention with 202, verifies it in the outbox, and shows the h-entry under the piece', async () => {
    site.pages.set('/reply', { body: hEntry(target) });
    const res = await webmention(a.t.client(), `${site.url}/reply`, target);
    expect(res.statusCode).toBe(202);
    const row = await mentionRow(`${site.url}/reply`);
    expect(row).toMatchObject({ status: 'published', kind: 'reply', author_name: 'Bea Blogueuse', author_url: 'https://blog.example/moi', title: 'Ma réponse à Open Experience', protocol: 'webmention' });
    expect(row?.excerpt).toContain('des idées');
    expect(row?.source_published_at).toBe('2026-05-30T08:00:00.000Z');
    const page = await a.t.client().get(`/pieces/${slug}`);
    expect(page.body).toContain('Bea Blogueuse');
    expect(page.body).toContain('Ma réponse à Open Experience');
    expect(page.body).toContain(`href="${site.url}/reply" rel="nofollow ugc noopener"`);
    expect(page.body).not.toContain('<script>alert("x")');
  });

  it('updates a mention when the source changes, and deletes it when the link is removed or the page is gone (410)', async () => {
    site.pages.set('/reply', { body: hEntry(target, { kind: 'like-of' }) });
    expect((await webmention(a.t.client(), `${site.url}/reply`, target)).statusCode).toBe(202);
    expect((await mentionRow(`${site.url}/reply`))?.kind).toBe('like');

    site.pages.set('/reply', { body: hEntry(target, { link: false }) });
    a.t.clock.now = new Date(a.t.clock.now.getTime() + 120_000);
    await webmention(a.t.client(), `${site.url}/reply`, target);
    expect(await mentionRow(`${site.url}/reply`)).toBeUndefined();

    site.pages.set('/gone', { body: hEntry(target) });
    await webmention(a.t.client(), `${site.url}/gone`, target);
    expect((await mentionRow(`${site.url}/gone`))?.status).toBe('published');
    site.pages.set('/gone', { status: 410, body: 'Gone' });
    a.t.clock.now = new Date(a.t.clock.now.getTime() + 120_000);
    await webmention(a.t.client(), `${site.url}/gone`, target);
    expect(await mentionRow(`${site.url}/gone`)).toBeUndefined();
    expect((await a.t.client().get(`/pieces/${slug}`)).body).not.toContain(`${site.url}/gone`);
  });

  it('counts a source that does not link to the target as no mention at all', async () => {
    site.pages.set('/unrelated', { body: '<html><body><a href="https://other.example/">ailleurs</a></body></html>' });
    expect((await webmention(a.t.client(), `${site.url}/unrelated`, target)).statusCode).toBe(202);
    expect(await mentionRow(`${site.url}/unrelated`)).toBeUndefined();
  });

  it('holds verified mentions for the editors when they moderate mentions', async () => {
    await a.editor.post('/editor/conversation/settings', { blocklist: '', notify_authors: '1', moderate_mentions: '1' });
    site.pages.set('/held', { body: hEntry(target) });
    await webmention(a.t.client(), `${site.url}/held`, target);
    const row = await mentionRow(`${site.url}/held`);
    expect(row?.status).toBe('held');
    expect((await a.t.client().get(`/pieces/${slug}`)).body).not.toContain(`${site.url}/held`);
    expect((await a.editor.get('/editor/conversation')).body).toContain(`${site.url}/held`);
    await a.editor.post(`/editor/conversation/mention/${row!.id}/approve`);
    expect((await a.t.client().get(`/pieces/${slug}`)).body).toContain(`${site.url}/held`);
    await a.editor.post('/editor/conversation/settings', { blocklist: '', notify_authors: '1', moderate_mentions: '' });
  });

  it('receives pingbacks through XML-RPC with the standard fault codes', async () => {
    const rpc = (body: string) =>
      a.t.app.inject({ method: 'POST', url: '/xmlrpc', payload: body, headers: { 'content-type': 'text/xml' } }).then(async (res) => {
        await a.t.deliver();
        return res;
      });
    const fault = (body: string) => Number(/<name>faultCode<\/name><value><int>(-?\d+)<\/int>/.exec(body)?.[1]);
    site.pages.set('/pingback', { body: `<html><head><title>Un billet qui cite</title></head><body><p>Lire <a href="${target}">ce texte</a>.</p></body></html>` });

    const ok = await rpc(pingbackCall(`${site.url}/pingback`, target));
    expect(ok.statusCode).toBe(200);
    expect(ok.headers['content-type']).toContain('text/xml');
    expect(ok.body).toContain('<methodResponse><params>');
    expect(await mentionRow(`${site.url}/pingback`)).toMatchObject({ protocol: 'pingback', status: 'published', title: 'Un billet qui cite' });

    expect(fault((await rpc(pingbackCall(`${site.url}/pingback`, target))).body)).toBe(48);
    expect(fault((await rpc(pingbackCall(`${site.url}/x`, `${a.baseUrl}/pieces/nope`))).body)).toBe(32);
    expect(fault((await rpc(pingbackCall(`${site.url}/x`, 'https://elsewhere.example/'))).body)).toBe(32);
    expect(fault((await rpc(pingbackCall(`${site.url}/x`, `${a.baseUrl}/about`))).body)).toBe(33);
    expect(fault((await rpc(pingbackCall('not a url', target))).body)).toBe(16);
    expect(fault((await rpc(pingbackCall(target, target))).body)).toBe(0);
    expect(fault((await rpc(pingbackCall(`${site.url}/x`, target, 'system.listMethods'))).body)).toBe(-32601);
    expect(fault((await rpc('<methodCall><methodName>pingback.ping</methodName><params><param><value>x</value></param></params></methodCall>')).body)).toBe(-32602);
    expect(fault((await rpc('<methodCall><methodName>')).body)).toBe(-32700);
    expect(fault((await rpc('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><methodCall><methodName>&a;</methodName></methodCall>')).body)).toBe(-32700);

    const page = await a.t.client().get(`/pieces/${slug}`);
    expect(page.body).toContain('Un billet qui cite');
    expect(page.body).toContain('pingback');
  });
});

describe.each(DIALECTS)('webmention safety (%s)', (dialect) => {
  let t: TestApp;
  let site: FakeSite;
  let target: string;

  beforeAll(async () => {
    // The production default: private addresses refused; the normal rate limits.
    t = await createTestApp(dialect, { rateLimitMultiplier: 1 });
    site = await startFakeSite();
    const e = await makeUser(t.db.db, 'editor');
    const piece = await makePiece(t.db.db, e.actor, { title: 'Une cible', publish: true });
    target = `${t.app.site.baseUrl}/pieces/${piece.slug}`;
    await t.deliver();
  });
  afterAll(async () => {
    await t.close();
    await site.close();
  });

  it('never fetches loopback or private addresses, whether written as an address or a name', async () => {
    site.pages.set('/private', { body: `<a href="${target}">x</a>` });
    const port = new URL(site.url).port;
    for (const source of [`${site.url}/private`, `http://localhost:${port}/private`, `http://[::1]:${port}/private`, 'http://10.0.0.1/x', 'http://169.254.169.254/latest/meta-data', `http://0x7f000001:${port}/private`]) {
      const res = await t.client().post('/webmention', { source, target }, { csrf: false });
      expect(res.statusCode, source).toBe(202);
    }
    expect(site.requests).toEqual([]);
    expect(await t.db.db.selectFrom('mentions').select('id').execute()).toEqual([]);
    const removed = await t.db.db.selectFrom('audit_events').select('data').where('action', '=', 'mention.removed').execute();
    expect(removed.length).toBe(6);
    for (const r of removed) expect(JSON.parse(r.data).why).toBe('forbidden_address');
  });

  it('rate-limits a flood of webmentions per address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) statuses.push((await t.app.inject({ method: 'POST', url: '/webmention', remoteAddress: '203.0.113.9', payload: `source=https%3A%2F%2Fflood.example%2F${i}&target=${encodeURIComponent(target)}`, headers: { 'content-type': 'application/x-www-form-urlencoded' } })).statusCode);
    expect(statuses.filter((s) => s === 202).length).toBe(20);
    expect(statuses.slice(20)).toEqual([429, 429, 429, 429, 429]);
  });
});

describe.each(DIALECTS)('two instances mentioning each other (%s)', (dialect) => {
  let a: Awaited<ReturnType<typeof listeningApp>>;
  let b: Awaited<ReturnType<typeof listeningApp>>;

  beforeAll(async () => {
    a = await listeningApp(dialect);
    b = await listeningApp(dialect);
  });
  afterAll(async () => {
    await a.t.close();
    await b.t.close();
  });

  async function publishLinking(site: typeof a, title: string, body: string, actor: Actor) {
    const author = await makeContributor(site.t.db.db, { name: `${title} Auteur` });
    const piece = await makePiece(site.t.db.db, actor, { title, body_md: body, credits: [{ contributorId: author.id, kind: 'author' }], publish: true });
    await site.t.deliver();
    return piece;
  }

  it('sends a webmention when a piece is published, the other instance verifies it and shows it, and removing the link withdraws it', async () => {
    const onB = await publishLinking(b, 'La pièce de B', 'Un texte sans lien.', b.actor);
    const bUrl = `${b.baseUrl}/pieces/${onB.slug}`;
    const onA = await publishLinking(a, 'La pièce de A', `A cite [la pièce de B](${bUrl}) et [un exemple](https://example.org/x).`, a.actor);
    // A discovered B's endpoint and B answered 202 (the reserved example.org was left out).
    const sent = await a.t.db.db.selectFrom('sent_mentions').select(['target_url', 'status', 'endpoint', 'http_status']).execute();
    expect(sent).toEqual([{ target_url: bUrl, status: 'sent', endpoint: `${b.baseUrl}/webmention`, http_status: 202 }]);
    // B verifies in its own outbox.
    await b.t.deliver();
    const page = await b.t.client().get(`/pieces/${onB.slug}`);
    expect(page.body).toContain('La pièce de A');
    expect(page.body).toContain(`href="${a.baseUrl}/pieces/${onA.slug}"`);
    expect((await a.editor.get('/editor/conversation/sent')).body).toContain(bUrl);

    // And the other way round.
    const aUrl = `${a.baseUrl}/pieces/${onA.slug}`;
    await publishLinking(b, 'B répond à A', `Voir [A](${aUrl}).`, b.actor);
    await a.t.deliver();
    expect((await a.t.client().get(`/pieces/${onA.slug}`)).body).toContain('B répond à A');

    // A edits its piece and drops the link: B is told again and deletes the mention.
    const row = await a.t.db.db.selectFrom('pieces').select(['id', 'title', 'slug', 'summary', 'language', 'licence', 'kind']).where('id', '=', onA.id).executeTakeFirstOrThrow();
    const credits = await a.t.db.db.selectFrom('contributions').select(['contributor_id', 'kind']).where('subject_type', '=', 'piece').where('subject_id', '=', onA.id).execute();
    await savePiece(
      { db: a.t.db.db, actor: a.actor, now: a.t.clock.now },
      { id: row.id, kind: row.kind, title: row.title, slug: row.slug, summary: row.summary, body_md: 'Plus de lien.', language: row.language, licence: row.licence, cover_alt: '', themes: [], credits: credits.map((c) => ({ contributorId: c.contributor_id, kind: c.kind })) },
    );
    await a.t.deliver();
    await b.t.deliver();
    expect((await b.t.client().get(`/pieces/${onB.slug}`)).body).not.toContain('La pièce de A');
    expect(await b.t.db.db.selectFrom('mentions').select('id').where('source_url', '=', aUrl).executeTakeFirst()).toBeUndefined();
  });
});
