import type { Db } from '../../db/database.ts';
import { savePage } from '../pages/index.ts';
import { demoAbout } from './demo-content.ts';

/** The five themes every programme starts with; editors rename or add to them later. */
export const BASELINE_THEMES = [
  {
    slug: 'open-data',
    name_fr: 'Données ouvertes',
    name_en: 'Open data',
    description_fr: 'Publier, relier et réutiliser les données : qui paie, qui gagne ?',
    description_en: 'Publishing, linking and reusing data: who pays, who gains?',
  },
  {
    slug: 'open-hardware',
    name_fr: 'Fabrication et matériel ouverts',
    name_en: 'Open manufacturing & hardware',
    description_fr: 'Plans libres, fablabs et objets réparables : vendre ce que tout le monde peut copier.',
    description_en: 'Open designs, fablabs and repairable things: selling what anyone may copy.',
  },
  {
    slug: 'free-software',
    name_fr: 'Logiciel libre et open source',
    name_en: 'Free software & open source',
    description_fr: 'Services, mécénat, double licence, fondations : les économies du code partagé.',
    description_en: 'Services, sponsorship, dual licensing, foundations: the economies of shared code.',
  },
  {
    slug: 'open-science',
    name_fr: 'Science ouverte',
    name_en: 'Open science',
    description_fr: 'Publications, données et protocoles ouverts : financer la recherche qui partage.',
    description_en: 'Open publications, data and protocols: funding research that shares.',
  },
  {
    slug: 'art-culture',
    name_fr: 'Art et culture libres',
    name_en: 'Art & culture',
    description_fr: 'Œuvres sous licence libre, communs culturels : vivre de ce que l’on donne.',
    description_en: 'Freely licensed works and cultural commons: living from what you give away.',
  },
] as const;

/**
 * Fills what every programme needs on a new database — the five themes and the about page —
 * without touching anything an editor has already written.
 */
export async function ensureBaseline(db: Db, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const anyTheme = await trx.selectFrom('themes').select('id').limit(1).executeTakeFirst();
    if (!anyTheme) {
      await trx
        .insertInto('themes')
        .values(BASELINE_THEMES.map((t, i) => ({ ...t, position: (i + 1) * 10 })))
        .execute();
    }
    const about = await trx.selectFrom('pages').select('slug').where('slug', '=', 'about').executeTakeFirst();
    if (!about) {
      await savePage(
        { db: trx, actor: null, now },
        { slug: 'about', title_fr: demoAbout.fr.title, body_md_fr: demoAbout.fr.bodyMarkdown, title_en: demoAbout.en.title, body_md_en: demoAbout.en.bodyMarkdown },
      );
    }
  });
}
