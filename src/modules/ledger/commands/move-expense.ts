import type { TxContext } from '../../../shared/command.ts';
import { NotFoundError } from '../../../shared/errors.ts';
import { audit } from '../../audit/index.ts';
import type { ExpenseStatus } from '../domain/expense-categories.ts';
import { ExpenseWrongStateError } from '../errors.ts';

export interface ExpenseMove {
  expenseId: number;
  /** The states it may move from; anything else was decided meanwhile (ExpenseWrongStateError). */
  from: readonly ExpenseStatus[];
  to: ExpenseStatus;
  note: string;
  changes?: { decided_by?: number; override_reason?: string | null; decision_note?: string; transaction_id?: number };
}

/**
 * One step of an expense's life, with its history row and audit entry. The update is guarded by
 * the state it was read in, so two people deciding at once cannot both win.
 */
export async function moveExpense(ctx: TxContext, input: ExpenseMove): Promise<void> {
  const expense = await ctx.db.selectFrom('expenses').select(['id', 'status']).where('id', '=', input.expenseId).executeTakeFirst();
  if (!expense) throw new NotFoundError(`expense ${input.expenseId}`);
  if (!input.from.includes(expense.status)) throw new ExpenseWrongStateError(expense.status, input.to);
  const result = await ctx.db
    .updateTable('expenses')
    .set({ status: input.to, updated_at: ctx.now.toISOString(), ...input.changes })
    .where('id', '=', expense.id)
    .where('status', '=', expense.status)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw new ExpenseWrongStateError(expense.status, input.to);
  await ctx.db
    .insertInto('expense_history')
    .values({ expense_id: expense.id, from_status: expense.status, to_status: input.to, actor_user_id: ctx.actor?.id ?? null, note: input.note, created_at: ctx.now.toISOString() })
    .execute();
  await audit(ctx, { action: `expense.${input.to}`, subjectType: 'expense', subjectId: expense.id, data: { note: input.note } });
}
