/** Events: the programme's evenings and their ticketing — what other modules may use. */
import type { Executor } from '../../db/database.ts';
import { listEventSubjects } from './queries.ts';

export { getEvent, listEventOptions, nextEventChange } from './queries.ts';
export { saveEvent, type EventInput } from './commands/save-event.ts';
export { createSeries } from './commands/create-series.ts';
export { orderTickets, type OrderInput, type OrderOutcome, type PlacedOrder } from './ticketing/commands/order-tickets.ts';
export { recordPayment, type PaymentInput, type PaymentOutcome } from './ticketing/commands/record-payment.ts';
export { addDefaultTicketTypes, addInvitationCode, addTicketType } from './ticketing/commands/ticket-types.ts';
export { checkIn } from './ticketing/commands/check-in.ts';
/** One's tickets on one's own account page; what an account's deletion erases of orders and waiting lists. */
export { myTicketsSection } from './ticketing/account-section.tsx';
export { eraseTicketHolder } from './ticketing/commands/erase-ticket-holder.ts';
export { sweepReservations } from './ticketing/commands/release-reservations.ts';
/** The next evening, highlighted on the home page (app.ts hands it to publishing). */
export { nextEveningSection } from './home-section.tsx';
export { ticketSigner } from './ticketing/tickets/index.ts';
/** Closing an evening's accounts waits for its reservations and refunds (app.ts hands this to the ledger). */
export { ticketingOutstanding } from './ticketing/queries.ts';
/** What contributors received in kind, per evening: their free seats (shown on the transparency page). */
export { contributorTicketsPerEvent as contributorSeatsPerEvent } from './ticketing/queries.ts';
export type { EventStatus } from './domain/event-state.ts';
export type { OrderStatus, TicketKind } from './ticketing/domain/order.ts';
/** The payment providers, for other modules that sell through them (the book's paper copies). */
export { manualProvider, type CheckoutOrder, type PaidSession, type PaymentProvider, type StripeSessionHandler } from './ticketing/payments/provider.ts';
export { createStripeClient, stripeProvider } from './ticketing/payments/stripe-provider.ts';

/** Talks appear on the speakers' contributor pages (app.ts registers this with the registry). */
export async function talkSubjects(db: Executor, ids: number[]) {
  return (await listEventSubjects(db, ids)).map((e) => ({
    id: e.id,
    title: e.title,
    url: `/events/${e.slug}`,
    kindKey: 'events.talk' as const,
    date: e.starts_at,
  }));
}
export { recordPaymentAnomaly, type PaymentAnomaly } from './ticketing/commands/record-payment-anomaly.ts';
export { paymentMatches } from './ticketing/domain/payment-match.ts';
export { listPaymentAnomalies } from './ticketing/queries.ts';
