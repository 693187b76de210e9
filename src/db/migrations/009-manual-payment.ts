import type { Kysely } from 'kysely';
import type { Dialect } from '../database.ts';

/**
 * Issue 11, manual payment as a process (docs/decisions/007-ticketing.md):
 * - each order carries the reference a buyer writes on their bank transfer, shown on the order
 *   page, in the emails and in the organisers' list (where it is searched for);
 * - an evening may let buyers choose to pay at the door (the organisers decide, per evening).
 * Existing orders get a reference derived from their public id, so every order has one.
 */
export async function up(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  await db.schema.alterTable('events').addColumn('pay_at_door', 'integer', (col) => col.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('orders').addColumn('payment_reference', 'text').execute();
  const rows = (await db.selectFrom('orders').select(['id', 'public_id']).execute()) as { id: number; public_id: string }[];
  for (const row of rows) {
    const core = row.public_id.replace(/[^A-Za-z0-9]/g, '').toUpperCase().padEnd(8, '0').slice(0, 8);
    await db.updateTable('orders').set({ payment_reference: `OE-${core.slice(0, 4)}-${core.slice(4, 8)}-${row.id}` }).where('id', '=', row.id).execute();
  }
  await db.schema.createIndex('orders_payment_reference_idx').on('orders').column('payment_reference').unique().execute();
}
