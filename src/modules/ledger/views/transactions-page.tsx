import { formatDate } from '../../../shared/i18n/index.ts';
import type { ViewContext } from '../../../shared/views/context.ts';
import { Layout } from '../../../shared/views/layout.tsx';
import { formatCents } from '../../../shared/money.ts';
import type { Translate } from '../../../shared/i18n/index.ts';
import type { ExportTransaction } from '../exports/types.ts';
import type { TransactionFilter } from '../queries/transactions.ts';
import { accountLabel, causeLabel, transactionLabel } from './labels.ts';

/** What the list shows: the transactions matching a filter, or one transaction. */
export type TransactionsScope = { filter: Omit<TransactionFilter, 'limit' | 'offset'> } | { transactionId: number };

/** The filter as people read it ("Billetterie · Soirée du 12 mai · Clôtures de soirées"), or null for everything. */
function scopeLabel(t: Translate, scope: TransactionsScope, eventTitles: Map<number, string>): string | null {
  if ('transactionId' in scope) return t('transactions.single', { id: scope.transactionId });
  const { account, accountPrefix, eventId, causeType } = scope.filter;
  const labels = [
    account ? accountLabel(t, account) : null,
    accountPrefix ? accountLabel(t, `${accountPrefix}1`).replace(/\s*(n°|#|no\.)\s*1$/, '') : null,
    eventId ? (eventTitles.get(eventId) ?? `#${eventId}`) : null,
    causeType ? causeLabel(t, causeType) : null,
  ].filter((l): l is string => l !== null);
  return labels.length ? labels.join(' · ') : null;
}

export function TransactionsPage({
  ctx,
  transactions,
  scope,
  query,
  page,
  pages,
  eventTitles,
}: {
  ctx: ViewContext;
  transactions: ExportTransaction[];
  scope: TransactionsScope;
  query: string;
  page: number;
  pages: number;
  eventTitles: Map<number, string>;
}) {
  const { t, lang } = ctx;
  const filterLabel = scopeLabel(t, scope, eventTitles);
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
                        {transactionLabel(t, tx)}
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
