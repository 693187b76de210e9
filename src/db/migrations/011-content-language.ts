import type { Kysely } from 'kysely';
import type { Dialect } from '../database.ts';

/**
 * Issue 11, one language at a time. Content carries its language: events and ticket types get one
 * (pieces and proposals have had theirs since 001), and a piece may be the translation of another
 * (`translation_of`, the original's id). Ledger transactions written by the system keep the
 * catalogue key and parameters of their label, so each reader sees it in their language; the
 * French `description` stays the accounting text (FEC, exports) and the label of older rows.
 */
export async function up(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  await db.schema.alterTable('events').addColumn('language', 'text', (col) => col.notNull().defaultTo('fr')).execute();
  await db.schema.alterTable('ticket_types').addColumn('language', 'text', (col) => col.notNull().defaultTo('fr')).execute();
  await db.schema
    .alterTable('pieces')
    .addColumn('translation_of', 'integer', (col) => col.references('pieces.id').onDelete('set null'))
    .execute();
  await db.schema.createIndex('pieces_translation_of').on('pieces').column('translation_of').execute();
  await db.schema.alterTable('ledger_transactions').addColumn('label_key', 'text').execute();
  await db.schema.alterTable('ledger_transactions').addColumn('label_params', 'text').execute();
}
