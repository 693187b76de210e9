import type { ColumnDefinitionBuilder } from 'kysely';
import type { Dialect } from '../database.ts';

/** The few column types that differ between SQLite and PostgreSQL. */
export function columns(dialect: Dialect) {
  return {
    id: (col: ColumnDefinitionBuilder) =>
      dialect === 'postgres' ? col.primaryKey().generatedByDefaultAsIdentity() : col.primaryKey().autoIncrement(),
    timestamp: (dialect === 'postgres' ? 'timestamptz' : 'text') as 'text',
    blob: (dialect === 'postgres' ? 'bytea' : 'blob') as 'blob',
  };
}
