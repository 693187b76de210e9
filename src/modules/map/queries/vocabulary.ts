/** The map's vocabularies: business models (editable), themes (publishing's), case-study candidates. */
import type { Executor } from '../../../db/database.ts';
import { listPublishedRefs, listThemes } from '../../publishing/index.ts';

export interface BusinessModel {
  id: number;
  slug: string;
  name_fr: string;
  name_en: string;
  position: number;
}

export async function listBusinessModels(db: Executor): Promise<BusinessModel[]> {
  return db.selectFrom('map_business_models').select(['id', 'slug', 'name_fr', 'name_en', 'position']).orderBy('position').orderBy('id').execute();
}

export async function getBusinessModelBySlug(db: Executor, slug: string): Promise<BusinessModel | undefined> {
  return db.selectFrom('map_business_models').select(['id', 'slug', 'name_fr', 'name_en', 'position']).where('slug', '=', slug).executeTakeFirst();
}

export async function countModelUses(db: Executor, modelId: number): Promise<number> {
  const row = await db.selectFrom('map_organisation_models').select((eb) => eb.fn.countAll<number>().as('n')).where('model_id', '=', modelId).executeTakeFirstOrThrow();
  return Number(row.n);
}

export type ThemeOption = Awaited<ReturnType<typeof listThemes>>[number];

/** Themes, business models and published pieces (case-study candidates), for forms and imports. */
export async function loadVocabulary(db: Executor, now: Date) {
  const [themes, models, pieces] = await Promise.all([listThemes(db), listBusinessModels(db), listPublishedRefs(db, now)]);
  return { themes, models, pieces };
}
export type Vocabulary = Awaited<ReturnType<typeof loadVocabulary>>;
