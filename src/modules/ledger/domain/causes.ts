/**
 * Why a transaction was posted, as stored in `cause_type`. Two causes only move results between
 * accounts and funds rather than record money coming or going: an evening's closing, and the
 * allocation of money that reaches an evening after its closing. Reports of income and expenses
 * leave them out; fund balances include them.
 */
export const EVENT_CLOSURE_CAUSE = 'event_closure';
/** Money of an evening booked after its accounts were closed, allocated to the general fund. */
export const AFTER_CLOSING_CAUSE = 'after_closing';

export const ALLOCATION_CAUSES: readonly string[] = [EVENT_CLOSURE_CAUSE, AFTER_CLOSING_CAUSE];

/** Whether a cause only allocates (see above). */
export function isAllocationCause(causeType: string): boolean {
  return ALLOCATION_CAUSES.includes(causeType);
}
