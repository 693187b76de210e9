/**
 * Kysely's SQLite driver, with two changes measured under load (`npm run bench`, ticket-orders):
 *
 * - **A first-come, first-served queue for the one connection.** Kysely's own driver lets every
 *   waiter await the same promise and race again when it resolves, so with 200 requests in flight
 *   each query wakes all 200 (a tenth of an order's CPU went there). Here the connection is handed
 *   to the next waiter in line, and only that one wakes.
 * - **Prepared statements reused by SQL text.** Kysely prepares every query anew; preparing is a
 *   tenth of a page's time. Queries are parameterised, so the set of texts is small and bounded by
 *   the code. Safe because no query here is streamed: a statement never iterates when used again.
 *
 * Everything else (the query compiler, the adapter, the introspector) is Kysely's SQLite dialect.
 *
 * And one plugin, `InlineLimits`: a statement whose `LIMIT` is a bound parameter is prepared anew
 * by SQLite at every run (the planner weighs the limit, so binding any value expires the
 * statement): 15 µs instead of 7 for a page's comments. A query's own numeric limit is written
 * into its SQL instead; the texts stay few (limits are the code's page sizes).
 */
import type SQLite from 'better-sqlite3';
import { CompiledQuery, LimitNode, SelectQueryNode, SqliteDialect, ValueNode, type DatabaseConnection, type Driver, type KyselyPlugin, type PluginTransformQueryArgs, type PluginTransformResultArgs, type QueryResult, type RootOperationNode, type UnknownRow } from 'kysely';

const STATEMENT_CACHE_LIMIT = 2000;

class Connection implements DatabaseConnection {
  private readonly statements = new Map<string, SQLite.Statement>();

  constructor(private readonly sqlite: SQLite.Database) {}

  private statement(source: string): SQLite.Statement {
    let statement = this.statements.get(source);
    if (!statement) {
      if (this.statements.size >= STATEMENT_CACHE_LIMIT) this.statements.clear();
      statement = this.sqlite.prepare(source);
      this.statements.set(source, statement);
    }
    return statement;
  }

  executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    const statement = this.statement(compiledQuery.sql);
    const parameters = compiledQuery.parameters as unknown[];
    if (statement.reader) return Promise.resolve({ rows: statement.all(parameters) as R[] });
    const { changes, lastInsertRowid } = statement.run(parameters);
    return Promise.resolve({ numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] });
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming is not used with SQLite here');
  }
}

class QueuedSqliteDriver implements Driver {
  private readonly connection: Connection;
  private busy = false;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly sqlite: SQLite.Database) {
    this.connection = new Connection(sqlite);
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    if (!this.busy) {
      this.busy = true;
      return this.connection;
    }
    // Handed over by releaseConnection, still marked busy: nobody else can slip in between.
    await new Promise<void>((resolve) => this.waiting.push(resolve));
    return this.connection;
  }

  async releaseConnection(): Promise<void> {
    const next = this.waiting.shift();
    if (next) next();
    else this.busy = false;
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin'));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback'));
  }

  async destroy(): Promise<void> {
    this.sqlite.close();
  }
}

/** Kysely's SQLite dialect on one better-sqlite3 database, with the driver above. */
export class QueuedSqliteDialect extends SqliteDialect {
  constructor(private readonly sqlite: SQLite.Database) {
    super({ database: sqlite });
  }

  override createDriver(): Driver {
    return new QueuedSqliteDriver(this.sqlite);
  }
}

/** The largest limit written into SQL text (larger ones stay parameters: they are rare and varied). */
const MAX_INLINE_LIMIT = 10_000;

/** A select's numeric `LIMIT` as a literal (see the file's comment); only the top-level select, without walking the tree. */
export class InlineLimits implements KyselyPlugin {
  transformQuery({ node }: PluginTransformQueryArgs): RootOperationNode {
    if (!SelectQueryNode.is(node) || !node.limit) return node;
    const limit = node.limit.limit;
    if (!ValueNode.is(limit) || limit.immediate) return node;
    const value = limit.value;
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0 || value > MAX_INLINE_LIMIT) return node;
    return SelectQueryNode.cloneWithLimit(node, LimitNode.create(ValueNode.createImmediate(value)));
  }

  async transformResult({ result }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return result;
  }
}
