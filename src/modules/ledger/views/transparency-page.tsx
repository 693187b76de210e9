import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { formatDate, translator, type Lang } from '../../../shared/i18n/index.ts';
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

/** The page of evenings shown for the one asked: past the last page, the last page. */
export function eveningsPageOf(data: TransparencyData, requested = 1): number {
  return Math.min(requested, Math.max(1, Math.ceil(data.events.length / EVENINGS_PER_PAGE)));
}

/**
 * The sections of the page that are functions of the figures and the language alone (the charts,
 * the tables of funds, flows, book sales and royalties), each drawn to HTML: the route draws them
 * once per version of the ledger and language, and every visitor's page embeds them.
 */
export interface TransparencyFigures {
  funds: string;
  allocation: string;
  flows: string;
  book: string;
}

/**
 * What a section drawn for every visitor may know: the language. Anything about the request
 * (who asks, the path, the CSRF token) throws, so that no visitor's page leaks into another's.
 */
function figuresContext(lang: Lang): ViewContext {
  const nobody = (what: string): never => {
    throw new Error(`the transparency figures are drawn for every visitor: no ${what}`);
  };
  return {
    lang,
    t: translator(lang),
    get path() {
      return nobody('path');
    },
    get alternates() {
      return nobody('alternates');
    },
    get href() {
      return nobody('href');
    },
    get baseUrl() {
      return nobody('baseUrl');
    },
    get user() {
      return nobody('user');
    },
    get csrfToken() {
      return nobody('csrfToken');
    },
    get assets() {
      return nobody('assets');
    },
    get maxUploadMb() {
      return nobody('maxUploadMb');
    },
    get flash() {
      return nobody('flash');
    },
  };
}

/**
 * Draws a section to HTML, stored as one flat string: the renderer's output is a chain of
 * thousands of joined pieces, which every page embedding it would otherwise walk again when sent.
 */
function drawOnce(section: VNode): string {
  return Buffer.from(renderToString(section)).toString();
}

/** Draws the sections that depend on the figures and the language alone. */
export function renderTransparencyFigures(lang: Lang, data: TransparencyData): TransparencyFigures {
  const ctx = figuresContext(lang);
  return {
    funds: drawOnce(<FundsSection ctx={ctx} data={data} />),
    allocation: drawOnce(<AllocationSection ctx={ctx} data={data} />),
    flows: drawOnce(<FlowsSection ctx={ctx} data={data} />),
    book: drawOnce(<BookSection ctx={ctx} data={data} />),
  };
}

/** Draws the evenings' section for one page of evenings (`eveningsPageOf`). */
export function renderTransparencyEvenings(lang: Lang, data: TransparencyData, page: number): string {
  return drawOnce(<EveningsSection ctx={figuresContext(lang)} data={data} pageNo={page} />);
}

const moneyIn = (lang: Lang) => (cents: number) => formatCents(cents, lang);

/** What the closed evenings' surpluses gave to each fund. */
function closedTotals(data: TransparencyData) {
  const closed = data.events.filter((e) => e.closure);
  return {
    closed,
    toVisuals: closed.reduce((s, e) => s + (e.closure?.toVisuals ?? 0), 0),
    toBook: closed.reduce((s, e) => s + (e.closure?.toBookEditing ?? 0), 0),
  };
}

/**
 * The whole page. `figures` and `evenings`, when given, are the sections already drawn
 * (`renderTransparencyFigures`, `renderTransparencyEvenings` for this page of evenings) for this
 * data and language; otherwise they are drawn here.
 */
export function TransparencyPage({
  ctx,
  data,
  eveningsPage = 1,
  figures,
  evenings,
}: {
  ctx: ViewContext;
  data: TransparencyData;
  eveningsPage?: number;
  figures?: TransparencyFigures;
  evenings?: string;
}) {
  const { t, lang } = ctx;
  const drawn = figures ?? renderTransparencyFigures(lang, data);
  const eveningsHtml = evenings ?? renderTransparencyEvenings(lang, data, eveningsPageOf(data, eveningsPage));
  return (
    <Layout ctx={ctx} meta={{ title: t('transparency.title'), description: t('transparency.intro'), canonicalPath: '/transparency' }}>
      <h1>{t('transparency.title')}</h1>
      <p class="lede">{t('transparency.intro')}</p>
      <LedgerCheckLine ctx={ctx} check={data.ledgerCheck} titleOf={(id) => data.events.find((e) => e.eventId === id)?.title ?? `#${id}`} />
      {/* Our own renderer's HTML, escaped when it was drawn. */}
      <section aria-labelledby="funds-heading" class="money-section" dangerouslySetInnerHTML={{ __html: drawn.funds }} />
      <section aria-labelledby="events-heading" class="money-section" dangerouslySetInnerHTML={{ __html: eveningsHtml }} />
      <section aria-labelledby="allocation-heading" class="money-section" dangerouslySetInnerHTML={{ __html: drawn.allocation }} />
      <section aria-labelledby="flows-heading" class="money-section" dangerouslySetInnerHTML={{ __html: drawn.flows }} />
      <section aria-labelledby="book-heading" class="money-section" dangerouslySetInnerHTML={{ __html: drawn.book }} />
    </Layout>
  );
}

function FundsSection({ ctx, data }: { ctx: ViewContext; data: TransparencyData }) {
  const { t } = ctx;
  const money = moneyIn(ctx.lang);
  return (
    <>
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
    </>
  );
}

function EveningsSection({ ctx, data, pageNo }: { ctx: ViewContext; data: TransparencyData; pageNo: number }) {
  const { t, lang } = ctx;
  const money = moneyIn(lang);
  const { closed, toVisuals, toBook } = closedTotals(data);
  const counterpartOf = (eventId: number) => data.counterparts.find((c) => c.eventId === eventId);
  // One page of evenings, newest first; the totals row above them counts them all.
  const newestFirst = [...data.events].sort((a, b) => b.startsAt.localeCompare(a.startsAt));
  const pages = Math.max(1, Math.ceil(newestFirst.length / EVENINGS_PER_PAGE));
  const shown = newestFirst.slice((pageNo - 1) * EVENINGS_PER_PAGE, pageNo * EVENINGS_PER_PAGE);
  const allIncome = data.events.reduce((s, e) => s + e.income, 0);
  const allLogistics = data.events.reduce((s, e) => s + e.logistics, 0);
  // The chart reads left to right in time, and only shows evenings that have money to show.
  const charted = shown.filter((e) => e.income !== 0 || e.logistics !== 0).sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  return (
    <>
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
    </>
  );
}

function AllocationSection({ ctx, data }: { ctx: ViewContext; data: TransparencyData }) {
  const { t, lang } = ctx;
  const money = moneyIn(lang);
  const percent = (ratio: number) => new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { style: 'percent', maximumFractionDigits: 1 }).format(ratio);
  const { toVisuals, toBook } = closedTotals(data);
  return (
    <>
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
    </>
  );
}

function FlowsSection({ ctx, data }: { ctx: ViewContext; data: TransparencyData }) {
  const { t } = ctx;
  return (
    <>
      <h2 id="flows-heading">{t('transparency.flows')}</h2>
      <div class="two-columns">
        <AccountTotals ctx={ctx} caption={t('transparency.incomeByCategory')} rows={data.income} />
        <AccountTotals ctx={ctx} caption={t('transparency.expensesByCategory')} rows={data.expensesByCategory} />
      </div>
    </>
  );
}

function BookSection({ ctx, data }: { ctx: ViewContext; data: TransparencyData }) {
  const { t } = ctx;
  const money = moneyIn(ctx.lang);
  return (
    <>
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
    </>
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
