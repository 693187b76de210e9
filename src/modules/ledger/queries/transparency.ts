/**
 * The public transparency page's figures, from the ledger and from what other modules report
 * through the extension points app.ts wires: counterparts in kind per evening (ticketing), and the
 * book's sales (the book module). The ledger reads no other module's tables for them.
 */
import type { Executor } from '../../../db/database.ts';
import type { Cents } from '../../../shared/money.ts';
import type { FixedAccount } from '../domain/accounts.ts';
import { availableToSpend } from '../domain/expense-categories.ts';
import { balanceCheck, flowTotals, accountBalances, type LedgerCheck } from './balances.ts';
import { afterClosingByEvent, listEventFinancials, type EventFinancials } from './events.ts';
import { committedExpenses } from './expenses.ts';
import { listRoyalties, type RoyaltyRow } from './royalties.ts';

/** What contributors received in kind for one evening (their free seats), reported by ticketing. */
export interface Counterpart {
  eventId: number;
  freeContributorTickets: number;
  attendees: number;
}
export type CounterpartProvider = (db: Executor) => Promise<Counterpart[]>;

/** One title's paper sales, as the book module reports them for the transparency page. */
export interface BookSalesLine {
  bookId: number;
  title: string;
  copies: number;
  gross: Cents;
  manufacturing: Cents;
  fees: Cents;
  net: Cents;
}
/** A module that sells books reports its sales per title (app.ts wires the book module's). */
export type BookReport = (db: Executor) => Promise<BookSalesLine[]>;

export interface TransparencyExtensions {
  counterparts: readonly CounterpartProvider[];
  bookReports: readonly BookReport[];
}

export interface FundFigures {
  account: FixedAccount;
  allocated: Cents;
  spent: Cents;
  available: Cents;
}

export interface TransparencyData {
  funds: FundFigures[];
  events: EventFinancials[];
  /** Per closed evening, the money that reached the general fund after its closing (event id → cents). */
  afterClosing: Map<number, Cents>;
  expensesByCategory: { account: string; total: Cents }[];
  income: { account: string; total: Cents }[];
  royalties: RoyaltyRow[];
  book: BookSalesLine[];
  counterparts: Counterpart[];
  ledgerCheck: LedgerCheck;
}

const FUNDS = [
  { account: 'funds:visuals', expense: 'expenses:visuals' },
  { account: 'funds:book_editing', expense: 'expenses:book_editing' },
  { account: 'funds:general', expense: null },
] as const;

/** The page's figures, with what the other modules report. */
export async function getTransparencyData(db: Executor, extensions: TransparencyExtensions): Promise<TransparencyData> {
  const [balances, flows, events, afterClosing, royalties, book, ledgerCheck, committedVisuals, committedBook, counterparts] = await Promise.all([
    accountBalances(db),
    flowTotals(db),
    listEventFinancials(db),
    afterClosingByEvent(db),
    listRoyalties(db),
    Promise.all(extensions.bookReports.map((report) => report(db))).then((lists) => lists.flat()),
    balanceCheck(db),
    committedExpenses(db, 'expenses:visuals', null),
    committedExpenses(db, 'expenses:book_editing', null),
    Promise.all(extensions.counterparts.map((p) => p(db))).then((lists) => lists.flat()),
  ]);
  const committed = { 'expenses:visuals': committedVisuals, 'expenses:book_editing': committedBook };
  const funds = FUNDS.map((f) => {
    const allocated = -(balances.get(f.account) ?? 0);
    const spent = f.expense ? (balances.get(f.expense) ?? 0) : 0;
    return { account: f.account, allocated, spent, available: availableToSpend({ allocated, spent, committed: f.expense ? committed[f.expense] : 0 }) };
  });
  const pick = (prefix: string, sign: 1 | -1) =>
    [...flows.entries()].filter(([a, v]) => a.startsWith(prefix) && v !== 0).map(([account, v]) => ({ account, total: sign * v })).sort((a, b) => a.account.localeCompare(b.account));
  return { funds, events, afterClosing, income: pick('income:', -1), expensesByCategory: pick('expenses:', 1), royalties, book, counterparts, ledgerCheck };
}
