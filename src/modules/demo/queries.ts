import type { Executor } from '../../db/database.ts';

/** True when the database holds no account and no piece: the only state demo content may be written to. */
export async function isEmptyProgramme(db: Executor): Promise<boolean> {
  const [user, piece] = await Promise.all([db.selectFrom('users').select('id').limit(1).executeTakeFirst(), db.selectFrom('pieces').select('id').limit(1).executeTakeFirst()]);
  return !user && !piece;
}

/** Theme ids by slug, for placing demo pieces and evenings. */
export async function themeIdsBySlug(db: Executor): Promise<Map<string, number>> {
  return new Map((await db.selectFrom('themes').select(['id', 'slug']).execute()).map((t) => [t.slug, t.id]));
}

/** Which of these addresses still have an account (the demo team, told about at start). */
export async function existingAccounts(db: Executor, emails: readonly string[]): Promise<string[]> {
  if (emails.length === 0) return [];
  return (await db.selectFrom('users').select('email').where('email', 'in', [...emails]).execute()).map((u) => u.email);
}

/** The published demo pieces the demo book is composed from: the oldest of each kind. */
export async function bookPieceIds(db: Executor): Promise<number[]> {
  const rows = await db.selectFrom('pieces').select(['id', 'kind']).where('status', '=', 'published').orderBy('published_at').orderBy('id').execute();
  const firstOfKind = new Map<string, number>();
  for (const r of rows) if (!firstOfKind.has(r.kind)) firstOfKind.set(r.kind, r.id);
  return [...firstOfKind.values()];
}

/** The most recently published piece, for the demo's comment waiting for moderation. */
export async function firstPublishedPieceId(db: Executor, now: Date): Promise<number | undefined> {
  return (await db.selectFrom('pieces').select('id').where('status', '=', 'published').where('published_at', '<=', now.toISOString()).orderBy('published_at', 'desc').limit(1).executeTakeFirst())?.id;
}
