/** The next evening on the home page (publishing's extension point, wired in app.ts). */
import type { Executor } from '../../db/database.ts';
import { formatDateTime } from '../../shared/i18n/index.ts';
import type { ViewContext } from '../../shared/views/context.ts';
import { listComingEvenings } from './queries.ts';
import { getSeatsHeld } from './ticketing/queries.ts';

/** The next published evening not yet over, with its seats left and a button to book; null when none is ahead. */
export async function nextEveningSection(input: { db: Executor; now: Date }) {
  const [next] = (await listComingEvenings(input.db, input.now)).filter((e) => e.status === 'published');
  if (!next) return null;
  // Only the seats are shown here: one read of the evening's seat counters.
  const left = Math.max(0, next.capacity - (await getSeatsHeld(input.db, next.id)));
  return {
    render: (ctx: ViewContext) => (
      <section class="home-highlight" aria-labelledby="next-evening-heading">
        <h2 id="next-evening-heading">{ctx.t('events.nextEvening')}</h2>
        <p class="card-meta">
          <time dateTime={next.starts_at}>{formatDateTime(next.starts_at, ctx.lang)}</time> · {next.venue}
        </p>
        <h3>
          <a href={`/events/${next.slug}`}>{next.title}</a>
        </h3>
        <p>
          {left > 0 ? ctx.t('tickets.seatsLeft', { left, capacity: next.capacity }) : ctx.t('tickets.soldOut')}{' '}
          <a class="button" href={`/events/${next.slug}#tickets-heading`} aria-label={ctx.t('events.bookTitle', { title: next.title })}>
            {left > 0 ? ctx.t('events.book') : ctx.t('events.seeEvening')}
          </a>
        </p>
        <p>
          <a href="/events">{ctx.t('events.allEvenings')}</a>
        </p>
      </section>
    ),
  };
}
