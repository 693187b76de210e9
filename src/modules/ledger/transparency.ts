/** Assembles the public transparency page from the ledger and what other modules report. */
import type { Executor } from '../../db/database.ts';
import { availableToSpend } from './expense-categories.ts';
import {
  accountBalances,
  balanceCheck,
  bookSalesSummary,
  committedExpenses,
  flowTotals,
  listEventFinancials,
  listRoyalties,
} from './queries.ts';
import type { Counterpart, TransparencyData } from './views/transparency-page.tsx';

export type CounterpartProvider = (db: Executor) => Promise<Counterpart[]>;


const FUNDS = [
  { account: 'funds:visuals', expense: 'expenses:visuals' },
  { account: 'funds:book_editing', expense: 'expenses:book_editing' },
  { account: 'funds:general', expense: null },
] as const;

/** The page's figures; `counterparts`: what other modules (ticketing) report contributors received in kind, per event. */
export async function getTransparencyData(db: Executor, counterparts: readonly CounterpartProvider[]): Promise<TransparencyData> {
  const [balances, flows, events, royalties, book, check, committedVisuals, committedBook, inKind] = await Promise.all([
    accountBalances(db),
    flowTotals(db),
    listEventFinancials(db),
    listRoyalties(db),
    bookSalesSummary(db),
    balanceCheck(db),
    committedExpenses(db, 'expenses:visuals', null),
    committedExpenses(db, 'expenses:book_editing', null),
    Promise.all(counterparts.map((p) => p(db))).then((lists) => lists.flat()),
  ]);
  const funds = FUNDS.map((f) => {
    const allocated = -(balances.get(f.account) ?? 0);
    const spent = f.expense ? (balances.get(f.expense) ?? 0) : 0;
    const committed = f.expense === 'expenses:visuals' ? committedVisuals : f.expense === 'expenses:book_editing' ? committedBook : 0;
    return { account: f.account, allocated, spent, available: availableToSpend({ allocated, spent, committed }) };
  });
  const pick = (prefix: string, sign: 1 | -1) =>
    [...flows.entries()].filter(([a, v]) => a.startsWith(prefix) && v !== 0).map(([account, v]) => ({ account, total: sign * v })).sort((a, b) => a.account.localeCompare(b.account));
  return {
    funds,
    events,
    income: pick('income:', -1),
    expensesByCategory: pick('expenses:', 1),
    royalties,
    book,
    counterparts: inKind,
    ledgerCheck: check,
  };
}
