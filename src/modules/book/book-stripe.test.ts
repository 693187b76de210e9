/**
 * Paper orders paid through Stripe Checkout, on each dialect: the one webhook dispatches sessions
 * whose metadata says `kind: book_order` to the book, which books the sale once however many
 * notifications arrive; a kind nobody handles is acknowledged and books nothing.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeContributor, makeUser } from '../../../tests/factories/index.ts';
import { checkoutEvent, evtId, sign } from '../../../tests/helpers/stripe-events.ts';
import { createTestApp, type TestApp } from '../../../tests/helpers/test-app.ts';
import { DIALECTS } from '../../../tests/helpers/test-database.ts';
import { ledgerTotal } from '../ledger/index.ts';
import { createBook, placeBookOrder, setBookShop } from './index.ts';

describe.each(DIALECTS)('book orders paid by Stripe (%s)', (dialect) => {
  let t: TestApp;
  let bookId: number;

  beforeAll(async () => {
    t = await createTestApp(dialect, { paymentProvider: 'stripe' });
    const admin = (await makeUser(t.db.db, 'admin')).actor;
    const author = (await makeContributor(t.db.db, { name: 'Autrice Stripe' })).id;
    const ctx = { db: t.db.db, actor: admin, now: t.clock.now };
    bookId = await createBook(ctx, { title: 'Livre carte', slug: 'livre-carte', unitPrice: 1800, manufacturingCost: 500, splitMethod: 'equal', contributors: [{ contributorId: author, weight: 1 }] });
    await setBookShop(ctx, { bookId, unitPrice: 1800, manufacturingCost: 500, open: true });
  });
  afterAll(async () => t.close());

  const post = async (payload: string) => {
    const res = await t.app.inject({ method: 'POST', url: '/payments/stripe/webhook', payload, headers: { 'content-type': 'application/json', 'stripe-signature': sign(payload) } });
    await t.deliver();
    return res;
  };

  /** A book order's paid session, as Stripe sends it (the checkout was started with `kind: book_order`). */
  function paidSession(order: { id: number; publicId: string; sessionId: string; total: number }, kind = 'book_order', options: { amount?: number; currency?: string } = {}): string {
    const event = JSON.parse(checkoutEvent(evtId(), { ...order, paymentIntent: 'pi_test_book' }, options)) as { data: { object: { metadata: Record<string, string> } } };
    event.data.object.metadata.kind = kind;
    return JSON.stringify(event);
  }

  it('books a paid session once, whatever Stripe repeats', async () => {
    const publicId = await placeBookOrder(
      { db: t.db.db, actor: null, now: t.clock.now },
      { bookId, name: 'Carte Bleue', email: 'cb@buyer.example', address: '2 rue', postalCode: '69001', city: 'Lyon', country: 'France', shipping: 'pickup', quantity: 2, key: randomBytes(16).toString('base64url'), lang: 'fr', provider: 'stripe', shippingOptions: [{ option: 'pickup', perCopy: 0 }] },
    );
    const sessionId = `cs_test_${randomBytes(8).toString('hex')}`;
    const order = await t.db.db.updateTable('book_orders').set({ provider_ref: sessionId }).where('public_id', '=', publicId).returning(['id', 'total']).executeTakeFirstOrThrow();
    const session = { id: order.id, publicId, sessionId, total: Number(order.total) };
    expect((await post(paidSession(session))).statusCode).toBe(200);
    expect((await post(paidSession(session))).statusCode).toBe(200);
    const rows = await t.db.db.selectFrom('book_orders').select(['status', 'provider_payment_ref', 'sale_id']).where('id', '=', order.id).executeTakeFirstOrThrow();
    expect(rows.status).toBe('paid');
    expect(rows.provider_payment_ref).toBe('pi_test_book');
    const sales = await t.db.db.selectFrom('book_sales').select(['net', 'quantity']).where('book_id', '=', bookId).execute();
    expect(sales.map((s) => [Number(s.net), s.quantity])).toEqual([[2600, 2]]);
    expect(t.mailer.sent.filter((m) => m.to === 'cb@buyer.example').map((m) => m.subject)).toEqual(['Votre commande : Livre carte', 'Paiement reçu : Livre carte']);
    expect(await ledgerTotal(t.db.db)).toEqual({ total: 0, unbalanced: 0 });
  });

  it('never takes a paid session of another amount or currency at its word: kept for the organisers, nothing booked', async () => {
    for (const options of [{ amount: 1 }, { currency: 'jpy' }]) {
      const publicId = await placeBookOrder(
        { db: t.db.db, actor: null, now: t.clock.now },
        { bookId, name: 'Carte Bleue', email: 'odd@buyer.example', address: '2 rue', postalCode: '69001', city: 'Lyon', country: 'France', shipping: 'pickup', quantity: 1, key: randomBytes(16).toString('base64url'), lang: 'fr', provider: 'stripe', shippingOptions: [{ option: 'pickup', perCopy: 0 }] },
      );
      const sessionId = `cs_test_${randomBytes(8).toString('hex')}`;
      const order = await t.db.db.updateTable('book_orders').set({ provider_ref: sessionId }).where('public_id', '=', publicId).returning(['id', 'total']).executeTakeFirstOrThrow();
      const sales = await t.db.db.selectFrom('book_sales').select('id').execute();
      expect((await post(paidSession({ id: order.id, publicId, sessionId, total: Number(order.total) }, 'book_order', options))).statusCode).toBe(200);
      expect((await t.db.db.selectFrom('book_orders').select('status').where('id', '=', order.id).executeTakeFirstOrThrow()).status).toBe('ordered');
      expect(await t.db.db.selectFrom('book_sales').select('id').execute()).toEqual(sales);
      const anomalies = await t.db.db.selectFrom('payment_anomalies').selectAll().where('subject_type', '=', 'book_order').where('subject_id', '=', order.id).execute();
      expect(anomalies).toHaveLength(1);
      expect(anomalies[0]).toMatchObject({ expected_amount: Number(order.total), expected_currency: 'eur' });
    }
    expect(await ledgerTotal(t.db.db)).toEqual({ total: 0, unbalanced: 0 });
  });

  it('acknowledges a session of a kind nobody handles, and books nothing', async () => {
    const before = await t.db.db.selectFrom('book_sales').select('id').execute();
    const res = await post(paidSession({ id: 1, publicId: 'x', sessionId: 'cs_test_other', total: 100 }, 'membership'));
    expect(res.statusCode).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ received: true, unknownKind: true });
    expect(await t.db.db.selectFrom('book_sales').select('id').execute()).toEqual(before);
  });
});
