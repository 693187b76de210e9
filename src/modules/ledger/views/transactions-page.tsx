import { formatDate } from '../../../shared/i18n/index.ts';
import type { ViewContext } from '../../../shared/views/context.ts';
import { Layout } from '../../../shared/views/layout.tsx';
import { formatCents } from '../../../shared/money.ts';
import type { ExportTransaction } from '../exports/types.ts';
import { accountLabel } from './labels.ts';

export function TransactionsPage({
  ctx,
  transactions,
  filterLabel,
  query,
  page,
  pages,
  eventTitles,
}: {
  ctx: ViewContext;
  transactions: ExportTransaction[];
  filterLabel: string | null;
  query: string;
  page: number;
  pages: number;
  eventTitles: Map<number, string>;
}) {
  const { t, lang } = ctx;
  const withPage = (n: number) => `/transparency/transactions?${new URLSearchParams([...new URLSearchParams(query), ['page', String(n)]]).toString()}`;
  return (
    <Layout ctx={ctx} meta={{ title: t('transactions.title'), canonicalPath: '/transparency/transactions', noindex: query !== '' }}>
      <p>
        <a href="/transparency">← {t('transparency.title')}</a>
      </p>
      <h1>{t('transactions.title')}</h1>
      {filterLabel ? <p class="lede">{t('transactions.filtered', { filter: filterLabel })}</p> : <p class="lede">{t('transactions.intro')}</p>}
      <p>
        {t('transactions.download')} <a href={`/transparency/export.csv${query ? `?${query}` : ''}`}>CSV</a> ·{' '}
        <a href={`/transparency/export.json${query ? `?${query}` : ''}`}>JSON</a>
      </p>
      {transactions.length === 0 ? (
        <p class="empty">{t('transactions.none')}</p>
      ) : (
        <table class="data-table ledger-table">
          <caption>{t('transactions.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('transactions.number')}</th>
              <th scope="col">{t('transactions.date')}</th>
              <th scope="col">{t('transactions.description')}</th>
              <th scope="col">{t('transactions.account')}</th>
              <th scope="col">{t('transactions.debit')}</th>
              <th scope="col">{t('transactions.credit')}</th>
            </tr>
          </thead>
          {transactions.map((tx) => (
            <tbody id={`tx-${tx.id}`} class="ledger-tx">
              {tx.lines.map((line, i) => (
                <tr>
                  {i === 0 ? (
                    <>
                      <th scope="rowgroup" rowSpan={tx.lines.length}>
                        <a href={`#tx-${tx.id}`}>{tx.id}</a>
                      </th>
                      <td rowSpan={tx.lines.length}>{formatDate(tx.occurredAt, lang)}</td>
                      <td rowSpan={tx.lines.length}>
                        {tx.description}
                        {tx.reversesId ? (
                          <>
                            {' '}
                            <span class="badge">{t('transactions.reverses', { id: tx.reversesId })}</span>
                          </>
                        ) : null}
                      </td>
                    </>
                  ) : null}
                  <td>
                    {accountLabel(t, line.account)}
                    {line.eventId ? <span class="muted"> · {eventTitles.get(line.eventId) ?? `#${line.eventId}`}</span> : null}
                  </td>
                  <td class="num">{line.amount > 0 ? formatCents(line.amount, lang) : ''}</td>
                  <td class="num">{line.amount < 0 ? formatCents(-line.amount, lang) : ''}</td>
                </tr>
              ))}
            </tbody>
          ))}
        </table>
      )}
      {pages > 1 ? (
        <nav class="pagination" aria-label={t('common.pagination')}>
          {page > 1 ? <a href={withPage(page - 1)}>← {t('common.previous')}</a> : null}
          <span>{t('common.pageOf', { page, pages })}</span>
          {page < pages ? <a href={withPage(page + 1)}>{t('common.next')} →</a> : null}
        </nav>
      ) : null}
    </Layout>
  );
}
