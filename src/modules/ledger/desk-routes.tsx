/** The ledger desk for the team: expenses, income, closing evenings, the book, corrections, FEC. */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import { AppError, NotFoundError, ValidationError } from '../../shared/errors.ts';
import { readForm, validateForm } from '../../shared/http/form.ts';
import { redirectWithFlash, sendPage, viewContext } from '../../shared/http/page.ts';
import type { MessageKey } from '../../shared/i18n/index.ts';
import type { FormState } from '../../shared/views/form-fields.tsx';
import { authorize, can } from '../accounts/index.ts';
import { listContributorOptions } from '../contributors/index.ts';
import { approveExpense, markExpensePaid, OverBudgetError, rejectExpense, submitExpense } from './commands/expenses.ts';
import { closeEventAccounts, type OutstandingCheck } from './commands/close-event-accounts.ts';
import { createBook, recordBookSale, recordIncome, recordRoyaltyPayout, reverseTransaction, setVisualsSplit } from './commands/money-events.ts';
import { transactionsToFec } from './exports/fec.ts';
import { exportContext } from './public-routes.tsx';
import { getBookContributors, listBookableEvents, listBooks, listRoyaltyRecipients, listEventFinancials, listExpenses, listRoyalties, listTransactions, royaltyStatement, visualsBasisPoints } from './queries.ts';
import { approveSchema, bookSchema, expenseSchema, incomeSchema, payoutSchema, rejectSchema, reverseSchema, saleSchema, splitSchema } from './schemas.ts';
import { ExpensesDeskPage } from './views/desk-expenses.tsx';
import { BooksDeskPage, CorrectionsDeskPage, EventsDeskPage, StatementPage } from './views/desk-other.tsx';

const newKey = () => randomBytes(16).toString('base64url');
const fresh = (): FormState => ({ values: { key: newKey() }, errors: {} });

function idParam(req: FastifyRequest, name = 'id'): number {
  const id = Number((req.params as Record<string, string>)[name]);
  if (!Number.isSafeInteger(id) || id <= 0) throw new NotFoundError();
  return id;
}

/** Domain refusals (unbalanced, over budget, nobody to share with…) become a message on the form. */
function asFormErrors(error: unknown, field: string): Record<string, MessageKey> | null {
  if (error instanceof ValidationError) return error.fields;
  if (error instanceof AppError && error.status < 500) return { [field]: error.messageKey };
  return null;
}

export function ledgerDeskRoutes(app: FastifyInstance, deps: AppDeps, outstanding: readonly OutstandingCheck[] = []): void {
  const { db } = deps.database;
  const events = () => listBookableEvents(db);

  async function expensesPage(req: FastifyRequest, reply: FastifyReply, forms: { income?: FormState; expense?: FormState; decision?: { expenseId: number; form: FormState } } = {}, status = 200) {
    const actor = authorize(req, 'submit:expense');
    return sendPage(
      reply,
      <ExpensesDeskPage
        ctx={viewContext(req, reply)}
        events={await events()}
        expenses={await listExpenses(db)}
        incomeForm={forms.income ?? fresh()}
        expenseForm={forms.expense ?? { values: { key: newKey(), category: 'expenses:event_logistics' }, errors: {} }}
        canApprove={can(actor, 'approve:expense')}
        canRecordIncome={can(actor, 'manage:ledger')}
        actorId={actor.id}
        decisionErrors={forms.decision}
      />,
      status,
    );
  }

  app.get('/editor/ledger', async (req, reply) => expensesPage(req, reply));

  app.post('/editor/ledger/expenses', async (req, reply) => {
    const actor = authorize(req, 'submit:expense');
    const { fields, files } = readForm(req);
    const result = validateForm(expenseSchema, fields);
    if (!result.ok) return expensesPage(req, reply, { expense: result.form }, 422);
    const d = result.data;
    try {
      await submitExpense({ db, actor, now: deps.now() }, { amount: d.amount, category: d.category, eventId: d.event_id, payee: d.payee, description: d.description, idempotencyKey: d.key, receipt: files.receipt });
    } catch (error) {
      const errors = asFormErrors(error, 'amount');
      if (errors) return expensesPage(req, reply, { expense: { values: fields, errors } }, 422);
      throw error;
    }
    return redirectWithFlash(req, reply, '/editor/ledger', 'desk.expenseSubmitted');
  });

  app.post('/editor/ledger/income', async (req, reply) => {
    const actor = authorize(req, 'manage:ledger');
    const { fields } = readForm(req);
    const result = validateForm(incomeSchema, fields);
    if (!result.ok) return expensesPage(req, reply, { income: result.form }, 422);
    const d = result.data;
    try {
      await recordIncome({ db, actor, now: deps.now() }, { kind: d.kind, amount: d.amount, eventId: d.event_id, description: d.description, idempotencyKey: `income:${d.key}` });
    } catch (error) {
      const errors = asFormErrors(error, 'amount');
      if (errors) return expensesPage(req, reply, { income: { values: fields, errors } }, 422);
      throw error;
    }
    return redirectWithFlash(req, reply, '/editor/ledger', 'desk.incomeRecorded');
  });

  app.post('/editor/ledger/expenses/:id/approve', async (req, reply) => {
    const actor = authorize(req, 'approve:expense');
    const expenseId = idParam(req);
    const { fields } = readForm(req);
    const result = validateForm(approveSchema, fields);
    if (!result.ok) return expensesPage(req, reply, { decision: { expenseId, form: result.form } }, 422);
    try {
      await approveExpense({ db, actor, now: deps.now() }, { expenseId, overrideReason: result.data.override_reason });
    } catch (error) {
      const errors = error instanceof OverBudgetError ? { override_reason: error.messageKey } : asFormErrors(error, 'override_reason');
      if (errors) return expensesPage(req, reply, { decision: { expenseId, form: { values: fields, errors } } }, error instanceof AppError ? error.status : 422);
      throw error;
    }
    return redirectWithFlash(req, reply, '/editor/ledger', 'desk.expenseApproved');
  });

  app.post('/editor/ledger/expenses/:id/reject', async (req, reply) => {
    const actor = authorize(req, 'approve:expense');
    const expenseId = idParam(req);
    const { fields } = readForm(req);
    const result = validateForm(rejectSchema, fields);
    if (!result.ok) return expensesPage(req, reply, { decision: { expenseId, form: result.form } }, 422);
    try {
      await rejectExpense({ db, actor, now: deps.now() }, { expenseId, reason: result.data.reason });
    } catch (error) {
      const errors = asFormErrors(error, 'reason');
      if (errors) return expensesPage(req, reply, { decision: { expenseId, form: { values: fields, errors } } }, error instanceof AppError ? error.status : 422);
      throw error;
    }
    return redirectWithFlash(req, reply, '/editor/ledger', 'desk.expenseRejected');
  });

  app.post('/editor/ledger/expenses/:id/pay', async (req, reply) => {
    const actor = authorize(req, 'approve:expense');
    const expenseId = idParam(req);
    try {
      await markExpensePaid({ db, actor, now: deps.now() }, { expenseId });
    } catch (error) {
      if (error instanceof AppError && error.status < 500 && error.status !== 404) return redirectWithFlash(req, reply, '/editor/ledger', error.messageKey, 'error');
      throw error;
    }
    return redirectWithFlash(req, reply, '/editor/ledger', 'desk.expensePaid');
  });

  async function eventsPage(req: FastifyRequest, reply: FastifyReply, splitForm?: FormState, status = 200) {
    const actor = authorize(req, 'submit:expense');
    const bp = await visualsBasisPoints(db);
    return sendPage(
      reply,
      <EventsDeskPage
        ctx={viewContext(req, reply)}
        events={await listEventFinancials(db)}
        visualsPercent={bp / 100}
        splitForm={splitForm ?? { values: { visuals_percent: String(bp / 100) }, errors: {} }}
        canClose={can(actor, 'manage:ledger')}
      />,
      status,
    );
  }

  app.get('/editor/ledger/events', async (req, reply) => eventsPage(req, reply));

  app.post('/editor/ledger/events/:id/close', async (req, reply) => {
    const actor = authorize(req, 'manage:ledger');
    try {
      await closeEventAccounts({ db, actor, now: deps.now() }, { eventId: idParam(req), outstanding });
    } catch (error) {
      if (error instanceof AppError && error.status < 500 && error.status !== 404) return redirectWithFlash(req, reply, '/editor/ledger/events', error.messageKey, 'error', error.params);
      throw error;
    }
    return redirectWithFlash(req, reply, '/editor/ledger/events', 'desk.eventClosed');
  });

  app.post('/editor/ledger/split', async (req, reply) => {
    const actor = authorize(req, 'manage:ledger');
    const { fields } = readForm(req);
    const result = validateForm(splitSchema, fields);
    if (!result.ok) return eventsPage(req, reply, result.form, 422);
    await setVisualsSplit({ db, actor, now: deps.now() }, Math.round(result.data.visuals_percent * 100));
    return redirectWithFlash(req, reply, '/editor/ledger/events', 'desk.splitSaved');
  });

  async function booksPage(req: FastifyRequest, reply: FastifyReply, forms: { book?: FormState; sale?: FormState; payout?: FormState } = {}, status = 200) {
    authorize(req, 'manage:ledger');
    const books = await listBooks(db);
    const withPeople = await Promise.all(books.map(async (b) => ({ ...b, contributors: await getBookContributors(db, b.id) })));
    return sendPage(
      reply,
      <BooksDeskPage
        ctx={viewContext(req, reply)}
        books={withPeople}
        contributors={await listContributorOptions(db)}
        royalties={await listRoyalties(db)}
        bookForm={forms.book ?? { values: { split_method: 'equal' }, errors: {} }}
        saleForm={forms.sale ?? { values: { key: newKey(), quantity: '1', fees: '0' }, errors: {} }}
        payoutForm={forms.payout ?? fresh()}
      />,
      status,
    );
  }

  app.get('/editor/ledger/books', async (req, reply) => booksPage(req, reply));

  app.post('/editor/ledger/books', async (req, reply) => {
    const actor = authorize(req, 'manage:ledger');
    const { fields } = readForm(req);
    const result = validateForm(bookSchema, fields);
    if (!result.ok) return booksPage(req, reply, { book: result.form }, 422);
    const contributors = Object.entries(fields)
      .filter(([k, v]) => k.startsWith('weight_') && typeof v === 'string' && v.trim() !== '')
      .map(([k, v]) => ({ contributorId: Number(k.slice(7)), weight: Number(v) }));
    const d = result.data;
    if (contributors.some((c) => !Number.isSafeInteger(c.contributorId) || !Number.isInteger(c.weight) || c.weight < 0 || c.weight > 100_000)) {
      return booksPage(req, reply, { book: { values: fields, errors: { contributors: 'errors.invalid' } } }, 422);
    }
    const people = contributors.filter((c) => c.weight > 0);
    try {
      await createBook({ db, actor, now: deps.now() }, { title: d.title, slug: d.slug, unitPrice: d.unit_price, manufacturingCost: d.manufacturing_cost, splitMethod: d.split_method, contributors: people });
    } catch (error) {
      const errors = asFormErrors(error, 'contributors');
      if (errors) return booksPage(req, reply, { book: { values: fields, errors } }, 422);
      throw error;
    }
    return redirectWithFlash(req, reply, '/editor/ledger/books', 'desk.bookCreated');
  });

  app.post('/editor/ledger/sales', async (req, reply) => {
    const actor = authorize(req, 'manage:ledger');
    const { fields } = readForm(req);
    const result = validateForm(saleSchema, fields);
    if (!result.ok) return booksPage(req, reply, { sale: result.form }, 422);
    try {
      await recordBookSale({ db, actor, now: deps.now() }, { bookId: result.data.book_id, quantity: result.data.quantity, fees: result.data.fees, idempotencyKey: result.data.key });
    } catch (error) {
      const errors = asFormErrors(error, 'quantity');
      if (errors) return booksPage(req, reply, { sale: { values: fields, errors } }, 422);
      throw error;
    }
    return redirectWithFlash(req, reply, '/editor/ledger/books', 'desk.saleRecorded');
  });

  app.post('/editor/ledger/payouts', async (req, reply) => {
    const actor = authorize(req, 'manage:ledger');
    const { fields } = readForm(req);
    const result = validateForm(payoutSchema, fields);
    if (!result.ok) return booksPage(req, reply, { payout: result.form }, 422);
    try {
      await recordRoyaltyPayout({ db, actor, now: deps.now() }, { contributorId: result.data.contributor_id, amount: result.data.amount, idempotencyKey: result.data.key });
    } catch (error) {
      const errors = asFormErrors(error, 'amount');
      if (errors) return booksPage(req, reply, { payout: { values: fields, errors } }, 422);
      throw error;
    }
    return redirectWithFlash(req, reply, '/editor/ledger/books', 'desk.payoutRecorded');
  });

  app.get('/editor/ledger/royalties/:id', async (req, reply) => {
    authorize(req, 'manage:ledger');
    const contributorId = idParam(req);
    const person = (await listRoyaltyRecipients(db)).get(contributorId);
    if (!person) throw new NotFoundError();
    const q = req.query as { from?: string; to?: string };
    const day = /^\d{4}-\d{2}-\d{2}$/;
    const year = deps.now().getUTCFullYear();
    const from = q.from && day.test(q.from) && !Number.isNaN(Date.parse(q.from)) ? q.from : `${year}-01-01`;
    const to = q.to && day.test(q.to) && !Number.isNaN(Date.parse(q.to)) ? q.to : `${year}-12-31`;
    const statement = await royaltyStatement(db, contributorId, new Date(from).toISOString(), new Date(Date.parse(to) + 24 * 3600 * 1000).toISOString());
    return sendPage(reply, <StatementPage ctx={viewContext(req, reply)} name={person.name} from={from} to={to} statement={statement} contributorId={contributorId} />);
  });

  async function correctionsPage(req: FastifyRequest, reply: FastifyReply, form?: FormState, status = 200) {
    authorize(req, 'manage:ledger');
    return sendPage(
      reply,
      <CorrectionsDeskPage ctx={viewContext(req, reply)} reverseForm={form ?? { values: {}, errors: {} }} fecYear={deps.now().getUTCFullYear()} sirenMissing={!deps.config.organisationSiren} />,
      status,
    );
  }

  app.get('/editor/ledger/corrections', async (req, reply) => correctionsPage(req, reply));

  app.post('/editor/ledger/reversals', async (req, reply) => {
    const actor = authorize(req, 'manage:ledger');
    const { fields } = readForm(req);
    const result = validateForm(reverseSchema, fields);
    if (!result.ok) return correctionsPage(req, reply, result.form, 422);
    try {
      await reverseTransaction({ db, actor, now: deps.now() }, { transactionId: result.data.transaction_id, reason: result.data.reason });
    } catch (error) {
      if (error instanceof NotFoundError) return correctionsPage(req, reply, { values: fields, errors: { transaction_id: 'errors.notFound' } }, 422);
      const errors = asFormErrors(error, 'reason');
      if (errors) return correctionsPage(req, reply, { values: fields, errors }, 422);
      throw error;
    }
    return redirectWithFlash(req, reply, '/editor/ledger/corrections', 'desk.reversed');
  });

  app.get('/editor/ledger/fec', async (req, reply) => {
    authorize(req, 'export:accounting');
    const year = Number((req.query as { year?: string }).year ?? deps.now().getUTCFullYear());
    if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new NotFoundError();
    if (!deps.config.organisationSiren) return redirectWithFlash(req, reply, '/editor/ledger/corrections', 'desk.fecNoSiren', 'error');
    // The financial year is the calendar year, in Paris time.
    const transactions = await listTransactions(db, { from: new Date(`${year - 1}-12-31T22:00:00Z`).toISOString(), to: new Date(`${year}-12-31T23:00:00Z`).toISOString(), limit: 10_000_000 });
    const inYear = transactions.filter((t) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Paris' }).format(new Date(t.occurredAt)).startsWith(String(year)));
    const fec = transactionsToFec(inYear, await exportContext(db, 'fr', deps.config.currency), { siren: deps.config.organisationSiren, closingDate: `${year}-12-31` });
    return reply.type('text/plain; charset=utf-8').header('content-disposition', `attachment; filename="${fec.filename}"`).send(fec.content);
  });
}
