import type { Expression } from 'kysely';
import type { Executor } from '../../db/database.ts';

/** The keys a stored file is served under (/media/<key>): a pattern checked before any query. */
export const MEDIA_KEY = /^[A-Za-z0-9_-]{22}$/;

/** A stored file with what serving it needs: its type, bytes, hash (the ETag), whether it is a receipt, who stored it. */
export async function getMediaByKey(db: Executor, key: string) {
  return db.selectFrom('media').select(['id', 'mime', 'bytes', 'sha256', 'private', 'created_by']).where('key', '=', key).executeTakeFirst();
}

/** The keys of many files at once (for pages showing covers and photos): one query, whatever the number. */
export async function mediaKeysOf(db: Executor, ids: readonly (number | null)[]): Promise<Map<number, string>> {
  const wanted = [...new Set(ids.filter((id): id is number => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db.selectFrom('media').select(['id', 'key']).where('id', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.id, r.key]));
}

/** A stored file's key as a scalar subquery, for a read that wants it in its own row (one statement). */
export function mediaKeySubquery(db: Executor, id: Expression<number | null>) {
  return db.selectFrom('media').select('media.key').where('media.id', '=', id);
}

/** The id of a stored file from its key (a Markdown text names its images by key). */
export async function mediaIdsOfKeys(db: Executor, keys: readonly string[]): Promise<Map<string, number>> {
  const wanted = [...new Set(keys.filter((k) => MEDIA_KEY.test(k)))];
  if (wanted.length === 0) return new Map();
  const rows = await db.selectFrom('media').select(['id', 'key']).where('key', 'in', wanted).where('private', '=', 0).execute();
  return new Map(rows.map((r) => [r.key, r.id]));
}
