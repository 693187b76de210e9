/**
 * Who may do what with the programme's money. Roles grant the coarse permissions
 * (shared/permissions.ts); these rules add what depends on the expense: four eyes — an admin
 * who did not submit an expense approves or rejects it, while it awaits a decision — and only
 * an approved expense is paid.
 */
import type { Actor } from '../../shared/actor.ts';
import { hasPermission } from '../../shared/permissions.ts';
import { definePolicy } from '../../shared/policy.ts';
import type { ExpenseStatus } from './domain/expense-categories.ts';

/** What the rules need to know of an expense. */
export interface ExpenseRef {
  submittedBy: number;
  status: ExpenseStatus;
}

const decides = (actor: Actor) => hasPermission(actor, 'approve:expense');
const manages = (actor: Actor) => hasPermission(actor, 'manage:ledger');

export const ledgerPolicy = definePolicy({
  /** The desk: the expenses and the evenings' figures (editors and admins). */
  viewDesk: (actor) => hasPermission(actor, 'submit:expense'),
  /** Ask to spend money of a fund or an evening. */
  submitExpense: (actor) => hasPermission(actor, 'submit:expense'),
  /** Approve, reject or pay expenses in general (an admin); each expense adds its own rule below. */
  decideExpenses: decides,
  /** An admin who did not submit this expense, while it awaits a decision. */
  approveExpense: (actor, expense: ExpenseRef) => decides(actor) && expense.submittedBy !== actor.id && expense.status === 'submitted',
  /** The same four eyes refuse it. */
  rejectExpense: (actor, expense: ExpenseRef) => decides(actor) && expense.submittedBy !== actor.id && expense.status === 'submitted',
  /** An approved expense is paid by an admin (the submitter may be the one who pays: the decision was someone else's). */
  payExpense: (actor, expense: ExpenseRef) => decides(actor) && expense.status === 'approved',
  /** Money received outside online ticketing: door income, donations. */
  recordIncome: manages,
  /** Close an evening's accounts and set how surpluses are split. */
  closeEvent: manages,
  /** The rest of the books: royalty payouts and statements, reversals. */
  manage: manages,
  /** Run the full line-by-line audit (admins: it reads every line of the ledger). */
  audit: manages,
  /** The accountant's file (FEC). */
  exportAccounting: (actor) => hasPermission(actor, 'export:accounting'),
});

/** What the desk offers on one expense, as the answers of the policy (the view never re-derives them). */
export interface ExpenseActions {
  approve: boolean;
  reject: boolean;
  pay: boolean;
  /** The actor submitted it and it awaits someone else's decision. */
  awaitingOther: boolean;
}

export function expenseActions(actor: Actor, expense: ExpenseRef): ExpenseActions {
  return {
    approve: ledgerPolicy.can(actor, 'approveExpense', expense),
    reject: ledgerPolicy.can(actor, 'rejectExpense', expense),
    pay: ledgerPolicy.can(actor, 'payExpense', expense),
    awaitingOther: expense.status === 'submitted' && expense.submittedBy === actor.id,
  };
}
