/**
 * A closed evening takes no money of its own (issue 7, "money after closing"). Closing an
 * evening's accounts allocates its result to the funds; from then on its figures are final:
 * - closing waits while orders of the evening are reserved (payment awaited) or refunds are due;
 * - a payment that still arrives (an organiser marks a transfer received, Stripe's webhook) is
 *   booked to the general fund with an "after closing" allocation, and so is a refund;
 * - closing and a payment racing each other on two connection pools (two app instances on
 *   PostgreSQL) leave the evening's result exactly allocated, whichever wins, in every round.
 * The checks are made on the ledger lines themselves (independent SQL), not on the app's totals.
 */
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type Database } from '../src/db/database.ts';
import { recordPayment, sweepReservations, ticketingOutstanding } from '../src/modules/events/index.ts';
import { closeEventAccounts, isEventClosed, ledgerTotal } from '../src/modules/ledger/index.ts';
import { makeUser, PASSWORD } from './factories/index.ts';
import { startFakeStripe, type FakeStripe } from './helpers/fake-stripe.ts';
import { checkoutEvent, evtId, sign } from './helpers/stripe-events.ts';
import { createTestApp, type TestApp, type TestClient } from './helpers/test-app.ts';
import { DIALECTS } from './helpers/test-database.ts';
import { formKey, makeTicketedEvent, type TicketedEvent } from './helpers/ticketing-fixtures.ts';
import type { Db } from '../src/db/database.ts';

const PRICE = 1500;
const MINUTE = 60_000;
/** After the test evenings (makeTicketedEvent: 1 July 2026, 18:00–21:00 UTC): their accounts may be closed. */
const AFTER_THE_EVENING = new Date('2026-07-02T09:00:00Z');

/**
 * For a closed evening, from its own lines: its ticket income and logistics, all lines with its
 * event id (closing entries included), must add up to zero — its result went to the funds — and
 * the closure row must say where it went.
 */
async function eveningAllocation(db: Db, eventId: number) {
  const lines = await sql<{ account: string; total: number | string }>`
    select account, sum(amount) as total from ledger_lines
    where event_id = ${eventId} and account in ('income:tickets', 'expenses:event_logistics')
    group by account`.execute(db);
  const residue = lines.rows.reduce((s, r) => s + Number(r.total), 0);
  const closure = await db.selectFrom('event_closures').selectAll().where('event_id', '=', eventId).executeTakeFirst();
  const afterClosing = await sql<{ total: number | string | null }>`
    select sum(l.amount) as total from ledger_lines l join ledger_transactions t on t.id = l.transaction_id
    where t.cause_type = 'after_closing' and t.cause_id = ${String(eventId)} and l.account = 'funds:general'`.execute(db);
  return {
    residue,
    closure: closure ? { income: Number(closure.income), logistics: Number(closure.logistics), toVisuals: Number(closure.to_visuals), toBookEditing: Number(closure.to_book_editing), deficit: Number(closure.deficit) } : null,
    /** Money that reached the general fund after closing (positive: in). */
    afterClosing: 0 - Number(afterClosing.rows[0]?.total ?? 0) || 0,
  };
}

function orderForm(client: TestClient, ev: TicketedEvent, email: string) {
  return client.post(`/events/${ev.slug}/order`, { ticket_type_id: String(ev.typeId), quantity: '1', name: `Buyer ${email}`, email, offered: '', code: '', key: formKey() });
}

describe.each(DIALECTS)('an evening whose accounts are closed (%s)', (dialect) => {
  let t: TestApp;
  let stripe: FakeStripe;
  let admin: TestClient;
  let editor: TestClient;
  let start: Date;
  let adminEmail: string;
  let editorEmail: string;

  beforeAll(async () => {
    stripe = await startFakeStripe();
    t = await createTestApp(dialect, { stripeApiUrl: stripe.url });
    start = t.clock.now;
    const a = await makeUser(t.db.db, 'admin');
    adminEmail = a.email;
    admin = t.client();
    await admin.login(a.email, PASSWORD);
    const e = await makeUser(t.db.db, 'editor');
    editorEmail = e.email;
    editor = t.client();
    await editor.login(e.email, PASSWORD);
  });
  /** Moves the clock past the test evenings; the team logs in again (a month later, their sessions have run out). */
  const afterTheEvening = async () => {
    t.clock.now = AFTER_THE_EVENING;
    admin = t.client();
    await admin.login(adminEmail, PASSWORD);
    editor = t.client();
    await editor.login(editorEmail, PASSWORD);
  };
  afterAll(async () => {
    await t.close();
    await stripe.close();
  });
  // Orders are placed before the evening, its accounts closed after it: each test moves the clock.
  afterEach(() => {
    t.clock.now = start;
  });

  const orderOf = (email: string) => t.db.db.selectFrom('orders').selectAll().where('email', '=', email).executeTakeFirstOrThrow();
  const close = (eventId: number) => admin.post(`/editor/ledger/events/${eventId}/close`);

  it('waits while an order is reserved, says why, and closes once it has expired', async () => {
    const ev = await makeTicketedEvent(t.db.db, { capacity: 5, price: PRICE });
    expect((await orderForm(t.client(), ev, 'waiting@example.org')).statusCode).toBe(303);
    // Before the evening has ended, closing is refused whatever the orders.
    const tooEarly = await close(ev.eventId);
    expect((await admin.get(String(tooEarly.headers.location))).body).toContain('une fois qu’elle est terminée');
    expect(await isEventClosed(t.db.db, ev.eventId)).toBe(false);
    // After it, a reservation not released yet still holds the accounts open.
    await afterTheEvening();
    const refused = await close(ev.eventId);
    expect(refused.statusCode).toBe(303);
    const page = await admin.get(String(refused.headers.location));
    expect(page.body).toMatch(/1 réservation(\(s\))? en attente de paiement/);
    expect(await isEventClosed(t.db.db, ev.eventId)).toBe(false);
    // The sweep releases the run-out reservation: now the evening can close.
    await t.app.inject({ method: 'GET', url: `/events/${ev.slug}` });
    await sweepReservations({ db: t.db.db, actor: null, now: t.clock.now }, { provider: 'manual' });
    expect((await close(ev.eventId)).statusCode).toBe(303);
    expect(await isEventClosed(t.db.db, ev.eventId)).toBe(true);
  });

  it('books a transfer marked received after closing to the general fund; the evening’s allocation does not move', async () => {
    const ev = await makeTicketedEvent(t.db.db, { capacity: 5, price: PRICE });
    expect((await orderForm(t.client(), ev, 'paid-early@example.org')).statusCode).toBe(303);
    expect((await editor.post(`/editor/orders/${(await orderOf('paid-early@example.org')).id}/paid`)).statusCode).toBe(303);
    expect((await orderForm(t.client(), ev, 'paid-late@example.org')).statusCode).toBe(303);
    const late = await orderOf('paid-late@example.org');
    await afterTheEvening();
    await sweepReservations({ db: t.db.db, actor: null, now: t.clock.now }, { provider: 'manual' });
    expect((await close(ev.eventId)).statusCode).toBe(303);
    const closed = await eveningAllocation(t.db.db, ev.eventId);
    expect(closed).toMatchObject({ residue: 0, afterClosing: 0, closure: { income: PRICE, toVisuals: 750, toBookEditing: 750 } });

    // The transfer of the expired order arrives after all: the seat is free, the order is paid.
    const marked = await editor.post(`/editor/orders/${late.id}/paid`);
    expect(marked.statusCode).toBe(303);
    expect((await orderOf('paid-late@example.org')).status).toBe('paid');
    const after = await eveningAllocation(t.db.db, ev.eventId);
    expect(after).toEqual({ ...closed, afterClosing: PRICE });
    expect(await ledgerTotal(t.db.db)).toEqual({ total: 0, unbalanced: 0 });
    // The public page says it, beside the evening.
    const transparency = await t.client().get('/transparency');
    expect(transparency.body).toContain('Après clôture');
  });

  it('books a Stripe payment that arrives after closing with no seat left, and its refund, through the general fund', async () => {
    const stripeApp = await createTestApp(dialect, { paymentProvider: 'stripe', stripeApiUrl: stripe.url });
    try {
      const a = await makeUser(stripeApp.db.db, 'admin');
      const desk = stripeApp.client();
      await desk.login(a.email, PASSWORD);
      const ev = await makeTicketedEvent(stripeApp.db.db, { capacity: 1, price: PRICE });
      expect((await orderForm(stripeApp.client(), ev, 'slow@example.org')).statusCode).toBe(303);
      const slow = await stripeApp.db.db.selectFrom('orders').selectAll().where('email', '=', 'slow@example.org').executeTakeFirstOrThrow();
      stripeApp.clock.now = new Date(stripeApp.clock.now.getTime() + 16 * MINUTE);
      // Someone else takes the seat (their reservation releases the slow one), and pays.
      expect((await orderForm(stripeApp.client(), ev, 'fast@example.org')).statusCode).toBe(303);
      const fast = await stripeApp.db.db.selectFrom('orders').selectAll().where('email', '=', 'fast@example.org').executeTakeFirstOrThrow();
      const hook = (orderRow: typeof slow, intent: string) => {
        const payload = checkoutEvent(evtId(), { id: orderRow.id, publicId: orderRow.public_id, sessionId: orderRow.provider_ref!, paymentIntent: intent, total: PRICE });
        return stripeApp.app.inject({ method: 'POST', url: '/payments/stripe/webhook', payload, headers: { 'content-type': 'application/json', 'stripe-signature': sign(payload) } });
      };
      expect((await hook(fast, 'pi_fast')).statusCode).toBe(200);
      stripeApp.clock.now = AFTER_THE_EVENING;
      await desk.login(a.email, PASSWORD);
      expect((await desk.post(`/editor/ledger/events/${ev.eventId}/close`)).statusCode).toBe(303);
      const closed = await eveningAllocation(stripeApp.db.db, ev.eventId);
      expect(closed).toMatchObject({ residue: 0, afterClosing: 0, closure: { income: PRICE } });

      // The slow buyer's payment arrives now: no seat, so it is booked and given back — both after closing.
      expect((await hook(slow, 'pi_slow')).statusCode).toBe(200);
      await stripeApp.deliver();
      const refunded = await stripeApp.db.db.selectFrom('orders').select(['status', 'refund_due']).where('id', '=', slow.id).executeTakeFirstOrThrow();
      expect(refunded).toEqual({ status: 'refunded', refund_due: 0 });
      const after = await eveningAllocation(stripeApp.db.db, ev.eventId);
      // In and out again: the general fund is back where it was, the evening unchanged.
      expect(after).toEqual({ ...closed, afterClosing: 0 });
      const afterClosingTx = await stripeApp.db.db.selectFrom('ledger_transactions').select('id').where('cause_type', '=', 'after_closing').where('cause_id', '=', String(ev.eventId)).execute();
      expect(afterClosingTx).toHaveLength(2);
      expect(await ledgerTotal(stripeApp.db.db)).toEqual({ total: 0, unbalanced: 0 });
    } finally {
      await stripeApp.close();
    }
  });

  it('refuses to cancel an evening whose accounts are closed', async () => {
    const ev = await makeTicketedEvent(t.db.db, { capacity: 5, price: PRICE });
    await afterTheEvening();
    expect((await close(ev.eventId)).statusCode).toBe(303);
    expect(await isEventClosed(t.db.db, ev.eventId)).toBe(true);
    const res = await editor.post(`/editor/events/${ev.eventId}/cancel`, { confirm: 'yes' });
    expect(res.statusCode).toBe(303);
    const page = await editor.get(String(res.headers.location));
    expect(page.body).toContain('ne peut plus être annulée');
    expect((await t.db.db.selectFrom('events').select('status').where('id', '=', ev.eventId).executeTakeFirstOrThrow()).status).toBe('published');
  });

  it('closing and a payment racing on two connection pools: the evening’s result stays exactly allocated, every round', { timeout: 120_000 }, async () => {
    // A second pool on the same database, as a second app instance has (on SQLite: the same
    // process's one connection, so the race is only as concurrent as SQLite allows).
    const second: Database | null = dialect === 'postgres' ? createDatabase({ databaseUrl: t.db.url, sqlitePath: '', poolSize: 5 }) : null;
    const outcomes = { paidFirst: 0, closedFirst: 0 };
    try {
      const rounds = dialect === 'postgres' ? 20 : 8;
      for (let round = 0; round < rounds; round++) {
        const ev = await makeTicketedEvent(t.db.db, { capacity: 5, price: PRICE });
        expect((await orderForm(t.client(), ev, `race-${round}@example.org`)).statusCode).toBe(303);
        const o = await orderOf(`race-${round}@example.org`);
        // The evening is over and its reservation expired (so closing is allowed) — but the transfer was on its way.
        t.clock.now = AFTER_THE_EVENING;
        await sweepReservations({ db: t.db.db, actor: null, now: t.clock.now }, { provider: 'manual' });
        const adminActor = { id: 1, role: 'admin' as const, displayName: 'Admin', contributorId: null };
        const [closing, payment] = await Promise.allSettled([
          closeEventAccounts({ db: t.db.db, actor: adminActor, now: t.clock.now }, { eventId: ev.eventId, outstanding: [ticketingOutstanding] }),
          recordPayment({ db: (second ?? t.db).db, actor: adminActor, now: t.clock.now }, { orderId: o.id, provider: 'manual', providerEventId: `manual:${o.id}`, amount: PRICE, fee: 0 }),
        ]);
        t.clock.now = start;
        expect(closing.status, String((closing as PromiseRejectedResult).reason)).toBe('fulfilled');
        expect(payment.status, String((payment as PromiseRejectedResult).reason)).toBe('fulfilled');
        const allocation = await eveningAllocation(t.db.db, ev.eventId);
        expect(allocation.residue).toBe(0);
        // Either the payment made it into the evening before closing, or it went to the general fund after.
        if (allocation.closure!.income === PRICE) {
          outcomes.paidFirst += 1;
          expect(allocation).toMatchObject({ afterClosing: 0, closure: { toVisuals: 750, toBookEditing: 750 } });
        } else {
          outcomes.closedFirst += 1;
          expect(allocation).toMatchObject({ afterClosing: PRICE, closure: { income: 0, toVisuals: 0, toBookEditing: 0 } });
        }
      }
      console.info(`[${dialect}] closing vs payment over ${dialect === 'postgres' ? 20 : 8} rounds: ${JSON.stringify(outcomes)}`);
      expect(await ledgerTotal(t.db.db)).toEqual({ total: 0, unbalanced: 0 });
    } finally {
      await second?.close();
    }
  });
});
