/**
 * Why a transaction was posted, as stored in `cause_type`. Two causes only move results between
 * accounts and funds rather than record money coming or going: an evening's closing, and the
 * allocation of money that reaches an evening after its closing. Reports of income and expenses
 * leave them out; fund balances include them.
 */
export const EVENT_CLOSURE_CAUSE = 'event_closure' as const;
/** Money of an evening booked after its accounts were closed, allocated to the general fund. */
export const AFTER_CLOSING_CAUSE = 'after_closing' as const;

export const ALLOCATION_CAUSES: readonly string[] = [EVENT_CLOSURE_CAUSE, AFTER_CLOSING_CAUSE];

/** Whether a cause only allocates (see above). */
export function isAllocationCause(causeType: string): boolean {
  return ALLOCATION_CAUSES.includes(causeType);
}

/** The causes the ledger's intents write, each with a label for people (`ledger.cause.<cause>`). */
export const LEDGER_CAUSES = [
  'ticket_income',
  'order',
  'refund',
  'donation',
  'expense_payment',
  EVENT_CLOSURE_CAUSE,
  AFTER_CLOSING_CAUSE,
  'book_sale',
  'royalty_payout',
] as const;
export type LedgerCause = (typeof LEDGER_CAUSES)[number];

/** Whether a stored or requested cause is one the ledger names (others read as "other operations"). */
export function isLedgerCause(value: string): value is LedgerCause {
  return (LEDGER_CAUSES as readonly string[]).includes(value);
}
