import { formatDateTime } from '../../../shared/i18n/index.ts';
import type { ViewContext } from '../../../shared/views/context.ts';
import { Layout } from '../../../shared/views/layout.tsx';
import { eventState } from '../domain/event-state.ts';
import type { EventListRow } from '../queries.ts';
import { EventStateBadge } from './editor-pages.tsx';

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

export function EventsPage({ ctx, upcoming, past, now }: { ctx: ViewContext; upcoming: EventListRow[]; past: EventListRow[]; now: Date }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} meta={{ title: t('events.pageTitle'), description: t('events.intro'), canonicalPath: '/events' }}>
      <h1>{t('events.pageTitle')}</h1>
      <p class="lede">{t('events.intro')}</p>
      <section aria-labelledby="upcoming-heading">
        <h2 id="upcoming-heading">{t('events.upcoming')}</h2>
        <EventList ctx={ctx} events={upcoming} now={now} />
      </section>
      <section aria-labelledby="past-heading">
        <h2 id="past-heading">{t('events.past')}</h2>
        <EventList ctx={ctx} events={past} now={now} />
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
