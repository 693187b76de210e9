import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../database.ts';
import { columns } from './columns.ts';

/** Ticket types sharing an event's capacity, invitation codes, orders, tickets, waiting list, payments. */
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const c = columns(dialect);

  await db.schema
    .createTable('ticket_types')
    .addColumn('id', 'integer', c.id)
    .addColumn('event_id', 'integer', (col) => col.notNull().references('events.id').onDelete('cascade'))
    .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind in ('contributor','standard','solidarity','pay_what_you_want','invitation')`))
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('price', 'bigint', (col) => col.notNull().defaultTo(0).check(sql`price >= 0`))
    .addColumn('quota', 'integer', (col) => col.check(sql`quota is null or quota >= 0`))
    .addColumn('max_per_order', 'integer', (col) => col.notNull().defaultTo(1).check(sql`max_per_order >= 1`))
    .addColumn('active', 'integer', (col) => col.notNull().defaultTo(1))
    .addColumn('position', 'integer', (col) => col.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('ticket_types_event_idx').on('ticket_types').column('event_id').execute();

  await db.schema
    .createTable('invitation_codes')
    .addColumn('id', 'integer', c.id)
    .addColumn('event_id', 'integer', (col) => col.notNull().references('events.id').onDelete('cascade'))
    .addColumn('code', 'text', (col) => col.notNull().unique())
    .addColumn('price', 'bigint', (col) => col.notNull().defaultTo(0).check(sql`price >= 0`))
    .addColumn('max_uses', 'integer', (col) => col.notNull().check(sql`max_uses >= 1`))
    .addColumn('uses', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('expires_at', c.timestamp)
    .addColumn('note', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('created_by', 'integer', (col) => col.references('users.id'))
    .addColumn('created_at', c.timestamp, (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('orders')
    .addColumn('id', 'integer', c.id)
    .addColumn('public_id', 'text', (col) => col.notNull().unique())
    .addColumn('event_id', 'integer', (col) => col.notNull().references('events.id'))
    .addColumn('ticket_type_id', 'integer', (col) => col.notNull().references('ticket_types.id'))
    .addColumn('user_id', 'integer', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('contributor_id', 'integer', (col) => col.references('contributors.id').onDelete('set null'))
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('email', 'text', (col) => col.notNull())
    .addColumn('quantity', 'integer', (col) => col.notNull().check(sql`quantity >= 1`))
    .addColumn('unit_price', 'bigint', (col) => col.notNull())
    .addColumn('total', 'bigint', (col) => col.notNull())
    .addColumn('invitation_code_id', 'integer', (col) => col.references('invitation_codes.id'))
    .addColumn('status', 'text', (col) => col.notNull().check(sql`status in ('reserved','confirmed','paid','expired','cancelled','refunded')`))
    .addColumn('provider', 'text', (col) => col.notNull())
    .addColumn('provider_ref', 'text')
    .addColumn('provider_payment_ref', 'text')
    .addColumn('reserved_until', c.timestamp)
    .addColumn('refund_due', 'bigint', (col) => col.notNull().defaultTo(0))
    .addColumn('idempotency_key', 'text', (col) => col.notNull().unique())
    .addColumn('created_at', c.timestamp, (col) => col.notNull())
    .addColumn('updated_at', c.timestamp, (col) => col.notNull())
    .execute();
  await db.schema.createIndex('orders_event_status_idx').on('orders').columns(['event_id', 'status', 'reserved_until']).execute();
  await db.schema.createIndex('orders_email_idx').on('orders').columns(['event_id', 'email']).execute();
  await db.schema.createIndex('orders_provider_ref_idx').on('orders').column('provider_ref').execute();

  await db.schema
    .createTable('tickets')
    .addColumn('id', 'integer', c.id)
    .addColumn('order_id', 'integer', (col) => col.notNull().references('orders.id'))
    .addColumn('event_id', 'integer', (col) => col.notNull().references('events.id'))
    .addColumn('short_code', 'text', (col) => col.notNull().unique())
    .addColumn('checked_in_at', c.timestamp)
    .addColumn('checked_in_by', 'integer', (col) => col.references('users.id'))
    .addColumn('created_at', c.timestamp, (col) => col.notNull())
    .execute();
  await db.schema.createIndex('tickets_order_idx').on('tickets').column('order_id').execute();

  await db.schema
    .createTable('waitlist')
    .addColumn('id', 'integer', c.id)
    .addColumn('event_id', 'integer', (col) => col.notNull().references('events.id'))
    .addColumn('ticket_type_id', 'integer', (col) => col.notNull().references('ticket_types.id'))
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('email', 'text', (col) => col.notNull())
    .addColumn('user_id', 'integer', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('status', 'text', (col) => col.notNull().check(sql`status in ('waiting','offered','claimed','expired','removed')`))
    .addColumn('order_id', 'integer', (col) => col.references('orders.id'))
    .addColumn('created_at', c.timestamp, (col) => col.notNull())
    .addColumn('updated_at', c.timestamp, (col) => col.notNull())
    .execute();
  await db.schema.createIndex('waitlist_event_idx').on('waitlist').columns(['event_id', 'status', 'id']).execute();

  await db.schema
    .createTable('payments')
    .addColumn('id', 'integer', c.id)
    .addColumn('order_id', 'integer', (col) => col.notNull().references('orders.id'))
    .addColumn('provider', 'text', (col) => col.notNull())
    .addColumn('provider_event_id', 'text', (col) => col.notNull().unique())
    .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind in ('payment','refund')`))
    .addColumn('amount', 'bigint', (col) => col.notNull())
    .addColumn('fee', 'bigint', (col) => col.notNull().defaultTo(0))
    .addColumn('transaction_id', 'integer', (col) => col.references('ledger_transactions.id'))
    .addColumn('created_at', c.timestamp, (col) => col.notNull())
    .execute();
}
