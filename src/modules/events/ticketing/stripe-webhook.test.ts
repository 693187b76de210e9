/**
 * The Stripe webhook, end to end through the app but without the network: orders are given a fake
 * Checkout session id directly in the database (we never call Stripe's API), and events are signed
 * with the official library's test helper and the app's webhook secret. A payment is booked once
 * however often and under however many event ids Stripe delivers it; a bad signature is a 400
 * that writes nothing; an unknown session is acknowledged and ignored; nothing answers 5xx.
 */
import { randomBytes } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser, PASSWORD } from '../../../../tests/factories/index.ts';
import { createTestApp, type TestApp, type TestClient } from '../../../../tests/helpers/test-app.ts';
import { DIALECTS } from '../../../../tests/helpers/test-database.ts';
import { checkoutEvent, evtId, sign, WEBHOOK_SECRET } from '../../../../tests/helpers/stripe-events.ts';
import { countRows, formKey, makeTicketedEvent, placedOrder, T0, type TicketedEvent } from '../../../../tests/helpers/ticketing-fixtures.ts';
import { ledgerTotal } from '../../ledger/index.ts';
import { orderTickets } from '../index.ts';

const SECRET = WEBHOOK_SECRET;
const PRICE = 1500;

interface StripeOrder {
  id: number;
  publicId: string;
  email: string;
  sessionId: string;
  paymentIntent: string;
  total: number;
  quantity: number;
}


describe.each(DIALECTS)('Stripe webhook (%s)', (dialect) => {
  let t: TestApp;
  let ev: TicketedEvent;
  let organiser: TestClient;
  let n = 0;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    ev = await makeTicketedEvent(t.db.db, { capacity: 20, price: PRICE, maxPerOrder: 2, title: 'Soirée Stripe' });
    const editor = await makeUser(t.db.db, 'editor');
    organiser = t.client();
    await organiser.login(editor.email, PASSWORD);
  });
  afterAll(async () => t.close());

  /** A reserved order that went to Stripe Checkout: its session id set as startCheckout would. */
  async function stripeOrder(quantity = 2): Promise<StripeOrder> {
    n += 1;
    const email = `stripe-${dialect}-${n}@example.org`;
    const placed = placedOrder(await orderTickets(
      { db: t.db.db, actor: null, now: t.clock.now },
      { eventId: ev.eventId, ticketTypeId: ev.typeId, quantity, name: `Client ${n}`, email, offered: null, invitationCode: null, idempotencyKey: `order:${formKey()}`, provider: 'stripe', lang: 'fr' },
    ));
    expect(placed.status).toBe('reserved');
    // The reservation email goes out now (the outbox), before what the test measures.
    await t.deliver();
    const sessionId = `cs_test_${randomBytes(16).toString('hex')}`;
    await t.db.db.updateTable('orders').set({ provider: 'stripe', provider_ref: sessionId }).where('id', '=', placed.id).execute();
    return { id: placed.id, publicId: placed.publicId, email, sessionId, paymentIntent: `pi_test_${randomBytes(12).toString('hex')}`, total: placed.total, quantity };
  }

  /** Stripe posts the event; whatever the payment emitted (tickets, a refund) is then delivered, as the worker would. */
  async function deliver(payload: string, signature: string | null): Promise<LightMyRequestResponse> {
    const res = await t.app.inject({
      method: 'POST',
      url: '/payments/stripe/webhook',
      payload,
      headers: { 'content-type': 'application/json', ...(signature !== null ? { 'stripe-signature': signature } : {}) },
    });
    await t.deliver();
    return res;
  }

  /** Everything a delivery could write. */
  async function snapshot() {
    const orders = await t.db.db.selectFrom('orders').select(['id', 'status', 'provider_payment_ref', 'reserved_until']).orderBy('id').execute();
    return {
      payments: await countRows(t.db.db, 'payments'),
      transactions: await countRows(t.db.db, 'ledger_transactions'),
      lines: await countRows(t.db.db, 'ledger_lines'),
      tickets: await countRows(t.db.db, 'tickets'),
      mails: t.mailer.sent.length,
      orders,
    };
  }

  const postingsOf = (orderId: number) =>
    t.db.db.selectFrom('ledger_transactions').select('id').where('cause_type', '=', 'order').where('cause_id', '=', String(orderId)).execute();

  it('a signed checkout.session.completed pays the order: tickets, one ledger posting, the email with QR codes and calendar', async () => {
    const order = await stripeOrder(2);
    expect(order.total).toBe(2 * PRICE);
    const eventId = evtId();
    const payload = checkoutEvent(eventId, order);
    const res = await deliver(payload, sign(payload));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ received: true });

    const row = await t.db.db.selectFrom('orders').selectAll().where('id', '=', order.id).executeTakeFirstOrThrow();
    expect(row.status).toBe('paid');
    expect(row.reserved_until).toBeNull();
    expect(row.provider_payment_ref).toBe(order.paymentIntent);

    const tickets = await t.db.db.selectFrom('tickets').select(['id', 'short_code', 'event_id']).where('order_id', '=', order.id).execute();
    expect(tickets).toHaveLength(2);
    expect(tickets.every((x) => x.event_id === ev.eventId)).toBe(true);

    const payments = await t.db.db.selectFrom('payments').selectAll().where('order_id', '=', order.id).execute();
    expect(payments).toHaveLength(1);
    expect(payments[0]).toMatchObject({ provider: 'stripe', provider_event_id: eventId, kind: 'payment' });
    expect(Number(payments[0]!.amount)).toBe(order.total);

    const postings = await postingsOf(order.id);
    expect(postings).toHaveLength(1);
    expect(payments[0]!.transaction_id).toBe(postings[0]!.id);
    const lines = await t.db.db.selectFrom('ledger_lines').select(['account', 'amount', 'event_id']).where('transaction_id', '=', postings[0]!.id).orderBy('account').execute();
    expect(lines.map((l) => ({ ...l, amount: Number(l.amount) }))).toEqual([
      { account: 'assets:payment_provider', amount: order.total, event_id: ev.eventId },
      { account: 'income:tickets', amount: -order.total, event_id: ev.eventId },
    ]);
    expect(await ledgerTotal(t.db.db)).toEqual({ total: 0, unbalanced: 0 });

    // The tickets email (after the reservation's): one QR code (PNG) per seat, and the calendar file.
    expect(t.mailer.sent.filter((m) => m.to === order.email).map((m) => m.subject)).toEqual(['Votre réservation : Soirée Stripe', 'Vos billets : Soirée Stripe']);
    const mails = t.mailer.sent.filter((m) => m.to === order.email && m.subject.startsWith('Vos billets'));
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    for (const x of tickets) expect(mail.text).toContain(x.short_code);
    const attachments = mail.attachments ?? [];
    const pngs = attachments.filter((a) => a.contentType === 'image/png');
    expect(pngs).toHaveLength(2);
    for (const png of pngs) {
      expect(png.filename).toMatch(/\.png$/);
      expect(Buffer.isBuffer(png.content)).toBe(true);
      expect((png.content as Buffer).subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    }
    for (const x of tickets) expect(pngs.some((p) => p.filename.includes(x.short_code))).toBe(true);
    const ics = attachments.filter((a) => a.filename.endsWith('.ics'));
    expect(ics).toHaveLength(1);
    expect(ics[0]!.contentType).toMatch(/^text\/calendar/);
    const icsText = ics[0]!.content.toString();
    expect(icsText).toContain('BEGIN:VCALENDAR');
    expect(icsText).toContain('BEGIN:VEVENT');
    expect(icsText).toContain('Soirée Stripe');

    // Stripe retries the same event (re-signed, as it does), and an identical copy arrives too.
    const after = await snapshot();
    for (const header of [sign(payload), sign(payload)]) {
      const again = await deliver(payload, header);
      expect(again.statusCode).toBe(200);
    }
    expect(await snapshot()).toEqual(after);
    expect(await t.db.db.selectFrom('payments').select('id').where('order_id', '=', order.id).execute()).toHaveLength(1);

    // The same session under another event id (e.g. both .completed and a duplicate delivery):
    // the order is already paid, so nothing more is booked, issued or sent.
    const other = checkoutEvent(evtId(), order);
    const dup = await deliver(other, sign(other));
    expect(dup.statusCode).toBe(200);
    expect(await postingsOf(order.id)).toHaveLength(1);
    const later = await snapshot();
    expect({ ...later, payments: undefined }).toEqual({ ...after, payments: undefined });
    // Booked payments (those with a ledger transaction) stay at one.
    const booked = await t.db.db.selectFrom('payments').select('id').where('order_id', '=', order.id).where('transaction_id', 'is not', null).execute();
    expect(booked).toHaveLength(1);
    const rows = await t.db.db.selectFrom('payments').select(['provider_event_id', 'transaction_id']).where('order_id', '=', order.id).execute();
    console.info(`[${dialect}] payments rows of the order after a second event id: ${JSON.stringify(rows)}`);
    expect(await ledgerTotal(t.db.db)).toEqual({ total: 0, unbalanced: 0 });
  });

  // The tickets email says "Retrouver vos billets ou annuler : {link}". The order page opens only
  // with the order's secret token, so the link must carry one.
  it('a payment of another amount or currency than the order’s is recorded for the organisers, never confirms it, books nothing', async () => {
    for (const [options, shown] of [
      [{ amount: 1 }, /0,01\s€/],
      [{ currency: 'jpy' }, /1\s500\sJPY/],
    ] as const) {
      const order = await stripeOrder(1);
      const before = await snapshot();
      const eventId = evtId();
      const payload = checkoutEvent(eventId, order, options);
      const res = await deliver(payload, sign(payload));
      expect(res.statusCode).toBe(200);
      const row = await t.db.db.selectFrom('orders').select(['status']).where('id', '=', order.id).executeTakeFirstOrThrow();
      expect(row.status).toBe('reserved');
      const after = await snapshot();
      expect([after.payments, after.transactions, after.lines, after.tickets]).toEqual([before.payments, before.transactions, before.lines, before.tickets]);
      expect(await postingsOf(order.id)).toEqual([]);
      const anomalies = await t.db.db.selectFrom('payment_anomalies').selectAll().where('subject_type', '=', 'order').where('subject_id', '=', order.id).execute();
      expect(anomalies).toHaveLength(1);
      expect(anomalies[0]).toMatchObject({ provider: 'stripe', provider_event_id: eventId, expected_amount: order.total, expected_currency: 'eur' });
      // Delivered again: recorded once.
      expect((await deliver(payload, sign(payload))).statusCode).toBe(200);
      expect(await t.db.db.selectFrom('payment_anomalies').select('id').where('subject_type', '=', 'order').where('subject_id', '=', order.id).execute()).toHaveLength(1);
      // The organisers see it beside the order.
      const page = await organiser.get(`/editor/events/${ev.eventId}/tickets`);
      expect(page.body).toMatch(shown);
      expect(page.body).toContain(order.paymentIntent);
    }
  });

  it('the link in the tickets email sent after a Stripe payment opens the order', async () => {
    const order = await stripeOrder(1);
    const payload = checkoutEvent(evtId(), order);
    expect((await deliver(payload, sign(payload))).statusCode).toBe(200);
    const mail = t.mailer.sent.find((m) => m.to === order.email && (m.attachments?.length ?? 0) > 0);
    expect(mail).toBeDefined();
    const link = t.mailer.linkTo(order.email);
    expect(link).toContain(`/orders/${order.publicId}`);
    const res = await t.client().get(new URL(link!).pathname + new URL(link!).search);
    expect({ link, status: res.statusCode }).toEqual({ link, status: 200 });
  });

  it('deliveries of one payment racing each other (same and different event ids) book it once', async () => {
    const order = await stripeOrder(2);
    const before = await snapshot();
    const first = evtId();
    const payloads = [checkoutEvent(first, order), checkoutEvent(first, order), checkoutEvent(evtId(), order), checkoutEvent(evtId(), order, { type: 'checkout.session.async_payment_succeeded' })];
    const responses = await Promise.all(payloads.map((p) => deliver(p, sign(p))));
    expect(responses.map((r) => r.statusCode)).toEqual([200, 200, 200, 200]);
    const after = await snapshot();
    expect(after.transactions).toBe(before.transactions + 1);
    expect(after.lines).toBe(before.lines + 2);
    expect(after.tickets).toBe(before.tickets + 2);
    expect(after.mails).toBe(before.mails + 1);
    expect(await postingsOf(order.id)).toHaveLength(1);
    expect((await t.db.db.selectFrom('orders').select('status').where('id', '=', order.id).executeTakeFirstOrThrow()).status).toBe('paid');
    expect(await ledgerTotal(t.db.db)).toEqual({ total: 0, unbalanced: 0 });
  });

  it('a bad signature is a 400 and writes nothing (and the same event, well signed, is accepted)', async () => {
    const order = await stripeOrder(1);
    const payload = checkoutEvent(evtId(), order);
    const before = await snapshot();
    const now = Math.floor(Date.now() / 1000);
    const tampered = payload.replace(`"amount_total":${order.total}`, '"amount_total":1');
    expect(tampered).not.toBe(payload);
    const cases: [string, string, string | null][] = [
      ['wrong secret', payload, sign(payload, { secret: 'whsec_someoneelse' })],
      ['tampered payload', tampered, sign(payload)],
      ['missing header', payload, null],
      ['empty header', payload, ''],
      ['garbage header', payload, 'not-a-signature'],
      ['no v1 signature', payload, `t=${now}`],
      ['stale timestamp (replayed after the tolerance)', payload, sign(payload, { timestamp: now - 3600 })],
      ['signed for another body', payload, sign(checkoutEvent(evtId(), order))],
    ];
    for (const [label, body, header] of cases) {
      const res = await deliver(body, header);
      expect({ label, status: res.statusCode }).toEqual({ label, status: 400 });
      expect(res.json()).toEqual({ error: 'bad_signature' });
    }
    expect(await snapshot()).toEqual(before);

    // Control: the very payload refused above, properly signed, pays the order.
    const ok = await deliver(payload, sign(payload));
    expect(ok.statusCode).toBe(200);
    expect((await t.db.db.selectFrom('orders').select('status').where('id', '=', order.id).executeTakeFirstOrThrow()).status).toBe('paid');
  });

  it('an unknown session is acknowledged (200) and writes nothing', async () => {
    const before = await snapshot();
    const ghost = { id: 999_999, publicId: 'ghost', sessionId: `cs_test_${randomBytes(16).toString('hex')}`, paymentIntent: 'pi_test_ghost', total: PRICE };
    const payload = checkoutEvent(evtId(), ghost);
    const res = await deliver(payload, sign(payload));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ received: true });
    expect(await snapshot()).toEqual(before);
  });

  it('events that are not a completed payment are acknowledged and ignored', async () => {
    const order = await stripeOrder(1);
    const before = await snapshot();
    const bodies = [
      checkoutEvent(evtId(), order, { paymentStatus: 'unpaid' }),
      checkoutEvent(evtId(), order, { type: 'checkout.session.expired', paymentStatus: 'unpaid' }),
      checkoutEvent(evtId(), order, { type: 'payment_intent.succeeded' }),
    ];
    for (const body of bodies) {
      const res = await deliver(body, sign(body));
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ received: true });
    }
    expect(await snapshot()).toEqual(before);
  });

  it('a payment arriving after the reservation ran out still gets its seats when some are free', async () => {
    const order = await stripeOrder(1);
    t.clock.now = new Date(T0.getTime() + 60 * 60_000);
    try {
      const payload = checkoutEvent(evtId(), order);
      const res = await deliver(payload, sign(payload));
      expect(res.statusCode).toBe(200);
      const row = await t.db.db.selectFrom('orders').select(['status', 'refund_due']).where('id', '=', order.id).executeTakeFirstOrThrow();
      expect(row.status).toBe('paid');
      expect(Number(row.refund_due)).toBe(0);
      expect(await t.db.db.selectFrom('tickets').select('id').where('order_id', '=', order.id).execute()).toHaveLength(1);
      expect(await ledgerTotal(t.db.db)).toEqual({ total: 0, unbalanced: 0 });
    } finally {
      t.clock.now = T0;
    }
  });
});
