/**
 * "Contains this text, whatever the case": the desks' filters. `lower(…) LIKE … ESCAPE '\'` reads
 * the same on SQLite and PostgreSQL; the typed text's own `%`, `_` and `\` are escaped so they
 * match themselves. (SQLite's lower() folds ASCII only: "élodie" does not find "Élodie" there.)
 */
import { sql, type RawBuilder } from 'kysely';

export function containsText(column: string, text: string): RawBuilder<boolean> {
  const pattern = `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql<boolean>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`;
}
