/** The expenses: the desk's list, one expense for its rules, and the money they already promise. */
import { sql } from 'kysely';
import type { Executor } from '../../../db/database.ts';
import type { Cents } from '../../../shared/money.ts';
import { mediaKeysOf } from '../../media/index.ts';
import { availableToSpend, fundOf, type ExpenseCategory } from '../domain/expense-categories.ts';
import { accountBalances } from './balances.ts';

/** The latest expenses, with their evening and who submitted them, for the desk. */
export async function listExpenses(db: Executor) {
  const rows = await db
    .selectFrom('expenses')
    .leftJoin('events', 'events.id', 'expenses.event_id')
    .leftJoin('users', 'users.id', 'expenses.submitted_by')
    .select([
      'expenses.id',
      'expenses.amount',
      'expenses.category',
      'expenses.event_id',
      'events.title as event_title',
      'expenses.payee',
      'expenses.description',
      'expenses.status',
      'expenses.override_reason',
      'expenses.submitted_by',
      'users.display_name as submitter_name',
      'expenses.receipt_media_id',
      'expenses.transaction_id',
      'expenses.created_at',
    ])
    .orderBy('expenses.created_at', 'desc')
    .limit(500)
    .execute();
  const keys = await mediaKeysOf(db, rows.map((r) => r.receipt_media_id));
  return rows.map((r) => ({ ...r, receipt_key: r.receipt_media_id === null ? null : (keys.get(r.receipt_media_id) ?? null) }));
}

export type ExpenseRow = Awaited<ReturnType<typeof listExpenses>>[number];

/** One expense, as its rules and commands need it. */
export async function getExpense(db: Executor, id: number) {
  return db
    .selectFrom('expenses')
    .select(['id', 'amount', 'category', 'event_id', 'description', 'status', 'submitted_by', 'idempotency_key'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Approved, not yet paid expenses of a category (and event): money already promised. */
export async function committedExpenses(db: Executor, category: ExpenseCategory, eventId: number | null): Promise<Cents> {
  let q = db.selectFrom('expenses').select(sql<number>`coalesce(sum(amount), 0)`.as('total')).where('status', '=', 'approved').where('category', '=', category);
  q = eventId === null ? q.where('event_id', 'is', null) : q.where('event_id', '=', eventId);
  return Number((await q.executeTakeFirstOrThrow()).total);
}

/** The available balance an expense would draw on (read inside the caller's transaction when it decides). */
export async function availableFor(db: Executor, category: ExpenseCategory, eventId: number | null): Promise<Cents> {
  const committed = await committedExpenses(db, category, category === 'expenses:event_logistics' ? eventId : null);
  const fund = fundOf(category);
  if (fund === 'event') {
    if (eventId === null) return 0;
    const balances = await accountBalances(db, { eventId, closing: 'exclude' });
    const sum = (a: string) => balances.get(a) ?? 0;
    return availableToSpend({ allocated: -sum('income:tickets'), spent: sum('expenses:event_logistics'), committed });
  }
  const balances = await accountBalances(db);
  return availableToSpend({ allocated: -(balances.get(fund) ?? 0), spent: balances.get(category) ?? 0, committed });
}

/** Expenses of an evening still awaiting a decision or payment (closing waits for them). */
export async function countPendingExpenses(db: Executor, eventId: number): Promise<number> {
  const row = await db
    .selectFrom('expenses')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('event_id', '=', eventId)
    .where('status', 'in', ['submitted', 'approved'])
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
