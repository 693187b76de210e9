import type { Db, Executor } from '../../../db/database.ts';
import type { ExpenseStatus } from '../../../db/schema.ts';
import type { Actor } from '../../../shared/actor.ts';
import { AppError, NotFoundError, ValidationError } from '../../../shared/errors.ts';
import type { UploadedFile } from '../../../shared/http/form.ts';
import type { MessageKey } from '../../../shared/i18n/index.ts';
import { recordEvent } from '../../audit/index.ts';
import { storeReceipt } from '../../media/index.ts';
import { credit, debit } from '../domain/posting.ts';
import type { ExpenseCategory } from '../expense-categories.ts';
import { availableFor } from './budget.ts';
import { assertEventOpen } from './event-lock.ts';
import { postTransaction } from './post-transaction.ts';

export class OverBudgetError extends AppError {
  constructor(public readonly available: number) {
    super('over_budget', 422, 'ledger.overBudget' as MessageKey, `available ${available}`);
  }
}

export class SelfApprovalError extends AppError {
  constructor() {
    super('self_approval', 403, 'ledger.selfApproval' as MessageKey);
  }
}

async function moveExpense(trx: Executor, id: number, from: ExpenseStatus[], to: ExpenseStatus, actor: Actor, now: Date, note: string, extra: Record<string, unknown> = {}) {
  const expense = await trx.selectFrom('expenses').selectAll().where('id', '=', id).executeTakeFirst();
  if (!expense) throw new NotFoundError();
  if (!from.includes(expense.status)) throw new ValidationError({ status: 'ledger.expenseWrongState' as MessageKey });
  const result = await trx
    .updateTable('expenses')
    .set({ status: to, updated_at: now.toISOString(), ...extra })
    .where('id', '=', id)
    .where('status', '=', expense.status)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw new ValidationError({ status: 'errors.conflict' });
  await trx.insertInto('expense_history').values({ expense_id: id, from_status: expense.status, to_status: to, actor_user_id: actor.id, note, created_at: now.toISOString() }).execute();
  await recordEvent(trx, { actorUserId: actor.id, action: `expense.${to}`, subjectType: 'expense', subjectId: id, data: { note }, now });
  return expense;
}

export interface ExpenseInput {
  amount: number;
  category: ExpenseCategory;
  eventId: number | null;
  payee: string;
  description: string;
  idempotencyKey: string;
  receipt?: UploadedFile | undefined;
}

/** Someone on the team asks to spend; a double submit (same form key) records one expense. */
export async function submitExpense(deps: { db: Db; actor: Actor; now: Date }, input: ExpenseInput): Promise<number> {
  if (input.category === 'expenses:event_logistics' && input.eventId === null) throw new ValidationError({ event_id: 'errors.required' });
  return deps.db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('expenses').select('id').where('idempotency_key', '=', input.idempotencyKey).executeTakeFirst();
    if (existing) return existing.id;
    if (input.eventId !== null) await assertEventOpen(trx, input.eventId);
    const receiptId = input.receipt ? await storeReceipt({ db: trx, actor: deps.actor, now: deps.now }, { field: 'receipt', file: input.receipt }) : null;
    const { id } = await trx
      .insertInto('expenses')
      .values({
        amount: input.amount,
        category: input.category,
        event_id: input.category === 'expenses:event_logistics' ? input.eventId : null,
        payee: input.payee,
        description: input.description,
        receipt_media_id: receiptId,
        status: 'submitted',
        override_reason: null,
        submitted_by: deps.actor.id,
        decided_by: null,
        decision_note: null,
        transaction_id: null,
        idempotency_key: input.idempotencyKey,
        created_at: deps.now.toISOString(),
        updated_at: deps.now.toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.insertInto('expense_history').values({ expense_id: id, from_status: null, to_status: 'submitted', actor_user_id: deps.actor.id, note: '', created_at: deps.now.toISOString() }).execute();
    await recordEvent(trx, { actorUserId: deps.actor.id, action: 'expense.submitted', subjectType: 'expense', subjectId: id, now: deps.now });
    return id;
  });
}

/**
 * An admin other than the submitter approves. Within the fund's available balance it simply
 * passes; beyond it, only with an override reason, which is recorded with the decision.
 */
export async function approveExpense(deps: { db: Db; actor: Actor; now: Date }, input: { expenseId: number; overrideReason: string }) {
  await deps.db.transaction().execute(async (trx) => {
    const expense = await trx.selectFrom('expenses').selectAll().where('id', '=', input.expenseId).executeTakeFirst();
    if (!expense) throw new NotFoundError();
    if (expense.submitted_by === deps.actor.id) throw new SelfApprovalError();
    if (expense.event_id !== null) await assertEventOpen(trx, expense.event_id);
    const available = await availableFor(trx, expense.category as ExpenseCategory, expense.event_id);
    const override = input.overrideReason.trim();
    if (Number(expense.amount) > available && !override) throw new OverBudgetError(available);
    await moveExpense(trx, expense.id, ['submitted'], 'approved', deps.actor, deps.now, override ? `override: ${override}` : '', {
      decided_by: deps.actor.id,
      override_reason: Number(expense.amount) > available ? override : null,
    });
  });
}

export async function rejectExpense(deps: { db: Db; actor: Actor; now: Date }, input: { expenseId: number; reason: string }) {
  if (!input.reason.trim()) throw new ValidationError({ reason: 'errors.required' });
  await deps.db.transaction().execute(async (trx) => {
    const expense = await trx.selectFrom('expenses').select('submitted_by').where('id', '=', input.expenseId).executeTakeFirst();
    if (!expense) throw new NotFoundError();
    if (expense.submitted_by === deps.actor.id) throw new SelfApprovalError();
    await moveExpense(trx, input.expenseId, ['submitted'], 'rejected', deps.actor, deps.now, input.reason.trim(), { decided_by: deps.actor.id, decision_note: input.reason.trim() });
  });
}

/** Paying an approved expense is what reaches the ledger: debit the expense, credit the bank. */
export async function markExpensePaid(deps: { db: Db; actor: Actor; now: Date }, input: { expenseId: number }) {
  await deps.db.transaction().execute(async (trx) => {
    const expense = await trx.selectFrom('expenses').selectAll().where('id', '=', input.expenseId).executeTakeFirst();
    if (!expense) throw new NotFoundError();
    if (expense.status === 'paid') return;
    if (expense.event_id !== null) await assertEventOpen(trx, expense.event_id);
    const { id } = await postTransaction(
      { db: trx, actor: deps.actor, now: deps.now },
      {
        date: deps.now.toISOString(),
        description: expense.description,
        causeType: 'expense_payment',
        causeId: expense.id,
        idempotencyKey: `expense:${expense.id}:paid`,
        lines: [debit(expense.category, Number(expense.amount), expense.event_id), credit('assets:bank', Number(expense.amount), expense.event_id)],
      },
    );
    await moveExpense(trx, expense.id, ['approved'], 'paid', deps.actor, deps.now, '', { transaction_id: id });
  });
}
