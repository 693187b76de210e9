/**
 * A subquery's rows as one JSON array column, so a page's main row comes with its lists (a piece
 * with its credits and themes) in one statement: `json_agg` on PostgreSQL, `json_group_array` on
 * SQLite (Kysely's helpers for each). SQLite hands the array back as text: `parseJsonArray` reads
 * either form.
 */
import type { RawBuilder, SelectQueryBuilder, Simplify } from 'kysely';
import { jsonArrayFrom as postgresJsonArray } from 'kysely/helpers/postgres';
import { jsonArrayFrom as sqliteJsonArray } from 'kysely/helpers/sqlite';
import type { Dialect } from './database.ts';

/** `subquery` may read any tables: only its selection's shape matters here. */
export function jsonArrayFrom<O>(dialect: Dialect, subquery: SelectQueryBuilder<any, any, O>): RawBuilder<Simplify<O>[]> {
  return (dialect === 'postgres' ? postgresJsonArray(subquery) : sqliteJsonArray(subquery)) as RawBuilder<Simplify<O>[]>;
}

/** The array a `jsonArrayFrom` column holds, parsed when the driver returned text. */
export function parseJsonArray<T>(value: T[] | string | null | undefined): T[] {
  if (value === null || value === undefined) return [];
  return typeof value === 'string' ? (JSON.parse(value) as T[]) : value;
}
