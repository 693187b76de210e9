import { formatDateTime } from '../../../shared/i18n/index.ts';
import { formatCents } from '../../../shared/money.ts';
import type { ViewContext } from '../../../shared/views/context.ts';
import { Layout } from '../../../shared/views/layout.tsx';
import { eventState } from '../domain/event-state.ts';
import type { EventListRow } from '../queries.ts';
import type { EventListFacts } from '../ticketing/queries.ts';
import { EventStateBadge } from './editor-pages.tsx';

/** The tickets' price range as a buyer reads it: "15,00 €", "5,00 € – 15,00 €", or "gratuit". */
function priceRange(ctx: ViewContext, facts: EventListFacts): string | null {
  if (facts.minPrice === null || facts.maxPrice === null) return null;
  if (facts.maxPrice === 0) return ctx.t('tickets.free');
  const low = facts.minPrice === 0 ? ctx.t('tickets.free') : formatCents(facts.minPrice, ctx.lang);
  return facts.minPrice === facts.maxPrice ? low : `${low} – ${formatCents(facts.maxPrice, ctx.lang)}`;
}

/**
 * What helps someone decide, for each evening: when, where, what it costs and how many seats
 * are left, and a button to book; once it is over, how many came and where its accounts are. The
 * public sees no internal status — only "cancelled", which they need to know.
 */
function DecidingList({ ctx, events, facts, now, past }: { ctx: ViewContext; events: EventListRow[]; facts: Map<number, EventListFacts>; now: Date; past: boolean }) {
  const { t } = ctx;
  if (events.length === 0) return <p class="empty">{t('events.none')}</p>;
  return (
    <ul class="event-list">
      {events.map((e) => {
        const f = facts.get(e.id);
        const cancelled = eventState(e, now) === 'cancelled';
        const left = f ? Math.max(0, e.capacity - f.seatsHeld) : e.capacity;
        const price = f ? priceRange(ctx, f) : null;
        return (
          <li class="event-item">
            <time dateTime={e.starts_at}>{formatDateTime(e.starts_at, ctx.lang)}</time>
            <h3>
              <a href={`/events/${e.slug}`}>{e.title}</a>
            </h3>
            <p class="muted">
              {e.venue} {cancelled ? <EventStateBadge ctx={ctx} state="cancelled" /> : null}
            </p>
            {cancelled ? null : past ? (
              <p>
                {t('events.attendance', { n: f ? (f.checkedIn > 0 ? f.checkedIn : f.registered) : 0 })} ·{' '}
                <a href={`/transparency/transactions?event=${e.id}`}>{t('events.accounts')}</a>
              </p>
            ) : (
              <p class="event-decide">
                {price ? <span>{price}</span> : null}
                {price ? ' · ' : null}
                <span>{left > 0 ? t('tickets.seatsLeft', { left, capacity: e.capacity }) : t('tickets.soldOut')}</span>{' '}
                <a class="button" href={`/events/${e.slug}#tickets-heading`} aria-label={t('events.bookTitle', { title: e.title })}>
                  {left > 0 ? t('events.book') : t('events.seeEvening')}
                </a>
              </p>
            )}
          </li>
        );
      })}
    </ul>
  );
}

function EventList({ ctx, events, now }: { ctx: ViewContext; events: EventListRow[]; now: Date }) {
  if (events.length === 0) return <p class="empty">{ctx.t('events.none')}</p>;
  return (
    <ul class="event-list">
      {events.map((e) => (
        <li class="event-item">
          <time dateTime={e.starts_at}>{formatDateTime(e.starts_at, ctx.lang)}</time>
          <h3>
            <a href={`/events/${e.slug}`}>{e.title}</a>
          </h3>
          <p class="muted">
            {e.venue} {eventState(e, now) === 'cancelled' ? <EventStateBadge ctx={ctx} state="cancelled" /> : null}
          </p>
        </li>
      ))}
    </ul>
  );
}

export function EventsPage({
  ctx,
  upcoming,
  past,
  facts,
  now,
  page,
  pages,
}: {
  ctx: ViewContext;
  upcoming: EventListRow[];
  past: EventListRow[];
  facts: Map<number, EventListFacts>;
  now: Date;
  /** The page of past evenings shown (upcoming ones are all on the first page). */
  page: number;
  pages: number;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} meta={{ title: t('events.pageTitle'), description: t('events.intro'), canonicalPath: page > 1 ? `/events?page=${page}` : '/events' }}>
      <h1>{t('events.pageTitle')}</h1>
      <p class="lede">{t('events.intro')}</p>
      <p>
        <a href="/events/calendar.ics">{t('events.calendarFeed')}</a>
      </p>
      {page === 1 ? (
        <section aria-labelledby="upcoming-heading">
          <h2 id="upcoming-heading">{t('events.upcoming')}</h2>
          <DecidingList ctx={ctx} events={upcoming} facts={facts} now={now} past={false} />
        </section>
      ) : null}
      <section aria-labelledby="past-heading">
        <h2 id="past-heading">{t('events.past')}</h2>
        <DecidingList ctx={ctx} events={past} facts={facts} now={now} past={true} />
        {pages > 1 ? (
          <nav class="pagination" aria-label={t('common.pagination')}>
            {page > 1 ? (
              <a href={page === 2 ? '/events' : `/events?page=${page - 1}`} rel="prev">
                ← {t('common.previous')}
              </a>
            ) : null}
            <span>{t('common.pageOf', { page, pages })}</span>
            {page < pages ? (
              <a href={`/events?page=${page + 1}`} rel="next">
                {t('common.next')} →
              </a>
            ) : null}
          </nav>
        ) : null}
      </section>
    </Layout>
  );
}

export function SeriesPage({ ctx, series, events, now }: { ctx: ViewContext; series: { slug: string; title: string; description: string }; events: EventListRow[]; now: Date }) {
  return (
    <Layout ctx={ctx} meta={{ title: series.title, description: series.description, canonicalPath: `/series/${series.slug}` }}>
      <h1>{series.title}</h1>
      {series.description ? <p class="lede">{series.description}</p> : null}
      <p>
        <a href={`/series/${series.slug}/calendar.ics`}>{ctx.t('events.seriesCalendar')}</a>
      </p>
      <EventList ctx={ctx} events={events} now={now} />
    </Layout>
  );
}
