/**
 * Ticketing fixtures shared by the concurrency and webhook tests: an event with one ticket type,
 * made through the real commands, and an independent count of the seats held (plain SQL, not the
 * application's availability code, so a bug there cannot hide itself).
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../src/db/database.ts';
import { addTicketType, saveEvent, type OrderOutcome, type PlacedOrder } from '../../src/modules/events/index.ts';

/** The test clock's start (the same as createTestApp's). */
export const T0 = new Date('2026-06-01T10:00:00Z');

export interface TicketedEvent {
  eventId: number;
  slug: string;
  typeId: number;
}

/** A published event a month after T0, open for registration, with one 'standard' ticket type. */
export async function makeTicketedEvent(
  db: Db,
  options: { capacity: number; price: number; maxPerOrder?: number; actorUserId?: number; title?: string },
): Promise<TicketedEvent> {
  const startsAt = new Date('2026-07-01T18:00:00Z');
  const title = options.title ?? `Soirée ${randomBytes(4).toString('hex')}`;
  return db.transaction().execute(async (trx) => {
    const ctx = { db: trx, actor: null, now: new Date('2026-05-01T00:00:00Z') };
    const { id, slug } = await saveEvent(
      ctx,
      {
        id: null,
        defaultTicketTypes: false,
        title,
        slug: '',
        themeId: null,
        description: 'Une soirée de test.',
        venue: 'Salle des fêtes',
        address: '1 rue de la Paix, Paris',
        startsAt,
        endsAt: new Date(startsAt.getTime() + 3 * 3600e3),
        capacity: options.capacity,
        opensAt: null,
        closesAt: null,
        status: 'published',
      },
    );
    const typeId = await addTicketType(ctx, { eventId: id, kind: 'standard', name: 'Plein tarif', price: options.price, quota: null, maxPerOrder: options.maxPerOrder ?? 1 });
    return { eventId: id, slug, typeId };
  });
}

/** Seats held at `now`: confirmed and paid orders, and reservations that have not run out. */
export async function seatsHeld(db: Db, eventId: number, now: Date): Promise<number> {
  const r = await sql<{ n: number | string | null }>`
    select coalesce(sum(quantity), 0) as n from orders
    where event_id = ${eventId}
      and (status in ('confirmed', 'paid') or (status = 'reserved' and reserved_until > ${now.toISOString()}))`.execute(db);
  return Number(r.rows[0]?.n ?? 0);
}

/**
 * The seat counters kept with the event and its types, against the orders themselves: every
 * difference is listed (an empty list means the counters are exact). Reservations count until
 * they are released, whatever their time.
 */
export async function seatCounterDrift(db: Db, eventId: number): Promise<string[]> {
  const held = await sql<{ ticket_type_id: number; n: number | string }>`
    select ticket_type_id, coalesce(sum(quantity), 0) as n from orders
    where event_id = ${eventId} and status in ('reserved', 'confirmed', 'paid') group by ticket_type_id`.execute(db);
  const byType = new Map(held.rows.map((r) => [Number(r.ticket_type_id), Number(r.n)]));
  const event = await db.selectFrom('events').select(['capacity', 'status']).where('id', '=', eventId).executeTakeFirstOrThrow();
  const buckets = await db.selectFrom('seat_buckets').select(['bucket', 'capacity', 'held']).where('event_id', '=', eventId).execute();
  const seatsHeld = buckets.reduce((s, b) => s + Number(b.held), 0);
  // A type's own counter is kept only when it has a quota.
  const types = await db.selectFrom('ticket_types').select(['id', 'held']).where('event_id', '=', eventId).where('quota', 'is not', null).execute();
  const total = [...byType.values()].reduce((a, b) => a + b, 0);
  const drift: string[] = [];
  if (seatsHeld !== total) drift.push(`event ${eventId}: counters ${seatsHeld}, orders ${total}`);
  for (const b of buckets) if (Number(b.held) > Number(b.capacity) || Number(b.held) < 0) drift.push(`event ${eventId} bucket ${b.bucket}: ${b.held} held of ${b.capacity}`);
  const bucketCapacity = buckets.reduce((s, b) => s + Number(b.capacity), 0);
  if (event.status !== 'cancelled' && bucketCapacity !== Number(event.capacity)) drift.push(`event ${eventId}: buckets hold ${bucketCapacity} seats of capacity ${event.capacity}`);
  for (const t of types) if (Number(t.held) !== (byType.get(t.id) ?? 0)) drift.push(`type ${t.id}: counter ${t.held}, orders ${byType.get(t.id) ?? 0}`);
  return drift;
}

/** Orders of an event by status, e.g. { confirmed: 50 }. */
export async function ordersByStatus(db: Db, eventId: number): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('orders')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('event_id', '=', eventId)
    .groupBy('status')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

export async function countRows(db: Db, table: 'payments' | 'ledger_transactions' | 'ledger_lines' | 'tickets' | 'orders'): Promise<number> {
  const r = await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** A distinct form key (the order form's one-time key: 16–64 of [A-Za-z0-9_-]). */
export const formKey = () => randomBytes(16).toString('base64url');

/** The order an outcome placed; fails the test when the address was told by email instead. */
export function placedOrder(outcome: OrderOutcome): PlacedOrder {
  if (outcome.kind !== 'placed') throw new Error(`expected an order to be placed, got ${outcome.kind}`);
  return outcome;
}
