/**
 * What the database changed, told as table names: the page cache's source of truth
 * (docs/decisions/021-exact-page-cache.md).
 *
 * Every statement goes through a driver wrapped here. A statement that writes names its target
 * tables; once it is committed (at `commit` inside a transaction, at once otherwise) this
 * instance's listeners hear them, and on PostgreSQL a `pg_notify` sent in the same transaction
 * tells every other instance, delivered by PostgreSQL only if the transaction commits. A
 * statement that reads adds its tables to the current read collector, when a page is being
 * rendered (`collectReads`), so a page knows what it was made of without any module declaring it.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import path from 'node:path';
import {
  CompiledQuery,
  type DatabaseConnection,
  type Dialect as KyselyDialect,
  type Driver,
  type QueryCompiler,
  type QueryResult,
  type TransactionSettings,
  type Kysely,
  sql,
} from 'kysely';
import type pg from 'pg';
import { lazyModule } from '../shared/lazy-module.ts';

/** The PostgreSQL driver, loaded only by instances on PostgreSQL. */
const pgLibrary = lazyModule<typeof pg>('pg');

export const CHANGES_CHANNEL = 'oe_changes';
/** Everything may have changed (a listener lost its connection and may have missed notices). */
export const EVERYTHING = '*';

/**
 * Tables whose writes never change a page an anonymous visitor sees: left out of notices, so a
 * login or a rate-limit count costs no cluster-wide message.
 */
const UNSHOWN_TABLES = new Set(['sessions', 'rate_limits', 'tokens', 'kysely_migration', 'kysely_migration_lock']);
/** Tables kept by the database itself from another one (SQLite FTS5 triggers). */
const DERIVED_TABLES: Record<string, string[]> = { search_documents: ['search_fts'] };

interface Classified {
  reads: string[];
  writes: string[];
}

type Listener = (tables: readonly string[]) => void;

const WRITE_TARGET = /\b(?:insert\s+(?:or\s+\w+\s+)?into|replace\s+into|update|delete\s+from)\s+"?([a-z_][a-z0-9_]*)"?/g;
const IDENTIFIER = /[a-z_][a-z0-9_]*/g;

export class ChangeFeed {
  private tables: Set<string> | null = null;
  private readonly classified = new Map<string, Classified>();
  private readonly listeners = new Set<Listener>();
  private readonly readers = new AsyncLocalStorage<Set<string>>();
  private listener: pg.Client | null = null;
  private listening = 0;
  private reconnect: NodeJS.Timeout | null = null;
  /** On PostgreSQL: true while this instance hears every other instance's notices. */
  connected: boolean;
  /** Write clock: the generation of each table's last heard write, and of the last "everything". */
  private generation = 0;
  private readonly writtenAt = new Map<string, number>();
  private everythingAt = 0;
  private readonly memos = new Map<string, { value: Promise<unknown>; tables: string[] | null; at: number }>();
  readonly origin = `${process.pid}-${Math.random().toString(36).slice(2, 10)}`;

  constructor(
    readonly dialect: 'sqlite' | 'postgres',
    private readonly databaseUrl?: string,
  ) {
    this.connected = dialect === 'sqlite';
  }

  /** Learns the schema's table names (after migrating); until then nothing is tracked. */
  async loadTables(db: Kysely<any>): Promise<void> {
    const rows =
      this.dialect === 'postgres'
        ? await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema()`.execute(db)
        : await sql<{ name: string }>`select name from sqlite_master where type in ('table', 'view')`.execute(db);
    this.tables = new Set(rows.rows.map((r) => r.name.toLowerCase()));
    this.classified.clear();
  }

  get tracking(): boolean {
    return this.tables !== null;
  }

  /** Runs `work`, adding to `into` every table its statements read. */
  collectReads<T>(into: Set<string>, work: () => T): T {
    return this.readers.run(into, work);
  }

  /** Hears the tables each committed write changed (here, and on PostgreSQL on every instance). */
  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Tells this instance's listeners (and, for a lost connection, that anything may have changed). */
  emit(tables: readonly string[]): void {
    if (tables.length === 0) return;
    this.generation += 1;
    for (const table of tables) {
      if (table === EVERYTHING) this.everythingAt = this.generation;
      else this.writtenAt.set(table, this.generation);
    }
    for (const listener of this.listeners) listener(tables);
  }

  /**
   * A value computed from the database, kept until a write (here or, on PostgreSQL, on any
   * instance) touches one of the tables its computation read. A kept value still counts as read
   * by the page being rendered, so the page cache drops that page when those tables change.
   */
  async memo<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const kept = this.memos.get(key);
    if (kept && this.fresh(kept.tables, kept.at)) {
      const result = (await kept.value) as T;
      this.noteReads(kept.tables ?? []);
      return result;
    }
    const at = this.generation;
    const tables = new Set<string>();
    const entry: { value: Promise<unknown>; tables: string[] | null; at: number } = { value: Promise.resolve(), tables: null, at };
    // Concurrent callers share the computation under way (while nothing at all was written since it began).
    const value = this.collectReads(tables, compute).then((result) => {
      entry.tables = [...tables];
      return result;
    });
    entry.value = value;
    this.memos.set(key, entry);
    try {
      const result = await value;
      this.noteReads(entry.tables ?? []);
      // Kept only if nothing it read changed while it ran, and only while every write is heard.
      if (!this.connected || !this.tracking || !this.fresh(entry.tables, at)) this.memos.delete(key);
      return result;
    } catch (error) {
      if (this.memos.get(key) === entry) this.memos.delete(key);
      throw error;
    }
  }

  /** Whether nothing a kept value read was written since `at` (tables unknown yet: nothing written at all). */
  private fresh(tables: readonly string[] | null, at: number): boolean {
    if (tables === null) return this.generation === at;
    if (this.everythingAt > at) return false;
    for (const table of tables) if ((this.writtenAt.get(table) ?? 0) > at) return false;
    return true;
  }

  classify(sqlText: string): Classified {
    const known = this.tables;
    if (!known) return { reads: [], writes: [] };
    let result = this.classified.get(sqlText);
    if (result) return result;
    const text = sqlText.toLowerCase();
    const reads = new Set<string>();
    for (const word of text.match(IDENTIFIER) ?? []) if (known.has(word)) reads.add(word);
    const writes = new Set<string>();
    if (!/^\s*select\b/.test(text)) {
      for (const match of text.matchAll(WRITE_TARGET)) {
        const table = match[1]!;
        if (!known.has(table) || UNSHOWN_TABLES.has(table)) continue;
        writes.add(table);
        for (const derived of DERIVED_TABLES[table] ?? []) writes.add(derived);
      }
    }
    result = { reads: [...reads], writes: [...writes] };
    if (this.classified.size > 5000) this.classified.clear();
    this.classified.set(sqlText, result);
    return result;
  }

  /** Records a statement's reads for the page being rendered, if any. */
  noteReads(tables: readonly string[]): void {
    const into = this.readers.getStore();
    if (into) for (const table of tables) into.add(table);
  }

  /** The notice sent through PostgreSQL: who sent it, then the tables. */
  notice(tables: readonly string[]): string {
    return `${this.origin} ${tables.join(',')}`;
  }

  /**
   * On PostgreSQL, opens the one connection that LISTENs for other instances' notices (counted:
   * each caller closes its own). Losing it tells listeners that everything may have changed, and
   * it reconnects after a second.
   */
  async listen(): Promise<void> {
    this.listening += 1;
    if (this.dialect !== 'postgres' || this.listener || this.listening > 1) return;
    await this.connect();
  }

  private async connect(): Promise<void> {
    const client = new (pgLibrary().Client)({ connectionString: this.databaseUrl });
    this.listener = client;
    const lost = () => {
      if (this.listener !== client) return;
      this.listener = null;
      this.connected = false;
      this.emit([EVERYTHING]);
      client.end().catch(() => undefined);
      if (this.listening > 0) {
        this.reconnect = setTimeout(() => void this.connect(), 1000);
        this.reconnect.unref();
      }
    };
    client.on('error', lost);
    client.on('end', lost);
    client.on('notification', (message) => {
      if (message.channel !== CHANGES_CHANNEL || !message.payload) return;
      const space = message.payload.indexOf(' ');
      if (message.payload.slice(0, space) === this.origin) return;
      this.emit(message.payload.slice(space + 1).split(','));
    });
    try {
      await client.connect();
      await client.query(`listen ${CHANGES_CHANNEL}`);
    } catch {
      // Not listening: nothing is kept meanwhile (connected stays false), and it tries again.
      lost();
      return;
    }
    if (this.listener !== client) return;
    this.connected = true;
    // Whatever happened while nobody listened is unknown: start from nothing.
    this.emit([EVERYTHING]);
  }

  async unlisten(): Promise<void> {
    this.listening = Math.max(0, this.listening - 1);
    if (this.listening > 0) return;
    if (this.reconnect) clearTimeout(this.reconnect);
    this.reconnect = null;
    const client = this.listener;
    this.listener = null;
    if (this.dialect === 'postgres') this.connected = false;
    if (client) await client.end().catch(() => undefined);
  }
}

const sqliteFeeds = new Map<string, ChangeFeed>();

/**
 * The feed for a database. On SQLite the instances are the process's own handles on one file:
 * they share one feed, so two apps over the same file hear each other's writes.
 */
export function changeFeedFor(options: { databaseUrl?: string | undefined; sqlitePath: string }): ChangeFeed {
  if (options.databaseUrl) return new ChangeFeed('postgres', options.databaseUrl);
  if (options.sqlitePath === ':memory:') return new ChangeFeed('sqlite');
  const key = path.resolve(options.sqlitePath);
  let feed = sqliteFeeds.get(key);
  if (!feed) sqliteFeeds.set(key, (feed = new ChangeFeed('sqlite')));
  return feed;
}

interface ConnectionState {
  inTransaction: boolean;
  pending: Set<string>;
}

class TrackedConnection implements DatabaseConnection {
  readonly state: ConnectionState = { inTransaction: false, pending: new Set() };

  constructor(
    readonly inner: DatabaseConnection,
    private readonly feed: ChangeFeed,
  ) {}

  async executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    const { reads, writes } = this.feed.classify(compiledQuery.sql);
    if (reads.length > 0) this.feed.noteReads(reads);
    const result = await this.inner.executeQuery<R>(compiledQuery);
    if (writes.length > 0) {
      if (this.state.inTransaction) for (const table of writes) this.state.pending.add(table);
      else await announce(this.inner, this.feed, writes);
    }
    return result;
  }

  streamQuery<R>(compiledQuery: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    this.feed.noteReads(this.feed.classify(compiledQuery.sql).reads);
    return this.inner.streamQuery<R>(compiledQuery, chunkSize);
  }
}

/** Tells the other instances (PostgreSQL) then this one, once the writes are committed. */
async function announce(connection: DatabaseConnection, feed: ChangeFeed, tables: string[]): Promise<void> {
  if (feed.dialect === 'postgres') await connection.executeQuery(CompiledQuery.raw(`select pg_notify('${CHANGES_CHANNEL}', $1)`, [feed.notice(tables)]));
  feed.emit(tables);
}

class TrackedDriver implements Driver {
  private readonly wrapped = new WeakMap<DatabaseConnection, TrackedConnection>();

  constructor(
    private readonly inner: Driver,
    private readonly feed: ChangeFeed,
  ) {}

  init(): Promise<void> {
    return this.inner.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const connection = await this.inner.acquireConnection();
    let tracked = this.wrapped.get(connection);
    if (!tracked) this.wrapped.set(connection, (tracked = new TrackedConnection(connection, this.feed)));
    return tracked;
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    return this.inner.releaseConnection((connection as TrackedConnection).inner);
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const tracked = connection as TrackedConnection;
    await this.inner.beginTransaction(tracked.inner, settings);
    tracked.state.inTransaction = true;
    tracked.state.pending.clear();
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    const tracked = connection as TrackedConnection;
    const tables = [...tracked.state.pending];
    tracked.state.inTransaction = false;
    tracked.state.pending.clear();
    // In the transaction itself: PostgreSQL delivers the notice when, and only if, it commits.
    if (tables.length > 0 && this.feed.dialect === 'postgres') {
      await tracked.inner.executeQuery(CompiledQuery.raw(`select pg_notify('${CHANGES_CHANNEL}', $1)`, [this.feed.notice(tables)]));
    }
    await this.inner.commitTransaction(tracked.inner);
    this.feed.emit(tables);
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    const tracked = connection as TrackedConnection;
    tracked.state.inTransaction = false;
    tracked.state.pending.clear();
    return this.inner.rollbackTransaction(tracked.inner);
  }

  async savepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']): Promise<void> {
    return this.inner.savepoint?.((connection as TrackedConnection).inner, name, compile);
  }

  async rollbackToSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']): Promise<void> {
    // Writes rolled back to a savepoint stay counted: a notice too many is harmless, one too few is not.
    return this.inner.rollbackToSavepoint?.((connection as TrackedConnection).inner, name, compile);
  }

  async releaseSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']): Promise<void> {
    return this.inner.releaseSavepoint?.((connection as TrackedConnection).inner, name, compile);
  }

  destroy(): Promise<void> {
    return this.inner.destroy();
  }
}

/** A Kysely dialect whose statements are reported to `feed`. */
export function trackChanges(dialect: KyselyDialect, feed: ChangeFeed): KyselyDialect {
  return {
    createAdapter: () => dialect.createAdapter(),
    createDriver: () => new TrackedDriver(dialect.createDriver(), feed),
    createQueryCompiler: () => dialect.createQueryCompiler(),
    createIntrospector: (db) => dialect.createIntrospector(db),
  };
}
