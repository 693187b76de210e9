import type { ComponentChildren } from 'preact';
import { formatDateTime, type Lang } from '../../../shared/i18n/index.ts';
import type { ViewContext } from '../../../shared/views/context.ts';
import { Layout } from '../../../shared/views/layout.tsx';
import { eventState } from '../domain/event-state.ts';
import { EventStateBadge } from './editor-pages.tsx';

export interface EventPageData {
  slug: string;
  title: string;
  description_html: string;
  venue: string;
  address: string;
  starts_at: string;
  ends_at: string;
  status: 'draft' | 'published' | 'cancelled';
  /** The language the evening is held in (011). */
  language?: Lang;
}

export function eventJsonLd(event: EventPageData, baseUrl: string) {
  return {
    '@context': 'https://schema.org',
    '@type': 'Event',
    name: event.title,
    startDate: event.starts_at,
    endDate: event.ends_at,
    url: `${baseUrl}/events/${event.slug}`,
    eventStatus: event.status === 'cancelled' ? 'https://schema.org/EventCancelled' : 'https://schema.org/EventScheduled',
    location: { '@type': 'Place', name: event.venue, address: event.address },
    organizer: { '@type': 'Organization', name: 'Open Experience', url: baseUrl },
    ...(event.language ? { inLanguage: event.language } : {}),
  };
}

export function EventPage({ ctx, event, now, children }: { ctx: ViewContext; event: EventPageData; now: Date; children?: ComponentChildren }) {
  const { t } = ctx;
  const state = eventState(event, now);
  return (
    <Layout ctx={ctx} meta={{ title: event.title, canonicalPath: `/events/${event.slug}`, jsonLd: eventJsonLd(event, ctx.baseUrl) }}>
      <article class="piece">
        {/* "Published" is the team's word: the public is told only what changes their plans. */}
        {state === 'cancelled' || state === 'past' ? (
          <p class="card-meta">
            <EventStateBadge ctx={ctx} state={state} />
          </p>
        ) : null}
        <h1 lang={event.language && event.language !== ctx.lang ? event.language : undefined}>{event.title}</h1>
        <dl class="facts">
          <dt>{t('events.startsAt')}</dt>
          <dd>
            <time dateTime={event.starts_at}>{formatDateTime(event.starts_at, ctx.lang)}</time>
          </dd>
          <dt>{t('events.endsAt')}</dt>
          <dd>
            <time dateTime={event.ends_at}>{formatDateTime(event.ends_at, ctx.lang)}</time>
          </dd>
          {event.language ? (
            <>
              <dt>{t('language.label')}</dt>
              <dd>{t(`language.${event.language}`)}</dd>
            </>
          ) : null}
          {event.venue ? (
            <>
              <dt>{t('events.venue')}</dt>
              <dd>
                {event.venue}
                {event.address ? <span class="muted"> — {event.address}</span> : null}
              </dd>
            </>
          ) : null}
        </dl>
        {children}
        <div class="prose" lang={event.language} dangerouslySetInnerHTML={{ __html: event.description_html }} />
      </article>
    </Layout>
  );
}
