/**
 * Where a piece of text (an address being erased) still appears anywhere in the database: every
 * text column of every table, case-insensitively. Independent of the application's own queries,
 * so a table a module forgot cannot hide.
 */
import { sql, type Kysely } from 'kysely';

const TEXT_TYPES = /^(text|varchar|character varying|character|char|json|jsonb|clob|)$/i;

export async function findText(db: Kysely<any>, text: string): Promise<{ table: string; column: string; rows: number }[]> {
  const needle = `%${text.toLowerCase()}%`;
  const found: { table: string; column: string; rows: number }[] = [];
  for (const table of await db.introspection.getTables()) {
    if (table.name.startsWith('kysely_')) continue;
    for (const column of table.columns) {
      if (!TEXT_TYPES.test(column.dataType.trim())) continue;
      const { rows } = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table.name)} where lower(cast(${sql.ref(column.name)} as text)) like ${needle}`.execute(db);
      const n = Number(rows[0]?.n ?? 0);
      if (n > 0) found.push({ table: table.name, column: column.name, rows: n });
    }
  }
  return found;
}
