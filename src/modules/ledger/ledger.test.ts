/** The ledger desk and the public pages over HTTP, on each dialect. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser, PASSWORD } from '../../../tests/factories/index.ts';
import { createTestApp, type TestApp, type TestClient } from '../../../tests/helpers/test-app.ts';
import { DIALECTS } from '../../../tests/helpers/test-database.ts';
import { formKey as key, makeEvening } from '../../../tests/support/evenings.ts';
import { postTransaction } from './commands/post-transaction.ts';
import { credit, debit } from './domain/posting.ts';
import { validateFec } from './exports/fec.ts';
import { ledgerTotal, rebuildLedgerBalances } from './index.ts';

describe.each(DIALECTS)('ledger (%s)', (dialect) => {
  let t: TestApp;
  let admin: TestClient;
  let admin2: TestClient;
  let editor: TestClient;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const a = await makeUser(t.db.db, 'admin');
    const a2 = await makeUser(t.db.db, 'admin');
    const e = await makeUser(t.db.db, 'editor');
    admin = t.client();
    admin2 = t.client();
    editor = t.client();
    await admin.login(a.email, PASSWORD);
    await admin2.login(a2.email, PASSWORD);
    await editor.login(e.email, PASSWORD);
  });
  afterAll(async () => t.close());

  const expenseId = async (description: string) =>
    (await t.db.db.selectFrom('expenses').select('id').where('description', '=', description).executeTakeFirstOrThrow()).id;

  it('runs an evening from income to closing, and shows the surplus split on the transparency page', async () => {
    const eventId = await makeEvening(t.db.db, 'Soirée test');
    const incomeKey = key();
    const income = { kind: 'tickets', event_id: String(eventId), amount: '1 000,01', description: 'Billetterie à l’entrée', key: incomeKey };
    expect((await admin.post('/editor/ledger/income', income)).statusCode).toBe(303);
    // A double submit of the same form books once.
    expect((await admin.post('/editor/ledger/income', income)).statusCode).toBe(303);
    expect(await t.db.db.selectFrom('ledger_transactions').select('id').where('cause_type', '=', 'ticket_income').execute()).toHaveLength(1);

    const submit = (over: Record<string, string>) =>
      editor.post('/editor/ledger/expenses', { category: 'expenses:event_logistics', event_id: String(eventId), amount: '300', payee: 'Salle des fêtes', description: 'Location', key: key(), ...over });
    expect((await submit({ description: 'Location' })).statusCode).toBe(303);
    const location = await expenseId('Location');

    // Nobody approves their own expense (an editor approves none), and the desk offers them nothing to decide.
    const self = await editor.post(`/editor/ledger/expenses/${location}/approve`, { override_reason: '' });
    expect(self.statusCode).toBe(403);
    const editorDesk = (await editor.get('/editor/ledger')).body;
    expect(editorDesk).not.toContain(`/editor/ledger/expenses/${location}/approve`);
    expect(editorDesk).toContain('En attente d’une autre personne');
    expect((await admin.get('/editor/ledger')).body).toContain(`/editor/ledger/expenses/${location}/approve`);
    expect((await admin.post(`/editor/ledger/expenses/${location}/approve`, { override_reason: '' })).statusCode).toBe(303);
    expect((await admin.post(`/editor/ledger/expenses/${location}/pay`)).statusCode).toBe(303);
    // A double click on "pay" lands on the desk again and pays once.
    expect((await admin.post(`/editor/ledger/expenses/${location}/pay`)).statusCode).toBe(303);
    expect(await t.db.db.selectFrom('ledger_transactions').select('id').where('cause_type', '=', 'expense_payment').where('cause_id', '=', String(location)).execute()).toHaveLength(1);

    // Over the event's available balance (1 000,01 − 300 = 700,01): refused without a reason, recorded with one.
    await submit({ description: 'Sono', amount: '800' });
    const sono = await expenseId('Sono');
    const refused = await admin.post(`/editor/ledger/expenses/${sono}/approve`, { override_reason: '' });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('dépasse le solde disponible');
    const status = await t.db.db.selectFrom('expenses').select('status').where('id', '=', sono).executeTakeFirstOrThrow();
    expect(status.status).toBe('submitted');
    await admin.post(`/editor/ledger/expenses/${sono}/reject`, { reason: 'Trop cher, on loue ailleurs.' });
    await submit({ description: 'Traiteur', amount: '250,00' });
    const traiteur = await expenseId('Traiteur');
    expect((await admin.post(`/editor/ledger/expenses/${traiteur}/approve`, { override_reason: '' })).statusCode).toBe(303);
    // Closing waits until every expense is decided and paid.
    const early = await admin.post(`/editor/ledger/events/${eventId}/close`);
    expect(early.statusCode).toBe(303);
    expect(await t.db.db.selectFrom('event_closures').select('event_id').where('event_id', '=', eventId).executeTakeFirst()).toBeUndefined();
    await admin.post(`/editor/ledger/expenses/${traiteur}/pay`);

    const close = await admin.post(`/editor/ledger/events/${eventId}/close`);
    expect(close.statusCode).toBe(303);
    const closure = await t.db.db.selectFrom('event_closures').selectAll().where('event_id', '=', eventId).executeTakeFirstOrThrow();
    // 1 000,01 − 550,00 = 450,01 split 50/50: the odd cent to visuals.
    expect([Number(closure.income), Number(closure.logistics), Number(closure.to_visuals), Number(closure.to_book_editing), Number(closure.deficit)]).toEqual([100001, 55000, 22501, 22500, 0]);
    // Twice is refused, and the event is locked.
    await admin.post(`/editor/ledger/events/${eventId}/close`);
    expect(await t.db.db.selectFrom('event_closures').select('event_id').where('event_id', '=', eventId).execute()).toHaveLength(1);
    // Door income for a closed evening is refused on the form, next to the evening.
    const late = await admin.post('/editor/ledger/income', { ...income, key: key() });
    expect(late.statusCode).toBe(409);
    expect(late.body).toContain('clôturés');

    const page = await t.client().get('/transparency');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('225,01');
    expect(page.body).toContain('225,00');
    expect(page.body).toContain('Le grand livre est équilibré');
    expect(await ledgerTotal(t.db.db)).toEqual({ total: 0, unbalanced: 0 });
  });

  it('refuses bad amounts with a clear message and writes nothing', async () => {
    const before = await t.db.db.selectFrom('ledger_transactions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    for (const amount of ['-5', '12,345', 'abc', '0', '1e3', '']) {
      const res = await admin.post('/editor/ledger/income', { kind: 'donation', event_id: '', amount, description: 'Don', key: key() });
      expect(res.statusCode, amount).toBe(422);
    }
    const res = await admin.post('/editor/ledger/income', { kind: 'tickets', event_id: '', amount: '10', description: 'Sans soirée', key: key() });
    expect(res.statusCode).toBe(422);
    const after = await t.db.db.selectFrom('ledger_transactions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('takes an expense with its receipt from the multipart form, and refuses a receipt that is not one, next to its field', async () => {
    const expense = { category: 'expenses:visuals', event_id: '', amount: '42', payee: 'Atelier', description: 'Affiches', key: key() };
    const pdf = { filename: 'facture.pdf', contentType: 'application/pdf', data: Buffer.from('%PDF-1.4\n%test\n') };
    expect((await editor.postMultipart('/editor/ledger/expenses', expense, { receipt: pdf })).statusCode).toBe(303);
    const row = await t.db.db.selectFrom('expenses').select(['receipt_media_id', 'event_id']).where('idempotency_key', '=', expense.key).executeTakeFirstOrThrow();
    expect(row.receipt_media_id).not.toBeNull();
    expect(row.event_id).toBeNull();
    const text = { filename: 'facture.txt', contentType: 'text/plain', data: Buffer.from('not a receipt') };
    const refused = await editor.postMultipart('/editor/ledger/expenses', { ...expense, description: 'Sans justificatif valable', key: key() }, { receipt: text });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('field-invalid');
    expect(await t.db.db.selectFrom('expenses').select('id').where('description', '=', 'Sans justificatif valable').execute()).toEqual([]);
  });

  it('corrects by reversal only, once, and exports CSV, JSON and a valid FEC', async () => {
    const donation = key();
    await admin.post('/editor/ledger/income', { kind: 'donation', event_id: '', amount: '50', description: 'Don, "généreux"; merci', key: donation });
    const tx = await t.db.db.selectFrom('ledger_transactions').select('id').where('cause_type', '=', 'donation').executeTakeFirstOrThrow();
    expect((await admin.post('/editor/ledger/reversals', { transaction_id: String(tx.id), reason: 'Erreur de saisie' })).statusCode).toBe(303);
    const twice = await admin.post('/editor/ledger/reversals', { transaction_id: String(tx.id), reason: 'Encore' });
    expect(twice.statusCode).toBe(422);
    expect(twice.body).toContain('déjà été annulée');
    const reversal = await t.db.db.selectFrom('ledger_transactions').select(['id']).where('reverses_id', '=', tx.id).execute();
    expect(reversal).toHaveLength(1);

    const csv = await t.client().get('/transparency/export.csv');
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('"Don, ""généreux""; merci"');
    const json = JSON.parse((await t.client().get('/transparency/export.json')).body) as { transactions: { lines: { debitCents: number; creditCents: number }[] }[] };
    const sum = json.transactions.flatMap((x) => x.lines).reduce((s, l) => s + l.debitCents - l.creditCents, 0);
    expect(sum).toBe(0);
    const fec = await admin.get('/editor/ledger/fec?year=2026');
    expect(fec.statusCode).toBe(200);
    expect(fec.headers['content-disposition']).toContain('123456789FEC20261231.txt');
    const check = validateFec(fec.body);
    expect(check.errors).toEqual([]);
    expect(check.valid).toBe(true);
    expect(check.entries).toBeGreaterThan(3);
    // The FEC is for the accountant: editors and the public do not get it.
    expect((await editor.get('/editor/ledger/fec?year=2026')).statusCode).toBe(403);
    expect((await t.client().get('/editor/ledger/fec?year=2026')).statusCode).toBe(303);
    expect(await ledgerTotal(t.db.db)).toEqual({ total: 0, unbalanced: 0 });
  });

  it('links every figure to its transactions and rejects malformed filters', async () => {
    const page = await t.client().get('/transparency/transactions?account=income:tickets');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Billetterie');
    // A malformed filter is a bad request; a bad page number reads as the first page.
    for (const q of ['account=nope', 'event=abc', 'from=2026-13-45', 'prefix=<script>', 'cause=DROP%20TABLE']) {
      expect((await t.client().get(`/transparency/transactions?${q}`)).statusCode, q).toBe(400);
    }
    expect((await t.client().get('/transparency/transactions?page=abc')).statusCode).toBe(200);
    expect((await t.client().get('/transparency/transactions/999999')).statusCode).toBe(404);
    expect((await t.client().get('/transparency/transactions/abc')).statusCode).toBe(404);
    const closings = await t.client().get('/transparency/transactions?cause=event_closure');
    expect(closings.body).toContain('Opérations concernant : Clôtures de soirées');
  });
});

describe.each(DIALECTS)('ledger running totals (%s)', (dialect) => {
  it('agree with the postings, and can be rebuilt from them', async () => {
    const t = await createTestApp(dialect);
    try {
      const now = new Date('2026-06-01T00:00:00Z');
      for (let i = 0; i < 20; i++) {
        await t.db.db.transaction().execute((trx) =>
          postTransaction({ db: trx, actor: null, now }, { date: now.toISOString(), description: `t${i}`, causeType: i % 5 === 0 ? 'event_closure' : 'donation', causeId: null, idempotencyKey: `rt-${i}`, lines: [debit('assets:bank', 100 + i), credit('income:donations', 100 + i)] }),
        );
      }
      const before = await t.db.db.selectFrom('ledger_balances').selectAll().orderBy('account').orderBy('closing').execute();
      // 16 ordinary donations (i not a multiple of 5) of 100 + i cents; 4 "closing" ones.
      const ordinary = Array.from({ length: 20 }, (_, i) => i).filter((i) => i % 5 !== 0).reduce((s, i) => s + 100 + i, 0);
      const bank = before.find((b) => b.account === 'assets:bank' && b.closing === 0)!;
      expect([Number(bank.debits), Number(bank.credits), bank.lines]).toEqual([ordinary, 0, 16]);
      expect(await ledgerTotal(t.db.db)).toEqual({ total: 0, unbalanced: 0 });
      // Drift is detected by the audit, and a rebuild repairs it.
      await t.db.db.updateTable('ledger_balances').set({ debits: 1 }).where('account', '=', 'assets:bank').where('closing', '=', 0).execute();
      expect((await ledgerTotal(t.db.db)).unbalanced).toBeGreaterThan(0);
      await rebuildLedgerBalances({ db: t.db.db, actor: null, now });
      const after = await t.db.db.selectFrom('ledger_balances').selectAll().orderBy('account').orderBy('closing').execute();
      expect(after.map((r) => ({ ...r, debits: Number(r.debits), credits: Number(r.credits) }))).toEqual(before.map((r) => ({ ...r, debits: Number(r.debits), credits: Number(r.credits) })));
      expect(await ledgerTotal(t.db.db)).toEqual({ total: 0, unbalanced: 0 });
    } finally {
      await t.close();
    }
  });
});
