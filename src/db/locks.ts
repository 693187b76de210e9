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
 * Takes the event's row lock for the rest of the transaction. The use cases that move an
 * evening's money or release its seats (payments, refunds, cancellations, closing its accounts)
 * take it, so they happen one after the other whatever instance they run on; ordering's guarded
 * update of the same row's seat counter waits for it too.
 */
export async function lockEventRow(trx: Trx, eventId: number): Promise<void> {
  if (dialectOf(trx) === 'postgres') {
    // The wait is bounded by the connection's lock_timeout (database.ts).
    try {
      await sql`select id from events where id = ${eventId} for update`.execute(trx);
    } catch (error) {
      throw busyOr(error);
    }
    return;
  }
  await sql`update events set updated_at = updated_at where id = ${eventId}`.execute(trx);
}

/**
 * Serialises the transactions that share a key (one person's orders for one evening) without
 * touching any row others need: a transaction-scoped advisory lock on PostgreSQL. On SQLite,
 * transactions of the one process already run one at a time.
 */
export async function lockPerson(trx: Trx, key: string): Promise<void> {
  if (dialectOf(trx) !== 'postgres') return;
  await sql`select pg_advisory_xact_lock(hashtext(${key}))`.execute(trx);
}

/**
 * 55P03 lock_not_available: a statement waited longer than lock_timeout for a row (the error
 * handler turns it into a 429 wherever it happens). Anything else is passed on as it is.
 */
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
