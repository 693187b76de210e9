/**
 * Ticketing refusals: each has a stable code, a message a person understands and the form field
 * it belongs to, so the one error handler shows it in the right place of the order form.
 */
import { AppError } from '../../../shared/errors.ts';
import type { MessageKey } from '../../../shared/i18n/index.ts';

export class TicketingError extends AppError {
  constructor(code: string, status: number, key: MessageKey, field?: string, params?: Record<string, string | number>) {
    super(code, status, key, { field, params });
  }
}

export const soldOut = () => new TicketingError('sold_out', 409, 'tickets.soldOutMessage', 'ticket_type_id');
export const registrationClosed = () => new TicketingError('registration_closed', 409, 'tickets.registrationClosed');
export const registrationNotYet = () => new TicketingError('registration_not_yet', 409, 'tickets.registrationNotYet');
export const eventCancelled = () => new TicketingError('event_cancelled', 409, 'tickets.eventCancelled');
export const notAContributor = () => new TicketingError('not_contributor', 403, 'tickets.notContributor', 'ticket_type_id');
export const codeInvalid = () => new TicketingError('code_invalid', 422, 'tickets.codeInvalid', 'code');
export const codeUsedUp = () => new TicketingError('code_used_up', 409, 'tickets.codeUsedUp', 'code');
export const codeExpired = () => new TicketingError('code_expired', 409, 'tickets.codeExpired', 'code');
export const alreadyRegistered = () => new TicketingError('already_registered', 409, 'tickets.alreadyRegistered', 'quantity');
export const tooMany = () => new TicketingError('too_many', 422, 'tickets.tooMany', 'quantity');
export const belowMinimum = () => new TicketingError('below_minimum', 422, 'tickets.belowMinimum', 'offered');
export const reservationExpired = () => new TicketingError('reservation_expired', 409, 'tickets.reservationExpired');
export const cancellationClosed = () => new TicketingError('cancellation_closed', 409, 'tickets.cancellationClosed');
export const orderNotCancellable = () => new TicketingError('order_not_cancellable', 409, 'tickets.orderNotCancellable');
export const unknownTicketType = () => new TicketingError('unknown_ticket_type', 422, 'tickets.unknownType', 'ticket_type_id');
export const notSoldOut = () => new TicketingError('not_sold_out', 409, 'tickets.notSoldOut', 'ticket_type_id');
export const nothingToRefund = () => new TicketingError('nothing_to_refund', 409, 'tickets.nothingToRefund');
export const notPayable = () => new TicketingError('not_payable', 409, 'tickets.notPayable');
export const accountsClosed = () => new TicketingError('accounts_closed', 409, 'ticketing.accountsClosed');
export const doorNotAllowed = () => new TicketingError('door_not_allowed', 422, 'tickets.doorNotAllowed', 'payment');
export const refundInProgress = () => new TicketingError('refund_in_progress', 409, 'tickets.refundInProgress');
