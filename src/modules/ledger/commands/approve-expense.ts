import { inTransaction, type CommandContext } from '../../../shared/command.ts';
import { NotFoundError } from '../../../shared/errors.ts';
import { isExpenseCategory } from '../domain/expense-categories.ts';
import { ExpenseWrongStateError, OverBudgetError, SelfApprovalError } from '../errors.ts';
import { ledgerPolicy } from '../policy.ts';
import { availableFor, getExpense } from '../queries/expenses.ts';
import { assertEventOpen } from './assert-event-open.ts';
import { moveExpense } from './move-expense.ts';

/**
 * An admin other than the submitter approves. Within the fund's available balance it simply
 * passes; beyond it, only with an override reason, which is recorded with the decision.
 */
export async function approveExpense(ctx: CommandContext, input: { expenseId: number; overrideReason: string }): Promise<void> {
  const actor = ledgerPolicy.authorize(ctx.actor, 'decideExpenses');
  await inTransaction(ctx, async (tx) => {
    const expense = await getExpense(tx.db, input.expenseId);
    if (!expense) throw new NotFoundError(`expense ${input.expenseId}`);
    if (expense.submitted_by === actor.id) throw new SelfApprovalError();
    if (!isExpenseCategory(expense.category)) throw new ExpenseWrongStateError(expense.category, 'approved');
    if (expense.event_id !== null) await assertEventOpen(tx, { eventId: expense.event_id });
    const available = await availableFor(tx.db, expense.category, expense.event_id);
    const override = input.overrideReason.trim();
    const over = Number(expense.amount) > available;
    if (over && !override) throw new OverBudgetError(available);
    await moveExpense(tx, {
      expenseId: expense.id,
      from: ['submitted'],
      to: 'approved',
      note: override ? `override: ${override}` : '',
      changes: { decided_by: actor.id, override_reason: over ? override : null },
    });
  });
}
