import type { ViewContext } from '../../../shared/views/context.ts';
import { royaltiesAccount } from '../domain/accounts.ts';
import type { RoyaltyRow } from '../queries/royalties.ts';
import { transactionsHref } from './labels.ts';
import { Money } from './money.tsx';

/**
 * What each contributor was credited, was paid and is owed. For the public, a contributor is named
 * only if they chose so, and what they were credited links to its transactions; at the desk every
 * name is shown, with a link to the contributor's statement.
 */
export function RoyaltiesTable({ ctx, rows, audience }: { ctx: ViewContext; rows: RoyaltyRow[]; audience: 'public' | 'desk' }) {
  const { t } = ctx;
  const desk = audience === 'desk';
  return (
    <table class="data-table">
      <caption>{t('transparency.royalties')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('transparency.contributor')}</th>
          <th scope="col">{t('transparency.credited')}</th>
          <th scope="col">{t('transparency.paid')}</th>
          <th scope="col">{t('transparency.owed')}</th>
          {desk ? <th scope="col">{t('desk.statement')}</th> : null}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr>
            <th scope="row">{desk ? r.name : r.publicName ? <a href={`/contributors/${r.slug}`}>{r.name}</a> : t('transparency.aContributor')}</th>
            <td class="num">
              <Money ctx={ctx} cents={r.credited} href={desk ? undefined : transactionsHref({ account: royaltiesAccount(r.contributorId) })} />
            </td>
            <td class="num">
              <Money ctx={ctx} cents={r.paid} />
            </td>
            <td class="num">
              <Money ctx={ctx} cents={r.owed} />
            </td>
            {desk ? (
              <td>
                <a href={`/editor/ledger/royalties/${r.contributorId}`}>{t('desk.statement')}</a>
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
