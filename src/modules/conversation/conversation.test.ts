import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeContributor, makePiece, makeUser, PASSWORD } from '../../../tests/factories/index.ts';
import { createTestApp, type TestApp, type TestClient } from '../../../tests/helpers/test-app.ts';
import { DIALECTS } from '../../../tests/helpers/test-database.ts';
import { advance, postCommentForm, postResponseForm } from '../../../tests/support/conversation.ts';
import type { Actor } from '../../shared/actor.ts';

describe.each(DIALECTS)('comments and responses (%s)', (dialect) => {
  let t: TestApp;
  let editor: TestClient;
  let editorActor: Actor;
  let slug: string;
  let pieceId: number;
  let challengeSlug: string;

  beforeAll(async () => {
    t = await createTestApp(dialect, { commentMaxLinks: 2 });
    const e = await makeUser(t.db.db, 'editor');
    editorActor = e.actor;
    editor = t.client();
    await editor.login(e.email, PASSWORD);
    const author = await makeContributor(t.db.db, { name: 'Alix Autrice', email: 'alix.autrice@private.example' });
    const piece = await makePiece(t.db.db, e.actor, { title: 'Vivre des communs', credits: [{ contributorId: author.id, kind: 'author' }], publish: true });
    slug = piece.slug;
    pieceId = piece.id;
    const challenge = await makePiece(t.db.db, e.actor, { kind: 'challenge', title: 'Défi : financer les données', credits: [{ contributorId: author.id, kind: 'author' }], publish: true });
    challengeSlug = challenge.slug;
    await t.deliver();
  });
  afterAll(async () => t.close());

  const commentRow = (body: string) => t.db.db.selectFrom('comments').select(['id', 'status', 'held_reason', 'parent_id']).where('body_md', '=', body).executeTakeFirstOrThrow();

  it('holds a first-time commenter, publishes once approved, then publishes their next comment at once and tells the authors', async () => {
    const visitor = t.client();
    const first = await postCommentForm(t, visitor, slug, { name: 'Nina Nouvelle', email: 'nina@private.example', body: 'Premier commentaire de Nina.' });
    expect(first.statusCode).toBe(303);
    expect(first.headers.location).toBe(`/pieces/${slug}#comments`);
    const held = await commentRow('Premier commentaire de Nina.');
    expect(held).toMatchObject({ status: 'held', held_reason: 'first_time' });
    expect((await t.client().get(`/pieces/${slug}`)).body).not.toContain('Premier commentaire de Nina.');
    expect(t.mailer.lastTo('alix.autrice@private.example')).toBeUndefined();

    const queue = await editor.get('/editor/conversation');
    expect(queue.body).toContain('Premier commentaire de Nina.');
    expect(queue.body).toContain('nina@private.example');
    expect((await editor.post(`/editor/conversation/comment/${held.id}/approve`)).statusCode).toBe(303);

    const page = await t.client().get(`/pieces/${slug}`);
    expect(page.body).toContain('Premier commentaire de Nina.');
    expect(page.body).toContain('Nina Nouvelle');
    expect(page.body).not.toContain('nina@private.example');
    const mail = t.mailer.lastTo('alix.autrice@private.example');
    expect(mail?.subject).toContain('Vivre des communs');
    expect(mail?.text).toContain(`/pieces/${slug}#comment-${held.id}`);
    expect(mail?.text).not.toContain('nina@private.example');

    const second = await postCommentForm(t, visitor, slug, { name: 'Nina Nouvelle', email: 'nina@private.example', body: 'Deuxième commentaire, publié tout de suite.' });
    const published = await commentRow('Deuxième commentaire, publié tout de suite.');
    expect(published.status).toBe('published');
    expect(second.headers.location).toBe(`/pieces/${slug}#comment-${published.id}`);
    expect((await t.client().get(`/pieces/${slug}`)).body).toContain('Deuxième commentaire, publié tout de suite.');
    expect(t.mailer.sent.filter((m) => m.to === 'alix.autrice@private.example')).toHaveLength(2);
  });

  it('holds comments with more links than the threshold or a blocklisted word, even from a trusted commenter', async () => {
    const visitor = t.client();
    await postCommentForm(t, visitor, slug, { email: 'nina@private.example', body: 'Voir https://a.example, https://b.example et https://c.example' });
    expect(await commentRow('Voir https://a.example, https://b.example et https://c.example')).toMatchObject({ status: 'held', held_reason: 'links' });
    await postCommentForm(t, visitor, slug, { email: 'nina@private.example', body: 'Deux liens https://a.example et https://b.example' });
    expect((await commentRow('Deux liens https://a.example et https://b.example')).status).toBe('published');

    const saved = await editor.post('/editor/conversation/settings', { blocklist: 'casino\nviagra', notify_authors: '1', moderate_mentions: '' });
    expect(saved.statusCode).toBe(303);
    await postCommentForm(t, visitor, slug, { email: 'nina@private.example', body: 'Le meilleur CASINÒS en ligne' });
    expect(await commentRow('Le meilleur CASINÒS en ligne')).toMatchObject({ status: 'held', held_reason: 'blocklist' });
    // The name counts too.
    await postCommentForm(t, visitor, slug, { name: 'Viagra Shop', email: 'nina@private.example', body: 'Un commentaire anodin.' });
    expect(await commentRow('Un commentaire anodin.')).toMatchObject({ status: 'held', held_reason: 'blocklist' });
  });

  it('renders a safe Markdown subset with nofollow ugc links', async () => {
    const visitor = t.client();
    const body = 'Du *texte* et un [lien](https://exemple.org/page) <script>alert(1)</script> ![img](https://x.example/i.png) [js](javascript:alert(1))\n\n# Titre';
    await postCommentForm(t, visitor, slug, { email: 'nina@private.example', body });
    const row = await t.db.db.selectFrom('comments').select(['body_html', 'status']).where('body_md', '=', body).executeTakeFirstOrThrow();
    expect(row.status).toBe('published');
    expect(row.body_html).toContain('<em>texte</em>');
    expect(row.body_html).toContain('<a href="https://exemple.org/page" rel="nofollow ugc noopener">lien</a>');
    expect(row.body_html).not.toMatch(/<script|<img|<h1|<h2|href="javascript/i);
    expect(row.body_html).toContain('&lt;script&gt;');
  });

  it('threads replies one level deep', async () => {
    const visitor = t.client();
    const parent = await commentRow('Deuxième commentaire, publié tout de suite.');
    await postCommentForm(t, visitor, slug, { email: 'nina@private.example', body: 'Une réponse à moi-même.' }, { reply: parent.id });
    const reply = await commentRow('Une réponse à moi-même.');
    expect(reply.parent_id).toBe(parent.id);
    // Answering a reply joins the same thread.
    await postCommentForm(t, visitor, slug, { email: 'nina@private.example', body: 'Une réponse à la réponse.' }, { reply: reply.id });
    expect((await commentRow('Une réponse à la réponse.')).parent_id).toBe(parent.id);
    const page = await t.client().get(`/pieces/${slug}`);
    expect(page.body).toMatch(new RegExp(`id="comment-${parent.id}"[\\s\\S]*class="comment-replies"[\\s\\S]*Une réponse à moi-même`));
  });

  it('refuses robots: the hidden field, a form sent too fast, a forged start time', async () => {
    const visitor = t.client();
    const before = await t.db.db.selectFrom('comments').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect((await postCommentForm(t, visitor, slug, { company: 'Spam Inc', body: 'Robot un.' })).statusCode).toBe(422);
    const tooFast = await postCommentForm(t, visitor, slug, { body: 'Robot deux.' }, { writingMs: 500 });
    expect(tooFast.statusCode).toBe(422);
    expect(tooFast.body).toContain('trop vite');
    expect(tooFast.body).toContain('Robot deux.');
    expect((await postCommentForm(t, visitor, slug, { body: 'Robot trois.', started: '1780000000000.AAAAAAAAAAAAAAAAAAAAAA' })).statusCode).toBe(422);
    const after = await t.db.db.selectFrom('comments').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('validates the form and says the email is never published, with required fields marked', async () => {
    const form = await t.client().get(`/pieces/${slug}/comment`);
    expect(form.body).toContain('Votre adresse électronique ne sera jamais publiée');
    expect(form.body).toMatch(/Nom<span aria-hidden="true"> \*<\/span>/);
    const bad = await postCommentForm(t, t.client(), slug, { name: '', email: 'pas-un-courriel', website: 'javascript:alert(1)', body: 'x'.repeat(100_000) });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Saisissez une adresse électronique valide');
    expect(bad.body).toContain('Saisissez l’adresse d’un site web');
    expect(bad.body).not.toContain('href="javascript:');

    // Bytes that are not UTF-8, and NUL characters, in a form: a clear answer, never a 500.
    const visitor = t.client();
    const page = await visitor.get(`/pieces/${slug}/comment`);
    const started = /name="started" value="([^"]+)"/.exec(page.body)![1]!;
    advance(t, 30_000);
    const token = await visitor.csrfToken();
    for (const body of ['%C3%28%FF%FE', 'un%00commentaire%00nul']) {
      const res = await t.app.inject({
        method: 'POST',
        url: `/pieces/${slug}/comments`,
        payload: `_csrf=${encodeURIComponent(token)}&name=Octet&email=octet%40private.example&website=&company=&started=${encodeURIComponent(started)}&body=${body}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `oe_csrf=${visitor.cookie('oe_csrf')}` },
      });
      expect(res.statusCode, body).toBeLessThan(500);
    }
    await t.deliver();
  });

  it('lets editors edit, mark as spam (which withdraws trust) and delete', async () => {
    const visitor = t.client();
    await postCommentForm(t, visitor, slug, { name: 'Sam Spammeur', email: 'sam@private.example', body: 'Commentaire à corriger.' });
    const row = await commentRow('Commentaire à corriger.');
    await editor.post(`/editor/conversation/comment/${row.id}/approve`);
    const edited = await editor.post(`/editor/conversation/comment/${row.id}/edit`, { name: 'Sam', website: '', body: 'Commentaire corrigé par la rédaction.' });
    expect(edited.statusCode).toBe(303);
    expect((await t.client().get(`/pieces/${slug}`)).body).toContain('Commentaire corrigé par la rédaction.');

    await editor.post(`/editor/conversation/comment/${row.id}/spam`);
    expect((await t.client().get(`/pieces/${slug}`)).body).not.toContain('Commentaire corrigé par la rédaction.');
    await postCommentForm(t, visitor, slug, { name: 'Sam', email: 'sam@private.example', body: 'Sam revient.' });
    expect((await commentRow('Sam revient.')).status).toBe('held');
    expect((await editor.get('/editor/conversation?status=spam')).body).toContain('Commentaire corrigé par la rédaction.');

    await editor.post(`/editor/conversation/comment/${row.id}/delete`);
    expect(await t.db.db.selectFrom('comments').select('id').where('id', '=', row.id).executeTakeFirst()).toBeUndefined();
    // The public may not moderate.
    const stranger = await t.client().post(`/editor/conversation/comment/${(await commentRow('Sam revient.')).id}/approve`);
    expect([401, 303]).toContain(stranger.statusCode);
    if (stranger.statusCode === 303) expect(stranger.headers.location).toContain('/account/login');
    expect((await commentRow('Sam revient.')).status).toBe('held');
  });

  it('closes and reopens a piece’s comments', async () => {
    const closed = await editor.post(`/editor/conversation/pieces/${pieceId}/closed`, { closed: '1', next: `/pieces/${slug}` });
    expect(closed.statusCode).toBe(303);
    const page = await t.client().get(`/pieces/${slug}`);
    expect(page.body).toContain('Les commentaires sont fermés');
    expect(page.body).not.toContain(`href="/pieces/${slug}/comment"`);
    const refused = await postCommentForm(t, t.client(), slug, { email: 'nina@private.example', body: 'Trop tard.' });
    expect(refused.statusCode).toBe(409);
    await editor.post(`/editor/conversation/pieces/${pieceId}/closed`, { closed: '0' });
    expect((await postCommentForm(t, t.client(), slug, { email: 'nina@private.example', body: 'De nouveau ouvert.' })).statusCode).toBe(303);
  });

  it('stops emailing authors when the editors switch it off', async () => {
    await editor.post('/editor/conversation/settings', { blocklist: '', notify_authors: '', moderate_mentions: '' });
    const before = t.mailer.sent.length;
    await postCommentForm(t, t.client(), slug, { email: 'nina@private.example', body: 'Sans courriel aux auteurs.' });
    expect((await commentRow('Sans courriel aux auteurs.')).status).toBe('published');
    expect(t.mailer.sent.length).toBe(before);
    await editor.post('/editor/conversation/settings', { blocklist: '', notify_authors: '1', moderate_mentions: '' });
  });

  it('holds every response; approving one credits its author as a contributor; featured responses come first', async () => {
    const visitor = t.client();
    const res = await postResponseForm(t, visitor, challengeSlug, { name: 'Rémi Répondant', email: 'remi@private.example', title: 'Un fonds régional', body: 'Je propose un fonds mutualisé par région, abondé par les réutilisateurs.' });
    expect(res.statusCode).toBe(303);
    await postResponseForm(t, visitor, challengeSlug, { name: 'Zoé Seconde', email: 'zoe@private.example', title: 'Une reprise communautaire', body: 'Des bénévoles reprennent le jeu de données avec l’accord du producteur.' });
    const responses = await t.db.db.selectFrom('responses').select(['id', 'title', 'status', 'held_reason']).orderBy('id').execute();
    expect(responses.map((r) => r.status)).toEqual(['held', 'held']);
    expect(responses[0]!.held_reason).toBe('response');
    expect((await t.client().get(`/pieces/${challengeSlug}`)).body).not.toContain('Un fonds régional');
    // Only challenges take responses.
    expect((await t.client().get(`/pieces/${slug}/respond`)).statusCode).toBe(404);

    for (const r of responses) expect((await editor.post(`/editor/conversation/response/${r.id}/approve`)).statusCode).toBe(303);
    const contributor = await t.db.db.selectFrom('contributors').select(['id', 'slug', 'email']).where('email', '=', 'remi@private.example').executeTakeFirstOrThrow();
    const credit = await t.db.db.selectFrom('contributions').select(['kind', 'subject_type', 'subject_id', 'accepted_at']).where('contributor_id', '=', contributor.id).executeTakeFirstOrThrow();
    expect(credit).toMatchObject({ kind: 'response', subject_type: 'response', subject_id: responses[0]!.id });
    expect(credit.accepted_at).not.toBeNull();
    const profile = await t.client().get(`/contributors/${contributor.slug}`);
    expect(profile.statusCode).toBe(200);
    expect(profile.body).toContain('Un fonds régional');
    expect(profile.body).toContain(`/pieces/${challengeSlug}#response-${responses[0]!.id}`);
    expect(profile.body).not.toContain('remi@private.example');
    expect((await t.client().get('/contributors')).body).toContain('Rémi Répondant');

    let page = (await t.client().get(`/pieces/${challengeSlug}`)).body;
    expect(page.indexOf('Un fonds régional')).toBeLessThan(page.indexOf('Une reprise communautaire'));
    await editor.post(`/editor/conversation/responses/${responses[1]!.id}/feature`, { featured: '1' });
    page = (await t.client().get(`/pieces/${challengeSlug}`)).body;
    expect(page.indexOf('Une reprise communautaire')).toBeLessThan(page.indexOf('Un fonds régional'));
    expect(page).toContain('À la une');

    // Spam withdraws the credit.
    await editor.post(`/editor/conversation/response/${responses[0]!.id}/spam`);
    expect(await t.db.db.selectFrom('contributions').select('id').where('subject_type', '=', 'response').where('subject_id', '=', responses[0]!.id).executeTakeFirst()).toBeUndefined();
    expect((await t.client().get(`/contributors/${contributor.slug}`)).body).not.toContain('Un fonds régional');
  });

  it('refuses comments on pieces that are not public, and replies to comments that are not published', async () => {
    const draft = await makePiece(t.db.db, editorActor, { title: 'Brouillon secret' });
    expect((await t.client().get(`/pieces/${draft.slug}/comment`)).statusCode).toBe(404);
    const held = await t.db.db.selectFrom('comments').select('id').where('status', '=', 'held').executeTakeFirstOrThrow();
    const res = await postCommentForm(t, t.client(), slug, { email: 'nina@private.example', body: 'Réponse à un commentaire en attente.', parent_id: String(held.id) });
    expect(res.statusCode).toBe(422);
    advance(t, 1000);
  });
});
