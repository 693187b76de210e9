/** The ledger's refusals, each with a stable code, the field it belongs to and a message a person can act on. */
import { AppError } from '../../shared/errors.ts';

/** Nothing more is booked on an evening whose accounts are closed. */
export class EventAccountsClosedError extends AppError {
  constructor(eventId: number) {
    super('event_closed', 409, 'ledger.eventClosed', { detail: `event ${eventId}`, field: 'event_id' });
  }
}

/** An evening's accounts close once it is over: before, money may still come in at the door. */
export class EventNotEndedError extends AppError {
  constructor(endsAt: string) {
    super('event_not_ended', 409, 'ledger.eventNotEnded', { detail: `ends at ${endsAt}` });
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

/** Beyond the fund's available balance an expense is approved only with a reason, which is recorded. */
export class OverBudgetError extends AppError {
  constructor(public readonly available: number) {
    super('over_budget', 422, 'ledger.overBudget', { detail: `available ${available}`, field: 'override_reason' });
  }
}

/** Four eyes: whoever submitted an expense does not decide it. */
export class SelfApprovalError extends AppError {
  constructor() {
    super('self_approval', 403, 'ledger.selfApproval');
  }
}

/** The expense moved on (decided, paid) since the page was shown. */
export class ExpenseWrongStateError extends AppError {
  constructor(from: string, to: string) {
    super('expense_wrong_state', 409, 'ledger.expenseWrongState', `${from} -> ${to}`);
  }
}

/** The FEC is named by the association's SIREN: without it (ORGANISATION_SIREN) there is none to give. */
export class MissingSirenError extends AppError {
  constructor() {
    super('missing_siren', 409, 'desk.fecNoSiren');
  }
}
