/**
 * Serialising writers on one row, the way each database does it. On PostgreSQL: a row lock
 * (SELECT … FOR UPDATE) under READ COMMITTED, with a lock timeout so a stuck transaction makes
 * others fail fast instead of piling up. On SQLite: a first write takes the database's write lock
 * at once, so a second writer (another process on the same file) waits for it — without it, two
 * deferred transactions could both read before either writes.
 */
import { sql } from 'kysely';
import { AppError } from '../shared/errors.ts';
import type { MessageKey } from '../shared/i18n/index.ts';
import type { Dialect, Trx } from './database.ts';

/** The lock could not be had in time: the client is asked to try again (a 429, never a 5xx). */
export class RowBusyError extends AppError {
  constructor() {
    super('busy', 429, 'tickets.busy' as MessageKey);
  }
}

export async function lockEventRow(trx: Trx, dialect: Dialect, eventId: number, timeoutMs = 10_000): Promise<void> {
  if (dialect === 'postgres') {
    await sql`set local lock_timeout = ${sql.lit(`${Math.round(timeoutMs)}ms`)}`.execute(trx);
    try {
      await sql`select id from events where id = ${eventId} for update`.execute(trx);
    } catch (error) {
      // 55P03 lock_not_available: lock_timeout elapsed.
      if ((error as { code?: string }).code === '55P03') throw new RowBusyError();
      throw error;
    }
    return;
  }
  await sql`update events set updated_at = updated_at where id = ${eventId}`.execute(trx);
}
