import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../tests/helpers/test-database.ts';
import { createTestApp, type TestApp, type TestClient } from '../../../tests/helpers/test-app.ts';
import { makePiece, makeUser, PASSWORD } from '../../../tests/factories/index.ts';
import { deliveryKey, getEffectByKey } from '../../outbox/index.ts';
import { InvalidTransitionError } from '../../shared/errors.ts';
import { declineProposal } from './commands/decline-proposal.ts';
import { proposePiece } from './commands/propose-piece.ts';
import { transitionPiece } from './commands/transition-piece.ts';
import { ProposalAlreadyHandledError } from './domain/proposals.ts';
import { notifyEditorsOfProposal, sendDeclineNotice, sendProposalReceipt, sendRejectionFeedback } from './effects.ts';

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
    language: 'fr' as const,
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

  it('writes the receipt into the outbox in the proposal’s own transaction, and delivers it once', async () => {
    const { website: _honeypot, ...fields } = proposal;
    const input = { ...fields, email: 'outbox.once@example.net', title: 'Une seule fois', uiLang: 'en' as const };
    const ctx = { db: t.db.db, actor: null, now: t.clock.now };
    // Inside a transaction that fails afterwards, the receipt goes with the proposal.
    let rolledBack = 0;
    await expect(
      t.db.db.transaction().execute(async (trx) => {
        rolledBack = await proposePiece({ ...ctx, db: trx }, input);
        expect(await getEffectByKey(trx, deliveryKey(sendProposalReceipt, rolledBack))).toMatchObject({ status: 'pending' });
        throw new Error('the caller fails after the proposal');
      }),
    ).rejects.toThrow('the caller fails');
    expect(await t.db.db.selectFrom('proposals').select('id').where('email', '=', input.email).execute()).toEqual([]);
    expect(await getEffectByKey(t.db.db, deliveryKey(sendProposalReceipt, rolledBack))).toBeUndefined();

    const id = await proposePiece(ctx, input);
    expect(await getEffectByKey(t.db.db, deliveryKey(sendProposalReceipt, id))).toMatchObject({ status: 'pending' });
    expect(await getEffectByKey(t.db.db, deliveryKey(notifyEditorsOfProposal, id))).toMatchObject({ status: 'pending' });
    expect(t.mailer.lastTo(input.email)).toBeUndefined();
    await t.deliver();
    await t.deliver();
    const receipts = t.mailer.sent.filter((m) => m.to === input.email);
    expect(receipts).toHaveLength(1);
    // In the language of the page the proposal came from, with the delivery key as its Message-ID source.
    expect(receipts[0]).toMatchObject({ subject: 'We received your proposal: "Une seule fois"', messageKey: deliveryKey(sendProposalReceipt, id) });
    expect(await getEffectByKey(t.db.db, deliveryKey(sendProposalReceipt, id))).toMatchObject({ status: 'done' });
  });

  it('leaves nothing in the outbox when a command is refused', async () => {
    const kinds = [sendDeclineNotice.kind, sendRejectionFeedback.kind];
    const count = async () => Number((await t.db.db.selectFrom('outbox').select((eb) => eb.fn.countAll<number>().as('n')).where('kind', 'in', kinds).executeTakeFirstOrThrow()).n);
    const before = await count();
    const { actor } = await makeUser(t.db.db, 'editor');
    const ctx = { db: t.db.db, actor, now: t.clock.now };
    // A draft cannot be rejected: no feedback email.
    const piece = await makePiece(t.db.db, actor, { title: 'Brouillon tranquille' });
    await expect(transitionPiece(ctx, { pieceId: piece.id, action: 'reject', feedback: 'Non.' })).rejects.toBeInstanceOf(InvalidTransitionError);
    // A proposal declined twice: one email only, the second decline is refused.
    const { website: _honeypot, ...fields } = proposal;
    const proposalId = await proposePiece({ ...ctx, actor: null }, { ...fields, email: 'twice@example.net', uiLang: 'fr' });
    await declineProposal(ctx, { proposalId, message: '' });
    await expect(declineProposal(ctx, { proposalId, message: 'Encore ?' })).rejects.toBeInstanceOf(ProposalAlreadyHandledError);
    expect(await count()).toBe(before + 1);
    await t.deliver();
    // The receipt and the decline both went out; the outbox does not promise their order.
    const declines = t.mailer.sent.filter((m) => m.to === 'twice@example.net' && m.subject.includes('Votre proposition'));
    expect(declines).toHaveLength(1);
    expect(declines[0]!.text).toContain('Elle ne correspond pas au programme en cours');
  });

  it('sends an editor back to a proposal another editor already handled', async () => {
    await t.client().post('/propose', { ...proposal, email: 'handled@example.net', title: 'Déjà traitée' });
    const row = await t.db.db.selectFrom('proposals').select('id').where('email', '=', 'handled@example.net').executeTakeFirstOrThrow();
    expect((await editor.post(`/editor/proposals/${row.id}/decline`, { message: '' })).statusCode).toBe(303);
    for (const url of [`/editor/proposals/${row.id}/decline`, `/editor/proposals/${row.id}/accept`]) {
      const again = await editor.post(url, { message: 'Deux fois ?' });
      expect(again.statusCode, url).toBe(303);
      expect(again.headers.location, url).toBe(`/editor/proposals/${row.id}`);
      expect((await editor.get(`/editor/proposals/${row.id}`)).body, url).toContain('Cette proposition a déjà été traitée.');
    }
    expect(t.mailer.sent.filter((m) => m.to === 'handled@example.net' && m.subject.startsWith('Votre proposition'))).toHaveLength(1);
  });

  it('keeps an editor’s decline message that is too long on the proposal’s page', async () => {
    await t.client().post('/propose', { ...proposal, email: 'long@example.net', title: 'Message trop long' });
    const row = await t.db.db.selectFrom('proposals').select('id').where('email', '=', 'long@example.net').executeTakeFirstOrThrow();
    const res = await editor.post(`/editor/proposals/${row.id}/decline`, { message: 'x'.repeat(3001) });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('<h1>Message trop long</h1>');
    expect(res.body).toContain('Ce texte est trop long.');
    const still = await t.db.db.selectFrom('proposals').select('status').where('id', '=', row.id).executeTakeFirstOrThrow();
    expect(still.status).toBe('new');
  });
});
