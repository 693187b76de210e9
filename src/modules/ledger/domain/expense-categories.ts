/**
 * What an expense may be for, and which money pays for it: an event's logistics are paid from that
 * event's ticket income; visuals and book editing from their funds (fed by event surpluses).
 */
import type { FixedAccount } from './accounts.ts';

export const EXPENSE_CATEGORIES = ['expenses:event_logistics', 'expenses:visuals', 'expenses:book_editing'] as const satisfies readonly FixedAccount[];
export type ExpenseCategory = (typeof EXPENSE_CATEGORIES)[number];

/** Where an expense stands: asked, decided by another person, paid (only then in the ledger). */
export type ExpenseStatus = 'submitted' | 'approved' | 'rejected' | 'paid';

export function isExpenseCategory(value: string): value is ExpenseCategory {
  return (EXPENSE_CATEGORIES as readonly string[]).includes(value);
}

/** The fund account an expense category draws on (events: the event's own income). */
export function fundOf(category: ExpenseCategory): 'event' | 'funds:visuals' | 'funds:book_editing' {
  if (category === 'expenses:event_logistics') return 'event';
  return category === 'expenses:visuals' ? 'funds:visuals' : 'funds:book_editing';
}

/**
 * What is left to spend: money allocated to the fund, minus what it already paid, minus what is
 * approved and not yet paid. All in cents; may be negative after an override.
 */
export function availableToSpend(budget: { allocated: number; spent: number; committed: number }): number {
  return budget.allocated - budget.spent - budget.committed;
}
