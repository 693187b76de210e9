/** The ledger's refusals, each with a stable code and a message a person can act on. */
import { AppError } from '../../shared/errors.ts';

export class EventAccountsClosedError extends AppError {
  constructor(eventId: number) {
    super('event_closed', 409, 'ledger.eventClosed', `event ${eventId}`);
  }
}

export class EventAlreadyClosedError extends AppError {
  constructor() {
    super('event_already_closed', 409, 'ledger.eventClosed');
  }
}

export class PendingExpensesError extends AppError {
  constructor(count: number) {
    super('pending_expenses', 409, 'ledger.pendingExpenses', `${count} pending`);
  }
}

/** Money may still come or go for the evening: closing waits until it has settled. */
export class OutstandingMoneyError extends AppError {
  constructor(outstanding: { reservedOrders: number; refundsDue: number }) {
    super('outstanding_money', 409, 'ledger.outstandingMoney', {
      detail: `${outstanding.reservedOrders} reserved, ${outstanding.refundsDue} refunds due`,
      params: { reserved: outstanding.reservedOrders, refunds: outstanding.refundsDue },
    });
  }
}
