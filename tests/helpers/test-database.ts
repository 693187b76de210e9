/**
 * Every database test runs on each dialect: SQLite always (in memory), PostgreSQL too when
 * TEST_DATABASE_URL is set. Each call gets a fresh, migrated database of its own, so test files
 * run in parallel without seeing each other's rows.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { testDatabaseUrl } from '../../src/config.ts';
import { createDatabase, type Database, type Dialect } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { ensureBaseline } from '../../src/baseline/ensure-baseline.ts';

export const DIALECTS: Dialect[] = testDatabaseUrl() ? ['sqlite', 'postgres'] : ['sqlite'];

export interface TestDatabase extends Database {
  /** The connection URL on PostgreSQL (for a second app instance), undefined on SQLite. */
  url: string | undefined;
  /** Closes the connections and drops the PostgreSQL database. */
  destroy(): Promise<void>;
}

async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: testDatabaseUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function createTestDatabase(dialect: Dialect, options: { baseline?: boolean; sqlitePath?: string } = {}): Promise<TestDatabase> {
  let database: Database;
  let url: string | undefined;
  let name: string | undefined;
  if (dialect === 'postgres') {
    name = `oe_test_${randomBytes(6).toString('hex')}`;
    await withAdmin((c) => c.query(`create database ${name}`));
    const u = new URL(testDatabaseUrl()!);
    u.pathname = `/${name}`;
    url = u.toString();
    database = createDatabase({ databaseUrl: url, sqlitePath: '', poolSize: 10 });
  } else {
    database = createDatabase({ sqlitePath: options.sqlitePath ?? ':memory:' });
  }
  await migrateToLatest(database);
  if (options.baseline !== false) await ensureBaseline(database.db, new Date('2026-01-01T00:00:00Z'));
  return {
    ...database,
    url,
    async destroy() {
      await database.close();
      if (name) await withAdmin((c) => c.query(`drop database if exists ${name} with (force)`));
    },
  };
}
