import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Database, Dialect } from './database.ts';
import * as m001 from './migrations/001-foundation.ts';
import * as m002 from './migrations/002-events-and-ledger.ts';
import * as m003 from './migrations/003-ticketing.ts';
import * as m004 from './migrations/004-outbox-and-seat-counts.ts';
import * as m005 from './migrations/005-conversation.ts';
import * as m006 from './migrations/006-map.ts';
import * as m007 from './migrations/007-book.ts';
import * as m008 from './migrations/008-hardening.ts';
import * as m009 from './migrations/009-manual-payment.ts';
import * as m010 from './migrations/010-account.ts';
import * as m011 from './migrations/011-content-language.ts';
import * as m012 from './migrations/012-cache-and-limits.ts';

type DialectMigration = { up(db: import('kysely').Kysely<any>, dialect: Dialect): Promise<void> };

/** Every migration, in order. A new one is added here and never edited once released. */
const migrations: Record<string, DialectMigration> = {
  '001-foundation': m001,
  '002-events-and-ledger': m002,
  '003-ticketing': m003,
  '004-outbox-and-seat-counts': m004,
  '005-conversation': m005,
  '006-map': m006,
  '007-book': m007,
  '008-hardening': m008,
  '009-manual-payment': m009,
  '010-account': m010,
  '011-content-language': m011,
  '012-cache-and-limits': m012,
};

class StaticProvider implements MigrationProvider {
  constructor(private readonly dialect: Dialect) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    return Object.fromEntries(
      Object.entries(migrations).map(([name, m]) => [name, { up: (db) => m.up(db, this.dialect) }]),
    );
  }
}

export interface MigrationOutcome {
  applied: string[];
  /** True when the database had no migration applied before: a brand-new database. */
  wasEmpty: boolean;
}

/** Brings the schema up to date; safe to run from several instances (Kysely takes a lock). */
export async function migrateToLatest(database: Database): Promise<MigrationOutcome> {
  const migrator = new Migrator({ db: database.db, provider: new StaticProvider(database.dialect) });
  const before = await migrator.getMigrations();
  const wasEmpty = before.every((m) => m.executedAt === undefined);
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return { applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName), wasEmpty };
}
