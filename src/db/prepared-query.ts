/**
 * A hot read built and compiled by Kysely once per dialect, then executed with new parameters:
 * building a query (immutable nodes, one copy per method call) and compiling it cost more than
 * SQLite takes to answer it. `build` receives placeholders for the named parameters and must use
 * them as values only (never to decide the query's shape); the compiled SQL keeps its parameter
 * positions, and each request fills them in.
 */
import { CompiledQuery, type Compilable } from 'kysely';
import { dialectOf, type Dialect, type Executor } from './database.ts';

const PLACEHOLDER = '\u0000param:';

interface Prepared {
  sql: string;
  /** Per parameter position: the name of a request parameter, or a constant of the query. */
  slots: ({ name: string } | { value: unknown })[];
}

export function preparedQuery<P extends Record<string, unknown>, R>(names: readonly (keyof P & string)[], build: (db: Executor, params: P, dialect: Dialect) => Compilable<R>) {
  const compiled = new Map<Dialect, Prepared>();
  const prepare = (db: Executor, dialect: Dialect): Prepared => {
    const placeholders = Object.fromEntries(names.map((name) => [name, `${PLACEHOLDER}${name}`])) as unknown as P;
    const query = build(db, placeholders, dialect).compile();
    const slots = query.parameters.map((value) => (typeof value === 'string' && value.startsWith(PLACEHOLDER) ? { name: value.slice(PLACEHOLDER.length) } : { value }));
    const prepared = { sql: query.sql, slots };
    compiled.set(dialect, prepared);
    return prepared;
  };
  return async (db: Executor, params: P): Promise<R[]> => {
    const dialect = dialectOf(db);
    const { sql, slots } = compiled.get(dialect) ?? prepare(db, dialect);
    const parameters = slots.map((slot) => ('name' in slot ? params[slot.name] : slot.value));
    const result = await db.executeQuery<R>(CompiledQuery.raw(sql, parameters));
    return result.rows;
  };
}
