import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../database.ts';
import { columns } from './columns.ts';

/**
 * The outbox (effects written in a command's transaction, delivered by a worker on every
 * instance), and the seats held per event and per ticket type kept as counters, so ordering takes
 * its seats with one guarded update instead of summing every order under a lock.
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

  // Seats held: confirmed and paid orders, and reservations until they are released.
  await db.schema.alterTable('events').addColumn('seats_held', 'integer', (col) => col.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('ticket_types').addColumn('held', 'integer', (col) => col.notNull().defaultTo(0)).execute();
  await sql`
    update events set seats_held = coalesce((
      select sum(quantity) from orders
      where orders.event_id = events.id and orders.status in ('reserved','confirmed','paid')
    ), 0)
  `.execute(db);
  await sql`
    update ticket_types set held = coalesce((
      select sum(quantity) from orders
      where orders.ticket_type_id = ticket_types.id and orders.status in ('reserved','confirmed','paid')
    ), 0)
  `.execute(db);

  // Where a buyer is sent to pay, kept with the order so a retry goes back to the same checkout.
  await db.schema.alterTable('orders').addColumn('checkout_url', 'text').execute();
  // The buyer's language, for the emails sent later (payment confirmed, offers, cancellations).
  await db.schema.alterTable('orders').addColumn('lang', 'text', (col) => col.notNull().defaultTo('fr')).execute();
  await db.schema.alterTable('waitlist').addColumn('lang', 'text', (col) => col.notNull().defaultTo('fr')).execute();
  await db.schema.createIndex('orders_user_idx').on('orders').columns(['event_id', 'user_id']).execute();
  await db.schema.createIndex('orders_refund_idx').on('orders').columns(['event_id', 'refund_due']).execute();
}
