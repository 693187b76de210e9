import type { Executor } from '../../../db/database.ts';
import { availableToSpend, fundOf, type ExpenseCategory } from '../expense-categories.ts';
import { accountBalances, committedExpenses, EVENT_CLOSURE_CAUSE } from '../queries.ts';
import { sql } from 'kysely';

/** The available balance an expense would draw on, read inside the caller's transaction. */
export async function availableFor(trx: Executor, category: ExpenseCategory, eventId: number | null): Promise<number> {
  const committed = await committedExpenses(trx, category, category === 'expenses:event_logistics' ? eventId : null);
  if (fundOf(category) === 'event') {
    if (eventId === null) return 0;
    const rows = await trx
      .selectFrom('ledger_lines')
      .innerJoin('ledger_transactions', 'ledger_transactions.id', 'ledger_lines.transaction_id')
      .select(['ledger_lines.account', sql<number>`sum(ledger_lines.amount)`.as('total')])
      .where('ledger_lines.event_id', '=', eventId)
      .where('ledger_transactions.cause_type', '!=', EVENT_CLOSURE_CAUSE)
      .where('ledger_lines.account', 'in', ['income:tickets', 'expenses:event_logistics'])
      .groupBy('ledger_lines.account')
      .execute();
    const sum = (a: string) => Number(rows.find((r) => r.account === a)?.total ?? 0);
    return availableToSpend({ allocated: -sum('income:tickets'), spent: sum('expenses:event_logistics'), committed });
  }
  const balances = await accountBalances(trx);
  const fund = fundOf(category);
  return availableToSpend({ allocated: -(balances.get(fund) ?? 0), spent: balances.get(category) ?? 0, committed });
}
