/**
 * The ledger: the programme's money in double entry, public and verifiable. Other modules speak
 * to it by intent — "these tickets were paid", "copies of the book were sold" — and it chooses the
 * accounts; no other module writes an account code. What other modules may use:
 */

// Intents of other modules.
export { bookTicketPayment, type BookedMoney, type TicketPayment } from './commands/book-ticket-payment.ts';
export { bookTicketRefund, type TicketRefund } from './commands/book-ticket-refund.ts';
export { bookBookSale, type BookedSale, type BookSaleIntent } from './commands/book-book-sale.ts';
export type { MoneyChannel } from './domain/money-channel.ts';

// The ledger's own use cases (the desk, the demo, the command line).
export { submitExpense, type ExpenseInput } from './commands/submit-expense.ts';
export { approveExpense } from './commands/approve-expense.ts';
export { rejectExpense } from './commands/reject-expense.ts';
export { markExpensePaid } from './commands/mark-expense-paid.ts';
export { recordIncome, type IncomeInput } from './commands/record-income.ts';
export { reverseTransaction } from './commands/reverse-transaction.ts';
export { setVisualsSplit } from './commands/set-visuals-split.ts';
export { payRoyalties } from './commands/pay-royalties.ts';
export { closeEventAccounts, type OutstandingCheck, type OutstandingMoney } from './commands/close-event-accounts.ts';
export { rebuildLedgerBalances } from './commands/rebuild-ledger-balances.ts';
export type { ExpenseCategory } from './domain/expense-categories.ts';

// Reads.
export { accountBalances, ledgerTotal } from './queries/balances.ts';
export { isEventClosed } from './queries/events.ts';
export { listRoyalties, royaltyStatement, type RoyaltyRow, type RoyaltyStatement } from './queries/royalties.ts';

// Extension points of the transparency page (app.ts wires them).
export type { BookReport, BookSalesLine, Counterpart, CounterpartProvider } from './queries/transparency.ts';

export { EventAccountsClosedError } from './errors.ts';
