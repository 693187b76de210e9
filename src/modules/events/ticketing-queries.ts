import { sql } from 'kysely';
import type { Db, Executor } from '../../db/database.ts';
import { availability } from './domain/capacity.ts';
import { loadHoldings } from './commands/order-tickets.ts';

export async function listTicketTypes(db: Executor, eventId: number) {
  return db.selectFrom('ticket_types').selectAll().where('event_id', '=', eventId).orderBy('position').orderBy('id').execute();
}

/** Seats left overall and per type, as the public sees them now. */
export async function getAvailability(db: Db, eventId: number, capacity: number, now: Date) {
  const types = await listTicketTypes(db, eventId);
  const seats = availability({ capacity, types: types.map((t) => ({ id: t.id, quota: t.quota })), holdings: await loadHoldings(db, eventId, now), now });
  return { types, seats };
}

export async function getOrderByPublicId(db: Executor, publicId: string) {
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
    .where('orders.public_id', '=', publicId)
    .executeTakeFirst();
}

export type OrderView = NonNullable<Awaited<ReturnType<typeof getOrderByPublicId>>>;

export async function listTicketsOfOrder(db: Executor, orderId: number) {
  return db.selectFrom('tickets').select(['id', 'event_id', 'short_code', 'checked_in_at']).where('order_id', '=', orderId).orderBy('id').execute();
}

/** The organisers' view of an event's orders (emails included: this is the team's page). */
export async function listOrdersOfEvent(db: Executor, eventId: number) {
  return db
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
      'orders.reserved_until',
      'orders.refund_due',
      'orders.created_at',
      'ticket_types.name as type_name',
      'ticket_types.kind as type_kind',
      sql<number>`(select count(*) from tickets where tickets.order_id = orders.id and tickets.checked_in_at is not null)`.as('checked_in'),
    ])
    .where('orders.event_id', '=', eventId)
    .orderBy('orders.created_at', 'desc')
    .execute();
}

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
