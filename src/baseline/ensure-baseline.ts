/**
 * Fills what every programme needs on a new database — the five themes and the about page —
 * without touching anything an editor has already written. Run at every start (server.ts, the CLI)
 * and by the test databases; it is part of the composition root, like app.ts, and uses the
 * modules only through their public faces.
 */
import type { Db } from '../db/database.ts';
import { getPage, savePage } from '../modules/pages/index.ts';
import { listThemes, saveTheme } from '../modules/publishing/index.ts';
import { inTransaction } from '../shared/command.ts';
import { BASELINE_ABOUT, BASELINE_THEMES } from './content.ts';

export async function ensureBaseline(db: Db, now: Date): Promise<void> {
  await inTransaction({ db, actor: null, now }, async (tx) => {
    if ((await listThemes(tx.db)).length === 0) {
      for (const [i, theme] of BASELINE_THEMES.entries()) await saveTheme(tx, { id: null, ...theme, position: (i + 1) * 10 });
    }
    if (!(await getPage(tx.db, 'about'))) {
      await savePage(tx, {
        slug: 'about',
        title_fr: BASELINE_ABOUT.fr.title,
        body_md_fr: BASELINE_ABOUT.fr.bodyMarkdown,
        title_en: BASELINE_ABOUT.en.title,
        body_md_en: BASELINE_ABOUT.en.bodyMarkdown,
      });
    }
  });
}
