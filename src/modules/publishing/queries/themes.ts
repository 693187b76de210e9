/** Reads of the five themes (the home page, the themes pages, filters and feeds). */
import type { Executor } from '../../../db/database.ts';
import { preparedQuery } from '../../../db/prepared-query.ts';
import type { ThemeView } from '../queries.ts';

/** The themes, read on the home page and the themes page: compiled once. */
const allThemes = preparedQuery([], (db) =>
  db.selectFrom('themes').select(['id', 'slug', 'name_fr', 'name_en', 'description_fr', 'description_en', 'position']).orderBy('position').orderBy('id'),
);

export async function listThemes(db: Executor): Promise<(ThemeView & { description_fr: string; description_en: string; position: number })[]> {
  return allThemes(db, {});
}

export async function getThemeBySlug(db: Executor, slug: string) {
  return db
    .selectFrom('themes')
    .select(['id', 'slug', 'name_fr', 'name_en', 'description_fr', 'description_en'])
    .where('slug', '=', slug)
    .executeTakeFirst();
}
