import type { Kysely } from 'kysely';
import type { Dialect } from '../database.ts';

/**
 * Issue 12 item 11: rate limits shared by every instance on PostgreSQL. One row per limited key
 * (route and client address) and window: hits so far and when the window ends, in milliseconds
 * of the database's clock. Created on SQLite too (one schema), where the counts stay in memory.
 */
export async function up(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('rate_limits')
    .addColumn('key', 'text', (col) => col.primaryKey())
    .addColumn('hits', 'integer', (col) => col.notNull())
    .addColumn('window_ends', 'bigint', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('rate_limits_window_ends').on('rate_limits').column('window_ends').execute();
}
