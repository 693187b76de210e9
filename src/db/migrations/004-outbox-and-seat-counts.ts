import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../database.ts';
import { columns } from './columns.ts';

/**
 * The outbox (effects written in a command's transaction, delivered by a worker on every
 * instance), and the seats held per evening (in buckets) and per ticket type kept as counters, so
 * ordering takes its seats with one guarded update instead of summing every order under a lock.
 */
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const c = columns(dialect);

  await db.schema
    .createTable('outbox')
    .addColumn('id', 'integer', c.id)
    .addColumn('kind', 'text', (col) => col.notNull())
    // The delivery key: emitting the same effect twice (a retried command) stores it once, and
    // providers that accept an idempotency key (Stripe) receive this one.
    .addColumn('key', 'text', (col) => col.notNull().unique())
    .addColumn('payload', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull().defaultTo('pending').check(sql`status in ('pending','done','dead','dismissed')`))
    .addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('available_at', c.timestamp, (col) => col.notNull())
    // A claimed row is leased: if its worker dies, the row is claimed again once the lease ends.
    .addColumn('locked_until', c.timestamp)
    .addColumn('last_error', 'text')
    .addColumn('created_at', c.timestamp, (col) => col.notNull())
    .addColumn('done_at', c.timestamp)
    .execute();
  await db.schema.createIndex('outbox_due_idx').on('outbox').columns(['status', 'available_at', 'id']).execute();

  // Seats held: confirmed and paid orders, and reservations until they are released. An evening's
  // capacity is spread over a few buckets, each a row guarded by `held <= capacity`: buyers take
  // seats from different rows, so they do not all wait on one row lock held through every commit
  // (docs/decisions/012-seat-counters.md). The check constraint makes overselling impossible at
  // the database itself.
  await db.schema
    .createTable('seat_buckets')
    .addColumn('event_id', 'integer', (col) => col.notNull().references('events.id').onDelete('cascade'))
    .addColumn('bucket', 'integer', (col) => col.notNull())
    .addColumn('capacity', 'integer', (col) => col.notNull())
    .addColumn('held', 'integer', (col) => col.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('seat_buckets_pk', ['event_id', 'bucket'])
    .addCheckConstraint('seat_buckets_held_check', sql`held >= 0 and held <= capacity`)
    .execute();
  const events = await db.selectFrom('events').select(['id', 'capacity']).execute();
  for (const event of events) {
    const held = await db
      .selectFrom('orders')
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('quantity'), eb.lit(0)).as('n'))
      .where('event_id', '=', event.id)
      .where('status', 'in', ['reserved', 'confirmed', 'paid'])
      .executeTakeFirstOrThrow();
    const rows = fillBuckets(Number(event.capacity), Number(held.n));
    await db.insertInto('seat_buckets').values(rows.map((r, bucket) => ({ event_id: event.id, bucket, ...r }))).execute();
  }

  await db.schema.alterTable('ticket_types').addColumn('held', 'integer', (col) => col.notNull().defaultTo(0)).execute();
  // A type's own counter matters only when it has a quota (its seats are otherwise the evening's).
  await sql`
    update ticket_types set held = coalesce((
      select sum(quantity) from orders
      where orders.ticket_type_id = ticket_types.id and orders.status in ('reserved','confirmed','paid')
    ), 0)
    where quota is not null
  `.execute(db);

  // Where a buyer is sent to pay, kept with the order so a retry goes back to the same checkout.
  await db.schema.alterTable('orders').addColumn('checkout_url', 'text').execute();
  // The buyer's language, for the emails sent later (payment confirmed, offers, cancellations).
  await db.schema.alterTable('orders').addColumn('lang', 'text', (col) => col.notNull().defaultTo('fr')).execute();
  await db.schema.alterTable('waitlist').addColumn('lang', 'text', (col) => col.notNull().defaultTo('fr')).execute();
  await db.schema.createIndex('orders_user_idx').on('orders').columns(['event_id', 'user_id']).execute();
  await db.schema.createIndex('orders_refund_idx').on('orders').columns(['event_id', 'refund_due']).execute();
}

/** The buckets of an evening at migration time: its capacity split evenly, the seats already held poured in. */
function fillBuckets(capacity: number, held: number): { capacity: number; held: number }[] {
  const BUCKETS = 8;
  const rows = Array.from({ length: BUCKETS }, (_, i) => ({ capacity: Math.floor(capacity / BUCKETS) + (i < capacity % BUCKETS ? 1 : 0), held: 0 }));
  let left = held;
  for (const row of rows) {
    const take = Math.min(row.capacity, left);
    row.held = take;
    left -= take;
  }
  // Seats already sold beyond the capacity (never by this code): kept, in the first bucket.
  if (left > 0) {
    rows[0]!.held += left;
    rows[0]!.capacity += left;
  }
  return rows;
}
