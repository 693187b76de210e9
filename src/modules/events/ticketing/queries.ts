/** Reads of ticketing: what ordering checks, what the pages and emails show, what the organisers list. */
import { sql } from 'kysely';
import type { Executor } from '../../../db/database.ts';
import type { TxContext } from '../../../shared/command.ts';
import { containsText } from '../../../db/text-match.ts';
import { seatsLeft } from './domain/capacity.ts';
import { referenceSearchKey } from './domain/manual-payment.ts';

export async function listTicketTypes(db: Executor, eventId: number) {
  return db.selectFrom('ticket_types').selectAll().where('event_id', '=', eventId).orderBy('position').orderBy('id').execute();
}

/** Seats held by an evening: the sum of its seat buckets. */
export async function getSeatsHeld(db: Executor, eventId: number): Promise<number> {
  const row = await db.selectFrom('seat_buckets').select((eb) => eb.fn.coalesce(eb.fn.sum<number>('held'), eb.lit(0)).as('held')).where('event_id', '=', eventId).executeTakeFirstOrThrow();
  return Number(row.held);
}

/** Seats left overall and per type, as the public sees them now (from the seat counters). */
export async function getAvailability(db: Executor, event: { id: number; capacity: number }) {
  const [types, seatsHeld] = await Promise.all([listTicketTypes(db, event.id), getSeatsHeld(db, event.id)]);
  const perType = new Map(types.map((t) => [t.id, seatsLeft({ capacity: event.capacity, seatsHeld }, t)]));
  return { types, seats: { left: Math.max(0, event.capacity - seatsHeld), perType } };
}

/** The order a form key already placed (a double click, a retry). */
export async function findOrderByKey(db: Executor, key: string) {
  return db.selectFrom('orders').select(['id', 'public_id', 'status', 'provider', 'total', 'reserved_until']).where('idempotency_key', '=', key).executeTakeFirst();
}

/** The evening and the ticket type an order is for, with their seat counters, in one read. */
export async function getOrderingContext(db: Executor, input: { eventId: number; ticketTypeId: number }) {
  const row = await db
    .selectFrom('events')
    .leftJoin('ticket_types', (join) => join.on('ticket_types.id', '=', input.ticketTypeId).onRef('ticket_types.event_id', '=', 'events.id'))
    .select([
      'events.id',
      'events.status',
      'events.starts_at',
      'events.ends_at',
      'events.pay_at_door',
      'events.registration_opens_at',
      'events.registration_closes_at',
      'events.capacity',
      (eb) =>
        eb
          .selectFrom('seat_buckets')
          .select((sb) => sb.fn.coalesce(sb.fn.sum<number>('seat_buckets.held'), sb.lit(0)).as('held'))
          .whereRef('seat_buckets.event_id', '=', 'events.id')
          .as('seats_held'),
      'ticket_types.id as type_id',
      'ticket_types.kind',
      'ticket_types.price',
      'ticket_types.quota',
      'ticket_types.held',
      'ticket_types.max_per_order',
      'ticket_types.active',
    ])
    .where('events.id', '=', input.eventId)
    .executeTakeFirst();
  if (!row) return { event: undefined, type: undefined };
  const { type_id, kind, price, quota, held, max_per_order, active, ...event } = row;
  const type = type_id === null || kind === null ? undefined : { id: type_id, kind, price: Number(price), quota, held: Number(held), max_per_order: Number(max_per_order), active: Number(active) };
  return { event: { ...event, seats_held: Number(event.seats_held ?? 0) }, type };
}

/** Whether some reservation of the evening has run out without being released yet. */
export async function hasExpiredReservations(db: Executor, input: { eventId: number; now: Date }): Promise<boolean> {
  const row = await db
    .selectFrom('orders')
    .select('id')
    .where('event_id', '=', input.eventId)
    .where('status', '=', 'reserved')
    .where('reserved_until', '<=', input.now.toISOString())
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export async function findInvitationCode(db: Executor, input: { eventId: number; code: string }) {
  return db.selectFrom('invitation_codes').select(['id', 'price', 'expires_at']).where('code', '=', input.code).where('event_id', '=', input.eventId).executeTakeFirst();
}

/** Seats one person holds for an evening, by email and by account. */
export async function countPersonSeats(db: Executor, input: { eventId: number; email: string | null; userId: number | null; now: Date }): Promise<number> {
  const row = await db
    .selectFrom('orders')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('quantity'), eb.lit(0)).as('n'))
    .where('event_id', '=', input.eventId)
    .where((eb) => eb.or([...(input.email !== null ? [eb('email', '=', input.email)] : []), ...(input.userId !== null ? [eb('user_id', '=', input.userId)] : [])]))
    .where((eb) => eb.or([eb('status', 'in', ['confirmed', 'paid']), eb.and([eb('status', '=', 'reserved'), eb('reserved_until', '>', input.now.toISOString())])]))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The orders an address holds for an evening (for telling its owner where their tickets are). */
export async function listHoldingOrdersOf(db: Executor, input: { eventId: number; email: string; now: Date }) {
  const event = await db.selectFrom('events').select(['title', 'starts_at']).where('id', '=', input.eventId).executeTakeFirst();
  const orders = await db
    .selectFrom('orders')
    .select(['public_id', 'name', 'quantity'])
    .where('event_id', '=', input.eventId)
    .where('email', '=', input.email)
    .where((eb) => eb.or([eb('status', 'in', ['confirmed', 'paid']), eb.and([eb('status', '=', 'reserved'), eb('reserved_until', '>', input.now.toISOString())])]))
    .orderBy('id')
    .execute();
  return event ? { event, orders } : undefined;
}

/**
 * A logged-in person's orders for an evening that hold seats or await payment (by their account,
 * or placed with their account's address), for the event page to show instead of the order form.
 */
export async function listMyOrdersForEvent(db: Executor, input: { eventId: number; userId: number; email: string | null; now: Date }) {
  return db
    .selectFrom('orders')
    .innerJoin('ticket_types', 'ticket_types.id', 'orders.ticket_type_id')
    .select(['orders.public_id', 'orders.status', 'orders.quantity', 'ticket_types.name as type_name'])
    .where('orders.event_id', '=', input.eventId)
    .where((eb) => eb.or([eb('orders.user_id', '=', input.userId), ...(input.email ? [eb('orders.email', '=', input.email)] : [])]))
    .where((eb) => eb.or([eb('orders.status', 'in', ['confirmed', 'paid']), eb.and([eb('orders.status', '=', 'reserved'), eb('orders.reserved_until', '>', input.now.toISOString())])]))
    .orderBy('orders.id')
    .execute();
}

/** The evening's seat counters and its types', for offering freed seats. */
export async function getSeatCounters(db: Executor, input: { eventId: number }) {
  const event = await db.selectFrom('events').select(['id', 'status', 'starts_at', 'capacity']).where('id', '=', input.eventId).executeTakeFirst();
  if (!event) return undefined;
  const types = await db.selectFrom('ticket_types').select(['id', 'quota', 'held', 'price']).where('event_id', '=', input.eventId).execute();
  return { ...event, seats_held: await getSeatsHeld(db, input.eventId), types: types.map((t) => ({ ...t, held: Number(t.held) })) };
}

/** People waiting for a seat of the evening, first come first. */
export async function listWaiting(db: Executor, input: { eventId: number }) {
  return db.selectFrom('waitlist').selectAll().where('event_id', '=', input.eventId).where('status', '=', 'waiting').orderBy('created_at').orderBy('id').execute();
}

/** Evenings with a run-out reservation to release, or people waiting. */
export async function listEventsToSweep(db: Executor, input: { now: Date }): Promise<number[]> {
  const [expiring, waiting] = await Promise.all([
    db.selectFrom('orders').select('event_id').distinct().where('status', '=', 'reserved').where('reserved_until', '<=', input.now.toISOString()).execute(),
    db.selectFrom('waitlist').select('event_id').distinct().where('status', '=', 'waiting').execute(),
  ]);
  return [...new Set([...expiring, ...waiting].map((r) => r.event_id))];
}

/** An order as the payment, refund and cancellation use cases need it. */
export async function getOrder(db: Executor, input: { orderId: number } | { providerRef: string }) {
  let q = db.selectFrom('orders').selectAll();
  q = 'orderId' in input ? q.where('id', '=', input.orderId) : q.where('provider_ref', '=', input.providerRef);
  return q.executeTakeFirst();
}

/** The evening's orders that still hold seats (cancelling the evening cancels them). */
export async function listHoldingOrders(db: Executor, eventId: number) {
  return db.selectFrom('orders').selectAll().where('event_id', '=', eventId).where('status', 'in', ['reserved', 'confirmed', 'paid']).execute();
}

/**
 * What may still move money for an evening: reservations awaiting payment and refunds not yet
 * made. Closing the evening's accounts waits until both are zero (app.ts hands this to the ledger).
 */
export async function ticketingOutstanding(ctx: TxContext, input: { eventId: number }): Promise<{ reservedOrders: number; refundsDue: number }> {
  const row = await ctx.db
    .selectFrom('orders')
    .select([
      sql<number>`coalesce(sum(case when status = 'reserved' then 1 else 0 end), 0)`.as('reserved'),
      sql<number>`coalesce(sum(case when status = 'cancelled' and refund_due > 0 then 1 else 0 end), 0)`.as('refunds'),
    ])
    .where('event_id', '=', input.eventId)
    .where('status', 'in', ['reserved', 'cancelled'])
    .executeTakeFirstOrThrow();
  return { reservedOrders: Number(row.reserved), refundsDue: Number(row.refunds) };
}

/** An order with its evening and ticket type, for its page and its emails. */
export async function getOrderView(db: Executor, input: { publicId: string } | { orderId: number }) {
  return db
    .selectFrom('orders')
    .innerJoin('events', 'events.id', 'orders.event_id')
    .innerJoin('ticket_types', 'ticket_types.id', 'orders.ticket_type_id')
    .selectAll('orders')
    .select([
      'events.slug as event_slug',
      'events.title as event_title',
      'events.starts_at',
      'events.ends_at',
      'events.venue',
      'events.address',
      'events.status as event_status',
      'events.cancellation_deadline_hours',
      'events.refund_policy',
      'events.updated_at as event_updated_at',
      'events.description_md',
      'ticket_types.name as type_name',
      'ticket_types.kind as type_kind',
    ])
    .where((eb) => ('publicId' in input ? eb('orders.public_id', '=', input.publicId) : eb('orders.id', '=', input.orderId)))
    .executeTakeFirst();
}

export type OrderView = NonNullable<Awaited<ReturnType<typeof getOrderView>>>;

export async function listTicketsOfOrder(db: Executor, orderId: number) {
  return db.selectFrom('tickets').select(['id', 'event_id', 'short_code', 'checked_in_at']).where('order_id', '=', orderId).orderBy('id').execute();
}

/**
 * The organisers' view of an event's orders (emails included: this is the team's page), newest
 * first; `q` finds orders by the buyer's name or address, or by (part of) the transfer reference
 * as a bank statement shows it (dashes and spaces optional).
 */
export async function listOrdersOfEvent(db: Executor, eventId: number, filter: { q?: string } = {}) {
  const q = filter.q?.trim() ?? '';
  const referenceKey = q ? referenceSearchKey(q) : null;
  const rows = await db
    .selectFrom('orders')
    .innerJoin('ticket_types', 'ticket_types.id', 'orders.ticket_type_id')
    .select([
      'orders.id',
      'orders.public_id',
      'orders.name',
      'orders.email',
      'orders.quantity',
      'orders.total',
      'orders.status',
      'orders.provider',
      'orders.payment_reference',
      'orders.reserved_until',
      'orders.refund_due',
      'orders.created_at',
      'ticket_types.name as type_name',
      'ticket_types.kind as type_kind',
      sql<number>`(select count(*) from tickets where tickets.order_id = orders.id and tickets.checked_in_at is not null)`.as('checked_in'),
    ])
    .where('orders.event_id', '=', eventId)
    .$if(q !== '', (qb) =>
      qb.where((eb) =>
        eb.or([
          containsText('orders.name', q),
          containsText('orders.email', q),
          ...(referenceKey ? [eb(sql<string>`replace(coalesce(orders.payment_reference, ''), '-', '')`, 'like', `%${referenceKey}%`)] : []),
        ]),
      ),
    )
    .orderBy('orders.created_at', 'desc')
    .orderBy('orders.id', 'desc')
    .execute();
  // Payments that did not match their order (rare): shown beside it, for the organisers to settle.
  const anomalies = await listPaymentAnomalies(db, 'order', rows.map((r) => r.id));
  return rows.map((r) => ({ ...r, anomalies: anomalies.filter((a) => a.subject_id === r.id) }));
}

/**
 * What the public list of evenings says of each: the price range of the tickets anyone may buy
 * (contributors' free seats and invitations left out), the seats held, and — once it is over —
 * how many came (checked in) and how many had a ticket.
 */
export async function listEventListFacts(db: Executor, eventIds: number[]) {
  if (eventIds.length === 0) return new Map<number, { minPrice: number | null; maxPrice: number | null; seatsHeld: number; registered: number; checkedIn: number }>();
  const [prices, held, attendance] = await Promise.all([
    db
      .selectFrom('ticket_types')
      .select(['event_id', (eb) => eb.fn.min<number>('price').as('min_price'), (eb) => eb.fn.max<number>('price').as('max_price')])
      .where('event_id', 'in', eventIds)
      .where('active', '=', 1)
      .where('kind', 'in', ['standard', 'solidarity', 'pay_what_you_want'])
      .groupBy('event_id')
      .execute(),
    db.selectFrom('seat_buckets').select(['event_id', (eb) => eb.fn.sum<number>('held').as('held')]).where('event_id', 'in', eventIds).groupBy('event_id').execute(),
    db
      .selectFrom('tickets')
      .innerJoin('orders', 'orders.id', 'tickets.order_id')
      .select(['tickets.event_id', sql<number>`count(*)`.as('registered'), sql<number>`sum(case when tickets.checked_in_at is not null then 1 else 0 end)`.as('checked_in')])
      .where('tickets.event_id', 'in', eventIds)
      .where('orders.status', 'in', ['confirmed', 'paid'])
      .groupBy('tickets.event_id')
      .execute(),
  ]);
  return new Map(
    eventIds.map((id) => {
      const p = prices.find((r) => r.event_id === id);
      const a = attendance.find((r) => r.event_id === id);
      return [
        id,
        {
          minPrice: p?.min_price == null ? null : Number(p.min_price),
          maxPrice: p?.max_price == null ? null : Number(p.max_price),
          seatsHeld: Number(held.find((r) => r.event_id === id)?.held ?? 0),
          registered: Number(a?.registered ?? 0),
          checkedIn: Number(a?.checked_in ?? 0),
        },
      ] as const;
    }),
  );
}

export type EventListFacts = Awaited<ReturnType<typeof listEventListFacts>> extends Map<number, infer F> ? F : never;

/** Live counts for the door and the organisers. */
export async function eventCounts(db: Executor, eventId: number) {
  const row = await db
    .selectFrom('tickets')
    .innerJoin('orders', 'orders.id', 'tickets.order_id')
    .innerJoin('ticket_types', 'ticket_types.id', 'orders.ticket_type_id')
    .select([
      sql<number>`count(*)`.as('registered'),
      sql<number>`sum(case when tickets.checked_in_at is not null then 1 else 0 end)`.as('checked_in'),
      sql<number>`sum(case when ticket_types.kind = 'contributor' then 1 else 0 end)`.as('contributors'),
      sql<number>`sum(case when ticket_types.kind = 'contributor' and tickets.checked_in_at is not null then 1 else 0 end)`.as('contributors_in'),
    ])
    .where('tickets.event_id', '=', eventId)
    .where('orders.status', 'in', ['confirmed', 'paid'])
    .executeTakeFirstOrThrow();
  return { registered: Number(row.registered ?? 0), checkedIn: Number(row.checked_in ?? 0), contributors: Number(row.contributors ?? 0), contributorsIn: Number(row.contributors_in ?? 0) };
}

/** Free contributor tickets and attendance per event, for the transparency page. */
export async function contributorTicketsPerEvent(db: Executor) {
  const rows = await db
    .selectFrom('tickets')
    .innerJoin('orders', 'orders.id', 'tickets.order_id')
    .innerJoin('ticket_types', 'ticket_types.id', 'orders.ticket_type_id')
    .select([
      'tickets.event_id',
      sql<number>`sum(case when ticket_types.kind = 'contributor' then 1 else 0 end)`.as('free'),
      sql<number>`count(*)`.as('attendees'),
    ])
    .where('orders.status', 'in', ['confirmed', 'paid'])
    .groupBy('tickets.event_id')
    .execute();
  return rows.map((r) => ({ eventId: r.event_id, freeContributorTickets: Number(r.free), attendees: Number(r.attendees) }));
}

export async function listInvitationCodes(db: Executor, eventId: number) {
  return db.selectFrom('invitation_codes').selectAll().where('event_id', '=', eventId).orderBy('created_at', 'desc').execute();
}

export async function waitlistCount(db: Executor, eventId: number) {
  const row = await db.selectFrom('waitlist').select((eb) => eb.fn.countAll<number>().as('n')).where('event_id', '=', eventId).where('status', '=', 'waiting').executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function getOrderBrief(db: Executor, orderId: number) {
  return db.selectFrom('orders').select(['id', 'event_id', 'total', 'public_id']).where('id', '=', orderId).executeTakeFirst();
}

/** Every ticket of an event with its holder, for the organisers' CSV (emails included: team only). */
export async function listAttendees(db: Executor, eventId: number) {
  return db
    .selectFrom('tickets')
    .innerJoin('orders', 'orders.id', 'tickets.order_id')
    .innerJoin('ticket_types', 'ticket_types.id', 'orders.ticket_type_id')
    .select(['orders.name', 'orders.email', 'ticket_types.name as type_name', 'ticket_types.kind', 'orders.status', 'tickets.short_code', 'tickets.checked_in_at'])
    .where('tickets.event_id', '=', eventId)
    .orderBy('orders.name')
    .execute();
}

/** The waiting-list entry of someone who already waits (or holds an offer) for the evening. */
export async function findWaiting(db: Executor, input: { eventId: number; email: string }): Promise<number | undefined> {
  const row = await db.selectFrom('waitlist').select('id').where('event_id', '=', input.eventId).where('email', '=', input.email).where('status', 'in', ['waiting', 'offered']).executeTakeFirst();
  return row?.id;
}

/** The terms an order is bound by: the evening's date, status and cancellation policy. */
export async function getEventTerms(db: Executor, eventId: number) {
  return db.selectFrom('events').select(['id', 'title', 'status', 'starts_at', 'refund_policy', 'cancellation_deadline_hours']).where('id', '=', eventId).executeTakeFirst();
}

/** The payments that did not match what they paid for, of some ticket or book orders (see recordPaymentAnomaly). */
export async function listPaymentAnomalies(db: Executor, subjectType: 'order' | 'book_order', ids: number[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('payment_anomalies')
    .select(['subject_id', 'amount', 'currency', 'expected_amount', 'expected_currency', 'provider_payment_ref', 'created_at'])
    .where('subject_type', '=', subjectType)
    .where('subject_id', 'in', ids)
    .orderBy('id')
    .execute();
}

/**
 * A person's own orders, for their account page: those placed while logged in and those placed
 * with their (confirmed) address, newest evening first, with their tickets counted.
 */
export async function listOrdersOfPerson(db: Executor, input: { userId: number; email: string }) {
  return db
    .selectFrom('orders')
    .innerJoin('events', 'events.id', 'orders.event_id')
    .innerJoin('ticket_types', 'ticket_types.id', 'orders.ticket_type_id')
    .select([
      'orders.id',
      'orders.public_id',
      'orders.status',
      'orders.quantity',
      'orders.total',
      'orders.reserved_until',
      'events.slug as event_slug',
      'events.title as event_title',
      'events.starts_at',
      'events.status as event_status',
      'events.cancellation_deadline_hours',
      'events.refund_policy',
      'ticket_types.name as type_name',
    ])
    .where((eb) => eb.or([eb('orders.user_id', '=', input.userId), eb(eb.fn('lower', ['orders.email']), '=', input.email.toLowerCase())]))
    .where('orders.status', 'in', ['reserved', 'confirmed', 'paid', 'cancelled', 'refunded'])
    .orderBy('events.starts_at', 'desc')
    .orderBy('orders.id', 'desc')
    .limit(200)
    .execute();
}
