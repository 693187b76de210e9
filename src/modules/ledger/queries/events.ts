/** The evenings as the ledger sees them: their money, their closing, what reached them afterwards. */
import { sql } from 'kysely';
import type { Executor } from '../../../db/database.ts';
import type { Cents } from '../../../shared/money.ts';
import { AFTER_CLOSING_CAUSE } from '../domain/causes.ts';

export interface EventFinancials {
  eventId: number;
  slug: string;
  title: string;
  startsAt: string;
  /** When it ends: its accounts may be closed only afterwards. */
  endsAt: string;
  /** Ticket and other income booked for the event, before closing (positive). */
  income: Cents;
  /** Logistics paid for the event, before closing. */
  logistics: Cents;
  /** Approved logistics expenses not paid yet. */
  committed: Cents;
  closure: { toVisuals: Cents; toBookEditing: Cents; deficit: Cents; closedAt: string; transactionId: number | null } | null;
}

/** Per event: what came in, what went out, and where the result went once closed. */
export async function listEventFinancials(db: Executor): Promise<EventFinancials[]> {
  const [events, sums, committed, closures] = await Promise.all([
    db.selectFrom('events').select(['id', 'slug', 'title', 'starts_at', 'ends_at']).where('status', '!=', 'draft').orderBy('starts_at', 'desc').execute(),
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
    db.selectFrom('event_closures').select(['event_id', 'to_visuals', 'to_book_editing', 'deficit', 'closed_at', 'transaction_id']).execute(),
  ]);
  return events.map((e) => {
    const sum = (account: string) => Number(sums.find((s) => s.event_id === e.id && s.account === account)?.total ?? 0);
    const closure = closures.find((c) => c.event_id === e.id);
    return {
      eventId: e.id,
      slug: e.slug,
      title: e.title,
      startsAt: e.starts_at,
      endsAt: e.ends_at,
      income: -sum('income:tickets'),
      logistics: sum('expenses:event_logistics'),
      committed: Number(committed.find((c) => c.event_id === e.id)?.total ?? 0),
      closure: closure
        ? { toVisuals: Number(closure.to_visuals), toBookEditing: Number(closure.to_book_editing), deficit: Number(closure.deficit), closedAt: closure.closed_at, transactionId: closure.transaction_id }
        : null,
    };
  });
}

/** Whether an evening's accounts are closed (nothing more is booked on it). */
export async function isEventClosed(db: Executor, eventId: number): Promise<boolean> {
  return (await db.selectFrom('event_closures').select('event_id').where('event_id', '=', eventId).executeTakeFirst()) !== undefined;
}

/** Whether the event exists at all (money is booked on real evenings only). */
/** When an evening ends (undefined: no such evening): its accounts close only afterwards. */
export async function getEventEnd(db: Executor, eventId: number): Promise<string | undefined> {
  return (await db.selectFrom('events').select('ends_at').where('id', '=', eventId).executeTakeFirst())?.ends_at;
}

export async function eventExists(db: Executor, eventId: number): Promise<boolean> {
  return (await db.selectFrom('events').select('id').where('id', '=', eventId).executeTakeFirst()) !== undefined;
}

/**
 * Per evening, what reached the general fund after its accounts were closed (late payments in,
 * late refunds out), from the `after_closing` allocations: event id → cents (negative: paid out).
 */
export async function afterClosingByEvent(db: Executor): Promise<Map<number, Cents>> {
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

/** Event titles for ledger lines and exports (the ledger books money per event). */
export async function listEventLabels(db: Executor): Promise<Map<number, string>> {
  const rows = await db.selectFrom('events').select(['id', 'title']).execute();
  return new Map(rows.map((e) => [e.id, e.title]));
}

/** Events money can be booked on (not drafts), newest first. */
export async function listBookableEvents(db: Executor): Promise<{ id: number; title: string }[]> {
  return db.selectFrom('events').select(['id', 'title']).where('status', '!=', 'draft').orderBy('starts_at', 'desc').execute();
}
