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
