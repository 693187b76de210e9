/** The links and calendar entries ticketing gives out (pages, emails, feeds). */
import { localisePath, type Lang } from '../../../shared/i18n/index.ts';
import { orderAccessToken } from './order-access.ts';
import type { OrderView } from './queries.ts';
import { eventIcs } from './tickets/index.ts';

/** The order page's private link, in the buyer's language (`/en/orders/…` for English). */
export function orderLink(config: { baseUrl: string; appSecret: string }, publicId: string, lang: Lang = 'fr'): string {
  return `${config.baseUrl}${localisePath(`/orders/${publicId}`, lang)}?token=${encodeURIComponent(orderAccessToken(config.appSecret, publicId))}`;
}

interface CalendarSource {
  id: number;
  slug: string;
  title: string;
  description_md: string;
  starts_at: string;
  ends_at: string;
  venue: string;
  address: string;
  status: string;
  updated_at: string;
}

/** An event as a calendar entry: the one mapping used by every .ics the site gives out. */
export function calendarEvent(event: CalendarSource, baseUrl: string) {
  return {
    uid: `event-${event.id}@open-experience`,
    title: event.title,
    description: event.description_md.slice(0, 1000),
    startsAt: event.starts_at,
    endsAt: event.ends_at,
    location: [event.venue, event.address].filter(Boolean).join(', '),
    url: `${baseUrl}/events/${event.slug}`,
    status: event.status === 'cancelled' ? ('cancelled' as const) : ('published' as const),
    updatedAt: event.updated_at,
  };
}

/**
 * The .ics of one event, or null when its data cannot make a valid calendar entry (a date no
 * calendar can hold): the file is then missing — never wrong, and never an error for the page or
 * the email that offers it.
 */
export function singleEventIcs(event: Parameters<typeof calendarEvent>[0], baseUrl: string): string | null {
  try {
    return eventIcs(calendarEvent(event, baseUrl));
  } catch {
    return null;
  }
}

/** The .ics of the event an order is for (null: see singleEventIcs). */
export function eventCalendar(order: OrderView, baseUrl: string): string | null {
  return singleEventIcs(
    { id: order.event_id, slug: order.event_slug, title: order.event_title, description_md: order.description_md, starts_at: order.starts_at, ends_at: order.ends_at, venue: order.venue, address: order.address, status: order.event_status, updated_at: order.event_updated_at },
    baseUrl,
  );
}

