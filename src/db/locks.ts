/**
 * Serialising writers on one row, the way each database does it. On PostgreSQL: a row lock
 * (SELECT … FOR UPDATE) under READ COMMITTED, with a lock timeout so a stuck transaction makes
 * others fail fast instead of piling up. On SQLite: a first write takes the database's write lock
 * at once, so a second writer (another process on the same file) waits for it — without it, two
 * deferred transactions could both read before either writes.
 */
import { sql } from 'kysely';
import type { Dialect, Trx } from './database.ts';

export async function lockEventRow(trx: Trx, dialect: Dialect, eventId: number, timeoutMs = 5000): Promise<void> {
  if (dialect === 'postgres') {
    await sql`set local lock_timeout = ${sql.lit(`${Math.round(timeoutMs)}ms`)}`.execute(trx);
    await sql`select id from events where id = ${eventId} for update`.execute(trx);
    return;
  }
  await sql`update events set updated_at = updated_at where id = ${eventId}`.execute(trx);
}
