/**
 * Issue 12, finding 7 — what the site tells about people who have not appeared publicly:
 * - a contributor's page exists only once they have a public contribution;
 * - an anonymous proposal is matched to an existing profile by email only after the address's
 *   owner confirms it (until then it gets a profile of its own; confirming later moves the credit);
 * - the credits picker of a contributor writing in /studio lists only people who appear publicly
 *   by name, plus themselves (editors, who keep the registry, see everyone); ids typed by hand
 *   are refused;
 * - a draft's or a scheduled piece's cover is not served to the public (media.test.ts checks the
 *   caching; this checks it from the pages' point of view).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeContributor, makePiece, makeUser, PASSWORD } from './factories/index.ts';
import { createTestApp, type TestApp, type TestClient } from './helpers/test-app.ts';
import { DIALECTS } from './helpers/test-database.ts';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cf00000301010018dd8db40000000049454e44ae426082', 'hex');

describe.each(DIALECTS)('privacy of people not yet public (%s)', (dialect) => {
  let t: TestApp;
  let editor: TestClient;
  let editorUser: Awaited<ReturnType<typeof makeUser>>;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    editorUser = await makeUser(t.db.db, 'editor');
    editor = t.client();
    await editor.login(editorUser.email, PASSWORD);
  });
  afterAll(async () => t.close());

  const slugOf = async (id: number) => (await t.db.db.selectFrom('contributors').select('slug').where('id', '=', id).executeTakeFirstOrThrow()).slug;

  it('has no page for a contributor until they have a public contribution', async () => {
    const quiet = await makeContributor(t.db.db, { name: 'Quentin Discret' });
    const drafted = await makeContributor(t.db.db, { name: 'Denise Brouillon' });
    const published = await makeContributor(t.db.db, { name: 'Paula Publiée' });
    await makePiece(t.db.db, editorUser.actor, { credits: [{ contributorId: drafted.id, kind: 'author' }] });
    const future = new Date(t.clock.now.getTime() + 7 * 24 * 3600_000);
    const scheduled = await makeContributor(t.db.db, { name: 'Sam Programmé' });
    await makePiece(t.db.db, editorUser.actor, { credits: [{ contributorId: scheduled.id, kind: 'author' }], publish: future, now: t.clock.now });
    await makePiece(t.db.db, editorUser.actor, { credits: [{ contributorId: published.id, kind: 'author' }], publish: true, now: t.clock.now });

    for (const hidden of [quiet, drafted, scheduled]) {
      expect((await t.client().get(`/contributors/${await slugOf(hidden.id)}`)).statusCode, hidden.slug).toBe(404);
    }
    expect((await t.client().get(`/contributors/${await slugOf(published.id)}`)).statusCode).toBe(200);
    const registry = (await t.client().get('/contributors')).body;
    expect(registry).toContain('Paula Publiée');
    for (const name of ['Quentin Discret', 'Denise Brouillon', 'Sam Programmé']) expect(registry).not.toContain(name);
    const sitemap = (await t.client().get('/sitemap.xml')).body;
    expect(sitemap).toContain(`/contributors/${await slugOf(published.id)}`);
    expect(sitemap).not.toContain(`/contributors/${await slugOf(quiet.id)}`);
    // Once the scheduled piece is out, its author's page exists.
    t.clock.now = new Date(future.getTime() + 1000);
    expect((await t.client().get(`/contributors/${await slugOf(scheduled.id)}`)).statusCode).toBe(200);
  });

  it('credits an anonymous proposal to an existing profile only once the address’s owner confirms it', async () => {
    const email = `known-${dialect}@example.org`;
    const known = await makeContributor(t.db.db, { name: 'Karine Connue', email });
    const propose = async (title: string) => {
      const res = await t.client().post('/propose', { name: 'Un Imposteur', email, title, pitch: 'Un pitch assez long pour passer.', draft: '', language: 'fr', website: '' });
      expect(res.statusCode).toBe(303);
      return (await t.db.db.selectFrom('proposals').select('id').where('title', '=', title).executeTakeFirstOrThrow()).id;
    };
    const creditOf = async (proposalId: number) => {
      const { piece_id } = await t.db.db.selectFrom('proposals').select('piece_id').where('id', '=', proposalId).executeTakeFirstOrThrow();
      return t.db.db.selectFrom('contributions').select('contributor_id').where('subject_type', '=', 'piece').where('subject_id', '=', piece_id!).execute();
    };

    // Not confirmed: accepted onto a profile of its own, never onto Karine's.
    const first = await propose(`Titre non confirmé ${dialect}`);
    expect((await editor.post(`/editor/proposals/${first}/accept`)).statusCode).toBe(303);
    const [credit] = await creditOf(first);
    expect(credit!.contributor_id).not.toBe(known.id);
    const provisional = await t.db.db.selectFrom('contributors').select(['name', 'email']).where('id', '=', credit!.contributor_id).executeTakeFirstOrThrow();
    expect(provisional).toEqual({ name: 'Un Imposteur', email: null });

    // The receipt holds a confirmation link; a wrong token is a 404; GET only shows a button.
    const link = /https?:\/\/\S+\/proposals\/\d+\/confirm\?token=\S+/.exec(t.mailer.lastTo(email)!.text)![0];
    const url = new URL(link);
    expect((await t.client().get(`${url.pathname}?token=wrong`)).statusCode).toBe(404);
    const page = await t.client().get(`${url.pathname}${url.search}`);
    expect(page.statusCode).toBe(200);
    expect((await t.db.db.selectFrom('proposals').select('email_confirmed_at').where('id', '=', first).executeTakeFirstOrThrow()).email_confirmed_at).toBeNull();
    // The owner confirms (the link was sent to them): the credit moves to their profile.
    const owner = t.client();
    expect((await owner.post(url.pathname, { token: url.searchParams.get('token')! })).statusCode).toBe(200);
    expect((await creditOf(first)).map((c) => c.contributor_id)).toEqual([known.id]);

    // A proposal confirmed before it is accepted goes straight to the profile.
    const second = await propose(`Titre confirmé ${dialect}`);
    const link2 = new URL(/https?:\/\/\S+\/proposals\/\d+\/confirm\?token=\S+/.exec(t.mailer.lastTo(email)!.text)![0]);
    expect((await t.client().post(link2.pathname, { token: link2.searchParams.get('token')! })).statusCode).toBe(200);
    expect((await editor.post(`/editor/proposals/${second}/accept`)).statusCode).toBe(303);
    expect((await creditOf(second)).map((c) => c.contributor_id)).toEqual([known.id]);
  });

  it('offers a contributor in /studio only the people who appear publicly by name, and themselves', async () => {
    const self = await makeContributor(t.db.db, { name: 'Moi Même' });
    const writer = await makeUser(t.db.db, 'contributor', { contributorId: self.id });
    const named = await makeContributor(t.db.db, { name: 'Nadia Nommée' });
    await makePiece(t.db.db, editorUser.actor, { credits: [{ contributorId: named.id, kind: 'author' }], publish: true, now: t.clock.now });
    const anonymous = await makeContributor(t.db.db, { name: 'Anne Anonyme' });
    await makePiece(t.db.db, editorUser.actor, { credits: [{ contributorId: anonymous.id, kind: 'author' }], publish: true, now: t.clock.now });
    await t.db.db.updateTable('contributors').set({ public_name: 0 }).where('id', '=', anonymous.id).execute();
    const unseen = await makeContributor(t.db.db, { name: 'Ulysse Invisible' });

    const c = t.client();
    await c.login(writer.email, PASSWORD);
    const form = (await c.get('/studio/pieces/new')).body;
    expect(form).toContain('Nadia Nommée');
    expect(form).toContain('Moi Même');
    expect(form).not.toContain('Anne Anonyme');
    expect(form).not.toContain('Ulysse Invisible');
    // Editors keep the registry: they see everyone.
    const desk = (await editor.get('/studio/pieces/new')).body;
    for (const name of ['Anne Anonyme', 'Ulysse Invisible']) expect(desk).toContain(name);

    // An id typed by hand is refused like an unknown one.
    const fields = { kind: 'article', title: `Crédit forcé ${dialect}`, slug: '', summary: '', body_md: 'Texte.', language: 'fr', licence: 'CC-BY-SA-4.0', cover_alt: '', image_alt: '', themes: [] as string[] };
    const forced = await c.post('/studio/pieces', { ...fields, credit_contributor: [String(unseen.id)], credit_role: ['author'] });
    expect(forced.statusCode).toBe(422);
    const allowed = await c.post('/studio/pieces', { ...fields, title: `Crédit permis ${dialect}`, credit_contributor: [String(named.id)], credit_role: ['author'] });
    expect(allowed.statusCode).toBe(303);
  });

  it('keeps images from other sites out of a text, and adds uploaded ones', async () => {
    const fields = { kind: 'article', title: `Images ${dialect}`, slug: '', summary: '', language: 'fr', licence: 'CC-BY-SA-4.0', cover_alt: '', themes: [] as string[], credit_contributor: [] as string[], credit_role: [] as string[] };
    const remote = await editor.post('/studio/pieces', { ...fields, body_md: 'Voir ![un traceur](https://tracker.example/pixel.gif)', image_alt: '' });
    expect(remote.statusCode).toBe(422);
    expect(remote.body).toContain('Les images doivent être déposées sur le site');
    const uploaded = await editor.postMultipart('/studio/pieces', { ...fields, body_md: 'Du texte.', image_alt: 'Un pixel rouge' }, { image: { filename: 'p.png', contentType: 'image/png', data: PNG } });
    expect(uploaded.statusCode).toBe(303);
    const row = await t.db.db.selectFrom('pieces').select(['id', 'body_md', 'body_html']).where('title', '=', `Images ${dialect}`).executeTakeFirstOrThrow();
    expect(row.body_md).toMatch(/^Du texte\.\n\n!\[Un pixel rouge\]\(\/media\/[A-Za-z0-9_-]{22}\)\n$/);
    expect(row.body_html).toMatch(/<img src="\/media\/[A-Za-z0-9_-]{22}" alt="Un pixel rouge" \/>/);
    // The image is the piece's: hidden while it is a draft, public once it is published.
    const src = /src="(\/media\/[^"]+)"/.exec(row.body_html)![1]!;
    expect((await t.client().get(src)).statusCode).toBe(404);
    for (const action of ['submit', 'start_review', 'publish']) expect((await editor.post(`/studio/pieces/${row.id}/transition`, { action })).statusCode).toBe(303);
    expect((await t.client().get(src)).statusCode).toBe(200);
  });

  it('serves no cover of a draft or scheduled piece to the public', async () => {
    const draft = await makePiece(t.db.db, editorUser.actor, { cover: { data: Buffer.concat([PNG, Buffer.from('draft')]) } });
    const later = await makePiece(t.db.db, editorUser.actor, { cover: { data: Buffer.concat([PNG, Buffer.from('later')]) }, publish: new Date(t.clock.now.getTime() + 86_400_000), now: t.clock.now });
    for (const piece of [draft, later]) {
      const { cover_media_id } = await t.db.db.selectFrom('pieces').select('cover_media_id').where('id', '=', piece.id).executeTakeFirstOrThrow();
      const { key } = await t.db.db.selectFrom('media').select('key').where('id', '=', cover_media_id!).executeTakeFirstOrThrow();
      expect((await t.client().get(`/media/${key}`)).statusCode).toBe(404);
      expect((await t.client().get(`/media/${cover_media_id}`)).statusCode).toBe(404);
    }
  });
});
