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
 * take it, so they happen one after the other whatever instance they run on. Ordering does not:
 * its seats are guarded by the seat buckets (ticketing/commands/seats.ts).
 */
export async function lockEventRow(trx: Trx, eventId: number): Promise<void> {
  if (dialectOf(trx) === 'postgres') {
    // The wait is bounded by the connection's lock_timeout (database.ts). NO KEY UPDATE: these use
    // cases wait for each other, but not for orders, whose rows only reference the event (their
    // foreign-key check takes KEY SHARE, which this lock lets through).
    try {
      await sql`select id from events where id = ${eventId} for no key update`.execute(trx);
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
 * 55P03 lock_not_available: a statement waited longer than lock_timeout for a row; 40P01: it was
 * chosen to break a deadlock. The error handler turns both into a 429 ("busy, try again") wherever
 * they happen. Anything else is passed on as it is.
 */
export function busyOr(error: unknown): unknown {
  const code = (error as { code?: string }).code;
  // 40P01 deadlock_detected: PostgreSQL broke a circle of waits by failing one of them.
  return code === '55P03' || code === '40P01' ? new RowBusyError() : error;
}

/**
 * Locks the rows a query reads until the transaction ends (PostgreSQL `FOR UPDATE`), or, with
 * `skipLocked`, passes over the rows another transaction holds instead of waiting for them (two
 * workers never claim the same effect, two buyers spread over an evening's seat buckets). On
 * SQLite a write transaction already has the database to itself: the query is left as it is.
 */
export function lockedForUpdate<Q extends { forUpdate(): Q; skipLocked(): Q }>(executor: Executor, query: Q, options: { skipLocked?: boolean } = {}): Q {
  if (dialectOf(executor) !== 'postgres') return query;
  return options.skipLocked ? query.forUpdate().skipLocked() : query.forUpdate();
}

/** Claims rows another worker may be claiming at the same moment (see lockedForUpdate). */
export function claimable<Q extends { forUpdate(): Q; skipLocked(): Q }>(executor: Executor, query: Q): Q {
  return lockedForUpdate(executor, query, { skipLocked: true });
}

/**
 * A statement the database refused for its data: a reference to a row that does not exist (an id
 * typed into a URL or a form), a second row where one is allowed, a value a CHECK forbids. Each
 * command checks what it can and says so precisely; this is the net under them, so such input is
 * a 4xx whatever command it reaches — never a 500. Anything else is passed on as it is.
 */
export class ConstraintRefusal extends AppError {
  constructor(
    readonly kind: 'missing_reference' | 'duplicate' | 'invalid_value',
    readonly constraint: string | undefined,
  ) {
    super(kind, kind === 'missing_reference' ? 404 : kind === 'duplicate' ? 409 : 422, kind === 'missing_reference' ? 'errors.notFound' : kind === 'duplicate' ? 'errors.conflict' : 'errors.validation');
  }
}

const CONSTRAINT_KINDS: Record<string, ConstraintRefusal['kind']> = {
  // PostgreSQL SQLSTATEs
  '23503': 'missing_reference',
  '23505': 'duplicate',
  '23514': 'invalid_value',
  '23502': 'invalid_value',
  // better-sqlite3 extended result codes
  SQLITE_CONSTRAINT_FOREIGNKEY: 'missing_reference',
  SQLITE_CONSTRAINT_UNIQUE: 'duplicate',
  SQLITE_CONSTRAINT_PRIMARYKEY: 'duplicate',
  SQLITE_CONSTRAINT_CHECK: 'invalid_value',
  SQLITE_CONSTRAINT_NOTNULL: 'invalid_value',
};

export function constraintRefusalOr(error: unknown): unknown {
  const { code, constraint } = (error ?? {}) as { code?: unknown; constraint?: string };
  const kind = typeof code === 'string' ? CONSTRAINT_KINDS[code] : undefined;
  return kind ? new ConstraintRefusal(kind, constraint) : error;
}
