/**
 * The database handle. Only this folder knows that SQLite and PostgreSQL differ; the rest of the
 * code speaks Kysely and receives ISO-8601 strings for timestamps and numbers for counts on both.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresAdapter, PostgresDialect, type Transaction } from 'kysely';
import type pg from 'pg';
import { lazyModule } from '../shared/lazy-module.ts';
import type { DB } from './schema.ts';
import { InlineLimits, QueuedSqliteDialect } from './sqlite-driver.ts';
import { changeFeedFor, trackChanges, type ChangeFeed } from './change-feed.ts';

export type Dialect = 'sqlite' | 'postgres';

/** How long a PostgreSQL statement may wait for a row lock before giving up. */
export const LOCK_TIMEOUT_MS = 10_000;
export type Db = Kysely<DB>;
export type Trx = Transaction<DB>;
/** Queries accept either the database or a transaction already under way. */
export type Executor = Kysely<DB> | Transaction<DB>;

export interface Database {
  db: Db;
  dialect: Dialect;
  /** What committed writes changed, here and on other instances (the page cache listens). */
  changes: ChangeFeed;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  databaseUrl?: string | undefined;
  sqlitePath: string;
  poolSize?: number;
}

/** The PostgreSQL driver, loaded only by instances on PostgreSQL. */
const pgLibrary = lazyModule<typeof pg>('pg');

const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    // int8 (counts, sums): numbers, as on SQLite. Amounts in cents stay far below 2^53.
    if (oid === 20) return (v: string) => Number(v);
    // timestamptz: ISO strings, as written on SQLite.
    if (oid === 1184) return (v: string) => new Date(v).toISOString();
    return pgLibrary().types.getTypeParser(oid, format as 'text');
  },
};

export function createDatabase(options: DatabaseOptions): Database {
  if (options.databaseUrl) {
    const pool = new (pgLibrary().Pool)({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 10,
      // A statement that waits more than 10 s for a row lock gives up (55P03): the person is asked
      // to try again (a 429, see locks.ts) instead of a queue of requests piling up behind a stuck one.
      options: `-c lock_timeout=${LOCK_TIMEOUT_MS}`,
      types: pgTypes as unknown as pg.CustomTypesConfig,
    });
    // A dropped idle connection must not crash the process; the pool replaces it.
    pool.on('error', () => undefined);
    const changes = changeFeedFor(options);
    const db = new Kysely<DB>({ dialect: trackChanges(new PostgresDialect({ pool }), changes) });
    return { db, dialect: 'postgres', changes, close: () => db.destroy() };
  }
  if (options.sqlitePath !== ':memory:') mkdirSync(path.dirname(options.sqlitePath), { recursive: true });
  const sqlite = new SQLite(options.sqlitePath);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const changes = changeFeedFor(options);
  const db = new Kysely<DB>({ dialect: trackChanges(new QueuedSqliteDialect(sqlite), changes), plugins: [new InlineLimits()] });
  return { db, dialect: 'sqlite', changes, close: () => db.destroy() };
}

/** Which database an executor (the database or a transaction under way) talks to. */
export function dialectOf(executor: Executor): Dialect {
  return executor.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}
