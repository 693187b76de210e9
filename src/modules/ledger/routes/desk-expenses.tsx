/** The ledger desk's expenses: asking to spend, the four-eyes decision, paying; and income received by hand. */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../../app-deps.ts';
import { NotFoundError } from '../../../shared/errors.ts';
import type { FormRenderer } from '../../../shared/http/form.ts';
import { redirectWithFlash, sendPage, viewContext } from '../../../shared/http/page.ts';
import { idParams, type ZodTypeProvider } from '../../../shared/http/route-schema.ts';
import type { FormState } from '../../../shared/views/form-fields.tsx';
import { approveExpense } from '../commands/approve-expense.ts';
import { markExpensePaid } from '../commands/mark-expense-paid.ts';
import { recordIncome } from '../commands/record-income.ts';
import { rejectExpense } from '../commands/reject-expense.ts';
import { submitExpense } from '../commands/submit-expense.ts';
import { expenseActions, ledgerPolicy, type ExpenseRef } from '../policy.ts';
import { listBookableEvents } from '../queries/events.ts';
import { getExpense, listExpenses } from '../queries/expenses.ts';
import { approveSchema, expenseSchema, incomeSchema, rejectSchema } from '../schemas.ts';
import { ExpensesDeskPage } from '../views/desk-expenses.tsx';
import { newFormKey } from './form-key.ts';

const DESK = '/editor/ledger';

/** What the policy needs of an expense row. */
const refOf = (expense: { submitted_by: number; status: ExpenseRef['status'] }): ExpenseRef => ({ submittedBy: expense.submitted_by, status: expense.status });

export const expensesDeskRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (fastify, { deps }) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = deps.database;
  const ctxOf = (req: FastifyRequest) => ({ db, actor: req.actor, now: deps.now() });

  async function expensesPage(req: FastifyRequest, reply: FastifyReply, forms: { income?: FormState; expense?: FormState; decision?: { expenseId: number; form: FormState } } = {}, status = 200) {
    const actor = ledgerPolicy.authorize(req.actor, 'viewDesk');
    const [events, expenses] = await Promise.all([listBookableEvents(db), listExpenses(db)]);
    return sendPage(
      reply,
      <ExpensesDeskPage
        ctx={viewContext(req, reply)}
        events={events}
        expenses={expenses.map((x) => ({ ...x, actions: expenseActions(actor, refOf(x)) }))}
        incomeForm={forms.income ?? { values: { key: newFormKey() }, errors: {} }}
        expenseForm={forms.expense ?? { values: { key: newFormKey(), category: 'expenses:event_logistics' }, errors: {} }}
        canRecordIncome={ledgerPolicy.can(actor, 'recordIncome')}
        decisionErrors={forms.decision}
      />,
      status,
    );
  }

  app.get(DESK, async (req, reply) => expensesPage(req, reply));

  const expenseForm: FormRenderer = (req, reply, { form, status }) => expensesPage(req, reply, { expense: form }, status);
  app.post(
    '/editor/ledger/expenses',
    { schema: { body: expenseSchema }, config: { authorize: (req) => ledgerPolicy.authorize(req.actor, 'submitExpense'), form: expenseForm } },
    async (req, reply) => {
      const d = req.body;
      await submitExpense(ctxOf(req), { amount: d.amount, category: d.category, eventId: d.event_id, payee: d.payee, description: d.description, key: d.key, receipt: req.uploads.receipt });
      return redirectWithFlash(req, reply, DESK, 'desk.expenseSubmitted');
    },
  );

  const incomeForm: FormRenderer = (req, reply, { form, status }) => expensesPage(req, reply, { income: form }, status);
  app.post(
    '/editor/ledger/income',
    { schema: { body: incomeSchema }, config: { authorize: (req) => ledgerPolicy.authorize(req.actor, 'recordIncome'), form: incomeForm } },
    async (req, reply) => {
      const d = req.body;
      await recordIncome(ctxOf(req), { kind: d.kind, amount: d.amount, eventId: d.event_id, description: d.description, key: d.key });
      return redirectWithFlash(req, reply, DESK, 'desk.incomeRecorded');
    },
  );

  /** The expense a decision URL names, once the actor may decide it (four eyes, still awaiting a decision…). */
  async function decided(req: FastifyRequest, action: 'approveExpense' | 'rejectExpense', id: number) {
    const expense = await getExpense(db, id);
    if (!expense) throw new NotFoundError();
    ledgerPolicy.authorize(req.actor, action, refOf(expense));
    return expense;
  }
  const decideExpenses = (req: FastifyRequest) => ledgerPolicy.authorize(req.actor, 'decideExpenses');
  const decisionForm: FormRenderer = (req, reply, { form, status }) => expensesPage(req, reply, { decision: { expenseId: idParams.parse(req.params).id, form } }, status);

  app.post(
    '/editor/ledger/expenses/:id/approve',
    { schema: { params: idParams, body: approveSchema }, config: { authorize: decideExpenses, form: decisionForm } },
    async (req, reply) => {
      const expense = await decided(req, 'approveExpense', req.params.id);
      await approveExpense(ctxOf(req), { expenseId: expense.id, overrideReason: req.body.override_reason });
      return redirectWithFlash(req, reply, DESK, 'desk.expenseApproved');
    },
  );

  app.post(
    '/editor/ledger/expenses/:id/reject',
    { schema: { params: idParams, body: rejectSchema }, config: { authorize: decideExpenses, form: decisionForm } },
    async (req, reply) => {
      const expense = await decided(req, 'rejectExpense', req.params.id);
      await rejectExpense(ctxOf(req), { expenseId: expense.id, reason: req.body.reason });
      return redirectWithFlash(req, reply, DESK, 'desk.expenseRejected');
    },
  );

  // Paying is no decision of its own (someone else approved): the permission is enough here, and the
  // command pays an approved expense once — a double click lands on the desk, not on a refusal.
  app.post('/editor/ledger/expenses/:id/pay', { schema: { params: idParams }, config: { authorize: decideExpenses, back: () => DESK } }, async (req, reply) => {
    await markExpensePaid(ctxOf(req), { expenseId: req.params.id });
    return redirectWithFlash(req, reply, DESK, 'desk.expensePaid');
  });
};
