import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../database.ts';
import { columns } from './columns.ts';

/**
 * Events (the evenings the ledger allocates), the double-entry ledger, expenses with their
 * history, event closures, books with their contributors, sales and royalty payouts, settings.
 */
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const c = columns(dialect);

  // Receipts are stored like images but only the team may read them.
  await db.schema.alterTable('media').addColumn('private', 'integer', (col) => col.notNull().defaultTo(0)).execute();

  await db.schema
    .createTable('event_series')
    .addColumn('id', 'integer', c.id)
    .addColumn('slug', 'text', (col) => col.notNull().unique())
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('description', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('created_at', c.timestamp, (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('events')
    .addColumn('id', 'integer', c.id)
    .addColumn('series_id', 'integer', (col) => col.references('event_series.id').onDelete('set null'))
    .addColumn('slug', 'text', (col) => col.notNull().unique())
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('theme_id', 'integer', (col) => col.references('themes.id').onDelete('set null'))
    .addColumn('description_md', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('description_html', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('venue', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('address', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('starts_at', c.timestamp, (col) => col.notNull())
    .addColumn('ends_at', c.timestamp, (col) => col.notNull())
    .addColumn('capacity', 'integer', (col) => col.notNull().check(sql`capacity >= 0`))
    .addColumn('registration_opens_at', c.timestamp)
    .addColumn('registration_closes_at', c.timestamp)
    .addColumn('cancellation_deadline_hours', 'integer', (col) => col.notNull().defaultTo(48))
    .addColumn('refund_policy', 'text', (col) => col.notNull().defaultTo('full'))
    .addColumn('status', 'text', (col) => col.notNull().defaultTo('draft').check(sql`status in ('draft','published','cancelled')`))
    .addColumn('created_at', c.timestamp, (col) => col.notNull())
    .addColumn('updated_at', c.timestamp, (col) => col.notNull())
    .execute();
  await db.schema.createIndex('events_starts_idx').on('events').columns(['status', 'starts_at']).execute();

  await db.schema
    .createTable('ledger_transactions')
    .addColumn('id', 'integer', c.id)
    .addColumn('occurred_at', c.timestamp, (col) => col.notNull())
    .addColumn('description', 'text', (col) => col.notNull())
    .addColumn('cause_type', 'text', (col) => col.notNull())
    .addColumn('cause_id', 'text')
    .addColumn('idempotency_key', 'text', (col) => col.notNull().unique())
    .addColumn('reverses_id', 'integer', (col) => col.references('ledger_transactions.id'))
    .addColumn('created_by', 'integer', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('created_at', c.timestamp, (col) => col.notNull())
    .execute();
  await db.schema.createIndex('ledger_tx_occurred_idx').on('ledger_transactions').columns(['occurred_at', 'id']).execute();
  await db.schema.createIndex('ledger_tx_cause_idx').on('ledger_transactions').columns(['cause_type', 'cause_id']).execute();

  await db.schema
    .createTable('ledger_lines')
    .addColumn('id', 'integer', c.id)
    .addColumn('transaction_id', 'integer', (col) => col.notNull().references('ledger_transactions.id'))
    .addColumn('account', 'text', (col) => col.notNull())
    .addColumn('amount', 'bigint', (col) => col.notNull().check(sql`amount <> 0`))
    .addColumn('event_id', 'integer', (col) => col.references('events.id'))
    .execute();
  await db.schema.createIndex('ledger_lines_tx_idx').on('ledger_lines').column('transaction_id').execute();
  await db.schema.createIndex('ledger_lines_account_idx').on('ledger_lines').columns(['account', 'event_id']).execute();
  await db.schema.createIndex('ledger_lines_event_idx').on('ledger_lines').columns(['event_id', 'account']).execute();

  // Running totals kept by postTransaction in the same transaction as the lines: reports read a
  // few hundred rows instead of scanning every posting (see docs/decisions/008-ledger-balances.md).
  await db.schema
    .createTable('ledger_balances')
    .addColumn('account', 'text', (col) => col.notNull())
    .addColumn('event_id', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('closing', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('debits', 'bigint', (col) => col.notNull().defaultTo(0))
    .addColumn('credits', 'bigint', (col) => col.notNull().defaultTo(0))
    .addColumn('lines', 'integer', (col) => col.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('ledger_balances_pk', ['account', 'event_id', 'closing'])
    .execute();

  await db.schema
    .createTable('expenses')
    .addColumn('id', 'integer', c.id)
    .addColumn('amount', 'bigint', (col) => col.notNull().check(sql`amount > 0`))
    .addColumn('category', 'text', (col) => col.notNull())
    .addColumn('event_id', 'integer', (col) => col.references('events.id'))
    .addColumn('payee', 'text', (col) => col.notNull())
    .addColumn('description', 'text', (col) => col.notNull())
    .addColumn('receipt_media_id', 'integer', (col) => col.references('media.id'))
    .addColumn('status', 'text', (col) => col.notNull().check(sql`status in ('submitted','approved','rejected','paid')`))
    .addColumn('override_reason', 'text')
    .addColumn('submitted_by', 'integer', (col) => col.notNull().references('users.id'))
    .addColumn('decided_by', 'integer', (col) => col.references('users.id'))
    .addColumn('decision_note', 'text')
    .addColumn('transaction_id', 'integer', (col) => col.references('ledger_transactions.id'))
    .addColumn('idempotency_key', 'text', (col) => col.notNull().unique())
    .addColumn('created_at', c.timestamp, (col) => col.notNull())
    .addColumn('updated_at', c.timestamp, (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('expense_history')
    .addColumn('id', 'integer', c.id)
    .addColumn('expense_id', 'integer', (col) => col.notNull().references('expenses.id'))
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (col) => col.notNull())
    .addColumn('actor_user_id', 'integer', (col) => col.references('users.id'))
    .addColumn('note', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('created_at', c.timestamp, (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('event_closures')
    .addColumn('event_id', 'integer', (col) => col.primaryKey().references('events.id'))
    .addColumn('income', 'bigint', (col) => col.notNull())
    .addColumn('logistics', 'bigint', (col) => col.notNull())
    .addColumn('to_visuals', 'bigint', (col) => col.notNull())
    .addColumn('to_book_editing', 'bigint', (col) => col.notNull())
    .addColumn('deficit', 'bigint', (col) => col.notNull())
    .addColumn('visuals_basis_points', 'integer', (col) => col.notNull())
    // Null when the event had no money at all: nothing to post, but still closed.
    .addColumn('transaction_id', 'integer', (col) => col.references('ledger_transactions.id'))
    .addColumn('closed_by', 'integer', (col) => col.references('users.id'))
    .addColumn('closed_at', c.timestamp, (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('books')
    .addColumn('id', 'integer', c.id)
    .addColumn('slug', 'text', (col) => col.notNull().unique())
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('unit_price', 'bigint', (col) => col.notNull())
    .addColumn('manufacturing_cost', 'bigint', (col) => col.notNull())
    .addColumn('split_method', 'text', (col) => col.notNull().defaultTo('equal').check(sql`split_method in ('equal','weights')`))
    .addColumn('created_at', c.timestamp, (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('book_contributors')
    .addColumn('book_id', 'integer', (col) => col.notNull().references('books.id').onDelete('cascade'))
    .addColumn('contributor_id', 'integer', (col) => col.notNull().references('contributors.id'))
    .addColumn('weight', 'integer', (col) => col.notNull().defaultTo(1).check(sql`weight >= 0`))
    .addPrimaryKeyConstraint('book_contributors_pk', ['book_id', 'contributor_id'])
    .execute();

  await db.schema
    .createTable('book_sales')
    .addColumn('id', 'integer', c.id)
    .addColumn('book_id', 'integer', (col) => col.notNull().references('books.id'))
    .addColumn('quantity', 'integer', (col) => col.notNull().check(sql`quantity > 0`))
    .addColumn('unit_price', 'bigint', (col) => col.notNull())
    .addColumn('manufacturing_cost', 'bigint', (col) => col.notNull())
    .addColumn('fees', 'bigint', (col) => col.notNull())
    .addColumn('net', 'bigint', (col) => col.notNull())
    .addColumn('sold_at', c.timestamp, (col) => col.notNull())
    .addColumn('transaction_id', 'integer', (col) => col.notNull().references('ledger_transactions.id'))
    .addColumn('idempotency_key', 'text', (col) => col.notNull().unique())
    .addColumn('created_by', 'integer', (col) => col.references('users.id'))
    .addColumn('created_at', c.timestamp, (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('royalty_payouts')
    .addColumn('id', 'integer', c.id)
    .addColumn('contributor_id', 'integer', (col) => col.notNull().references('contributors.id'))
    .addColumn('amount', 'bigint', (col) => col.notNull().check(sql`amount > 0`))
    .addColumn('paid_at', c.timestamp, (col) => col.notNull())
    .addColumn('transaction_id', 'integer', (col) => col.notNull().references('ledger_transactions.id'))
    .addColumn('idempotency_key', 'text', (col) => col.notNull().unique())
    .addColumn('created_by', 'integer', (col) => col.references('users.id'))
    .addColumn('created_at', c.timestamp, (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (col) => col.primaryKey())
    .addColumn('value', 'text', (col) => col.notNull())
    .addColumn('updated_by', 'integer', (col) => col.references('users.id'))
    .addColumn('updated_at', c.timestamp, (col) => col.notNull())
    .execute();
}
