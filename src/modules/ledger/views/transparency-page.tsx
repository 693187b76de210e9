import { formatDate } from '../../../shared/i18n/index.ts';
import { formatCents } from '../../../shared/money.ts';
import { GroupedBarChart, HorizontalBarChart, SplitBar } from '../../../shared/views/charts/index.ts';
import { Pager } from '../../../shared/views/pager.tsx';
import type { ViewContext } from '../../../shared/views/context.ts';
import { Layout } from '../../../shared/views/layout.tsx';
import { royaltiesAccount } from '../domain/accounts.ts';
import { AFTER_CLOSING_CAUSE, EVENT_CLOSURE_CAUSE } from '../domain/causes.ts';
import type { LedgerCheck } from '../queries/balances.ts';
import type { RoyaltyRow } from '../queries/royalties.ts';
import type { TransparencyData } from '../queries/transparency.ts';
import { chartColour, fundColour } from './chart-colours.ts';
import { accountLabel, closureSummary, transactionsHref } from './labels.ts';
import { Money } from './money.tsx';
import { RoyaltiesTable } from './royalties-table.tsx';

/** Totals per account, each linked to its transactions. */
function AccountTotals({ ctx, caption, rows }: { ctx: ViewContext; caption: string; rows: { account: string; total: number }[] }) {
  return (
    <table class="data-table">
      <caption>{caption}</caption>
      <tbody>
        {rows.map((r) => (
          <tr>
            <th scope="row">{accountLabel(ctx.t, r.account)}</th>
            <td>
              <Money ctx={ctx} cents={r.total} href={transactionsHref({ account: r.account })} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * The public check at the top of the page: the books balance, and no closed evening took money of
 * its own after closing (each one that did is named, linked to its transactions).
 */
function LedgerCheckLine({ ctx, check, titleOf }: { ctx: ViewContext; check: LedgerCheck; titleOf: (eventId: number) => string }) {
  const { t } = ctx;
  const sound = check.total === 0 && check.driftedEvents.length === 0;
  return (
    <>
      <p class="ledger-check" role="status">
        {sound ? t('transparency.balanced', { n: check.lines }) : t('transparency.unbalanced')}{' '}
        <a href="/transparency/transactions">{t('transparency.allTransactions')}</a> ·{' '}
        <a href="/transparency/export.csv">CSV</a> · <a href="/transparency/export.json">JSON</a>
      </p>
      {check.driftedEvents.length ? (
        <p class="notice closed-drift">
          {t('transparency.closedDrift', { n: check.driftedEvents.length })}{' '}
          {check.driftedEvents.map((id, i) => (
            <>
              {i > 0 ? ', ' : ''}
              <a href={transactionsHref({ event: id })}>{titleOf(id)}</a>
            </>
          ))}
        </p>
      ) : null}
    </>
  );
}

/** Money that reached a closed evening afterwards went to the general fund: said beside the evening. */
function AfterClosing({ ctx, amount }: { ctx: ViewContext; amount: number | undefined }) {
  if (amount === undefined) return null;
  return (
    <p class="after-closing">
      <a href={transactionsHref({ cause: AFTER_CLOSING_CAUSE })}>{ctx.t('ledger.afterClosing', { amount: formatCents(amount, ctx.lang) })}</a>
    </p>
  );
}

/** Evenings per page of the transparency page, newest first: the page stays small however long the programme runs. */
export const EVENINGS_PER_PAGE = 6;

export function TransparencyPage({ ctx, data, eveningsPage = 1 }: { ctx: ViewContext; data: TransparencyData; eveningsPage?: number }) {
  const { t, lang } = ctx;
  const money = (cents: number) => formatCents(cents, lang);
  const percent = (ratio: number) => new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { style: 'percent', maximumFractionDigits: 1 }).format(ratio);
  const closed = data.events.filter((e) => e.closure);
  const toVisuals = closed.reduce((s, e) => s + (e.closure?.toVisuals ?? 0), 0);
  const toBook = closed.reduce((s, e) => s + (e.closure?.toBookEditing ?? 0), 0);
  const counterpartOf = (eventId: number) => data.counterparts.find((c) => c.eventId === eventId);
  // One page of evenings, newest first; the totals row above them counts them all.
  const newestFirst = [...data.events].sort((a, b) => b.startsAt.localeCompare(a.startsAt));
  const pages = Math.max(1, Math.ceil(newestFirst.length / EVENINGS_PER_PAGE));
  const pageNo = Math.min(eveningsPage, pages);
  const shown = newestFirst.slice((pageNo - 1) * EVENINGS_PER_PAGE, pageNo * EVENINGS_PER_PAGE);
  const allIncome = data.events.reduce((s, e) => s + e.income, 0);
  const allLogistics = data.events.reduce((s, e) => s + e.logistics, 0);
  // The chart reads left to right in time, and only shows evenings that have money to show.
  const charted = shown.filter((e) => e.income !== 0 || e.logistics !== 0).sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  return (
    <Layout ctx={ctx} meta={{ title: t('transparency.title'), description: t('transparency.intro'), canonicalPath: '/transparency' }}>
      <h1>{t('transparency.title')}</h1>
      <p class="lede">{t('transparency.intro')}</p>
      <LedgerCheckLine ctx={ctx} check={data.ledgerCheck} titleOf={(id) => data.events.find((e) => e.eventId === id)?.title ?? `#${id}`} />

      <section aria-labelledby="funds-heading" class="money-section">
        <h2 id="funds-heading">{t('transparency.funds')}</h2>
        <p>{t('transparency.fundsIntro')}</p>
        <HorizontalBarChart
          id="funds"
          title={t('transparency.funds')}
          description={t('transparency.fundsChart')}
          items={data.funds.map((f) => ({ key: f.account, label: accountLabel(t, f.account), cents: f.available, href: transactionsHref({ account: f.account }), className: fundColour(f.account) }))}
          formatMoney={money}
          tableCaption={t('transparency.funds')}
          labelHeader={t('transparency.fund')}
          valueHeader={t('transparency.available')}
        />
        <table class="data-table">
          <caption>{t('transparency.fundsDetail')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('transparency.fund')}</th>
              <th scope="col">{t('transparency.allocated')}</th>
              <th scope="col">{t('transparency.spent')}</th>
              <th scope="col">{t('transparency.available')}</th>
            </tr>
          </thead>
          <tbody>
            {data.funds.map((f) => (
              <tr>
                <th scope="row">{accountLabel(t, f.account)}</th>
                <td>
                  <Money ctx={ctx} cents={f.allocated} href={transactionsHref({ account: f.account })} />
                </td>
                <td>{f.spent ? <Money ctx={ctx} cents={f.spent} href={transactionsHref({ account: f.account.replace('funds:', 'expenses:') })} /> : money(0)}</td>
                <td>{money(f.available)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="events-heading" class="money-section">
        <h2 id="events-heading">{t('transparency.events')}</h2>
        <p>{t('transparency.eventsIntro')}</p>
        <GroupedBarChart
          id="events"
          title={t('transparency.events')}
          description={t('transparency.eventsChart')}
          categories={charted.map((e) => ({ key: String(e.eventId), label: e.title, href: transactionsHref({ event: e.eventId }) }))}
          series={[
            { key: 'income', label: t('transparency.income'), className: chartColour('income') },
            { key: 'logistics', label: t('transparency.logistics'), className: chartColour('logistics') },
          ]}
          values={Object.fromEntries(
            charted.map((e) => [
              String(e.eventId),
              {
                income: { cents: e.income, href: transactionsHref({ account: 'income:tickets', event: e.eventId }) },
                logistics: { cents: e.logistics, href: transactionsHref({ account: 'expenses:event_logistics', event: e.eventId }) },
              },
            ]),
          )}
          formatMoney={money}
          tableCaption={t('transparency.events')}
          categoryHeader={t('transparency.event')}
          emptyText={t('transparency.noEvents')}
        />
        {data.events.length ? (
          <table class="data-table">
            <caption>{t('transparency.eventsDetail')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('transparency.event')}</th>
                <th scope="col">{t('transparency.income')}</th>
                <th scope="col">{t('transparency.logistics')}</th>
                <th scope="col">{t('transparency.result')}</th>
                <th scope="col">{t('transparency.allocation')}</th>
                <th scope="col">{t('transparency.freeTickets')}</th>
              </tr>
            </thead>
            <tbody>
              <tr class="totals-row">
                <th scope="row">{t('transparency.eveningsTotal', { n: data.events.length })}</th>
                <td>{money(allIncome)}</td>
                <td>{money(allLogistics)}</td>
                <td>{money(allIncome - allLogistics)}</td>
                <td>{closed.length ? t('transparency.surplusSplit', { visuals: money(toVisuals), book: money(toBook) }) : null}</td>
                <td>{data.counterparts.reduce((s, c) => s + c.freeContributorTickets, 0)}</td>
              </tr>
              {shown.map((e) => (
                <tr>
                  <th scope="row">
                    <a href={`/events/${e.slug}`}>{e.title}</a>
                    <span class="muted"> · {formatDate(e.startsAt, lang)}</span>
                  </th>
                  <td>
                    <Money ctx={ctx} cents={e.income} href={transactionsHref({ account: 'income:tickets', event: e.eventId })} />
                  </td>
                  <td>
                    <Money ctx={ctx} cents={e.logistics} href={transactionsHref({ account: 'expenses:event_logistics', event: e.eventId })} />
                  </td>
                  <td>{money(e.income - e.logistics)}</td>
                  <td>
                    {e.closure ? (
                      <a href={transactionsHref({ event: e.eventId, cause: EVENT_CLOSURE_CAUSE })}>
                        {closureSummary(t, money, e.closure)}
                      </a>
                    ) : (
                      <span class="muted">{t('transparency.open')}</span>
                    )}
                    <AfterClosing ctx={ctx} amount={data.afterClosing.get(e.eventId)} />
                  </td>
                  <td>{counterpartOf(e.eventId)?.freeContributorTickets ?? 0}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        <Pager ctx={ctx} page={{ page: pageNo, hasPrevious: pageNo > 1, hasNext: pageNo < pages }} path="/transparency" />
        {data.afterClosing.size ? <p class="hint">{t('ledger.afterClosingHint')}</p> : null}
      </section>

      <section aria-labelledby="allocation-heading" class="money-section">
        <h2 id="allocation-heading">{t('transparency.allocationHistory')}</h2>
        <p>{t('transparency.allocationIntro')}</p>
        <SplitBar
          id="allocation"
          title={t('transparency.allocationHistory')}
          description={t('transparency.allocationChart')}
          total={toVisuals + toBook}
          parts={[
            { key: 'visuals', label: accountLabel(t, 'funds:visuals'), cents: toVisuals, href: transactionsHref({ account: 'funds:visuals', cause: EVENT_CLOSURE_CAUSE }), className: fundColour('funds:visuals') },
            { key: 'book', label: accountLabel(t, 'funds:book_editing'), cents: toBook, href: transactionsHref({ account: 'funds:book_editing', cause: EVENT_CLOSURE_CAUSE }), className: fundColour('funds:book_editing') },
          ]}
          formatMoney={money}
          formatPercent={percent}
          tableCaption={t('transparency.allocationHistory')}
          emptyText={t('transparency.noAllocation')}
        />
      </section>

      <section aria-labelledby="flows-heading" class="money-section">
        <h2 id="flows-heading">{t('transparency.flows')}</h2>
        <div class="two-columns">
          <AccountTotals ctx={ctx} caption={t('transparency.incomeByCategory')} rows={data.income} />
          <AccountTotals ctx={ctx} caption={t('transparency.expensesByCategory')} rows={data.expensesByCategory} />
        </div>
      </section>

      <section aria-labelledby="book-heading" class="money-section">
        <h2 id="book-heading">{t('transparency.book')}</h2>
        <p>{t('transparency.bookIntro')}</p>
        {data.book.length === 0 ? (
          <p class="empty">{t('transparency.noSales')}</p>
        ) : (
          <table class="data-table">
            <caption>{t('transparency.bookSales')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('transparency.bookTitle')}</th>
                <th scope="col">{t('transparency.copies')}</th>
                <th scope="col">{t('transparency.gross')}</th>
                <th scope="col">{t('transparency.manufacturing')}</th>
                <th scope="col">{t('transparency.fees')}</th>
                <th scope="col">{t('transparency.net')}</th>
              </tr>
            </thead>
            <tbody>
              {data.book.map((b) => (
                <tr>
                  <th scope="row">{b.title}</th>
                  <td>{b.copies}</td>
                  <td>
                    <Money ctx={ctx} cents={b.gross} href={transactionsHref({ cause: 'book_sale' })} />
                  </td>
                  <td>{money(b.manufacturing)}</td>
                  <td>{money(b.fees)}</td>
                  <td>{money(b.net)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {data.royalties.length ? (
          <>
            <HorizontalBarChart
              id="royalties"
              title={t('transparency.royalties')}
              description={t('transparency.royaltiesChart')}
              items={data.royalties.slice(0, ROYALTIES_SHOWN).map((r) => ({
                key: String(r.contributorId),
                label: r.publicName ? r.name : t('transparency.aContributor'),
                cents: r.credited,
                href: transactionsHref({ account: royaltiesAccount(r.contributorId) }),
                className: chartColour('royalties'),
              }))}
              formatMoney={money}
              tableCaption={t('transparency.royalties')}
            />
            <RoyaltiesTable ctx={ctx} rows={data.royalties.slice(0, ROYALTIES_SHOWN)} audience="public" />
            {data.royalties.length > ROYALTIES_SHOWN ? (
              <p>
                <a href="/transparency/royalties">{t('transparency.allRoyalties', { n: data.royalties.length })}</a>
              </p>
            ) : null}
          </>
        ) : null}
      </section>
    </Layout>
  );
}

/** Beyond this many contributors the page links to the full list instead of drawing every bar. */
export const ROYALTIES_SHOWN = 15;

export function RoyaltiesPage({ ctx, rows }: { ctx: ViewContext; rows: RoyaltyRow[] }) {
  return (
    <Layout ctx={ctx} meta={{ title: ctx.t('transparency.royalties'), canonicalPath: '/transparency/royalties' }}>
      <p>
        <a href="/transparency">← {ctx.t('transparency.title')}</a>
      </p>
      <h1>{ctx.t('transparency.royalties')}</h1>
      <RoyaltiesTable ctx={ctx} rows={rows} audience="public" />
    </Layout>
  );
}
