import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../tests/helpers/test-database.ts';
import { createTestApp, type TestApp, type TestClient } from '../../../tests/helpers/test-app.ts';
import { makeContributor, makePiece, makeUser, PASSWORD } from '../../../tests/factories/index.ts';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cf00000301010018dd8db40000000049454e44ae426082', 'hex');

function pieceIdFrom(location: string | undefined): number {
  const m = /\/studio\/pieces\/(\d+)/.exec(location ?? '');
  if (!m) throw new Error(`no piece id in ${location}`);
  return Number(m[1]);
}

describe.each(DIALECTS)('publishing (%s)', (dialect) => {
  let t: TestApp;
  let editor: TestClient;
  let themeId: number;
  let authorId: number;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const e = await makeUser(t.db.db, 'editor');
    editor = t.client();
    await editor.login(e.email, PASSWORD);
    themeId = (await t.db.db.selectFrom('themes').select('id').where('slug', '=', 'open-data').executeTakeFirstOrThrow()).id;
    authorId = (await makeContributor(t.db.db, { name: 'Hélène Autrice', email: 'helene@private.example' })).id;
  });
  afterAll(async () => t.close());

  const pieceFields = (over: Record<string, string | string[]> = {}) => ({
    kind: 'article',
    title: 'Le prix des communs',
    slug: '',
    summary: 'Ce que coûtent les communs.',
    body_md: '## Partie\n\nDu **texte**.',
    language: 'fr',
    licence: 'CC-BY-SA-4.0',
    cover_alt: '',
    themes: [String(themeId)],
    credit_contributor: [String(authorId)],
    credit_role: ['author'],
    ...over,
  });

  it('takes a piece from draft to published, crediting its author on the home page', async () => {
    const created = await editor.post('/studio/pieces', pieceFields());
    expect(created.statusCode).toBe(303);
    const id = pieceIdFrom(created.headers.location as string);
    // Not public before publication.
    expect((await t.client().get('/pieces/le-prix-des-communs')).statusCode).toBe(404);
    for (const action of ['submit', 'start_review', 'publish']) {
      const res = await editor.post(`/studio/pieces/${id}/transition`, { action });
      expect(res.statusCode, action).toBe(303);
    }
    const home = await t.client().get('/');
    expect(home.body).toContain('Le prix des communs');
    const page = await t.client().get('/pieces/le-prix-des-communs');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('href="/contributors/helene-autrice"');
    expect(page.body).toContain('rel="license" href="https://creativecommons.org/licenses/by-sa/4.0/"');
    expect(page.body).toContain('"@type":"Article"');
    expect(page.body).toContain('"license":"https://creativecommons.org/licenses/by-sa/4.0/"');
    expect(page.body).toContain('"author":[{"@type":"Person","name":"Hélène Autrice"');
    expect(page.body).toContain('<h2>Partie</h2>');
    const profile = await t.client().get('/contributors/helene-autrice');
    expect(profile.body).toContain('Le prix des communs');
    // The contributor's private email never reaches a public page.
    for (const html of [home.body, page.body, profile.body, (await t.client().get('/contributors')).body, (await t.client().get('/sitemap.xml')).body]) {
      expect(html).not.toContain('helene@private.example');
    }
    const theme = await t.client().get('/themes/open-data');
    expect(theme.body).toContain('Le prix des communs');
    const kind = await t.client().get('/kinds/articles');
    expect(kind.body).toContain('Le prix des communs');
  });

  it('offers free alternatives when a slug is taken, keeping the input', async () => {
    await editor.post('/studio/pieces', pieceFields({ title: 'Doublon', slug: 'doublon' }));
    const res = await editor.post('/studio/pieces', pieceFields({ title: 'Autre texte', slug: 'doublon', summary: 'Mon chapeau gardé' }));
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Cette adresse est déjà prise');
    expect(res.body).toContain('<code>doublon-2</code>');
    expect(res.body).toContain('Mon chapeau gardé');
    expect(res.body).toContain('value="Autre texte"');
  });

  it('re-displays the form with messages for missing or malformed fields', async () => {
    const res = await editor.post('/studio/pieces', pieceFields({ title: '  ', slug: 'Pas Un Slug!', kind: 'poem' }));
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Ce champ est obligatoire.');
    expect(res.body).toContain('Utilisez seulement des lettres minuscules');
    expect(res.body).toContain('Cette valeur n’est pas valide.');
    const unknownTheme = await editor.post('/studio/pieces', pieceFields({ title: 'Thème fantôme', themes: ['999999'] }));
    expect(unknownTheme.statusCode).toBe(422);
    const unknownPerson = await editor.post('/studio/pieces', pieceFields({ title: 'Personne fantôme', credit_contributor: ['999999'] }));
    expect(unknownPerson.statusCode).toBe(422);
  });

  it('neutralises hostile Markdown and HTML', async () => {
    const body = [
      '<script>alert(1)</script>',
      '[click](javascript:alert(2))',
      '<img src=x onerror="alert(3)">',
      '<a href="javascript:alert(4)">x</a>',
      '<iframe src="https://evil.example"></iframe>',
    ].join('\n\n');
    const created = await editor.post('/studio/pieces', pieceFields({ title: 'Hostile', slug: 'hostile', body_md: body, summary: '<b onmouseover=alert(5)>hi</b>' }));
    const id = pieceIdFrom(created.headers.location as string);
    for (const action of ['submit', 'publish']) await editor.post(`/studio/pieces/${id}/transition`, { action });
    const page = await t.client().get('/pieces/hostile');
    expect(page.statusCode).toBe(200);
    const main = page.body.slice(page.body.indexOf('<main'));
    expect(main).not.toMatch(/<script>alert/);
    expect(main).not.toMatch(/href="javascript:/i);
    expect(main).not.toMatch(/<img[^>]*onerror/i);
    expect(main).not.toMatch(/<iframe/i);
    expect(main).not.toMatch(/<b onmouseover/i);
    expect(main).toContain('&lt;b onmouseover=alert(5)>hi&lt;/b>');
  });

  it('schedules a publication that appears when its date comes', async () => {
    const created = await editor.post('/studio/pieces', pieceFields({ title: 'Plus tard', slug: 'plus-tard' }));
    const id = pieceIdFrom(created.headers.location as string);
    await editor.post(`/studio/pieces/${id}/transition`, { action: 'submit' });
    const res = await editor.post(`/studio/pieces/${id}/transition`, { action: 'publish', publish_at: '2026-06-03T09:00' });
    expect(res.statusCode, res.body.match(/field-error[^<]*<[^<]*/)?.[0]).toBe(303);
    expect((await t.client().get('/pieces/plus-tard')).statusCode).toBe(404);
    expect((await editor.get('/editor')).body).toContain('Plus tard');
    const saved = t.clock.now;
    t.clock.now = new Date('2026-06-03T07:00:01Z'); // 09:00:01 in Paris (summer time)
    try {
      expect((await t.client().get('/pieces/plus-tard')).statusCode).toBe(200);
    } finally {
      t.clock.now = saved;
    }
  });

  it('requires feedback to reject, and emails it to the author', async () => {
    const writer = await makeUser(t.db.db, 'contributor', { contributorId: authorId });
    const c = t.client();
    await c.login(writer.email, PASSWORD);
    const created = await c.post('/studio/pieces', pieceFields({ title: 'À revoir', slug: 'a-revoir', credit_contributor: [], credit_role: [] }));
    expect(created.statusCode).toBe(303);
    const id = pieceIdFrom(created.headers.location as string);
    expect((await c.post(`/studio/pieces/${id}/transition`, { action: 'submit' })).statusCode).toBe(303);
    // The author cannot review or publish their own piece.
    expect((await c.post(`/studio/pieces/${id}/transition`, { action: 'publish' })).statusCode).toBe(409);
    // Once submitted, the author can no longer change it.
    expect((await c.post(`/studio/pieces/${id}`, pieceFields({ title: 'Changé en douce', slug: 'a-revoir' }))).statusCode).toBe(403);

    const noFeedback = await editor.post(`/studio/pieces/${id}/transition`, { action: 'reject', feedback: ' ' });
    expect(noFeedback.statusCode).toBe(422);
    expect(noFeedback.body).toContain('Un refus doit être accompagné d’un retour');
    const rejected = await editor.post(`/studio/pieces/${id}/transition`, { action: 'reject', feedback: 'Ajoutez des chiffres.' });
    expect(rejected.statusCode).toBe(303);
    expect(t.mailer.lastTo(writer.email)?.text).toContain('Ajoutez des chiffres.');
    const back = await c.get(`/studio/pieces/${id}`);
    expect(back.body).toContain('Ajoutez des chiffres.');
    // Rejected pieces are with their author again.
    expect((await c.post(`/studio/pieces/${id}`, pieceFields({ title: 'À revoir, avec chiffres', slug: 'a-revoir' }))).statusCode).toBe(303);
    // The author was credited automatically.
    const credits = await t.db.db.selectFrom('contributions').select(['contributor_id', 'kind']).where('subject_type', '=', 'piece').where('subject_id', '=', id).execute();
    expect(credits).toEqual([{ contributor_id: authorId, kind: 'author' }]);
  });

  it('keeps a revision history that an editor can restore', async () => {
    const created = await editor.post('/studio/pieces', pieceFields({ title: 'Version une', slug: 'versions' }));
    const id = pieceIdFrom(created.headers.location as string);
    await editor.post(`/studio/pieces/${id}`, pieceFields({ title: 'Version deux', slug: 'versions' }));
    const list = await editor.get(`/studio/pieces/${id}/revisions`);
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('title');
    const restored = await editor.post(`/studio/pieces/${id}/revisions/1/restore`);
    expect(restored.statusCode).toBe(303);
    const form = await editor.get(`/studio/pieces/${id}`);
    expect(form.body).toContain('value="Version une"');
    const revisions = await t.db.db.selectFrom('piece_revisions').select(['number', 'note']).where('piece_id', '=', id).orderBy('number').execute();
    expect(revisions.map((r) => r.number)).toEqual([1, 2, 3]);
    expect(revisions[2]!.note).toBe('restored #1');
  });

  it('keeps other people out of a piece that is not theirs', async () => {
    const { actor } = await makeUser(t.db.db, 'editor');
    const piece = await makePiece(t.db.db, actor, { title: 'Privé', slug: 'prive' });
    const stranger = await makeUser(t.db.db, 'contributor');
    const c = t.client();
    await c.login(stranger.email, PASSWORD);
    expect((await c.get(`/studio/pieces/${piece.id}`)).statusCode).toBe(403);
    expect((await c.post(`/studio/pieces/${piece.id}`, pieceFields({ title: 'Pris', slug: 'prive' }))).statusCode).toBe(403);
    expect((await c.post(`/studio/pieces/${piece.id}/transition`, { action: 'submit' })).statusCode).toBe(403);
  });

  it('stores a cover image, refuses a non-image, and answers 413 to an oversized one', async () => {
    const ok = await editor.postMultipart('/studio/pieces', pieceFields({ title: 'Avec image', slug: 'avec-image', cover_alt: 'Un pixel' }), {
      cover: { filename: 'pixel.png', contentType: 'image/png', data: PNG },
    });
    expect(ok.statusCode).toBe(303);
    const id = pieceIdFrom(ok.headers.location as string);
    const row = await t.db.db.selectFrom('pieces').select('cover_media_id').where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.cover_media_id).not.toBeNull();
    const { key } = await t.db.db.selectFrom('media').select('key').where('id', '=', row.cover_media_id!).executeTakeFirstOrThrow();
    // A draft's cover: its editor sees it (never from a cache); the public does not, until it is published.
    expect((await t.client().get(`/media/${key}`)).statusCode).toBe(404);
    const image = await editor.get(`/media/${key}`);
    expect(image.statusCode).toBe(200);
    expect(image.headers['cache-control']).toBe('private, no-store');
    expect(image.headers['content-type']).toBe('image/png');
    expect(image.rawPayload.equals(PNG)).toBe(true);

    const svg = await editor.postMultipart('/studio/pieces', pieceFields({ title: 'Faux', slug: 'faux' }), {
      cover: { filename: 'x.png', contentType: 'image/png', data: Buffer.from('<svg onload="alert(1)"></svg>') },
    });
    expect(svg.statusCode).toBe(422);
    expect(svg.body).toContain('n’est pas une image acceptée');
    expect(svg.body).toContain('value="Faux"');

    const huge = await editor.postMultipart('/studio/pieces', pieceFields({ title: 'Énorme', slug: 'enorme' }), {
      cover: { filename: 'big.png', contentType: 'image/png', data: Buffer.concat([PNG, Buffer.alloc(2 * 1024 * 1024)]) },
    });
    expect(huge.statusCode).toBe(413);
    expect(huge.body).toContain('trop volumineux');
    expect(await t.db.db.selectFrom('pieces').select('id').where('slug', '=', 'enorme').executeTakeFirst()).toBeUndefined();
  });

  it('answers 404 pages for unknown slugs, kinds, themes and ids', async () => {
    for (const url of ['/pieces/nope', '/kinds/poems', '/themes/nope', '/contributors/nope', '/media/999999', '/media/abc', '/no/such/page']) {
      const res = await t.client().get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.body).toContain('Page introuvable');
    }
    expect((await editor.get('/studio/pieces/999999')).statusCode).toBe(404);
    expect((await editor.get('/studio/pieces/abc')).statusCode).toBe(404);
  });

  it('refuses strangers before telling them their input is invalid', async () => {
    const { actor } = await makeUser(t.db.db, 'editor');
    const piece = await makePiece(t.db.db, actor, { title: 'Pas à vous' });
    const member = await makeUser(t.db.db, 'member');
    const stranger = await makeUser(t.db.db, 'contributor');
    const m = t.client();
    await m.login(member.email, PASSWORD);
    const c = t.client();
    await c.login(stranger.email, PASSWORD);
    const invalid = { title: '', kind: 'poem' };
    expect((await t.client().post('/studio/pieces', invalid)).statusCode).toBe(401);
    expect((await m.post('/studio/pieces', invalid)).statusCode).toBe(403);
    expect((await c.post(`/studio/pieces/${piece.id}`, invalid)).statusCode).toBe(403);
    expect((await c.post(`/studio/pieces/${piece.id}/transition`, { action: 'explode' })).statusCode).toBe(403);
    expect((await m.post('/editor/themes/new', { slug: '' })).statusCode).toBe(403);
    expect((await m.post('/editor/proposals/1/decline', { message: 'x'.repeat(3001) })).statusCode).toBe(403);
    // A piece that does not exist is a page that does not exist, whatever was sent.
    const missing = await editor.post('/studio/pieces/999999/transition', { action: 'explode' });
    expect(missing.statusCode).toBe(404);
    expect(missing.body).toContain('Page introuvable');
  });

  it('shows a bad publication date, or an impossible move, on the workflow panel', async () => {
    const created = await editor.post('/studio/pieces', pieceFields({ title: 'Date bancale', slug: 'date-bancale' }));
    const id = pieceIdFrom(created.headers.location as string);
    await editor.post(`/studio/pieces/${id}/transition`, { action: 'submit' });
    const badDate = await editor.post(`/studio/pieces/${id}/transition`, { action: 'publish', publish_at: '2026-02-31T10:00' });
    expect(badDate.statusCode).toBe(422);
    expect(badDate.body).toContain('Saisissez une date et une heure valides.');
    expect(badDate.body).toContain('value="Date bancale"');
    const impossible = await editor.post(`/studio/pieces/${id}/transition`, { action: 'withdraw' });
    expect(impossible.statusCode).toBe(409);
    expect(impossible.body).toContain('Cette action n’est pas possible dans l’état actuel du contenu.');
  });

  it('says so when an older revision’s address is now another piece’s', async () => {
    const created = await editor.post('/studio/pieces', pieceFields({ title: 'Ancien nom', slug: 'ancien-nom' }));
    const id = pieceIdFrom(created.headers.location as string);
    await editor.post(`/studio/pieces/${id}`, pieceFields({ title: 'Nouveau nom', slug: 'nouveau-nom' }));
    await editor.post('/studio/pieces', pieceFields({ title: 'Usurpateur', slug: 'ancien-nom' }));
    const res = await editor.post(`/studio/pieces/${id}/revisions/1/restore`);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/studio/pieces/${id}/revisions`);
    expect((await editor.get(res.headers.location as string)).body).toContain('Impossible de restaurer cette révision');
    const revisions = await t.db.db.selectFrom('piece_revisions').select('number').where('piece_id', '=', id).execute();
    expect(revisions).toHaveLength(2);
    expect((await editor.post(`/studio/pieces/${id}/revisions/99/restore`)).statusCode).toBe(404);
  });

  it('lets an editor add and rename themes, keeping slugs unique', async () => {
    const added = await editor.post('/editor/themes/new', { slug: 'communs-urbains', name_fr: 'Communs urbains', name_en: 'Urban commons', position: '9' });
    expect(added.statusCode).toBe(303);
    expect((await t.client().get('/themes')).body).toContain('Communs urbains');
    const theme = await t.db.db.selectFrom('themes').select('id').where('slug', '=', 'communs-urbains').executeTakeFirstOrThrow();
    const clash = await editor.post(`/editor/themes/${theme.id}`, { slug: 'open-data', name_fr: 'Doublon', name_en: 'Duplicate' });
    expect(clash.statusCode).toBe(422);
    expect(clash.body).toContain('Cette adresse est déjà prise');
    expect(clash.body).toContain('value="Doublon"');
    const renamed = await editor.post(`/editor/themes/${theme.id}`, { slug: 'communs-urbains', name_fr: 'Communs des villes', name_en: 'Urban commons', position: '' });
    expect(renamed.statusCode).toBe(303);
    expect((await t.client().get('/themes/communs-urbains')).body).toContain('Communs des villes');
    expect((await editor.post('/editor/themes/abc', { slug: 'x', name_fr: 'X', name_en: 'X' })).statusCode).toBe(404);
  });
});
