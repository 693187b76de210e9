import type { Kysely } from 'kysely';
import type { Dialect } from '../database.ts';
import { columns } from './columns.ts';

/**
 * Issue 11, one's own account: an address being changed waits, unconfirmed, beside the current one
 * (the confirmation link goes to the new address); a deleted account keeps its row — other tables'
 * history points at it — emptied of everything personal, with the moment it was erased.
 */
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const c = columns(dialect);
  await db.schema.alterTable('users').addColumn('pending_email', 'text').execute();
  await db.schema.alterTable('users').addColumn('erased_at', c.timestamp).execute();
}
