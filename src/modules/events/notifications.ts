/** The emails of ticketing: tickets with their QR codes and calendar file, offers, cancellations. */
import type { Db } from '../../db/database.ts';
import { formatDateTime, translator, type Lang } from '../../shared/i18n/index.ts';
import type { Mailer } from '../../shared/mailer.ts';
import { formatCents } from '../ledger/index.ts';
import { getOrderByPublicId, listTicketsOfOrder, type OrderView } from './ticketing-queries.ts';
import { orderAccessToken } from './order-access.ts';
import { eventIcs, qrPng, ticketSigner } from './tickets/index.ts';

export interface NotifyDeps {
  db: Db;
  mailer: Mailer;
  baseUrl: string;
  appSecret: string;
  lang: Lang;
}

export function orderLink(deps: Pick<NotifyDeps, 'baseUrl' | 'appSecret'>, publicId: string): string {
  return `${deps.baseUrl}/orders/${publicId}?token=${encodeURIComponent(orderAccessToken(deps.appSecret, publicId))}`;
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

/** The .ics of the event an order is for. */
export function eventCalendar(order: OrderView, baseUrl: string): string {
  return eventIcs(
    calendarEvent(
      { id: order.event_id, slug: order.event_slug, title: order.event_title, description_md: order.description_md, starts_at: order.starts_at, ends_at: order.ends_at, venue: order.venue, address: order.address, status: order.event_status, updated_at: order.event_updated_at },
      baseUrl,
    ),
  );
}

/** Sends the tickets: one QR code per seat (signed, verifiable offline) and the .ics file. */
export async function sendTickets(deps: NotifyDeps, publicId: string): Promise<void> {
  const order = await getOrderByPublicId(deps.db, publicId);
  if (!order) return;
  const tickets = await listTicketsOfOrder(deps.db, order.id);
  const t = translator(deps.lang);
  const signer = ticketSigner(deps.appSecret);
  const attachments = await Promise.all(
    tickets.map(async (ticket, i) => ({ filename: `billet-${i + 1}-${ticket.short_code}.png`, content: await qrPng(signer.sign({ ticketId: ticket.id, eventId: ticket.event_id })), contentType: 'image/png' })),
  );
  attachments.push({ filename: 'soiree.ics', content: Buffer.from(eventCalendar(order, deps.baseUrl)), contentType: 'text/calendar; charset=utf-8' });
  await deps.mailer.send({
    to: order.email,
    subject: t('mail.tickets.subject', { title: order.event_title }),
    text: t('mail.tickets.body', {
      name: order.name,
      title: order.event_title,
      date: formatDateTime(order.starts_at, deps.lang),
      venue: [order.venue, order.address].filter(Boolean).join(', '),
      codes: tickets.map((x) => x.short_code).join(', '),
      link: orderLink(deps, order.public_id),
    }),
    attachments,
  });
}

export async function sendReservation(deps: NotifyDeps, publicId: string): Promise<void> {
  const order = await getOrderByPublicId(deps.db, publicId);
  if (!order) return;
  const t = translator(deps.lang);
  await deps.mailer.send({
    to: order.email,
    subject: t('mail.reserved.subject', { title: order.event_title }),
    text: t('mail.reserved.body', {
      name: order.name,
      title: order.event_title,
      total: formatCents(Number(order.total), deps.lang),
      until: formatDateTime(order.reserved_until, deps.lang),
      link: orderLink(deps, order.public_id),
    }),
  });
}

export async function sendOffer(deps: NotifyDeps, offer: { publicId: string; email: string; name: string; reservedUntil: string }): Promise<void> {
  const order = await getOrderByPublicId(deps.db, offer.publicId);
  if (!order) return;
  const t = translator(deps.lang);
  await deps.mailer.send({
    to: offer.email,
    subject: t('mail.offer.subject', { title: order.event_title }),
    text: t('mail.offer.body', { name: offer.name, title: order.event_title, until: formatDateTime(offer.reservedUntil, deps.lang), link: orderLink(deps, offer.publicId) }),
  });
}

export async function sendEventCancelled(deps: NotifyDeps, attendee: { email: string; name: string; title: string; refund: number; outcome: string }): Promise<void> {
  const t = translator(deps.lang);
  await deps.mailer.send({
    to: attendee.email,
    subject: t('mail.eventCancelled.subject', { title: attendee.title }),
    text: t('mail.eventCancelled.body', {
      name: attendee.name,
      title: attendee.title,
      refund:
        attendee.refund > 0
          ? t(attendee.outcome === 'refunded' ? 'mail.eventCancelled.refunded' : 'mail.eventCancelled.refundManual', { amount: formatCents(attendee.refund, deps.lang) })
          : '',
    }),
  });
}
