import { inTransaction, type CommandContext } from '../../../shared/command.ts';
import { ValidationError } from '../../../shared/errors.ts';
import type { UploadedFile } from '../../../shared/http/form.ts';
import type { Cents } from '../../../shared/money.ts';
import { audit } from '../../audit/index.ts';
import { storeReceipt } from '../../media/index.ts';
import type { ExpenseCategory } from '../domain/expense-categories.ts';
import { ledgerPolicy } from '../policy.ts';
import { assertEventOpen } from './assert-event-open.ts';

export interface ExpenseInput {
  amount: Cents;
  category: ExpenseCategory;
  /** The evening an event's logistics are for (required for them, ignored otherwise). */
  eventId: number | null;
  payee: string;
  description: string;
  /** The form's one-time key: a double submit records one expense. */
  key: string;
  receipt?: UploadedFile | undefined;
}

/** Someone on the team asks to spend; another person will decide. Returns the expense's id. */
export async function submitExpense(ctx: CommandContext, input: ExpenseInput): Promise<number> {
  const actor = ledgerPolicy.authorize(ctx.actor, 'submitExpense');
  const eventId = input.category === 'expenses:event_logistics' ? input.eventId : null;
  if (input.category === 'expenses:event_logistics' && eventId === null) throw new ValidationError({ event_id: 'errors.required' });
  return inTransaction(ctx, async (tx) => {
    const existing = await tx.db.selectFrom('expenses').select('id').where('idempotency_key', '=', input.key).executeTakeFirst();
    if (existing) return existing.id;
    if (eventId !== null) await assertEventOpen(tx, { eventId });
    const receiptId = input.receipt ? await storeReceipt(tx, { field: 'receipt', file: input.receipt }) : null;
    const now = tx.now.toISOString();
    const { id } = await tx.db
      .insertInto('expenses')
      .values({
        amount: input.amount,
        category: input.category,
        event_id: eventId,
        payee: input.payee,
        description: input.description,
        receipt_media_id: receiptId,
        status: 'submitted',
        override_reason: null,
        submitted_by: actor.id,
        decided_by: null,
        decision_note: null,
        transaction_id: null,
        idempotency_key: input.key,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx.db.insertInto('expense_history').values({ expense_id: id, from_status: null, to_status: 'submitted', actor_user_id: actor.id, note: '', created_at: now }).execute();
    await audit(tx, { action: 'expense.submitted', subjectType: 'expense', subjectId: id });
    return id;
  });
}
