import { inTransaction, type CommandContext } from '../../../shared/command.ts';
import { NotFoundError } from '../../../shared/errors.ts';
import { credit, debit } from '../domain/posting.ts';
import { isExpenseCategory } from '../domain/expense-categories.ts';
import { ExpenseWrongStateError } from '../errors.ts';
import { ledgerPolicy } from '../policy.ts';
import { getExpense } from '../queries/expenses.ts';
import { assertEventOpen } from './assert-event-open.ts';
import { moveExpense } from './move-expense.ts';
import { postTransaction } from './post-transaction.ts';

/**
 * The ledger's intent for paying an approved expense: this is what reaches the books (debit the
 * expense's category, credit the bank). Paying it again does nothing.
 */
export async function markExpensePaid(ctx: CommandContext, input: { expenseId: number }): Promise<void> {
  ledgerPolicy.authorize(ctx.actor, 'decideExpenses');
  await inTransaction(ctx, async (tx) => {
    const expense = await getExpense(tx.db, input.expenseId);
    if (!expense) throw new NotFoundError(`expense ${input.expenseId}`);
    if (expense.status === 'paid') return;
    if (expense.status !== 'approved' || !isExpenseCategory(expense.category)) throw new ExpenseWrongStateError(expense.status, 'paid');
    if (expense.event_id !== null) await assertEventOpen(tx, { eventId: expense.event_id });
    const amount = Number(expense.amount);
    const { id } = await postTransaction(tx, {
      date: tx.now.toISOString(),
      description: expense.description,
      causeType: 'expense_payment',
      causeId: expense.id,
      idempotencyKey: `expense:${expense.id}:paid`,
      lines: [debit(expense.category, amount, expense.event_id), credit('assets:bank', amount, expense.event_id)],
    });
    await moveExpense(tx, { expenseId: expense.id, from: ['approved'], to: 'paid', note: '', changes: { transaction_id: id } });
  });
}
