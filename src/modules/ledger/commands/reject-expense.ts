import { inTransaction, type CommandContext } from '../../../shared/command.ts';
import { NotFoundError, ValidationError } from '../../../shared/errors.ts';
import { SelfApprovalError } from '../errors.ts';
import { ledgerPolicy } from '../policy.ts';
import { getExpense } from '../queries/expenses.ts';
import { moveExpense } from './move-expense.ts';

/** An admin other than the submitter refuses an expense, saying why (the reason is recorded). */
export async function rejectExpense(ctx: CommandContext, input: { expenseId: number; reason: string }): Promise<void> {
  const actor = ledgerPolicy.authorize(ctx.actor, 'decideExpenses');
  const reason = input.reason.trim();
  if (!reason) throw new ValidationError({ reason: 'errors.required' });
  await inTransaction(ctx, async (tx) => {
    const expense = await getExpense(tx.db, input.expenseId);
    if (!expense) throw new NotFoundError(`expense ${input.expenseId}`);
    if (expense.submitted_by === actor.id) throw new SelfApprovalError();
    await moveExpense(tx, { expenseId: expense.id, from: ['submitted'], to: 'rejected', note: reason, changes: { decided_by: actor.id, decision_note: reason } });
  });
}
