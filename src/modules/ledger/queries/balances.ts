/** The ledger's totals, read from the running balances, and the audits that prove them. */
import { sql } from 'kysely';
import type { Executor } from '../../../db/database.ts';
import { closedEventsDrift } from './events.ts';

/**
 * The balance of each account (debit > 0), optionally for one event, read from the running
 * totals. `closing`: include (default), exclude or only the allocations (closings, after closing).
 */
export async function accountBalances(db: Executor, options: { eventId?: number; closing?: 'include' | 'exclude' | 'only' } = {}): Promise<Map<string, number>> {
  let q = db.selectFrom('ledger_balances').select(['account', sql<number>`sum(debits - credits)`.as('balance')]).groupBy('account');
  if (options.eventId !== undefined) q = q.where('event_id', '=', options.eventId);
  if (options.closing === 'exclude') q = q.where('closing', '=', 0);
  if (options.closing === 'only') q = q.where('closing', '=', 1);
  const rows = await q.execute();
  return new Map(rows.map((r) => [r.account, Number(r.balance)]));
}

/** Totals per account over every transaction except the allocations (which only move results into funds). */
export async function flowTotals(db: Executor): Promise<Map<string, number>> {
  return accountBalances(db, { closing: 'exclude' });
}

export interface LedgerCheck {
  /** Every balance added up: 0 when each posting balanced. */
  total: number;
  lines: number;
  /** Closed evenings whose result accounts moved since closing: money that reached them unallocated. */
  driftedEvents: number[];
}

/**
 * The cheap public check: every balance added up is zero (each posting was checked balanced when
 * written), and no closed evening took money of its own after its closing.
 */
export async function balanceCheck(db: Executor): Promise<LedgerCheck> {
  const [row, driftedEvents] = await Promise.all([
    db
      .selectFrom('ledger_balances')
      .select([sql<number>`coalesce(sum(debits - credits), 0)`.as('total'), sql<number>`coalesce(sum(lines), 0)`.as('lines')])
      .executeTakeFirstOrThrow(),
    closedEventsDrift(db),
  ]);
  return { total: Number(row.total), lines: Number(row.lines), driftedEvents };
}

/**
 * The full audit, over every line: sums, per-transaction balance, the running totals agreeing with
 * the lines, and no closed evening holding unallocated money. `unbalanced` counts every fault
 * (broken transactions, drifting totals, drifted closed evenings): 0 means the books are sound.
 */
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
  // A closed evening's figures are final: money booked on it since closing was never allocated.
  const drifted = await closedEventsDrift(db);
  return { total: Number(total.t), unbalanced: Number(unbalanced.bad) + Number(empty.n) + drift + drifted.length };
}

export async function countAllTransactions(db: Executor): Promise<number> {
  return Number((await db.selectFrom('ledger_transactions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
}
