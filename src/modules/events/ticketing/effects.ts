/**
 * The effects of ticketing (payloads name the order; handlers write in the buyer's language), emitted by its commands in their transactions and delivered by the
 * outbox worker (handlers in effect-handlers.ts): the emails — tickets with their QR codes and
 * calendar file, reservations, offers from the waiting list, a cancelled evening — and refunds
 * through the payment provider.
 */
import { defineEffect } from '../../../outbox/index.ts';
import type { Lang } from '../../../shared/i18n/index.ts';

export const sendTickets = defineEffect<{ orderId: number }>('ticketing.send_tickets');
export const sendReservation = defineEffect<{ orderId: number }>('ticketing.send_reservation');
/** To an address that asked again for free seats it already holds: where its tickets are (the form said nothing). */
export const sendAlreadyRegistered = defineEffect<{ eventId: number; email: string; lang: Lang }>('ticketing.send_already_registered');
/** A transfer not received yet, before its term ends (delivered no earlier than the reminder's time; nothing once paid). */
export const sendPaymentReminder = defineEffect<{ orderId: number }>('ticketing.send_payment_reminder');
/** A reservation that ran out unpaid: the seats went back; a link to order again. */
export const sendReservationExpired = defineEffect<{ orderId: number }>('ticketing.send_reservation_expired');
export const sendOffer = defineEffect<{ orderId: number }>('ticketing.send_offer');
export const sendEventCancelled = defineEffect<{ orderId: number; refund: number; automatic: boolean }>('ticketing.send_event_cancelled');
/** Gives an order's money back through its provider (Stripe); retried until it succeeds or an organiser takes over. */
export const refundOrder = defineEffect<{ orderId: number }>('ticketing.refund');

