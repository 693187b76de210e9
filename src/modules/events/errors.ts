import { AppError } from '../../shared/errors.ts';
import type { MessageKey } from '../../shared/i18n/index.ts';

/** Ticketing refusals: each has a stable code and a message a person understands. */
export class TicketingError extends AppError {
  constructor(code: string, status: number, key: string, detail?: string) {
    super(code, status, key as MessageKey, detail);
  }
}

export const soldOut = () => new TicketingError('sold_out', 409, 'tickets.soldOut');
export const registrationClosed = () => new TicketingError('registration_closed', 409, 'tickets.registrationClosed');
export const registrationNotYet = () => new TicketingError('registration_not_yet', 409, 'tickets.registrationNotYet');
export const eventCancelled = () => new TicketingError('event_cancelled', 409, 'tickets.eventCancelled');
export const notAContributor = () => new TicketingError('not_contributor', 403, 'tickets.notContributor');
export const codeInvalid = () => new TicketingError('code_invalid', 422, 'tickets.codeInvalid');
export const codeUsedUp = () => new TicketingError('code_used_up', 409, 'tickets.codeUsedUp');
export const codeExpired = () => new TicketingError('code_expired', 409, 'tickets.codeExpired');
export const alreadyRegistered = () => new TicketingError('already_registered', 409, 'tickets.alreadyRegistered');
export const tooMany = () => new TicketingError('too_many', 422, 'tickets.tooMany');
export const belowMinimum = () => new TicketingError('below_minimum', 422, 'tickets.belowMinimum');
export const reservationExpired = () => new TicketingError('reservation_expired', 409, 'tickets.reservationExpired');
export const cancellationClosed = () => new TicketingError('cancellation_closed', 409, 'tickets.cancellationClosed');
export const orderNotCancellable = () => new TicketingError('order_not_cancellable', 409, 'tickets.orderNotCancellable');
export const unknownTicketType = () => new TicketingError('unknown_ticket_type', 422, 'tickets.unknownType');
export const notSoldOut = () => new TicketingError('not_sold_out', 409, 'tickets.notSoldOut');
