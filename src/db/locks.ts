/**
 * Serialising writers on one row, the way each database does it. On PostgreSQL: a row lock
 * (SELECT … FOR UPDATE) under READ COMMITTED, with a lock timeout so a stuck transaction makes
 * others fail fast instead of piling up. On SQLite: a first write takes the database's write lock
 * at once, so a second writer (another process on the same file) waits for it — without it, two
 * deferred transactions could both read before either writes.
 */
import { sql } from 'kysely';
import { AppError } from '../shared/errors.ts';
import { dialectOf, type Executor, type Trx } from './database.ts';

/** The lock could not be had in time: the client is asked to try again (a 429, never a 5xx). */
export class RowBusyError extends AppError {
  constructor() {
    super('busy', 429, 'errors.busy');
  }
}

/**
 * Takes the event's row lock for the rest of the transaction. Every use case that moves seats or
 * money of an evening (ordering, payments, refunds, closing its accounts) takes it, so they
 * happen one after the other whatever instance they run on.
 */
export async function lockEventRow(trx: Trx, eventId: number, timeoutMs = 10_000): Promise<void> {
  if (dialectOf(trx) === 'postgres') {
    await sql`set local lock_timeout = ${sql.lit(`${Math.round(timeoutMs)}ms`)}`.execute(trx);
    try {
      await sql`select id from events where id = ${eventId} for update`.execute(trx);
    } catch (error) {
      throw busyOr(error);
    }
    return;
  }
  await sql`update events set updated_at = updated_at where id = ${eventId}`.execute(trx);
}

/** 55P03 lock_not_available: lock_timeout elapsed. Anything else is passed on as it is. */
export function busyOr(error: unknown): unknown {
  return (error as { code?: string }).code === '55P03' ? new RowBusyError() : error;
}

/**
 * Claims rows another worker may be claiming at the same moment: on PostgreSQL the candidates are
 * read `FOR UPDATE SKIP LOCKED`, so two instances never take the same row and never wait for each
 * other; on SQLite the claiming UPDATE is atomic on its own (one writer at a time).
 */
export function claimable<Q extends { forUpdate(): Q; skipLocked(): Q }>(executor: Executor, query: Q): Q {
  return dialectOf(executor) === 'postgres' ? query.forUpdate().skipLocked() : query;
}
