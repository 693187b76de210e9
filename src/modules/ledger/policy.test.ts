import { describe, expect, it } from 'vitest';
import type { Actor, Role } from '../../shared/actor.ts';
import { ForbiddenError, UnauthenticatedError } from '../../shared/errors.ts';
import { ROLES } from '../../shared/permissions.ts';
import type { ExpenseStatus } from './domain/expense-categories.ts';
import { expenseActions, ledgerPolicy } from './policy.ts';

const person = (role: Role, id = 1): Actor => ({ id, role, displayName: 'Camille', contributorId: null });
const expense = (submittedBy: number, status: ExpenseStatus) => ({ submittedBy, status });

describe('ledgerPolicy', () => {
  it.each([
    { action: 'viewDesk', least: 'editor' },
    { action: 'submitExpense', least: 'editor' },
    { action: 'decideExpenses', least: 'admin' },
    { action: 'recordIncome', least: 'admin' },
    { action: 'closeEvent', least: 'admin' },
    { action: 'manage', least: 'admin' },
    { action: 'exportAccounting', least: 'admin' },
  ] as const)('$action: $least and above', ({ action, least }) => {
    const rank = (role: Role) => ROLES.length - ROLES.indexOf(role);
    for (const role of ROLES) expect(ledgerPolicy.can(person(role), action), role).toBe(rank(role) >= rank(least));
    expect(ledgerPolicy.can(null, action)).toBe(false);
  });

  it.each([
    { who: 'another admin, submitted', actor: person('admin', 1), expense: expense(2, 'submitted'), approve: true, pay: false },
    { who: 'the admin who submitted it', actor: person('admin', 2), expense: expense(2, 'submitted'), approve: false, pay: false },
    { who: 'an editor, submitted', actor: person('editor', 1), expense: expense(2, 'submitted'), approve: false, pay: false },
    { who: 'another admin, already approved', actor: person('admin', 1), expense: expense(2, 'approved'), approve: false, pay: true },
    { who: 'the submitter (an admin), approved by another', actor: person('admin', 2), expense: expense(2, 'approved'), approve: false, pay: true },
    { who: 'an editor, approved', actor: person('editor', 1), expense: expense(2, 'approved'), approve: false, pay: false },
    { who: 'another admin, rejected', actor: person('admin', 1), expense: expense(2, 'rejected'), approve: false, pay: false },
    { who: 'another admin, paid', actor: person('admin', 1), expense: expense(2, 'paid'), approve: false, pay: false },
    { who: 'a contributor', actor: person('contributor', 1), expense: expense(2, 'submitted'), approve: false, pay: false },
  ])('$who: approve/reject $approve, pay $pay', ({ actor, expense: e, approve, pay }) => {
    expect(ledgerPolicy.can(actor, 'approveExpense', e)).toBe(approve);
    expect(ledgerPolicy.can(actor, 'rejectExpense', e)).toBe(approve);
    expect(ledgerPolicy.can(actor, 'payExpense', e)).toBe(pay);
  });

  it('refuses the public with 401 and other roles with 403', () => {
    expect(() => ledgerPolicy.authorize(null, 'viewDesk')).toThrow(UnauthenticatedError);
    expect(() => ledgerPolicy.authorize(person('member'), 'viewDesk')).toThrow(ForbiddenError);
    expect(() => ledgerPolicy.authorize(person('admin', 2), 'approveExpense', expense(2, 'submitted'))).toThrow(ForbiddenError);
    expect(ledgerPolicy.authorize(person('admin', 1), 'approveExpense', expense(2, 'submitted')).id).toBe(1);
  });

  it.each([
    { who: 'the submitter, awaiting', actor: person('editor', 2), expense: expense(2, 'submitted'), actions: { approve: false, reject: false, pay: false, awaitingOther: true } },
    { who: 'another admin, awaiting', actor: person('admin', 1), expense: expense(2, 'submitted'), actions: { approve: true, reject: true, pay: false, awaitingOther: false } },
    { who: 'another editor, awaiting', actor: person('editor', 1), expense: expense(2, 'submitted'), actions: { approve: false, reject: false, pay: false, awaitingOther: false } },
    { who: 'the submitter, approved', actor: person('editor', 2), expense: expense(2, 'approved'), actions: { approve: false, reject: false, pay: false, awaitingOther: false } },
  ])('expenseActions for $who', ({ actor, expense: e, actions }) => {
    expect(expenseActions(actor, e)).toEqual(actions);
  });
});
