import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../tests/helpers/test-database.ts';
import { createTestApp, type TestApp, type TestClient } from '../../../tests/helpers/test-app.ts';
import { makeUser, PASSWORD } from '../../../tests/factories/index.ts';

describe.each(DIALECTS)('public proposals (%s)', (dialect) => {
  let t: TestApp;
  let editor: TestClient;
  beforeAll(async () => {
    t = await createTestApp(dialect, { editorsEmail: 'redaction@example.org' });
    const e = await makeUser(t.db.db, 'editor');
    editor = t.client();
    await editor.login(e.email, PASSWORD);
  });
  afterAll(async () => t.close());

  const proposal = {
    name: 'Paul Proposant',
    email: 'paul.secret@example.net',
    title: 'Les semences libres ont-elles un marché ?',
    pitch: 'Un tour des coopératives semencières qui vivent de variétés libres de droits.',
    draft: '## Brouillon\n\nPremières lignes.',
    language: 'fr',
    website: '',
  };

  it('lands a proposal in the queue, confirms by email, and becomes a credited piece once accepted', async () => {
    const res = await t.client().post('/propose', proposal);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/propose/thanks');
    expect(t.mailer.lastTo('paul.secret@example.net')?.subject).toContain('Les semences libres');
    expect(t.mailer.lastTo('redaction@example.org')?.text).toMatch(/\/editor\/proposals\/\d+/);

    const list = await editor.get('/editor/proposals');
    expect(list.body).toContain('Les semences libres ont-elles un marché ?');
    const id = Number(/\/editor\/proposals\/(\d+)"/.exec(list.body)![1]);
    const detail = await editor.get(`/editor/proposals/${id}`);
    expect(detail.body).toContain('paul.secret@example.net');

    const accepted = await editor.post(`/editor/proposals/${id}/accept`);
    expect(accepted.statusCode).toBe(303);
    const pieceId = Number(/\/studio\/pieces\/(\d+)/.exec(accepted.headers.location as string)![1]);
    const piece = await t.db.db.selectFrom('pieces').select(['status', 'title', 'proposal_id']).where('id', '=', pieceId).executeTakeFirstOrThrow();
    expect(piece).toEqual({ status: 'submitted', title: proposal.title, proposal_id: id });
    // Accepting twice is refused without a second piece.
    const twice = await editor.post(`/editor/proposals/${id}/accept`);
    expect(twice.statusCode).toBe(303);
    const count = await t.db.db.selectFrom('pieces').select((eb) => eb.fn.countAll<number>().as('n')).where('proposal_id', '=', id).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);

    for (const action of ['start_review', 'publish']) expect((await editor.post(`/studio/pieces/${pieceId}/transition`, { action })).statusCode).toBe(303);
    const home = await t.client().get('/');
    expect(home.body).toContain('Paul Proposant');
    const slug = /href="\/contributors\/(paul-proposant[\w-]*)"/.exec(home.body)![1];
    const profile = await t.client().get(`/contributors/${slug}`);
    expect(profile.body).toContain('Les semences libres ont-elles un marché ?');
    for (const html of [home.body, profile.body, (await t.client().get('/contributors')).body]) expect(html).not.toContain('paul.secret');
  });

  it('validates every field and keeps what the visitor typed', async () => {
    const res = await t.client().post('/propose', { ...proposal, email: 'nope', pitch: 'trop court', title: '' });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Saisissez une adresse électronique valide');
    expect(res.body).toContain('Ce texte est trop court.');
    expect(res.body).toContain('Ce champ est obligatoire.');
    expect(res.body).toContain('value="Paul Proposant"');
    expect(res.body).toContain('trop court</textarea>');
  });

  it('refuses a bot that fills the hidden field', async () => {
    const before = await t.db.db.selectFrom('proposals').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const res = await t.client().post('/propose', { ...proposal, website: 'http://spam.example' });
    expect(res.statusCode).toBe(422);
    const after = await t.db.db.selectFrom('proposals').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('declines a proposal and tells the proposer', async () => {
    await t.client().post('/propose', { ...proposal, email: 'decline.me@example.net', title: 'Hors sujet' });
    const row = await t.db.db.selectFrom('proposals').select('id').where('email', '=', 'decline.me@example.net').executeTakeFirstOrThrow();
    const res = await editor.post(`/editor/proposals/${row.id}/decline`, { message: 'Merci, mais ce n’est pas pour nous.' });
    expect(res.statusCode).toBe(303);
    expect(t.mailer.lastTo('decline.me@example.net')?.text).toContain('ce n’est pas pour nous');
  });
});
