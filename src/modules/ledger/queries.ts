/** Reads of the ledger, shaped for the transparency page, the admin desk and the exports. */
import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { ExportTransaction } from './exports/types.ts';

import { AFTER_CLOSING_CAUSE, EVENT_CLOSURE_CAUSE } from './domain/causes.ts';

export { EVENT_CLOSURE_CAUSE };
export const VISUALS_SPLIT_SETTING = 'allocation.visuals_basis_points';
export const DEFAULT_VISUALS_BASIS_POINTS = 5000;

/**
 * The balance of each account (debit > 0), optionally for one event, read from the running
 * totals. `closing`: include (default), exclude or only the closing entries of events.
 */
export async function accountBalances(db: Executor, options: { eventId?: number; closing?: 'include' | 'exclude' | 'only' } = {}): Promise<Map<string, number>> {
  let q = db.selectFrom('ledger_balances').select(['account', sql<number>`sum(debits - credits)`.as('balance')]).groupBy('account');
  if (options.eventId !== undefined) q = q.where('event_id', '=', options.eventId);
  if (options.closing === 'exclude') q = q.where('closing', '=', 0);
  if (options.closing === 'only') q = q.where('closing', '=', 1);
  const rows = await q.execute();
  return new Map(rows.map((r) => [r.account, Number(r.balance)]));
}

/** The cheap public check: every balance added up is zero (each posting was checked balanced when written). */
export async function balanceCheck(db: Executor): Promise<{ total: number; lines: number }> {
  const row = await db
    .selectFrom('ledger_balances')
    .select([sql<number>`coalesce(sum(debits - credits), 0)`.as('total'), sql<number>`coalesce(sum(lines), 0)`.as('lines')])
    .executeTakeFirstOrThrow();
  return { total: Number(row.total), lines: Number(row.lines) };
}

/** The full audit, over every line: sums, per-transaction balance, and the running totals agreeing with the lines. */
export async function ledgerTotal(db: Executor): Promise<{ total: number; unbalanced: number }> {
  const total = await db.selectFrom('ledger_lines').select(sql<number>`coalesce(sum(amount), 0)`.as('t')).executeTakeFirstOrThrow();
  const unbalanced = await db
    .selectFrom(
      db.selectFrom('ledger_lines').select(['transaction_id', sql<number>`sum(amount)`.as('s'), sql<number>`count(*)`.as('n')]).groupBy('transaction_id').as('per_tx'),
    )
    .select(sql<number>`count(*)`.as('bad'))
    .where((eb) => eb.or([eb('per_tx.s', '!=', 0), eb('per_tx.n', '<', 2)]))
    .executeTakeFirstOrThrow();
  // A transaction row with no line at all is as broken as an unbalanced one.
  const empty = await db
    .selectFrom('ledger_transactions')
    .select(sql<number>`count(*)`.as('n'))
    .where((eb) => eb.not(eb.exists(eb.selectFrom('ledger_lines').select('ledger_lines.id').whereRef('ledger_lines.transaction_id', '=', 'ledger_transactions.id'))))
    .executeTakeFirstOrThrow();
  // The running totals must say exactly what the lines say.
  const fromLines = await db.selectFrom('ledger_lines').select(['account', sql<number>`sum(amount)`.as('b')]).groupBy('account').execute();
  const fromTotals = await accountBalances(db);
  const drift = fromLines.filter((r) => Number(r.b) !== (fromTotals.get(r.account) ?? 0)).length + [...fromTotals.keys()].filter((a) => !fromLines.some((r) => r.account === a) && fromTotals.get(a) !== 0).length;
  return { total: Number(total.t), unbalanced: Number(unbalanced.bad) + Number(empty.n) + drift };
}

export interface EventFinancials {
  eventId: number;
  slug: string;
  title: string;
  startsAt: string;
  /** Ticket and other income booked for the event, before closing (positive). */
  income: number;
  /** Logistics paid for the event, before closing. */
  logistics: number;
  /** Approved logistics expenses not paid yet. */
  committed: number;
  closure: { toVisuals: number; toBookEditing: number; deficit: number; closedAt: string; transactionId: number | null } | null;
}

/** Per event: what came in, what went out, and where the result went once closed. */
export async function listEventFinancials(db: Executor): Promise<EventFinancials[]> {
  const [events, sums, committed, closures] = await Promise.all([
    db.selectFrom('events').select(['id', 'slug', 'title', 'starts_at']).where('status', '!=', 'draft').orderBy('starts_at', 'desc').execute(),
    db
      .selectFrom('ledger_balances')
      .select(['event_id', 'account', sql<number>`sum(debits - credits)`.as('total')])
      .where('event_id', '!=', 0)
      .where('closing', '=', 0)
      .where('account', 'in', ['income:tickets', 'expenses:event_logistics'])
      .groupBy(['event_id', 'account'])
      .execute(),
    db
      .selectFrom('expenses')
      .select(['event_id', sql<number>`sum(amount)`.as('total')])
      .where('status', '=', 'approved')
      .where('category', '=', 'expenses:event_logistics')
      .groupBy('event_id')
      .execute(),
    db.selectFrom('event_closures').selectAll().execute(),
  ]);
  return events.map((e) => {
    const sum = (account: string) => Number(sums.find((s) => s.event_id === e.id && s.account === account)?.total ?? 0);
    const closure = closures.find((c) => c.event_id === e.id);
    return {
      eventId: e.id,
      slug: e.slug,
      title: e.title,
      startsAt: e.starts_at,
      income: -sum('income:tickets'),
      logistics: sum('expenses:event_logistics'),
      committed: Number(committed.find((c) => c.event_id === e.id)?.total ?? 0),
      closure: closure
        ? { toVisuals: Number(closure.to_visuals), toBookEditing: Number(closure.to_book_editing), deficit: Number(closure.deficit), closedAt: closure.closed_at, transactionId: closure.transaction_id }
        : null,
    };
  });
}

export async function getEventClosure(db: Executor, eventId: number) {
  return db.selectFrom('event_closures').selectAll().where('event_id', '=', eventId).executeTakeFirst();
}

/** Approved, not yet paid expenses of a category (and event): money already promised. */
export async function committedExpenses(db: Executor, category: string, eventId: number | null): Promise<number> {
  let q = db.selectFrom('expenses').select(sql<number>`coalesce(sum(amount), 0)`.as('total')).where('status', '=', 'approved').where('category', '=', category);
  q = eventId === null ? q.where('event_id', 'is', null) : q.where('event_id', '=', eventId);
  return Number((await q.executeTakeFirstOrThrow()).total);
}

export interface TransactionFilter {
  account?: string;
  /** Matches every account of a family: `liabilities:royalties` matches `liabilities:royalties:7`. */
  accountPrefix?: string;
  eventId?: number;
  causeType?: string;
  from?: string;
  to?: string;
  limit: number;
  offset?: number;
}

function filteredIds(db: Executor, f: Omit<TransactionFilter, 'limit' | 'offset'>) {
  let q = db.selectFrom('ledger_transactions').select('ledger_transactions.id');
  if (f.account || f.accountPrefix || f.eventId !== undefined) {
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('ledger_lines')
          .select('ledger_lines.id')
          .whereRef('ledger_lines.transaction_id', '=', 'ledger_transactions.id')
          .$if(f.account !== undefined, (w) => w.where('ledger_lines.account', '=', f.account!))
          .$if(f.accountPrefix !== undefined, (w) => w.where('ledger_lines.account', 'like', `${f.accountPrefix}%`))
          .$if(f.eventId !== undefined, (w) => w.where('ledger_lines.event_id', '=', f.eventId!)),
      ),
    );
  }
  if (f.causeType) q = q.where('ledger_transactions.cause_type', '=', f.causeType);
  if (f.from) q = q.where('ledger_transactions.occurred_at', '>=', f.from);
  if (f.to) q = q.where('ledger_transactions.occurred_at', '<', f.to);
  return q;
}

/** Transactions with their lines, newest first; every figure on the transparency page links here. */
export async function listTransactions(db: Executor, filter: TransactionFilter): Promise<ExportTransaction[]> {
  const txs = await db
    .selectFrom('ledger_transactions')
    .select(['id', 'occurred_at', 'description', 'cause_type', 'cause_id', 'reverses_id'])
    .where('id', 'in', filteredIds(db, filter))
    .orderBy('occurred_at', 'desc')
    .orderBy('id', 'desc')
    .limit(filter.limit)
    .offset(filter.offset ?? 0)
    .execute();
  if (txs.length === 0) return [];
  const lines = await db
    .selectFrom('ledger_lines')
    .select(['transaction_id', 'account', 'amount', 'event_id'])
    .where('transaction_id', 'in', txs.map((t) => t.id))
    .orderBy('id')
    .execute();
  return txs.map((t) => ({
    id: t.id,
    occurredAt: t.occurred_at,
    description: t.description,
    causeType: t.cause_type,
    causeId: t.cause_id,
    reversesId: t.reverses_id,
    lines: lines.filter((l) => l.transaction_id === t.id).map((l) => ({ account: l.account, amount: Number(l.amount), eventId: l.event_id })),
  }));
}

export async function countTransactions(db: Executor, filter: Omit<TransactionFilter, 'limit' | 'offset'>): Promise<number> {
  const row = await db
    .selectFrom('ledger_transactions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('id', 'in', filteredIds(db, filter))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function getTransaction(db: Executor, id: number): Promise<ExportTransaction | undefined> {
  const row = await db.selectFrom('ledger_transactions').select(['id', 'occurred_at', 'description', 'cause_type', 'cause_id', 'reverses_id']).where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const lines = await db.selectFrom('ledger_lines').select(['account', 'amount', 'event_id']).where('transaction_id', '=', id).orderBy('id').execute();
  return {
    id: row.id,
    occurredAt: row.occurred_at,
    description: row.description,
    causeType: row.cause_type,
    causeId: row.cause_id,
    reversesId: row.reverses_id,
    lines: lines.map((l) => ({ account: l.account, amount: Number(l.amount), eventId: l.event_id })),
  };
}

export async function isReversed(db: Executor, id: number): Promise<boolean> {
  return (await db.selectFrom('ledger_transactions').select('id').where('reverses_id', '=', id).executeTakeFirst()) !== undefined;
}

export interface RoyaltyRow {
  contributorId: number;
  name: string;
  slug: string;
  publicName: boolean;
  credited: number;
  paid: number;
  owed: number;
}

/** What each contributor was credited, was paid and is owed in royalties. */
export async function listRoyalties(db: Executor): Promise<RoyaltyRow[]> {
  // A range, not LIKE: SQLite's LIKE ignores case and cannot use the key.
  const rows = await db
    .selectFrom('ledger_balances')
    .select(['account', sql<number>`sum(credits)`.as('credited'), sql<number>`sum(debits)`.as('paid')])
    .where('account', '>=', 'liabilities:royalties:')
    .where('account', '<', 'liabilities:royalties;')
    .groupBy('account')
    .execute();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => Number(r.account.split(':')[2]));
  const people = await db.selectFrom('contributors').select(['id', 'name', 'slug', 'public_name']).where('id', 'in', ids).execute();
  return rows
    .map((r) => {
      const id = Number(r.account.split(':')[2]);
      const p = people.find((x) => x.id === id);
      const credited = Number(r.credited);
      const paid = Number(r.paid);
      return { contributorId: id, name: p?.name ?? '', slug: p?.slug ?? '', publicName: (p?.public_name ?? 0) === 1, credited, paid, owed: credited - paid };
    })
    .sort((a, b) => b.credited - a.credited || a.contributorId - b.contributorId);
}

export async function royaltiesOwed(db: Executor, contributorId: number): Promise<number> {
  const row = await db
    .selectFrom('ledger_balances')
    .select(sql<number>`coalesce(sum(debits - credits), 0)`.as('balance'))
    .where('account', '=', `liabilities:royalties:${contributorId}`)
    .executeTakeFirstOrThrow();
  return -Number(row.balance);
}

/** A contributor's royalty statement for a period: every credit and payout on their account. */
export async function royaltyStatement(db: Executor, contributorId: number, from: string, to: string) {
  const account = `liabilities:royalties:${contributorId}`;
  const [opening, movements] = await Promise.all([
    db
      .selectFrom('ledger_lines')
      .innerJoin('ledger_transactions', 'ledger_transactions.id', 'ledger_lines.transaction_id')
      .select(sql<number>`coalesce(sum(ledger_lines.amount), 0)`.as('balance'))
      .where('ledger_lines.account', '=', account)
      .where('ledger_transactions.occurred_at', '<', from)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('ledger_lines')
      .innerJoin('ledger_transactions', 'ledger_transactions.id', 'ledger_lines.transaction_id')
      .select(['ledger_transactions.id', 'ledger_transactions.occurred_at', 'ledger_transactions.description', 'ledger_lines.amount'])
      .where('ledger_lines.account', '=', account)
      .where('ledger_transactions.occurred_at', '>=', from)
      .where('ledger_transactions.occurred_at', '<', to)
      .orderBy('ledger_transactions.occurred_at')
      .orderBy('ledger_transactions.id')
      .execute(),
  ]);
  const openingOwed = -Number(opening.balance);
  const items = movements.map((m) => ({ transactionId: m.id, date: m.occurred_at, description: m.description, credited: Number(m.amount) < 0 ? -Number(m.amount) : 0, paid: Number(m.amount) > 0 ? Number(m.amount) : 0 }));
  const closingOwed = openingOwed + items.reduce((s, i) => s + i.credited - i.paid, 0);
  return { openingOwed, items, closingOwed };
}

export async function bookSalesSummary(db: Executor) {
  const rows = await db
    .selectFrom('book_sales')
    .innerJoin('books', 'books.id', 'book_sales.book_id')
    .select([
      'books.id',
      'books.title',
      sql<number>`sum(book_sales.quantity)`.as('copies'),
      sql<number>`sum(book_sales.quantity * book_sales.unit_price)`.as('gross'),
      sql<number>`sum(book_sales.quantity * book_sales.manufacturing_cost)`.as('manufacturing'),
      sql<number>`sum(book_sales.fees)`.as('fees'),
      sql<number>`sum(book_sales.net)`.as('net'),
    ])
    .groupBy(['books.id', 'books.title'])
    .execute();
  return rows.map((r) => ({ bookId: r.id, title: r.title, copies: Number(r.copies), gross: Number(r.gross), manufacturing: Number(r.manufacturing), fees: Number(r.fees), net: Number(r.net) }));
}

export async function listBooks(db: Executor) {
  return db.selectFrom('books').select(['id', 'slug', 'title', 'unit_price', 'manufacturing_cost', 'split_method']).orderBy('created_at', 'desc').execute();
}

export async function getBookContributors(db: Executor, bookId: number) {
  return db
    .selectFrom('book_contributors')
    .innerJoin('contributors', 'contributors.id', 'book_contributors.contributor_id')
    .select(['contributors.id as contributorId', 'contributors.name', 'book_contributors.weight'])
    .where('book_contributors.book_id', '=', bookId)
    .orderBy('contributors.name')
    .execute();
}

export async function listExpenses(db: Executor) {
  return db
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
}

export async function getExpense(db: Executor, id: number) {
  return db.selectFrom('expenses').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function getSetting(db: Executor, key: string): Promise<string | undefined> {
  return (await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst())?.value;
}

export async function visualsBasisPoints(db: Executor): Promise<number> {
  const raw = await getSetting(db, VISUALS_SPLIT_SETTING);
  const n = raw === undefined ? DEFAULT_VISUALS_BASIS_POINTS : Number(raw);
  return Number.isInteger(n) && n >= 0 && n <= 10_000 ? n : DEFAULT_VISUALS_BASIS_POINTS;
}

/** Totals per account over every transaction except closing entries (which only move results into funds). */
export async function flowTotals(db: Executor): Promise<Map<string, number>> {
  return accountBalances(db, { closing: 'exclude' });
}

export async function countAllTransactions(db: Executor): Promise<number> {
  return Number((await db.selectFrom('ledger_transactions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
}

/** Event titles for ledger lines and exports (the ledger books money per event). */
export async function listEventLabels(db: Executor): Promise<Map<number, string>> {
  const rows = await db.selectFrom('events').select(['id', 'title']).execute();
  return new Map(rows.map((e) => [e.id, e.title]));
}

/** Events money can be booked on (not drafts), newest first. */
export async function listBookableEvents(db: Executor) {
  return db.selectFrom('events').select(['id', 'title']).where('status', '!=', 'draft').orderBy('starts_at', 'desc').execute();
}

/** Who royalties are owed to, with their choice to appear by name (public_name) — never their email. */
export async function listRoyaltyRecipients(db: Executor) {
  const rows = await db.selectFrom('contributors').select(['id', 'name', 'public_name']).execute();
  return new Map(rows.map((c) => [c.id, c]));
}

/** Whether an evening's accounts are closed (nothing more is booked on it). */
export async function isEventClosed(db: Executor, eventId: number): Promise<boolean> {
  return (await db.selectFrom('event_closures').select('event_id').where('event_id', '=', eventId).executeTakeFirst()) !== undefined;
}

/** Whether the event exists at all (money is booked on real evenings only). */
export async function eventExists(db: Executor, eventId: number): Promise<boolean> {
  return (await db.selectFrom('events').select('id').where('id', '=', eventId).executeTakeFirst()) !== undefined;
}

/**
 * Per evening, what reached the general fund after its accounts were closed (late payments in,
 * late refunds out), from the `after_closing` allocations: event id → cents (negative: paid out).
 */
export async function afterClosingByEvent(db: Executor): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('ledger_lines')
    .innerJoin('ledger_transactions', 'ledger_transactions.id', 'ledger_lines.transaction_id')
    .select(['ledger_transactions.cause_id', sql<number>`sum(ledger_lines.amount)`.as('total')])
    .where('ledger_transactions.cause_type', '=', AFTER_CLOSING_CAUSE)
    .where('ledger_lines.account', '=', 'funds:general')
    .groupBy('ledger_transactions.cause_id')
    .execute();
  // The fund is credited (negative) when money came in: people read it as a positive amount.
  return new Map(rows.map((r) => [Number(r.cause_id), -Number(r.total)]));
}

/**
 * For each closed evening, whether its own result accounts are back at zero: closing moved the
 * evening's income and logistics into the funds, and nothing booked since may touch them. Any
 * drift means money landed on a closed evening without being allocated.
 */
export async function closedEventsDrift(db: Executor): Promise<number[]> {
  const rows = await db
    .selectFrom('ledger_balances')
    .innerJoin('event_closures', 'event_closures.event_id', 'ledger_balances.event_id')
    .select(['ledger_balances.event_id', sql<number>`sum(ledger_balances.debits - ledger_balances.credits)`.as('balance')])
    .where('ledger_balances.account', 'in', ['income:tickets', 'expenses:event_logistics'])
    .groupBy('ledger_balances.event_id')
    .execute();
  return rows.filter((r) => Number(r.balance) !== 0).map((r) => r.event_id);
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
