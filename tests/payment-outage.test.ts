/**
 * A payment provider that does not answer delays effects and never fails what a buyer already
 * did (issue 7, "Bad input and faults"). The real Stripe library talks to a local stand-in
 * (tests/helpers/fake-stripe.ts) that works or fails on demand:
 * - ordering while Stripe is down (500s, or nobody listening): the order is placed, its seats
 *   held, the reservation email sent; the buyer lands on the order page with "payment service
 *   unavailable, your seats are held until …" and a Pay button that works once Stripe is back,
 *   returning to the same checkout (one session, one idempotency key);
 * - a refund the provider refuses is retried with backoff by the outbox, with the same
 *   idempotency key, and booked once when it finally goes through;
 * - a refund that keeps failing lands in the admins' dead letters, and an organiser who refunds by
 *   hand takes it over: the effect is set aside, the ledger books the refund once.
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser, PASSWORD } from './factories/index.ts';
import { closedPortUrl, startFakeStripe, type FakeStripe } from './helpers/fake-stripe.ts';
import { checkoutEvent, evtId, sign } from './helpers/stripe-events.ts';
import { createTestApp, type TestApp, type TestClient } from './helpers/test-app.ts';
import { DIALECTS } from './helpers/test-database.ts';
import { formKey, makeTicketedEvent, seatCounterDrift, type TicketedEvent } from './helpers/ticketing-fixtures.ts';
import { ledgerTotal } from '../src/modules/ledger/index.ts';

const PRICE = 1500;
const MINUTE = 60_000;

function orderForm(client: TestClient, ev: TicketedEvent, email: string, key = formKey()) {
  return client.post(`/events/${ev.slug}/order`, { ticket_type_id: String(ev.typeId), quantity: '1', name: `Buyer ${email}`, email, offered: '', code: '', key });
}

const location = (res: LightMyRequestResponse) => String(res.headers.location ?? '');

describe.each(DIALECTS)('payments while the provider is down (%s)', (dialect) => {
  let stripe: FakeStripe;
  let t: TestApp;

  beforeAll(async () => {
    stripe = await startFakeStripe();
    t = await createTestApp(dialect, { paymentProvider: 'stripe', stripeApiUrl: stripe.url });
  });
  afterAll(async () => {
    await t.close();
    await stripe.close();
  });

  const order = (id: number) => t.db.db.selectFrom('orders').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it('places the order and holds the seats when Stripe fails; Pay works once Stripe is back, to one checkout', async () => {
    const ev = await makeTicketedEvent(t.db.db, { capacity: 3, price: PRICE });
    stripe.mode.checkout = 'error';
    const buyer = t.client();
    const key = formKey();
    const res = await orderForm(buyer, ev, 'patient@example.org', key);
    expect(res.statusCode).toBe(303);
    expect(location(res)).toMatch(/^\/orders\/[\w-]+\?token=/);
    const page = await buyer.get(location(res));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Le service de paiement ne répond pas');
    expect(page.body).toContain('action="/orders/');
    const [row] = await t.db.db.selectFrom('orders').selectAll().where('email', '=', 'patient@example.org').execute();
    expect(row).toMatchObject({ status: 'reserved', provider: 'stripe', provider_ref: null, checkout_url: null });
    expect(await seatCounterDrift(t.db.db, ev.eventId)).toEqual([]);
    const held = await t.db.db.selectFrom('seat_buckets').select((eb) => eb.fn.sum<number>('held').as('n')).where('event_id', '=', ev.eventId).executeTakeFirstOrThrow();
    expect(Number(held.n)).toBe(1);
    // The reservation email went out: the link in it is real.
    expect(t.mailer.lastTo('patient@example.org')?.subject).toContain('Votre réservation');
    // The same form sent again finds the order (and says the link was emailed: it was): no second order, no second checkout.
    const again = await orderForm(buyer, ev, 'patient@example.org', key);
    expect(again.statusCode).toBe(303);
    expect(await t.db.db.selectFrom('orders').select('id').where('email', '=', 'patient@example.org').execute()).toHaveLength(1);

    // Stripe is back: Pay sends the buyer to a checkout, and a second Pay to the same one.
    stripe.mode.checkout = 'ok';
    const token = new URL(location(res), 'http://x').searchParams.get('token')!;
    const pay = await buyer.post(`/orders/${row!.public_id}/pay`, { token });
    expect(pay.statusCode).toBe(303);
    expect(location(pay)).toMatch(/^https:\/\/checkout\.stripe\.test\/pay\/cs_test_/);
    const payAgain = await buyer.post(`/orders/${row!.public_id}/pay`, { token });
    expect(location(payAgain)).toBe(location(pay));
    const stored = await order(row!.id);
    expect(stored.provider_ref).toMatch(/^cs_test_/);
    expect(stored.checkout_url).toBe(location(pay));
    // Every attempt carried the order's own idempotency key: Stripe made one session.
    const keys = stripe.requests.filter((r) => r.path === '/v1/checkout/sessions').map((r) => r.idempotencyKey);
    expect(new Set(keys)).toEqual(new Set([`checkout:${row!.public_id}`]));
    expect(stripe.sessions.size).toBeGreaterThanOrEqual(1);
  });

  it('answers a buyer with the same page when nobody listens at Stripe’s address at all', async () => {
    const unreachable = await createTestApp(dialect, { paymentProvider: 'stripe', stripeApiUrl: await closedPortUrl() });
    try {
      const ev = await makeTicketedEvent(unreachable.db.db, { capacity: 2, price: PRICE });
      const buyer = unreachable.client();
      const started = Date.now();
      const res = await orderForm(buyer, ev, 'offline@example.org');
      expect(res.statusCode).toBe(303);
      expect(Date.now() - started).toBeLessThan(20_000);
      const page = await buyer.get(location(res));
      expect(page.body).toContain('Le service de paiement ne répond pas');
      expect(unreachable.mailer.lastTo('offline@example.org')?.subject).toContain('Votre réservation');
    } finally {
      await unreachable.close();
    }
  });

  /** A Stripe order whose reservation ran out and whose seat went to someone else, then paid: a refund is owed. */
  async function paidTooLate(tag: string) {
    const ev = await makeTicketedEvent(t.db.db, { capacity: 1, price: PRICE });
    stripe.mode.checkout = 'ok';
    const first = await orderForm(t.client(), ev, `late-${tag}@example.org`);
    expect(first.statusCode).toBe(303);
    const late = (await t.db.db.selectFrom('orders').selectAll().where('email', '=', `late-${tag}@example.org`).executeTakeFirstOrThrow());
    expect(late.provider_ref).toMatch(/^cs_test_/);
    t.clock.now = new Date(t.clock.now.getTime() + 16 * MINUTE);
    const other = await orderForm(t.client(), ev, `seat-${tag}@example.org`);
    expect(other.statusCode).toBe(303);
    const payload = checkoutEvent(evtId(), { id: late.id, publicId: late.public_id, sessionId: late.provider_ref!, paymentIntent: `pi_${tag}`, total: PRICE });
    const hook = await t.app.inject({ method: 'POST', url: '/payments/stripe/webhook', payload, headers: { 'content-type': 'application/json', 'stripe-signature': sign(payload) } });
    expect(hook.statusCode).toBe(200);
    expect(await order(late.id)).toMatchObject({ status: 'cancelled', refund_due: PRICE });
    return { ev, late };
  }

  const refundEffect = (orderId: number) => t.db.db.selectFrom('outbox').selectAll().where('key', '=', `ticketing.refund:${orderId}`).executeTakeFirstOrThrow();
  const refundRequests = () => stripe.requests.filter((r) => r.path === '/v1/refunds');

  it('retries a refused refund with backoff and the same idempotency key, and books it once when it goes through', async () => {
    const { late } = await paidTooLate('retry');
    stripe.mode.refund = 'error';
    const before = refundRequests().length;
    await t.deliver();
    let effect = await refundEffect(late.id);
    expect(effect).toMatchObject({ status: 'pending', attempts: 1 });
    expect(effect.last_error).toBeTruthy();
    // Not due yet: nothing is tried before the backoff.
    await t.deliver();
    expect((await refundEffect(late.id)).attempts).toBe(1);
    t.clock.now = new Date(t.clock.now.getTime() + 5 * MINUTE);
    await t.deliver();
    effect = await refundEffect(late.id);
    expect(effect).toMatchObject({ status: 'pending', attempts: 2 });
    expect(await order(late.id)).toMatchObject({ status: 'cancelled', refund_due: PRICE });

    stripe.mode.refund = 'ok';
    t.clock.now = new Date(t.clock.now.getTime() + 5 * MINUTE);
    await t.deliver();
    expect(await refundEffect(late.id)).toMatchObject({ status: 'done' });
    expect(await order(late.id)).toMatchObject({ status: 'refunded', refund_due: 0 });
    const keys = refundRequests().slice(before).map((r) => r.idempotencyKey);
    expect(keys.length).toBeGreaterThanOrEqual(3);
    expect(new Set(keys)).toEqual(new Set([`ticketing.refund:${late.id}`]));
    const refunds = await t.db.db.selectFrom('ledger_transactions').select('id').where('cause_type', '=', 'refund').where('cause_id', '=', String(late.id)).execute();
    expect(refunds).toHaveLength(1);
    expect(await ledgerTotal(t.db.db)).toEqual({ total: 0, unbalanced: 0 });
  });

  it('lets an organiser take over a refund that kept failing: set aside, booked once', async () => {
    const { ev, late } = await paidTooLate('dead');
    stripe.mode.refund = 'error';
    for (let i = 0; i < 6; i++) {
      await t.deliver();
      t.clock.now = new Date(t.clock.now.getTime() + 10 * MINUTE);
    }
    expect(await refundEffect(late.id)).toMatchObject({ status: 'dead' });
    const admin = await makeUser(t.db.db, 'admin');
    const desk = t.client();
    await desk.login(admin.email, PASSWORD);
    const troubled = await desk.get('/editor/outbox');
    expect(troubled.body).toContain('ticketing.refund');
    const done = await desk.post(`/editor/orders/${late.id}/refunded`);
    expect(done.statusCode).toBe(303);
    expect(location(done)).toBe(`/editor/events/${ev.eventId}/tickets`);
    expect(await refundEffect(late.id)).toMatchObject({ status: 'dismissed' });
    expect(await order(late.id)).toMatchObject({ status: 'refunded', refund_due: 0 });
    // Nothing left for the worker, and the provider is not asked again.
    const asked = refundRequests().length;
    stripe.mode.refund = 'ok';
    t.clock.now = new Date(t.clock.now.getTime() + 60 * MINUTE);
    await t.deliver();
    expect(refundRequests().length).toBe(asked);
    const refunds = await t.db.db.selectFrom('ledger_transactions').select('id').where('cause_type', '=', 'refund').where('cause_id', '=', String(late.id)).execute();
    expect(refunds).toHaveLength(1);
    expect(await ledgerTotal(t.db.db)).toEqual({ total: 0, unbalanced: 0 });
  });
});
