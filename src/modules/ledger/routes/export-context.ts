import type { Executor } from '../../../db/database.ts';
import { translator, type Lang } from '../../../shared/i18n/index.ts';
import type { ExportContext } from '../exports/types.ts';
import { listEventLabels } from '../queries/events.ts';
import { listRoyaltyRecipients } from '../queries/royalties.ts';
import { accountLabel } from '../views/labels.ts';

/** Names for the exports, with no personal data: contributors who chose so appear as a number. */
export async function exportContext(db: Executor, lang: Lang, currency: string): Promise<ExportContext> {
  const t = translator(lang);
  const [eventTitles, people] = await Promise.all([listEventLabels(db), listRoyaltyRecipients(db)]);
  return {
    currency,
    accountLabel: (code) => accountLabel(t, code),
    eventTitle: (id) => eventTitles.get(id),
    contributorLabel: (id) => {
      const p = people.get(id);
      return p && p.public_name ? p.name : t('ledger.contributorNumber', { id });
    },
  };
}
