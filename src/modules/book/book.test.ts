/**
 * The book desk over HTTP, on each dialect: a book and its contributors, a sale booked in the
 * ledger by intent (bookBookSale) and its net shared to the cent, royalties paid through the
 * ledger desk (payRoyalties) never beyond what is owed, and the sales on the transparency page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeContributor, makeUser, PASSWORD } from '../../../tests/factories/index.ts';
import { createTestApp, type TestApp, type TestClient } from '../../../tests/helpers/test-app.ts';
import { DIALECTS } from '../../../tests/helpers/test-database.ts';
import { formKey as key } from '../../../tests/support/evenings.ts';
import { ledgerTotal, listRoyalties } from '../ledger/index.ts';

describe.each(DIALECTS)('book desk (%s)', (dialect) => {
  let t: TestApp;
  let admin: TestClient;
  let editor: TestClient;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const a = await makeUser(t.db.db, 'admin');
    const e = await makeUser(t.db.db, 'editor');
    admin = t.client();
    editor = t.client();
    await admin.login(a.email, PASSWORD);
    await editor.login(e.email, PASSWORD);
  });
  afterAll(async () => t.close());

  it('shares a sale’s net among the book’s contributors to the cent, and pays out no more than owed', async () => {
    const people = await Promise.all(['Ada', 'Bea', 'Cyd'].map((name) => makeContributor(t.db.db, { name: `${name} Livre`, email: `${name.toLowerCase()}@private.example` })));
    const weights = Object.fromEntries(people.map((p, i) => [`weight_${p.id}`, String(i + 1)]));
    const created = await admin.post('/editor/ledger/books', { title: 'Le livre', slug: 'le-livre', unit_price: '20', manufacturing_cost: '6,5', split_method: 'weights', ...weights });
    expect(created.statusCode).toBe(303);
    const book = await t.db.db.selectFrom('books').select('id').where('slug', '=', 'le-livre').executeTakeFirstOrThrow();
    const desk = (await admin.get('/editor/ledger/books')).body;
    expect(desk).toContain('Le livre');
    expect(desk).toContain('Ada Livre (1), Bea Livre (2), Cyd Livre (3)');

    const sale = { book_id: String(book.id), quantity: '7', fees: '3,01', key: key() };
    expect((await admin.post('/editor/ledger/sales', sale)).statusCode).toBe(303);
    // A double submit of the same form records one sale and books it once.
    expect((await admin.post('/editor/ledger/sales', sale)).statusCode).toBe(303);
    const sales = await t.db.db.selectFrom('book_sales').select(['net', 'transaction_id']).where('book_id', '=', book.id).execute();
    expect(sales.map((s) => Number(s.net))).toEqual([9149]);
    const booked = await t.db.db.selectFrom('ledger_transactions').select(['cause_type', 'description']).where('id', '=', sales[0]!.transaction_id).executeTakeFirstOrThrow();
    expect(booked).toEqual({ cause_type: 'book_sale', description: 'Vente de 7 exemplaires papier — Le livre' });
    // The label is kept as a catalogue key too: each reader sees it in their language, plural included.
    expect((await t.client().get('/transparency/transactions?cause=book_sale')).body).toContain('Vente de 7 exemplaires papier — Le livre');
    expect((await t.client().get('/en/transparency/transactions?cause=book_sale')).body).toContain('Sale of 7 paper copies — Le livre');
    // 7 × 20 − 7 × 6,50 − 3,01 = 91,49 € shared 1:2:3 → 15,25 / 30,50 / 45,74 (largest remainder).
    const royalties = await listRoyalties(t.db.db);
    const byId = new Map(royalties.map((r) => [r.contributorId, r.credited]));
    expect(people.map((p) => byId.get(p.id))).toEqual([1525, 3050, 4574]);

    const over = await admin.post('/editor/ledger/payouts', { contributor_id: String(people[0]!.id), amount: '15,26', key: key() });
    expect(over.statusCode).toBe(422);
    expect(over.body).toContain('dépasse ce qui est dû');
    expect((await admin.post('/editor/ledger/payouts', { contributor_id: String(people[0]!.id), amount: '15,25', key: key() })).statusCode).toBe(303);
    const payouts = (await admin.get('/editor/ledger/payouts')).body;
    expect(payouts).toContain(`/editor/ledger/royalties/${people[0]!.id}`);
    const statement = await admin.get(`/editor/ledger/royalties/${people[0]!.id}?from=2026-01-01&to=2026-12-31`);
    expect(statement.statusCode).toBe(200);
    expect(statement.body).toContain('15,25');
    // A malformed period falls back to the current year.
    expect((await admin.get(`/editor/ledger/royalties/${people[0]!.id}?from=yesterday`)).statusCode).toBe(200);

    // The transparency page shows the sales the book module reports, and the royalties.
    const page = (await t.client().get('/transparency')).body;
    expect(page).toContain('Ventes d’exemplaires papier');
    expect(page).toContain('91,49');
    // Contributors' emails never reach the public page or the exports.
    for (const url of ['/transparency', '/transparency/export.csv', '/transparency/export.json', '/transparency/transactions']) {
      expect((await t.client().get(url)).body).not.toContain('private.example');
    }
    expect(await ledgerTotal(t.db.db)).toEqual({ total: 0, unbalanced: 0 });
  });

  it('refuses a book nobody shares, and bad input, on the form', async () => {
    const noPeople = await admin.post('/editor/ledger/books', { title: 'Vide', slug: 'vide', unit_price: '10', manufacturing_cost: '1', split_method: 'equal' });
    expect(noPeople.statusCode).toBe(422);
    expect(noPeople.body).toContain('au moins un contributeur');
    const badWeight = await admin.post('/editor/ledger/books', { title: 'Poids', slug: 'poids', unit_price: '10', manufacturing_cost: '1', split_method: 'weights', weight_1: '-2' });
    expect(badWeight.statusCode).toBe(422);
    const noBook = await admin.post('/editor/ledger/sales', { book_id: '999999', quantity: '1', fees: '0', key: key() });
    expect(noBook.statusCode).toBe(404);
    expect(await t.db.db.selectFrom('books').select('id').where('slug', 'in', ['vide', 'poids']).execute()).toEqual([]);
  });

  it('is the admins’ desk: editors are refused before any input is read', async () => {
    expect((await editor.get('/editor/ledger/books')).statusCode).toBe(403);
    expect((await editor.post('/editor/ledger/sales', { book_id: 'x' })).statusCode).toBe(403);
    expect((await editor.post('/editor/ledger/books', {})).statusCode).toBe(403);
    expect((await t.client().post('/editor/ledger/books', {})).statusCode).toBe(401);
  });
});
