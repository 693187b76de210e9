import type { Executor } from '../../../db/database.ts';
import { availableToSpend, fundOf, type ExpenseCategory } from '../expense-categories.ts';
import { accountBalances, committedExpenses } from '../queries.ts';

/** The available balance an expense would draw on, read inside the caller's transaction. */
export async function availableFor(trx: Executor, category: ExpenseCategory, eventId: number | null): Promise<number> {
  const committed = await committedExpenses(trx, category, category === 'expenses:event_logistics' ? eventId : null);
  if (fundOf(category) === 'event') {
    if (eventId === null) return 0;
    const balances = await accountBalances(trx, { eventId, closing: 'exclude' });
    const sum = (a: string) => balances.get(a) ?? 0;
    return availableToSpend({ allocated: -sum('income:tickets'), spent: sum('expenses:event_logistics'), committed });
  }
  const balances = await accountBalances(trx);
  const fund = fundOf(category);
  return availableToSpend({ allocated: -(balances.get(fund) ?? 0), spent: balances.get(category) ?? 0, committed });
}
