import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../tests/helpers/test-database.ts';
import { createTestApp, type TestApp, type TestClient } from '../../../tests/helpers/test-app.ts';
import { makeContributor, makeUser, PASSWORD } from '../../../tests/factories/index.ts';
import { saveEvent } from '../events/index.ts';
import { validateFec } from './exports/fec.ts';
import { ledgerTotal, listRoyalties } from './queries.ts';

async function makeEvent(t: TestApp, actorId: number, title: string): Promise<number> {
  const startsAt = new Date('2026-05-20T17:30:00Z');
  const { id } = await t.db.db.transaction().execute((trx) =>
    saveEvent(
      trx,
      null,
      { title, slug: '', themeId: null, description: '', venue: 'Salle', address: '', startsAt, endsAt: new Date(startsAt.getTime() + 3 * 3600e3), capacity: 50, opensAt: null, closesAt: null, status: 'published' },
      { actorUserId: actorId, now: new Date('2026-05-01T00:00:00Z') },
    ),
  );
  return id;
}

const key = () => `k${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`.slice(0, 24);

describe.each(DIALECTS)('ledger (%s)', (dialect) => {
  let t: TestApp;
  let admin: TestClient;
  let admin2: TestClient;
  let editor: TestClient;
  let adminId: number;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const a = await makeUser(t.db.db, 'admin');
    const a2 = await makeUser(t.db.db, 'admin');
    const e = await makeUser(t.db.db, 'editor');
    adminId = a.id;
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
    const eventId = await makeEvent(t, adminId, 'Soirée test');
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

    // Nobody approves their own expense.
    const self = await editor.post(`/editor/ledger/expenses/${location}/approve`, { override_reason: '' });
    expect(self.statusCode).toBe(403);
    expect((await admin.post(`/editor/ledger/expenses/${location}/approve`, { override_reason: '' })).statusCode).toBe(303);
    expect((await admin.post(`/editor/ledger/expenses/${location}/pay`)).statusCode).toBe(303);

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
    const late = await admin.post('/editor/ledger/income', { ...income, key: key() });
    expect(late.statusCode).toBe(422);
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

  it('shares a book sale’s net among its contributors to the cent, and pays out no more than owed', async () => {
    const people = await Promise.all(['Ada', 'Bea', 'Cyd'].map((name) => makeContributor(t.db.db, { name: `${name} Livre`, email: `${name.toLowerCase()}@private.example` })));
    const weights = Object.fromEntries(people.map((p, i) => [`weight_${p.id}`, String(i + 1)]));
    const created = await admin.post('/editor/ledger/books', { title: 'Le livre', slug: 'le-livre', unit_price: '20', manufacturing_cost: '6,5', split_method: 'weights', ...weights });
    expect(created.statusCode).toBe(303);
    const book = await t.db.db.selectFrom('books').select('id').where('slug', '=', 'le-livre').executeTakeFirstOrThrow();
    const saleKey = key();
    const sale = { book_id: String(book.id), quantity: '7', fees: '3,01', key: saleKey };
    expect((await admin.post('/editor/ledger/sales', sale)).statusCode).toBe(303);
    expect((await admin.post('/editor/ledger/sales', sale)).statusCode).toBe(303);
    // 7 × 20 − 7 × 6,50 − 3,01 = 91,49 € shared 1:2:3 → 15,25 / 30,50 / 45,74 (largest remainder).
    const royalties = await listRoyalties(t.db.db);
    const byId = new Map(royalties.map((r) => [r.contributorId, r.credited]));
    expect(people.map((p) => byId.get(p.id))).toEqual([1525, 3050, 4574]);
    expect(royalties.reduce((s, r) => s + r.credited, 0)).toBe(9149);

    const over = await admin.post('/editor/ledger/payouts', { contributor_id: String(people[0]!.id), amount: '15,26', key: key() });
    expect(over.statusCode).toBe(422);
    expect(over.body).toContain('dépasse ce qui est dû');
    expect((await admin.post('/editor/ledger/payouts', { contributor_id: String(people[0]!.id), amount: '15,25', key: key() })).statusCode).toBe(303);
    const statement = await admin.get(`/editor/ledger/royalties/${people[0]!.id}?from=2026-01-01&to=2026-12-31`);
    expect(statement.statusCode).toBe(200);
    expect(statement.body).toContain('15,25');

    const noPeople = await admin.post('/editor/ledger/books', { title: 'Vide', slug: 'vide', unit_price: '10', manufacturing_cost: '1', split_method: 'equal' });
    expect(noPeople.statusCode).toBe(422);
    expect(noPeople.body).toContain('au moins un contributeur');
    // Contributors' emails never reach the public page or the exports.
    for (const url of ['/transparency', '/transparency/export.csv', '/transparency/export.json', '/transparency/transactions']) {
      const body = (await t.client().get(url)).body;
      expect(body).not.toContain('private.example');
    }
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
    for (const q of ['account=nope', 'event=abc', 'from=2026-13-45', 'prefix=<script>']) {
      expect((await t.client().get(`/transparency/transactions?${q}`)).statusCode, q).toBe(404);
    }
    expect((await t.client().get('/transparency/transactions/999999')).statusCode).toBe(404);
  });
});

describe.each(DIALECTS)('ledger running totals (%s)', (dialect) => {
  it('agree with the postings, and can be rebuilt from them', async () => {
    const t = await createTestApp(dialect);
    try {
      const { postTransaction, rebuildLedgerBalances } = await import('./index.ts');
      const { debit, credit } = await import('./domain/posting.ts');
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
      await rebuildLedgerBalances(t.db.db);
      const after = await t.db.db.selectFrom('ledger_balances').selectAll().orderBy('account').orderBy('closing').execute();
      expect(after.map((r) => ({ ...r, debits: Number(r.debits), credits: Number(r.credits) }))).toEqual(before.map((r) => ({ ...r, debits: Number(r.debits), credits: Number(r.credits) })));
      expect(await ledgerTotal(t.db.db)).toEqual({ total: 0, unbalanced: 0 });
    } finally {
      await t.close();
    }
  });
});
