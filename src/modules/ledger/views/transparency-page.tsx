import { formatDate } from '../../../shared/i18n/index.ts';
import type { ViewContext } from '../../../shared/views/context.ts';
import { Layout } from '../../../shared/views/layout.tsx';
import { formatCents } from '../../../shared/money.ts';
import type { EventFinancials, RoyaltyRow } from '../queries.ts';
import { GroupedBarChart, HorizontalBarChart, SplitBar } from './charts/index.ts';
import { accountLabel, transactionsHref } from './labels.ts';

export interface Counterpart {
  eventId: number;
  freeContributorTickets: number;
  attendees: number;
}

export interface TransparencyData {
  funds: { account: string; allocated: number; spent: number; available: number }[];
  events: EventFinancials[];
  expensesByCategory: { account: string; total: number }[];
  income: { account: string; total: number }[];
  royalties: RoyaltyRow[];
  book: { title: string; copies: number; gross: number; manufacturing: number; fees: number; net: number }[];
  counterparts: Counterpart[];
  ledgerCheck: { total: number; lines: number };
}

function Money({ ctx, cents, href }: { ctx: ViewContext; cents: number; href?: string }) {
  const text = formatCents(cents, ctx.lang);
  return href ? <a href={href}>{text}</a> : <>{text}</>;
}

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

export function TransparencyPage({ ctx, data }: { ctx: ViewContext; data: TransparencyData }) {
  const { t, lang } = ctx;
  const money = (cents: number) => formatCents(cents, lang);
  const percent = (ratio: number) => new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { style: 'percent', maximumFractionDigits: 1 }).format(ratio);
  const closed = data.events.filter((e) => e.closure);
  const toVisuals = closed.reduce((s, e) => s + (e.closure?.toVisuals ?? 0), 0);
  const toBook = closed.reduce((s, e) => s + (e.closure?.toBookEditing ?? 0), 0);
  const counterpartOf = (eventId: number) => data.counterparts.find((c) => c.eventId === eventId);
  // The chart reads left to right in time, and only shows evenings that have money to show.
  const charted = data.events.filter((e) => e.income !== 0 || e.logistics !== 0).sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  return (
    <Layout ctx={ctx} meta={{ title: t('transparency.title'), description: t('transparency.intro'), canonicalPath: '/transparency' }}>
      <h1>{t('transparency.title')}</h1>
      <p class="lede">{t('transparency.intro')}</p>
      <p class="ledger-check" role="status">
        {data.ledgerCheck.total === 0 ? t('transparency.balanced', { n: data.ledgerCheck.lines }) : t('transparency.unbalanced')}{' '}
        <a href="/transparency/transactions">{t('transparency.allTransactions')}</a> ·{' '}
        <a href="/transparency/export.csv">CSV</a> · <a href="/transparency/export.json">JSON</a>
      </p>

      <section aria-labelledby="funds-heading" class="money-section">
        <h2 id="funds-heading">{t('transparency.funds')}</h2>
        <p>{t('transparency.fundsIntro')}</p>
        <HorizontalBarChart
          id="funds"
          title={t('transparency.funds')}
          description={t('transparency.fundsChart')}
          items={data.funds.map((f, i) => ({ key: f.account, label: accountLabel(t, f.account), cents: f.available, href: transactionsHref({ account: f.account }), className: `chart-series-${i + 1}` }))}
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
            { key: 'income', label: t('transparency.income'), className: 'chart-series-1' },
            { key: 'logistics', label: t('transparency.logistics'), className: 'chart-series-2' },
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
              {data.events.map((e) => (
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
                      <a href={transactionsHref({ event: e.eventId, cause: 'event_closure' })}>
                        {e.closure.deficit > 0
                          ? t('transparency.deficitCovered', { amount: money(e.closure.deficit) })
                          : t('transparency.surplusSplit', { visuals: money(e.closure.toVisuals), book: money(e.closure.toBookEditing) })}
                      </a>
                    ) : (
                      <span class="muted">{t('transparency.open')}</span>
                    )}
                  </td>
                  <td>{counterpartOf(e.eventId)?.freeContributorTickets ?? 0}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
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
            { key: 'visuals', label: accountLabel(t, 'funds:visuals'), cents: toVisuals, href: transactionsHref({ account: 'funds:visuals', cause: 'event_closure' }), className: 'chart-series-1' },
            { key: 'book', label: accountLabel(t, 'funds:book_editing'), cents: toBook, href: transactionsHref({ account: 'funds:book_editing', cause: 'event_closure' }), className: 'chart-series-3' },
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
                href: transactionsHref({ account: `liabilities:royalties:${r.contributorId}` }),
                className: 'chart-series-3',
              }))}
              formatMoney={money}
              tableCaption={t('transparency.royalties')}
            />
            <RoyaltiesTable ctx={ctx} rows={data.royalties.slice(0, ROYALTIES_SHOWN)} />
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

export function RoyaltiesTable({ ctx, rows }: { ctx: ViewContext; rows: RoyaltyRow[] }) {
  const { t, lang } = ctx;
  const money = (cents: number) => formatCents(cents, lang);
  return (
    <table class="data-table">
      <caption>{t('transparency.royalties')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('transparency.contributor')}</th>
          <th scope="col">{t('transparency.credited')}</th>
          <th scope="col">{t('transparency.paid')}</th>
          <th scope="col">{t('transparency.owed')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr>
            <th scope="row">{r.publicName ? <a href={`/contributors/${r.slug}`}>{r.name}</a> : t('transparency.aContributor')}</th>
            <td>
              <Money ctx={ctx} cents={r.credited} href={transactionsHref({ account: `liabilities:royalties:${r.contributorId}` })} />
            </td>
            <td>{money(r.paid)}</td>
            <td>{money(r.owed)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function RoyaltiesPage({ ctx, rows }: { ctx: ViewContext; rows: RoyaltyRow[] }) {
  return (
    <Layout ctx={ctx} meta={{ title: ctx.t('transparency.royalties'), canonicalPath: '/transparency/royalties' }}>
      <p>
        <a href="/transparency">← {ctx.t('transparency.title')}</a>
      </p>
      <h1>{ctx.t('transparency.royalties')}</h1>
      <RoyaltiesTable ctx={ctx} rows={rows} />
    </Layout>
  );
}
